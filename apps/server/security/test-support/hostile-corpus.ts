/**
 * The hostile-input corpus (issue 15 item 12): requests generated from the app's route table and the FHIR
 * search-parameter registry — malformed percent-encodings, NUL, lone surrogates, out-of-range integers in
 * `_count`/`_offset`/version ids/`_since`, injection strings (SQL, JSON, path traversal, CRLF) in every search
 * parameter of a few resource types, 3,000-level nesting, 200,000-element arrays, odd transaction entries and
 * wrong content types. Every case must answer without a server error; `must4xx` cases must be refused.
 */
import { SEARCH_PARAMETERS } from '@qihuang/fhir';
import type { Route } from './route-table.ts';

export interface HostileCase {
  group: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** The input is invalid whatever the route: anything but a 4xx is wrong. */
  must4xx?: boolean;
}

/** Raw (already percent-encoded where needed) path segments that must not reach a handler as-is. */
export const HOSTILE_SEGMENTS: readonly string[] = [
  '%',
  '%zz',
  '%E0%A4%A',
  '%00',
  'a%00b',
  '%ED%A0%80', // a lone surrogate (U+D800) as UTF-8 bytes
  '%C0%AE%C0%AE%2F', // overlong "../"
  '..%2F..%2F..%2Fetc%2Fpasswd',
  "x'%20OR%20'1'%3D'1",
  '%0D%0ASet-Cookie:%20x%3D1',
  '99999999999999999999999999',
  'x'.repeat(4096),
];

/** Values put into every search parameter (URL-encoded when the query is built, except the raw ones). */
const INJECTIONS: readonly string[] = [
  "' OR '1'='1",
  '1); drop table fhir_resource; --',
  "x' union select content::text from fhir_resource --",
  '1; select pg_sleep(10)',
  '{"$ne":null}',
  '["a",{"b":[1,2]}]',
  '../../../../etc/passwd',
  'a\r\nX-Injected: 1',
  'nul\u0000byte',
  'lone\ud800surrogate',
  '99999999999999999999999999999',
  '-1e309',
  'gt2026-13-45',
  '\\',
  '%',
];
/** Raw query values (not encoded again): malformed percent-encodings. */
const RAW_VALUES: readonly string[] = ['%', '%zz', '%E0%A4%A', '%00', '%ED%A0%80', '%C0%80'];

const BIG = '99999999999999999999999999';
const BOUNDS: readonly string[] = [
  BIG,
  `-${BIG}`,
  '9223372036854775808',
  '-1',
  '1e400',
  'NaN',
  '0x10',
  '1.5',
  '',
];

/** Non-FHIR routes whose handler parses a JSON (or CSV/JSON) body: invalid bodies must be a 4xx there. */
const BODY_ROUTES: ReadonlySet<string> = new Set([
  'POST /auth/login',
  'POST /api/bp/patients/:id/readings',
  'POST /api/care/patients/:id/medication-adherence',
  'POST /api/care/patients/:id/consultations',
  'POST /api/care/patients/:id/copilot',
  'POST /kb/collections',
  'POST /kb/search',
  'POST /admin/users',
  'POST /admin/api-keys',
]);

const JSON_TYPE = { 'content-type': 'application/json' };
const FHIR_TYPE = { 'content-type': 'application/fhir+json' };

/** encodeURIComponent, except that a lone surrogate becomes its WTF-8 bytes (encodeURIComponent throws). */
function encodeHostile(value: string): string {
  return value.split('\ud800').map(encodeURIComponent).join('%ED%A0%80');
}

function nestedExtension(depth: number): string {
  return `${'{"url":"http://example.org/x","extension":['.repeat(depth)}{"url":"http://example.org/leaf","valueString":"x"}${']}'.repeat(depth)}`;
}

function observationWith(fragment: string): string {
  return `{"resourceType":"Observation","status":"final","code":{"text":"x"},"subject":{"reference":"Patient/sec-pa"},${fragment}}`;
}

const hugeArray = (item: string) => `[${new Array<string>(200_000).fill(item).join(',')}]`;

