/**
 * `fhirServer` cannot be used for SSRF (issue 15 item 7): only allow-listed FHIR servers are fetched, others are
 * refused with 403 before any network request, redirects are not followed, every fetch failure gives the same
 * answer (no port probing), and the platform's own FHIR base is read in-process with the caller's own access.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';
import type { CdsCard } from '@qihuang/cds-hooks';
import { app, fixture, post, SIGN } from '@qihuang/cds-hooks/test-support';

interface Counting {
  url: string;
  hits: string[];
  close(): Promise<void>;
}

/** A local HTTP server that counts requests; `reply` decides the answer. */
async function countingServer(
  reply: (path: string) => { status: number; body?: unknown; location?: string },
) {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const r = reply(req.url ?? '');
    res.writeHead(r.status, {
      'content-type': 'application/fhir+json',
      ...(r.location ? { location: r.location } : {}),
    });
    res.end(r.body === undefined ? '' : JSON.stringify(r.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  } satisfies Counting;
}

/** A port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

const data = fixture('fhir-server-data.json') as Record<string, unknown>;
const hookBody = (fhirServer: string) => {
  const body = fixture('order-sign-request.json');
  delete body.prefetch;
  body.fhirServer = fhirServer;
  body.fhirAuthorization = {
    access_token: 'tok',
    token_type: 'Bearer',
    expires_in: 300,
    scope: 'user/*.read',
    subject: 'qihuang',
  };
  return body;
};
const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; message: string } }).error;

describe('CDS Hooks fhirServer allow-list', () => {
  let fhir: Counting;
  let missing: Counting;
  let elsewhere: Counting;
  let redirecting: Counting;
  beforeAll(async () => {
    fhir = await countingServer((path) => ({
      status: 200,
      body: data[path.split('?')[0]!.split('/')[2]!],
    }));
    missing = await countingServer(() => ({ status: 404, body: { resourceType: 'OperationOutcome' } }));
    elsewhere = await countingServer(() => ({ status: 200, body: {} }));
    redirecting = await countingServer(() => ({ status: 302, location: `${elsewhere.url}/Patient/p1` }));
  });
  afterAll(async () => {
    for (const s of [fhir, missing, elsewhere, redirecting]) await s?.close();
  });

  it('fetches from an allow-listed server with the bearer token', async () => {
    const a = app({ fetch: globalThis.fetch, fhirServers: [`${fhir.url}/fhir/`] });
    const response = await post(a, SIGN, hookBody(`${fhir.url}/fhir`));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { cards: CdsCard[] }).cards.length).toBeGreaterThan(0);
    expect(fhir.hits).toHaveLength(6);
    expect(fhir.hits[0]).toBe('/fhir/Patient/p1');
  });

  it('refuses any other server with 403 before a single request is made', async () => {
    const before = [fhir.hits.length, elsewhere.hits.length];
    const a = app({ fetch: globalThis.fetch, fhirServers: [`${fhir.url}/fhir`] });
    const port = await closedPort();
    const refused = [
      `${elsewhere.url}/fhir`, // another server
      `${fhir.url}/other`, // another path on the allowed host
      `${fhir.url}/fhir/../admin`, // path tricks
      `${fhir.url.replace('127.0.0.1', 'user:pw@127.0.0.1')}/fhir`, // credentials
      `${fhir.url}/fhir?x=1`, // a query
      `http://127.0.0.1:${port}/fhir`, // a closed port
      'http://169.254.169.254/latest/meta-data', // cloud metadata
    ];
    const answers = [];
    for (const url of refused) {
      const response = await post(a, SIGN, hookBody(url));
      answers.push([response.status, (await errorOf(response)).message]);
    }
    expect(new Set(answers.map((x) => JSON.stringify(x))).size).toBe(1);
    expect(answers[0]![0]).toBe(403);
    expect([fhir.hits.length, elsewhere.hits.length]).toEqual(before);
  });

  it('gives one answer for every fetch failure (404, closed port, redirect) and follows no redirect', async () => {
    const port = await closedPort();
    const servers = [`${missing.url}/fhir`, `http://127.0.0.1:${port}/fhir`, `${redirecting.url}/fhir`];
    const a = app({ fetch: globalThis.fetch, fhirServers: servers });
    const before = elsewhere.hits.length;
    const answers = [];
    for (const url of servers) {
      const response = await post(a, SIGN, hookBody(url));
      answers.push(JSON.stringify([response.status, await errorOf(response)]));
    }
    expect(new Set(answers).size).toBe(1);
    expect(JSON.parse(answers[0]!)[0]).toBe(502);
    expect(answers[0]).not.toMatch(/404|unreachable|302/);
    expect(elsewhere.hits.length).toBe(before);
  });
});

describe.each(DATABASE_KINDS)('CDS Hooks reads the platform FHIR in-process on %s', (kind) => {
  let t: TestApp;
  let counting: Counting;
  let token = '';
  beforeAll(async () => {
    counting = await countingServer(() => ({ status: 200, body: {} }));
    t = await createTestApp(kind, { cdsFhirServers: [] }, undefined, 'required');
    token = await t.userToken({ username: 'doc', password: 'doctor-password-1', role: 'clinician' });
    const prefetch = fixture('order-sign-request.json').prefetch as Record<
      string,
      { resourceType: string; id?: string; entry?: { resource: { resourceType: string; id: string } }[] }
    >;
    const ctx = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
    for (const value of Object.values(prefetch)) {
      if (!value) continue; // "the client found nothing"
      for (const r of value.entry ? value.entry.map((e) => e.resource) : [value]) {
        await t.repository.update(ctx, r.resourceType, String(r.id), r as never);
      }
    }
  }, 120_000);
  afterAll(async () => {
    await t?.closeAll();
    await counting?.close();
  });
  const call = (fhirServer: string) =>
    t.request(SIGN, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(hookBody(fhirServer)),
    });

  it("reads this server's own FHIR base in-process, as the caller, audited", async () => {
    const response = await call('http://localhost/fhir/R4');
    expect(response.status).toBe(200);
    const rules = ((await response.json()) as { cards: CdsCard[] }).cards.map(
      (c) => c.extension?.['qihuang-rule-id'],
    );
    expect(rules).toContain('allergy-group-penicillin');
    const reads = await sql<{ n: number }>`
      select count(*)::int as n from audit_entry
      where username = 'doc' and resource_type = 'Patient' and resource_id = 'p1' and action = 'read'`.execute(
      t.repository.db,
    );
    expect(reads.rows[0]!.n).toBe(1);
  });

  it('refuses a server that is not on the list without contacting it', async () => {
    const response = await call(`${counting.url}/fhir`);
    expect(response.status).toBe(403);
    expect(counting.hits).toHaveLength(0);
  });
});
