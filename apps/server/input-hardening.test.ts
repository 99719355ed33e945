/**
 * The input-hardening layer (issue 15 item 12): malformed percent-encodings, integers beyond the database's
 * range, bad instants, NUL characters, lone surrogates, deep nesting, huge arrays and malformed Bundles answer a
 * clear 4xx in each mount's error shape — never a 500 — and change nothing. Legitimate inputs that look alike
 * (valid encodings, surrogate pairs, moderate nesting) still work.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from './test-support.ts';

type Shape = 'fhir' | 'json' | 'openai';
type Who = 'doc' | 'admin' | 'aud' | 'none';
interface Case {
  name: string;
  method?: string;
  path: string;
  body?: string;
  type?: string;
  /** Extra request headers (e.g. If-None-Exist, a search carried in a header). */
  headers?: Record<string, string>;
  who?: Who;
  shape: Shape;
  /** Expected status when it must be exact (default: any 4xx). */
  status?: number;
}

const FHIR = 'application/fhir+json';
const FORM = 'application/x-www-form-urlencoded';
const nested = (levels: number) =>
  '{"url":"http://example.org/x","extension":['.repeat(levels) +
  '{"url":"http://example.org/x","valueString":"x"}' +
  ']}'.repeat(levels);
const deepPatient = `{"resourceType":"Patient","extension":[${nested(3000)}]}`;
const deepJson = '{"a":'.repeat(3000) + '1' + '}'.repeat(3000);
const hugeNames = JSON.stringify({
  resourceType: 'Patient',
  name: Array.from({ length: 200_000 }, () => ({ family: 'x' })),
});
const hugeArray = JSON.stringify({ input: Array.from({ length: 200_000 }, () => 1), model: 'm' });
const lonePatient = '{"resourceType":"Patient","name":[{"family":"Zhang\\ud800San"}]}';
const nulPatient = '{"resourceType":"Patient","name":[{"family":"Zhang\\u0000San"}]}';
const transaction = (entry: unknown, type = 'transaction') =>
  JSON.stringify({ resourceType: 'Bundle', type, entry });
const chat = (content: string) => `{"model":"m","messages":[{"role":"user","content":"${content}"}]}`;