/** Bodies that are wrong for any write route. */
function hostileBodies(fhir: boolean): { name: string; body: string; headers: Record<string, string> }[] {
  const type = fhir ? FHIR_TYPE : JSON_TYPE;
  return [
    { name: 'nesting 3000 (array)', body: `${'['.repeat(3000)}${']'.repeat(3000)}`, headers: type },
    { name: 'nesting 3000 (object)', body: `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`, headers: type },
    {
      name: 'nesting 3000 (extension)',
      body: observationWith(`"extension":[${nestedExtension(3000)}]`),
      headers: type,
    },
    {
      name: 'array 200000',
      body: observationWith(`"identifier":${hugeArray('{"value":"x"}')}`),
      headers: type,
    },
    { name: 'array 200000 (numbers)', body: hugeArray('1'), headers: type },
    { name: 'invalid JSON', body: '{"resourceType": "Observation",', headers: type },
    { name: 'JSON null', body: 'null', headers: type },
  ];
}

function fillPath(path: string, value: string): string {
  return path
    .replace(/:type/g, 'Observation')
    .replace(/:[A-Za-z]+/g, value)
    .replace(/\/\*$/, `/${value}`);
}

export function hostileCorpus(routes: readonly Route[]): HostileCase[] {
  const cases: HostileCase[] = [];

  // 1. Every route with each hostile segment in each of its path parameters (and console paths).
  for (const route of routes) {
    const method = route.method === 'ALL' ? 'GET' : route.method;
    if (!/:[A-Za-z]+|\/\*$/.test(route.path)) continue;
    for (const segment of HOSTILE_SEGMENTS) {
      const hasBody = !['GET', 'DELETE', 'HEAD'].includes(method);
      cases.push({
        group: 'path segment',
        method,
        url: fillPath(route.path, segment),
        headers: hasBody ? JSON_TYPE : {},
        ...(hasBody ? { body: '{}' } : {}),
      });
    }
  }
  for (const segment of HOSTILE_SEGMENTS)
    for (const base of ['/', '/console/', '/assets/', '/fhir/R4/'])
      cases.push({ group: 'console path', method: 'GET', url: `${base}${segment}`, headers: {} });

  // 2. Injection strings in every search parameter of a few resource types.
  for (const type of ['Patient', 'Observation', 'MedicationRequest', 'Flag']) {
    const params = Object.keys(SEARCH_PARAMETERS[type] ?? {});
    for (const param of params) {
      for (const value of INJECTIONS)
        cases.push({
          group: 'search injection',
          method: 'GET',
          url: `/fhir/R4/${type}?${param}=${encodeHostile(value)}`,
          headers: {},
        });
      for (const raw of RAW_VALUES.slice(0, 2))
        cases.push({
          group: 'search raw encoding',
          method: 'GET',
          url: `/fhir/R4/${type}?${param}=${raw}`,
          headers: {},
        });
    }
    for (const raw of RAW_VALUES) {
      cases.push({
        group: 'search raw encoding',
        method: 'GET',
        url: `/fhir/R4/${type}?name${raw}=x`,
        headers: {},
      });
      cases.push({
        group: 'search raw encoding',
        method: 'POST',
        url: `/fhir/R4/${type}/_search`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `_id=${raw}`,
      });
    }
  }

  // 3. Integer and date bounds.
  for (const type of ['Patient', 'Observation']) {
    for (const n of BOUNDS) {
      const v = encodeURIComponent(n);
      cases.push(
        { group: 'bounds', method: 'GET', url: `/fhir/R4/${type}?_count=${v}`, headers: {} },
        { group: 'bounds', method: 'GET', url: `/fhir/R4/${type}?_offset=${v}`, headers: {} },
        { group: 'bounds', method: 'GET', url: `/fhir/R4/${type}?_count=${v}&_offset=${v}`, headers: {} },
        { group: 'bounds', method: 'GET', url: `/fhir/R4/${type}/sec-pa/_history/${v || '0'}`, headers: {} },
        { group: 'bounds', method: 'GET', url: `/fhir/R4/${type}/_history?_count=${v}`, headers: {} },
        { group: 'bounds', method: 'GET', url: `/fhir/R4/AuditEvent?_count=${v}&_offset=${v}`, headers: {} },
      );
    }
    for (const since of [
      'notadate',
      '99999-01-01',
      '2026-13-45',
      '2026-01-01T25:61:00Z',
      BIG,
      '%00',
      "'; select 1 --",
    ])
      for (const url of [
        `/fhir/R4/${type}/_history`,
        `/fhir/R4/${type}/sec-pa/_history`,
        '/fhir/R4/_history',
      ])
        cases.push({
          group: 'bounds _since',
          method: 'GET',
          url: `${url}?_since=${encodeURIComponent(since)}`,
          headers: {},
        });
  }
  for (const q of [
    '?_sort=' + '-date,'.repeat(200),
    '?_sort=%00',
    '?_include=*',
    '?_include=Observation:%00',
    '?_elements=' + 'id,'.repeat(2000),
  ])
    cases.push({ group: 'search controls', method: 'GET', url: `/fhir/R4/Observation${q}`, headers: {} });
  for (const q of [
    '?date=gt' + BIG,
    '?value-quantity=' + BIG,
    '?value-quantity=1e400',
    '?date=ap%00',
    '?code:text=%ED%A0%80',
  ])
    cases.push({ group: 'search values', method: 'GET', url: `/fhir/R4/Observation${q}`, headers: {} });

  // 4. Hostile bodies to every write route; odd transaction entries; wrong content types.
  for (const route of routes) {
    // Signing out would end the corpus's own session.
    if (!['POST', 'PUT', 'PATCH'].includes(route.method) || route.path === '/auth/logout') continue;
    const fhir = route.path.startsWith('/fhir/');
    // FHIR writes always read their body; of the other routes, some take none (cancel, revoke …), so there only
    // "no server error, nothing changed" is asserted — and 4xx for the bodies that routes must parse.
    const parses = fhir || BODY_ROUTES.has(`${route.method} ${route.path}`);
    const url = fillPath(route.path, fhir ? 'sec-hostile' : 'sec-pa');
    for (const b of hostileBodies(fhir))
      cases.push({
        group: `body: ${b.name}`,
        method: route.method,
        url,
        headers: b.headers,
        body: b.body,
        ...(parses ? { must4xx: true } : {}),
      });
    for (const contentType of [
      'text/plain',
      'application/xml',
      'multipart/form-data; boundary=x',
      'application/x-www-form-urlencoded',
    ])
      cases.push({
        group: 'wrong content type',
        method: route.method,
        url,
        headers: { 'content-type': contentType },
        body: '{"resourceType":"Observation","status":"final","code":{"text":"x"}}',
        ...(route.path === '/auth/login' ? { must4xx: true } : {}),
      });
    cases.push(
      {
        group: 'JSON strings',
        method: route.method,
        url,
        headers: fhir ? FHIR_TYPE : JSON_TYPE,
        body: observationWith('"note":[{"text":"nul\\u0000"}]'),
      },
      {
        group: 'JSON strings',
        method: route.method,
        url,
        headers: fhir ? FHIR_TYPE : JSON_TYPE,
        body: observationWith('"note":[{"text":"lone\\ud800"}]'),
      },
    );
  }
  const entries = [
    'null',
    '1',
    '"x"',
    '[]',
    '{}',
    '{"request":null}',
    '{"resource":null,"request":{"method":"POST","url":"Observation"}}',
    '{"resource":{"resourceType":"Observation"},"request":{"method":"FROB","url":"Observation"}}',
    '{"resource":{"resourceType":"Observation","status":"final","code":{"text":"x"}},"request":{"method":"POST","url":"../../admin/users"}}',
    '{"request":{"method":"DELETE","url":"Observation?_id=%00"}}',
    '{"request":{"method":"GET","url":"Patient/sec-pb/$everything"},"resource":null}',
  ];
  for (const type of ['transaction', 'batch'])
    for (const entry of entries)
      cases.push({
        group: 'odd bundle entry',
        method: 'POST',
        url: '/fhir/R4',
        headers: FHIR_TYPE,
        body: `{"resourceType":"Bundle","type":"${type}","entry":[${entry}]}`,
        // A transaction with an entry that is not a well-formed write is refused as a whole (GET entries and a
        // conditional delete matching nothing may be fine).
        ...(type === 'transaction' && !/"method":"(GET|DELETE)"/.test(entry) ? { must4xx: true } : {}),
      });
  const dupe =
    '{"fullUrl":"urn:uuid:11111111-1111-4111-8111-111111111111","resource":{"resourceType":"Observation","status":"final","code":{"text":"x"}},"request":{"method":"POST","url":"Observation"}}';
  cases.push({
    group: 'odd bundle entry',
    method: 'POST',
    url: '/fhir/R4',
    headers: FHIR_TYPE,
    body: `{"resourceType":"Bundle","type":"transaction","entry":[${dupe},${dupe}]}`,
    must4xx: true,
  });
  return cases;
}
