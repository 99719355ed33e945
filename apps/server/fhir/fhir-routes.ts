/**
 * FHIR R4 REST API (mounted at /fhir/R4). A thin HTTP layer over FhirRepository: every error becomes an
 * OperationOutcome; every success carries ETag, Last-Modified and (on create) Location.
 */
import { Hono, type Context } from 'hono';
import { QihuangError, type AuditRecord } from '@qihuang/contracts';
import { capabilityStatement, isResourceType, operationOutcome } from '@qihuang/fhir';
import { processBatch, processTransaction, type FhirRepository, type FhirResource } from '@qihuang/store';
import { requestContext, type AppEnv } from '../context.ts';
import { historyBundle, searchsetBundle } from './fhir-bundles.ts';

const STARTED = new Date().toISOString();

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

export interface FhirRouteDeps {
  repository: FhirRepository;
  /** Optional handler for AuditEvent searches (the audit log is not stored as FHIR resources). */
  auditEvents?: (c: Context<AppEnv>) => Promise<Record<string, unknown>>;
  softwareVersion: string;
  security?: Parameters<typeof capabilityStatement>[0]['security'];
}

function fhirJson(c: Context, body: unknown, status = 200, headers: Record<string, string> = {}) {
  return c.body(JSON.stringify(body), status as 200, { 'Content-Type': FHIR_JSON, ...headers });
}

async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (type && !/json/i.test(type)) {
    throw new QihuangError('invalid-input', `Content-Type must be application/fhir+json, got "${type}"`, {
      status: 415,
    });
  }
  const text = await c.req.text();
  if (!text.trim())
    throw new QihuangError('invalid-input', 'The request body is empty; a FHIR JSON resource is required');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new QihuangError('invalid-input', `The body is not valid JSON: ${(error as Error).message}`, {
      issues: [{ severity: 'error', code: 'structure', message: 'malformed JSON' }],
    });
  }
}

function assertType(type: string): void {
  if (!isResourceType(type)) {
    throw new QihuangError('not-found', `Unknown resource type "${type}"`, {
      issues: [
        { severity: 'error', code: 'not-supported', message: `Resource type ${type} is not supported` },
      ],
    });
  }
}

function versionHeaders(resource: FhirResource): Record<string, string> {
  const meta = (resource.meta ?? {}) as { versionId?: string; lastUpdated?: string };
  const headers: Record<string, string> = {};
  if (meta.versionId) headers.ETag = `W/"${meta.versionId}"`;
  if (meta.lastUpdated) headers['Last-Modified'] = new Date(meta.lastUpdated).toUTCString();
  return headers;
}

function baseUrl(c: Context): string {
  const url = new URL(c.req.url);
  return `${url.origin}/fhir/R4`;
}

function pagingParams(c: Context): { count: number; offset: number } {
  const count = Math.min(Math.max(Number(c.req.query('_count') ?? 50) || 50, 1), 1000);
  const offset = Math.max(Number(c.req.query('_offset') ?? 0) || 0, 0);
  return { count, offset };
}

