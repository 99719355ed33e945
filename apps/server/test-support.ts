/** Builds the whole app on a test database (PGlite or PostgreSQL) for route tests without a port. */
import pino from 'pino';
import { loadConfig, type Config } from '@qihuang/config';
import type { NewUser } from '@qihuang/identity';
import type { DatabaseKind } from '@qihuang/store';
import { openTestDatabase } from '@qihuang/test-kit';
import { buildApp, type BuiltApp } from './build-app.ts';

export interface TestApp extends BuiltApp {
  request(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  /** Creates a user (role, optional linked patient) and signs in through /auth/login; returns the token. */
  userToken(user: NewUser): Promise<string>;
  closeAll(): Promise<void>;
}

export async function createTestApp(
  kind: DatabaseKind,
  overrides: Partial<Config> = {},
  clock?: () => Date,
  authentication: 'required' | 'disabled' = 'disabled',
): Promise<TestApp> {
  const database = await openTestDatabase(kind);
  const config = loadConfig({ QIHUANG_DEMO: '0' }, overrides);
  const built = await buildApp({
    config,
    database,
    log: pino({ level: 'silent' }),
    version: 'test',
    clock,
    authentication,
    gatewayHealthChecks: false,
  });
  return {
    ...built,
    request: (path, init = {}) => {
      const { json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (json !== undefined && !headers.has('content-type'))
        headers.set('content-type', 'application/fhir+json');
      return Promise.resolve(
        built.app.request(`http://localhost${path}`, {
          ...rest,
          headers,
          body: json !== undefined ? JSON.stringify(json) : rest.body,
        }),
      );
    },
    userToken: async (user) => {
      await built.identity.createUser(database.db, user);
      const response = await built.app.request('http://localhost/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: user.username, password: user.password }),
      });
      if (response.status !== 200) throw new Error(`login ${user.username}: ${await response.text()}`);
      return ((await response.json()) as { access_token: string }).access_token;
    },
    closeAll: async () => {
      await built.close();
      await database.close();
    },
  };
}
