/** Calls a pipeline endpoint (e.g. Qihuang's own `POST /cds-services/{id}`) for one item. */
import { QihuangError } from '@qihuang/contracts';
import { firstAt } from './json-path.ts';
import type { HttpTarget } from './target-types.ts';

export interface HttpCallInput {
  id: string;
  prompt?: string;
  input?: unknown;
}

export interface HttpCallResult {
  /** The extracted value as text (what is shown and scored for text items). */
  text: string;
  /** The extracted JSON value (pipeline-case expectations run on it). */
  json: unknown;
}

function fill(template: unknown, input: HttpCallInput): unknown {
  if (typeof template === 'string') {
    if (template === '{{input}}') return input.input;
    return template.replace(/\{\{\s*(prompt|id|input(?:\.[\w.[\]*]+)?)\s*\}\}/g, (_, name: string) => {
      if (name === 'prompt') return input.prompt ?? '';
      if (name === 'id') return input.id;
      const value = name === 'input' ? input.input : firstAt(input.input, name.slice('input.'.length));
      return typeof value === 'string' ? value : JSON.stringify(value ?? null);
    });
  }
  if (Array.isArray(template)) return template.map((t) => fill(t, input));
  if (template && typeof template === 'object') {
    return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, fill(v, input)]));
  }
  return template;
}

export async function callHttpTarget(
  target: HttpTarget,
  input: HttpCallInput,
  {
    fetchImpl = fetch,
    headers = {},
    signal,
  }: { fetchImpl?: typeof fetch; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<HttpCallResult> {
  const body =
    target.method === 'GET'
      ? undefined
      : JSON.stringify(fill(target.bodyTemplate ?? '{{input}}', input) ?? null);
  const response = await fetchImpl(target.url, {
    method: target.method,
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...target.headers,
      ...headers,
    },
    body,
    signal,
  });
  const text = await response.text();
  if (!response.ok) {
    throw new QihuangError(
      'upstream-error',
      `Pipeline ${target.method} ${target.url} answered ${response.status}`,
    );
  }
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // plain-text endpoint
  }
  const value = target.extract ? firstAt(json, target.extract) : json;
  return { json: value, text: typeof value === 'string' ? value : JSON.stringify(value ?? null) };
}
