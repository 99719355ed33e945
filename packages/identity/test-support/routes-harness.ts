/**
 * Test harness for the /auth and /admin route tests: a database with the initial admin and five users (one per
 * role), the routes on an in-process Hono app, an injected clock, and request helpers. Call it inside a
 * `describe` block: it registers its own beforeAll / afterAll / beforeEach (a fresh admin session per test).
 */
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { FhirRepository, type Database, type DatabaseKind } from '@qihuang/store';
import { openTestDatabase } from '@qihuang/test-kit';
import { createAuditLog } from '@qihuang/audit';
import { ensureInitialAdmin } from '../identity.ts';
import { createAdminRoutes, createAuthRoutes, type RouteDeps } from '../routes.ts';

export interface IdentityRoutesHarness {
  database: Database;
  /** The injected clock's current time (moved by `advance`). */
  now: Date;
  clock: () => Date;
  advance: (ms: number) => void;
  app: Hono;
  deps: RouteDeps;
  adminPassword: string;
  adminToken: string;
  /** Users created through the API, by username, with their passwords. */
  users: Record<string, { id: string; password: string }>;
  call: (
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; address?: string },
  ) => Promise<Response>;
  login: (username: string, password: string, address?: string) => Promise<Response>;
  tokenFor: (username: string, password?: string) => Promise<string>;
  createUser: (username: string, role: string, extra?: Record<string, unknown>) => Promise<{ id: string }>;
  auditRows: (action: string) => Promise<
    {
      username: string;
      outcome: string;
      detail: string | null;
      principal_id: string;
      client_address: string | null;
    }[]
  >;
}

export function useIdentityRoutes(kind: DatabaseKind): IdentityRoutesHarness {
  const t = {
    now: new Date('2026-03-01T08:00:00.000Z'),
    adminPassword: '',
    adminToken: '',
    users: {},
  } as IdentityRoutesHarness;
  t.clock = () => t.now;
  t.advance = (ms: number) => void (t.now = new Date(t.now.getTime() + ms));

  t.call = async (method, path, options = {}) => {
    const headers: Record<string, string> = { 'x-test-address': options.address ?? '192.0.2.1' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    return t.app.request(path, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
  };
  t.login = (username, password, address) =>
    t.call('POST', '/auth/login', { body: { username, password }, address });
  t.tokenFor = async (username, password = t.users[username]?.password ?? '') => {
    const res = await t.login(username, password, '198.51.100.200');
    expect(res.status).toBe(200);
    return ((await res.json()) as { access_token: string }).access_token;
  };
  t.createUser = async (username, role, extra = {}) => {
    const password = `${username}-password`;
    const res = await t.call('POST', '/admin/users', {
      token: t.adminToken,
      body: { username, password, role, ...extra },
    });
    expect(res.status).toBe(201);
    const user = (await res.json()) as { id: string };
    t.users[username] = { id: user.id, password };
    return user;
  };
  t.auditRows = async (action) =>
    (
      await sql<{
        username: string;
        outcome: string;
        detail: string | null;
        principal_id: string;
        client_address: string | null;
      }>`
        select username, outcome, detail, principal_id, client_address from audit_entry where action = ${action} order by seq`.execute(
        t.database.db,
      )
    ).rows;

  beforeAll(async () => {
    t.database = await openTestDatabase(kind);
    // patient.sun's record: a patient account links only to a Patient the store holds (users.ts).
    await new FhirRepository(t.database.db).update(
      { requestId: 'seed', principal: SYSTEM_PRINCIPAL },
      'Patient',
      'pat-1',
      { resourceType: 'Patient', id: 'pat-1' },
    );
    const first = await ensureInitialAdmin(t.database.db, { clock: t.clock });
    expect(first).toMatchObject({ created: true, username: 'admin' });
    expect(first.generatedPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    t.adminPassword = first.generatedPassword!;
    t.deps = {
      db: t.database.db,
      audit: createAuditLog({ clock: t.clock }),
      clock: t.clock,
      tokenTtlSeconds: 3600,
      clientAddress: (c) => c.req.header('x-test-address'),
    };
    t.app = new Hono();
    t.app.route('/auth', createAuthRoutes(t.deps));
    t.app.route('/admin', createAdminRoutes(t.deps));
    t.adminToken = await t.tokenFor('admin', t.adminPassword);
    await t.createUser('dr.li', 'clinician', { displayName: '李医生' });
    await t.createUser('nurse.wang', 'nurse');
    await t.createUser('auditor.zhao', 'auditor');
    await t.createUser('pharm.chen', 'pharmacist');
    await t.createUser('patient.sun', 'patient', { patientId: 'pat-1' });
  });
  afterAll(async () => {
    await t.database?.close();
  });
  // Tests move the clock past the token lifetime: start each with a fresh admin session.
  beforeEach(async () => {
    t.adminToken = await t.tokenFor('admin', t.adminPassword);
  });
  return t;
}