const CASES: Case[] = [
  // Console paths (decodeURIComponent on malformed encodings)
  { name: 'console: lone %', path: '/%', shape: 'json', who: 'none' },
  { name: 'console: truncated UTF-8', path: '/assets/%E0%A4%A', shape: 'json', who: 'none' },
  { name: 'console: encoded lone surrogate', path: '/patients/%ED%A0%80', shape: 'json', who: 'none' },
  { name: 'console: %u escape', path: '/console/%uD800', shape: 'json', who: 'none' },
  { name: 'console: NUL', path: '/index.html%00.js', shape: 'json', who: 'none' },
  // FHIR: integers beyond bigint, bad instants
  {
    name: 'FHIR search _offset > bigint',
    path: '/fhir/R4/Patient?_offset=99999999999999999999',
    shape: 'fhir',
  },
  { name: 'FHIR search _offset 1e30', path: '/fhir/R4/Observation?_offset=1e30', shape: 'fhir' },
  {
    name: 'FHIR search _count > bigint',
    path: '/fhir/R4/Patient?_count=99999999999999999999',
    shape: 'fhir',
  },
  { name: 'FHIR type history _offset 1e30', path: '/fhir/R4/Patient/_history?_offset=1e30', shape: 'fhir' },
  {
    name: 'FHIR $everything _offset > bigint',
    path: '/fhir/R4/Patient/p1/$everything?_offset=99999999999999999999',
    shape: 'fhir',
  },
  {
    name: 'FHIR vread version > bigint',
    path: '/fhir/R4/Patient/p1/_history/99999999999999999999',
    shape: 'fhir',
    status: 404,
  },
  { name: 'FHIR history _since garbage', path: '/fhir/R4/Patient/p1/_history?_since=garbage', shape: 'fhir' },
  {
    name: 'FHIR history _since 2020-13-45',
    path: '/fhir/R4/Patient/_history?_since=2020-13-45',
    shape: 'fhir',
  },
  {
    name: 'AuditEvent _offset > bigint',
    path: '/fhir/R4/AuditEvent?_offset=99999999999999999999',
    shape: 'fhir',
    who: 'aud',
  },
  // A search carried in a header reaches the same parser as the query string.
  ...[
    ['If-None-Exist with NUL', 'code=%00'],
    ['If-None-Exist _offset > bigint', '_offset=99999999999999999999'],
  ].map(([name, query]) => ({
    name: name!,
    method: 'POST',
    path: '/fhir/R4/Patient',
    type: FHIR,
    headers: { 'If-None-Exist': query! },
    body: JSON.stringify({ resourceType: 'Patient', name: [{ family: 'Conditional' }] }),
    shape: 'fhir' as const,
  })),
  // FHIR: NUL and malformed encodings in ids and search strings
  { name: 'FHIR search NUL in name', path: '/fhir/R4/Patient?name=Zhang%00', shape: 'fhir' },
  { name: 'FHIR search NUL in token', path: '/fhir/R4/Observation?identifier=%00|%00', shape: 'fhir' },
  { name: 'FHIR search NUL in _id', path: '/fhir/R4/Observation?_id=%00', shape: 'fhir' },
  { name: 'FHIR search malformed %', path: '/fhir/R4/Patient?name=%E0%A4%A', shape: 'fhir' },
  { name: 'FHIR search encoded surrogate', path: '/fhir/R4/Patient?name=%ED%A0%80', shape: 'fhir' },
  { name: 'FHIR read NUL id', path: '/fhir/R4/Patient/a%00b', shape: 'fhir' },
  { name: 'FHIR history NUL id', path: '/fhir/R4/Patient/%00/_history', shape: 'fhir' },
  { name: 'FHIR read malformed %', path: '/fhir/R4/Patient/%', shape: 'fhir' },
  {
    name: 'FHIR _search form NUL',
    method: 'POST',
    path: '/fhir/R4/Patient/_search',
    body: 'name=%00',
    type: FORM,
    shape: 'fhir',
  },
  {
    name: 'FHIR _search form _offset > bigint',
    method: 'POST',
    path: '/fhir/R4/Patient/_search',
    body: '_offset=99999999999999999999',
    type: FORM,
    shape: 'fhir',
  },
  // FHIR bodies: lone surrogates, NUL, nesting, huge arrays, malformed Bundles
  {
    name: 'FHIR create lone surrogate',
    method: 'POST',
    path: '/fhir/R4/Patient',
    body: lonePatient,
    type: FHIR,
    shape: 'fhir',
  },
  {
    name: 'FHIR create NUL',
    method: 'POST',
    path: '/fhir/R4/Patient',
    body: nulPatient,
    type: FHIR,
    shape: 'fhir',
  },
  {
    name: 'FHIR create 3,000 levels',
    method: 'POST',
    path: '/fhir/R4/Patient',
    body: deepPatient,
    type: FHIR,
    shape: 'fhir',
  },
  {
    name: 'FHIR update 3,000 levels',
    method: 'PUT',
    path: '/fhir/R4/Patient/p1',
    body: deepJson,
    type: FHIR,
    shape: 'fhir',
  },
  {
    name: 'FHIR create 200,000 names',
    method: 'POST',
    path: '/fhir/R4/Patient',
    body: hugeNames,
    type: FHIR,
    shape: 'fhir',
  },
  {
    name: 'FHIR create untyped 3,000 levels',
    method: 'POST',
    path: '/fhir/R4/Patient',
    body: deepPatient,
    type: '',
    shape: 'fhir',
  },
  {
    name: 'transaction null entry',
    method: 'POST',
    path: '/fhir/R4',
    body: transaction([null]),
    type: FHIR,
    shape: 'fhir',
  },
  {
    name: 'batch null entry',
    method: 'POST',
    path: '/fhir/R4',
    body: transaction([null], 'batch'),
    type: FHIR,
    shape: 'fhir',
  },
  {
    name: 'transaction entry request not an object',
    method: 'POST',
    path: '/fhir/R4',
    body: transaction([{ request: 'POST Patient', resource: { resourceType: 'Patient' } }]),
    type: FHIR,
    shape: 'fhir',
  },
  {
    name: 'batch entry url not a string',
    method: 'POST',
    path: '/fhir/R4',
    body: transaction([{ request: { method: 'GET', url: 7 } }], 'batch'),
    type: FHIR,
    shape: 'fhir',
  },
  {
    name: 'transaction NUL in ifNoneExist',
    method: 'POST',
    path: '/fhir/R4',
    body: transaction([
      {
        request: { method: 'POST', url: 'Patient', ifNoneExist: 'name=%00' },
        resource: { resourceType: 'Patient' },
      },
    ]),
    type: FHIR,
    shape: 'fhir',
  },
  {
    name: 'transaction NUL in conditional delete',
    method: 'POST',
    path: '/fhir/R4',
    body: transaction([{ request: { method: 'DELETE', url: 'Patient?name=%00' } }]),
    type: FHIR,
    shape: 'fhir',
  },
  {
    name: 'batch NUL in search',
    method: 'POST',
    path: '/fhir/R4',
    body: transaction([{ request: { method: 'GET', url: 'Patient?name=%00' } }], 'batch'),
    type: FHIR,
    shape: 'fhir',
  },
  // /api/*
  { name: 'care home NUL id', path: '/api/care/patients/%00/home', shape: 'json' },
  { name: 'care consultation NUL id', path: '/api/care/consultations/a%00b', shape: 'json' },
  { name: 'care summary malformed %', path: '/api/care/patients/%E0%A4%A/summary', shape: 'json' },
  { name: 'BP alerts NUL query', path: '/api/bp/alerts?patient=%00', shape: 'json' },
  {
    name: 'BP upload NUL id',
    method: 'POST',
    path: '/api/bp/patients/%00/readings',
    body: '{}',
    type: 'application/json',
    shape: 'json',
  },
  {
    name: 'BP acknowledge NUL id',
    method: 'POST',
    path: '/api/bp/alerts/%00/acknowledge',
    body: '{}',
    type: 'application/json',
    shape: 'json',
  },
  {
    name: 'BP upload 3,000 levels',
    method: 'POST',
    path: '/api/bp/patients/p1/readings',
    body: deepJson,
    type: 'application/json',
    shape: 'json',
  },
  {
    name: 'BP upload CSV with NUL',
    method: 'POST',
    path: '/api/bp/patients/p1/readings',
    body: 'time,sbp,dbp,device\n2026-06-01T08:00:00Z,120,80,dev\u0000ice\n',
    type: 'text/csv',
    shape: 'json',
  },
  { name: 'pharmacy report NUL date', path: '/api/pharmacy/report?date=%00', shape: 'json' },
  { name: 'knowledge NUL collection', path: '/kb/collections/%00/documents', shape: 'json' },
  // /v1 (OpenAI error shape)
  {
    name: '/v1 chat lone surrogate',
    method: 'POST',
    path: '/v1/chat/completions',
    body: chat('hi \\udc00'),
    type: 'application/json',
    shape: 'openai',
  },
  {
    name: '/v1 chat NUL',
    method: 'POST',
    path: '/v1/chat/completions',
    body: chat('a\\u0000b'),
    type: 'application/json',
    shape: 'openai',
  },
  {
    name: '/v1 chat 3,000 levels',
    method: 'POST',
    path: '/v1/chat/completions',
    body: deepJson,
    type: 'application/json',
    shape: 'openai',
  },
  {
    name: '/v1 embeddings 200,000 inputs',
    method: 'POST',
    path: '/v1/embeddings',
    body: hugeArray,
    type: 'application/json',
    shape: 'openai',
  },
  { name: '/v1 models malformed %', path: '/v1/models?x=%', shape: 'openai' },
  // /cds-services
  {
    name: 'CDS NUL service id',
    method: 'POST',
    path: '/cds-services/%00',
    body: '{}',
    type: 'application/json',
    shape: 'json',
  },
  {
    name: 'CDS 3,000 levels',
    method: 'POST',
    path: '/cds-services/qihuang-rx-review-order-sign',
    body: deepJson,
    type: 'application/json',
    shape: 'json',
  },
  // /auth and /admin
  {
    name: 'login NUL username',
    method: 'POST',
    path: '/auth/login',
    body: '{"username":"doc\\u0000","password":"doctor-password-1"}',
    type: 'application/json',
    shape: 'json',
    who: 'none',
  },
  {
    name: 'login 3,000 levels',
    method: 'POST',
    path: '/auth/login',
    body: deepJson,
    type: 'application/json',
    shape: 'json',
    who: 'none',
  },
  { name: 'auth/me encoded surrogate query', path: '/auth/me?x=%ED%A0%80', shape: 'json' },
  { name: 'admin users NUL query', path: '/admin/users?q=%00', shape: 'json', who: 'admin' },
  {
    name: 'admin create user lone surrogate',
    method: 'POST',
    path: '/admin/users',
    body: '{"username":"zz","password":"a-long-password-1","role":"nurse","displayName":"\\ud83d"}',
    type: 'application/json',
    shape: 'json',
    who: 'admin',
  },
];