export function createFhirRoutes(deps: FhirRouteDeps): Hono<AppEnv> {
  const { repository } = deps;
  const app = new Hono<AppEnv>();

  app.onError((error, c) => {
    const status = error instanceof QihuangError ? error.status : 500;
    if (status >= 500) c.get('log')?.error({ err: error }, 'FHIR request failed');
    const outcome = operationOutcome(
      error instanceof QihuangError
        ? error
        : new QihuangError('internal', 'Internal error; see the server log with this request id'),
    );
    const headers = error instanceof QihuangError ? error.headers : {};
    return fhirJson(c, outcome, status, headers);
  });

  app.get('/metadata', (c) =>
    fhirJson(
      c,
      capabilityStatement({
        baseUrl: baseUrl(c),
        software: { name: 'Qihuang', version: deps.softwareVersion },
        date: STARTED,
        conditionalCreate: true,
        conditionalUpdate: true,
        security: deps.security,
      }),
    ),
  );

  app.post('/', async (c) => {
    const body = (await readJson(c)) as { type?: string };
    const ctx = requestContext(c);
    if (body?.type === 'batch') return fhirJson(c, await processBatch(repository, ctx, body));
    const result = await processTransaction(repository, ctx, body);
    return fhirJson(c, result.bundle);
  });

  const search = async (c: Context<AppEnv>, type: string, params: URLSearchParams) => {
    assertType(type);
    if (type === 'AuditEvent' && deps.auditEvents) return fhirJson(c, await deps.auditEvents(c));
    params.delete('_format');
    params.delete('_pretty');
    const offset = Number(params.get('_offset') ?? 0) || 0;
    params.delete('_offset');
    const result = await repository.search(requestContext(c), type, [
      ...params.entries(),
      ['_offset', String(offset)],
    ]);
    const selfUrl = new URL(c.req.url);
    return fhirJson(
      c,
      searchsetBundle({
        base: baseUrl(c),
        selfUrl,
        total: result.total,
        matches: result.matches,
        included: result.included,
        count: result.parsed.count,
        offset: result.parsed.offset,
      }),
    );
  };

  app.get('/:type', (c) => search(c, c.req.param('type'), new URL(c.req.url).searchParams));
  app.post('/:type/_search', async (c) => {
    const form = new URLSearchParams(await c.req.text());
    for (const [k, v] of new URL(c.req.url).searchParams) form.append(k, v);
    return search(c, c.req.param('type'), form);
  });

  app.get('/:type/_history', async (c) => {
    const type = c.req.param('type');
    assertType(type);
    const { count, offset } = pagingParams(c);
    const result = await repository.history(requestContext(c), type, undefined, {
      count,
      offset,
      since: c.req.query('_since'),
    });
    return fhirJson(c, historyBundle(baseUrl(c), new URL(c.req.url), result.total, result.entries));
  });

  app.get('/Patient/:id/$everything', async (c) => {
    const { count, offset } = pagingParams(c);
    const id = c.req.param('id');
    const result = await repository.everything(requestContext(c), id, {
      count: c.req.query('_count') ? count : 1000,
      offset,
    });
    return fhirJson(
      c,
      searchsetBundle({
        base: baseUrl(c),
        selfUrl: new URL(c.req.url),
        total: result.total,
        matches: result.rows,
        included: [],
        count: c.req.query('_count') ? count : 1000,
        offset,
      }),
    );
  });

  app.post('/:type', async (c) => {
    const type = c.req.param('type');
    assertType(type);
    const body = await readJson(c);
    const ifNoneExist = c.req.header('if-none-exist');
    const result = await repository.create(requestContext(c), body, { ifNoneExist, resourceType: type });
    const { resource } = result;
    const version = (resource.meta as { versionId?: string }).versionId;
    const headers = {
      ...versionHeaders(resource),
      Location: `${baseUrl(c)}/${type}/${resource.id}/_history/${version}`,
    };
    return fhirJson(c, resource, result.created ? 201 : 200, headers);
  });

  app.put('/:type', async (c) => {
    // Conditional update: PUT /Type?search
    const type = c.req.param('type');
    assertType(type);
    const query = new URL(c.req.url).search;
    if (!query)
      throw new QihuangError(
        'invalid-input',
        'PUT needs an id (/Type/id) or search parameters (conditional update)',
      );
    const body = await readJson(c);
    const ctx = requestContext(c);
    const result = await processTransaction(repository, ctx, {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [{ resource: body as FhirResource, request: { method: 'PUT', url: `${type}${query}` } }],
    });
    const entry = (result.bundle.entry as { resource: FhirResource; response: { status: string } }[])[0]!;
    return fhirJson(
      c,
      entry.resource,
      entry.response.status.startsWith('201') ? 201 : 200,
      versionHeaders(entry.resource),
    );
  });

  app.get('/:type/:id', async (c) => {
    const type = c.req.param('type');
    assertType(type);
    const resource = await repository.read(requestContext(c), type, c.req.param('id'));
    return fhirJson(c, resource, 200, versionHeaders(resource));
  });

  app.put('/:type/:id', async (c) => {
    const type = c.req.param('type');
    assertType(type);
    const body = await readJson(c);
    const result = await repository.update(requestContext(c), type, c.req.param('id'), body, {
      ifMatch: c.req.header('if-match'),
    });
    const headers = versionHeaders(result.resource);
    if (result.created) headers.Location = `${baseUrl(c)}/${type}/${result.resource.id}/_history/1`;
    return fhirJson(c, result.resource, result.created ? 201 : 200, headers);
  });

  app.delete('/:type/:id', async (c) => {
    const type = c.req.param('type');
    assertType(type);
    await repository.delete(requestContext(c), type, c.req.param('id'));
    return c.body(null, 204);
  });

  app.get('/:type/:id/_history', async (c) => {
    const type = c.req.param('type');
    assertType(type);
    const { count, offset } = pagingParams(c);
    const result = await repository.history(requestContext(c), type, c.req.param('id'), {
      count,
      offset,
      since: c.req.query('_since'),
    });
    return fhirJson(c, historyBundle(baseUrl(c), new URL(c.req.url), result.total, result.entries));
  });

  app.get('/:type/:id/_history/:vid', async (c) => {
    const type = c.req.param('type');
    assertType(type);
    const resource = await repository.vread(requestContext(c), type, c.req.param('id'), c.req.param('vid'));
    return fhirJson(c, resource, 200, versionHeaders(resource));
  });

  return app;
}

export type { AuditRecord };
