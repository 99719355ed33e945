/**
 * Structural checks of transaction and batch Bundles before any entry is processed (entries are objects,
 * request fields are strings, conditional queries are text the database can compare, fullUrls are unique) and
 * the reference walker. Split from bundle-processor.ts.
 */
import { QihuangError } from '@qihuang/contracts';
import type { Bundle } from './bundle-processor.ts';

export function fail(index: number, message: string, path = 'request', code = 'invalid'): never {
  throw new QihuangError('invalid-input', `Bundle.entry[${index}]: ${message}`, {
    issues: [
      {
        severity: 'error',
        code,
        message,
        expression: [path ? `Bundle.entry[${index}].${path}` : `Bundle.entry[${index}]`],
      },
    ],
  });
}

export function assertBundle(input: unknown, types: string[]): Bundle {
  if (
    !input ||
    typeof input !== 'object' ||
    (input as { resourceType?: unknown }).resourceType !== 'Bundle'
  ) {
    throw new QihuangError('invalid-input', 'The body must be a Bundle', {
      issues: [
        {
          severity: 'error',
          code: 'structure',
          message: 'resourceType must be Bundle',
          expression: ['Bundle'],
        },
      ],
    });
  }
  const bundle = input as Bundle;
  if (!types.includes(bundle.type)) {
    throw new QihuangError(
      'invalid-input',
      `Bundle.type must be one of ${types.join(', ')}, got "${String(bundle.type)}"`,
      {
        issues: [
          {
            severity: 'error',
            code: 'value',
            message: 'unsupported Bundle.type',
            expression: ['Bundle.type'],
          },
        ],
      },
    );
  }
  if (bundle.entry !== undefined && !Array.isArray(bundle.entry)) {
    throw new QihuangError('invalid-input', 'Bundle.entry must be an array', {
      issues: [
        {
          severity: 'error',
          code: 'structure',
          message: 'Bundle.entry must be an array',
          expression: ['Bundle.entry'],
        },
      ],
    });
  }
  const fullUrls = new Map<string, number>();
  const targets = new Map<string, number>();
  for (const [index, entry] of (bundle.entry ?? []).entries()) {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry))
      fail(index, 'an entry must be an object', '', 'structure');
    const { request, fullUrl } = entry as { request?: unknown; fullUrl?: unknown };
    if (request !== undefined) {
      if (!request || typeof request !== 'object' || Array.isArray(request))
        fail(index, 'request must be an object', 'request', 'structure');
      const r = request as Record<string, unknown>;
      for (const key of ['method', 'url', 'ifNoneExist', 'ifMatch'] as const)
        if (r[key] !== undefined && typeof r[key] !== 'string')
          fail(index, `request.${key} must be a string`, `request.${key}`, 'structure');
      if (typeof r['url'] === 'string')
        assertSafeQuery(index, r['url'].split('?', 2)[1] ?? '', 'request.url');
      if (typeof r['ifNoneExist'] === 'string')
        assertSafeQuery(index, r['ifNoneExist'], 'request.ifNoneExist');
      // A transaction names each resource once (FHIR R4 transaction rules): two PUTs or a PUT and a DELETE of
      // one Type/id would depend on processing order.
      const target =
        typeof r['url'] === 'string' ? /^\/?([A-Z][A-Za-z]+\/[^/?]+)$/.exec(r['url'])?.[1] : undefined;
      if (bundle.type === 'transaction' && target && r['method'] !== 'GET' && r['method'] !== 'HEAD') {
        const first = targets.get(target);
        if (first !== undefined)
          fail(index, `${target} is already changed by Bundle.entry[${first}]`, 'request.url', 'invariant');
        targets.set(target, index);
      }
    }
    if (fullUrl !== undefined) {
      if (typeof fullUrl !== 'string') fail(index, 'fullUrl must be a string', 'fullUrl', 'structure');
      const first = fullUrls.get(fullUrl);
      // bdl-7: fullUrl is unique in a Bundle; a duplicate would make references ambiguous.
      if (first !== undefined)
        fail(index, `fullUrl duplicates Bundle.entry[${first}].fullUrl`, 'fullUrl', 'invariant');
      fullUrls.set(fullUrl, index);
    }
  }
  return bundle;
}

/**
 * A conditional URL's query (`Type?…`, ifNoneExist) must decode to text the database can compare: no malformed
 * percent-encoding, no NUL, paging integers within int4 (the HTTP input guard checks the request's own query).
 */
function assertSafeQuery(index: number, query: string, path: string): void {
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, ' '));
      value = decodeURIComponent((eq < 0 ? '' : part.slice(eq + 1)).replace(/\+/g, ' '));
    } catch {
      fail(index, 'malformed percent-encoding in the query', path, 'value');
    }
    if (name.includes('\0') || value.includes('\0'))
      fail(index, 'a NUL character in the query', path, 'value');
    if (
      (name === '_count' || name === '_offset') &&
      (!/^\d{1,10}$/.test(value) || Number(value) > 2_147_483_647)
    )
      fail(index, `${name} must be an integer from 0 to 2147483647`, path, 'value');
  }
}

/**
 * Walks every `reference` string in a resource (contained resources included) and replaces it. Iterative, so
 * that no nesting depth can overflow the stack.
 */
export function rewriteReferences(
  node: unknown,
  path: string,
  replace: (reference: string, path: string) => string,
): void {
  const stack: [unknown, string][] = [[node, path]];
  while (stack.length) {
    const [current, at] = stack.pop()!;
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], `${at}[${i}]`]);
      continue;
    }
    if (!current || typeof current !== 'object') continue;
    const record = current as Record<string, unknown>;
    const keys = Object.keys(record);
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k]!;
      const value = record[key];
      if (key === 'reference' && typeof value === 'string' && !value.startsWith('#')) {
        record[key] = replace(value, `${at}.reference`);
      } else if (value && typeof value === 'object') {
        stack.push([value, `${at}.${key}`]);
      }
    }
  }
}