/** Legitimate neighbours of the hostile inputs: they must keep working. */
const ALLOWED: {
  name: string;
  method?: string;
  path: string;
  body?: string;
  type?: string;
  status: number;
}[] = [
  {
    name: 'search with a valid encoding',
    path: '/fhir/R4/Patient?name=Zhang%20San&_offset=0&_count=10',
    status: 200,
  },
  {
    name: 'type history with a valid _since',
    path: '/fhir/R4/Patient/_history?_since=2020-01-01T00:00:00Z',
    status: 200,
  },
  { name: 'vread of version 1', path: '/fhir/R4/Patient/p1/_history/1', status: 200 },
  {
    name: 'create with a surrogate pair (emoji) and 20 levels of extensions',
    method: 'POST',
    path: '/fhir/R4/Patient',
    body: `{"resourceType":"Patient","name":[{"family":"\\ud83d\\ude00 Li"}],"extension":[${nested(20)}]}`,
    type: FHIR,
    status: 201,
  },
];

describe.each(DATABASE_KINDS)('input hardening on %s', (kind) => {
  let t: TestApp;
  const tokens: Partial<Record<Who, string>> = {};

  async function snapshot(): Promise<Record<string, number>> {
    const db = t.repository.db;
    const { rows } = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
    const counts: Record<string, number> = {};
    for (const { name } of rows) {
      if (/audit/.test(name)) continue; // failed requests may be audited
      const { rows: n } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(
        db,
      );
      counts[name] = n[0]!.n;
    }
    const { rows: v } = await sql<{ n: number }>`
      select coalesce(sum(version_id), 0)::int as n from fhir_resource`.execute(db);
    counts['fhir_resource.versions'] = v[0]!.n;
    return counts;
  }

  beforeAll(async () => {
    t = await createTestApp(kind, {}, undefined, 'required');
    const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
    await t.repository.update(system, 'Patient', 'p1', {
      resourceType: 'Patient',
      id: 'p1',
      name: [{ family: 'Zhang', given: ['San'] }],
    });
    tokens.doc = await t.userToken({ username: 'doc', password: 'doctor-password-1', role: 'clinician' });
    tokens.admin = await t.userToken({ username: 'root', password: 'admin-password-1', role: 'admin' });
    tokens.aud = await t.userToken({ username: 'aud', password: 'auditor-password-1', role: 'auditor' });
  });
  afterAll(async () => t.closeAll());

  it.each(CASES)('$name → 4xx in the mount’s shape, nothing changed', async (c) => {
    const before = await snapshot();
    const headers: Record<string, string> = { ...c.headers };
    const token = tokens[c.who ?? 'doc'];
    if (token) headers.Authorization = `Bearer ${token}`;
    if (c.type) headers['content-type'] = c.type;
    const response = await t.request(c.path, { method: c.method ?? 'GET', headers, body: c.body });
    const text = await response.text();
    if (c.status) expect(response.status, text.slice(0, 300)).toBe(c.status);
    expect(response.status, text.slice(0, 300)).toBeGreaterThanOrEqual(400);
    expect(response.status, text.slice(0, 300)).toBeLessThan(500);
    const body = JSON.parse(text) as {
      resourceType?: string;
      issue?: { diagnostics?: string }[];
      error?: { code?: string; message?: string; type?: string; param?: unknown };
    };
    if (c.shape === 'fhir') {
      expect(response.headers.get('content-type')).toMatch(/application\/fhir\+json/);
      expect(body.resourceType).toBe('OperationOutcome');
      expect(body.issue?.[0]?.diagnostics).toBeTruthy();
    } else if (c.shape === 'openai') {
      expect(body.error?.message).toBeTruthy();
      expect(body.error?.type).toBeTruthy();
      expect(body.error && 'param' in body.error).toBe(true);
    } else {
      expect(body.error?.code).toBeTruthy();
      expect(body.error?.message).toBeTruthy();
    }
    expect(await snapshot()).toEqual(before);
  });

  it.each(ALLOWED)('still allowed: $name', async (c) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${tokens.doc}` };
    if (c.type) headers['content-type'] = c.type;
    const response = await t.request(c.path, { method: c.method ?? 'GET', headers, body: c.body });
    expect(response.status, (await response.clone().text()).slice(0, 300)).toBe(c.status);
    if (c.method === 'POST') {
      const created = (await response.json()) as { name: { family: string }[] };
      expect(created.name[0]!.family).toBe('\u{1F600} Li');
    }
  });
});
