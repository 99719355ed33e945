/** Builds the whole app on a test database (PGlite or PostgreSQL) for route tests without a port. */
import pino from 'pino';
import { loadConfig, type Config } from '@qihuang/config';
import type { DatabaseKind } from '@qihuang/store';
import { openTestDatabase } from '@qihuang/test-kit';
import { buildApp, type BuiltApp } from './build-app.ts';

export interface TestApp extends BuiltApp {
  request(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
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
    closeAll: async () => {
      await built.close();
      await database.close();
    },
  };
}
