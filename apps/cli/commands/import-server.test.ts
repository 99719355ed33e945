/**
 * `qihuang import --server URL` against a running test server (PGlite and PostgreSQL): importing the same files
 * twice writes nothing the second time, and an import killed mid-way (kill -9) completes on a rerun without
 * duplicates — the same resources, ids and versions as one clean import.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../server/test-support.ts';

const root = join(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'qihuang-import-server-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BUNDLES = 8;
/** 8 transaction bundles (Patient + 2 Observations, urn:uuid), a collection and NDJSON without ids. */
function writeFixtures(): { files: string; resources: number } {
  const files = join(dir, 'data');
  mkdirSync(files, { recursive: true });
  const uuid = (n: number) => `7a1e0000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  for (let b = 0; b < BUNDLES; b++) {
    const patient = uuid(b * 10);
    const observation = (k: number, value: number) => ({
      fullUrl: `urn:uuid:${uuid(b * 10 + k)}`,
      resource: {
        resourceType: 'Observation',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '29463-7' }] },
        subject: { reference: `urn:uuid:${patient}` },
        effectiveDateTime: `2024-01-0${k}T08:00:00Z`,
        valueQuantity: { value, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
      },
      request: { method: 'POST', url: 'Observation' },
    });
    const bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: `urn:uuid:${patient}`,
          resource: { resourceType: 'Patient', name: [{ family: `Server${b}` }], gender: 'female' },
          request: { method: 'POST', url: 'Patient' },
        },
        observation(1, 60 + b),
        observation(2, 61 + b),
      ],
    };
    writeFileSync(join(files, `bundle-${b}.json`), JSON.stringify(bundle));
  }
  // Resources without ids or urn:uuid fullUrls: the importer derives stable ids from their content.
  writeFileSync(
    join(files, 'collection.json'),
    JSON.stringify({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { resource: { resourceType: 'Organization', name: 'Import Clinic A' } },
        { resource: { resourceType: 'Organization', name: 'Import Clinic B' } },
      ],
    }),
  );
  writeFileSync(
    join(files, 'bulk.ndjson'),
    [
      { resourceType: 'Practitioner', name: [{ family: 'Bulk' }] },
      { resourceType: 'Practitioner', name: [{ family: 'Bulk' }] }, // identical twice: two resources
      { resourceType: 'Organization', id: 'import-org-fixed', name: 'Fixed' },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );
  return { files, resources: BUNDLES * 3 + 2 + 3 };
}
const fixtures = writeFixtures();

interface Running {
  app: TestApp;
  url: string;
  token: string;
  server: ServerType;
  /** Called when a FHIR transaction arrives (before the server handles it). */
  onTransaction?: (n: number) => void;
  transactions: number;
  inflight: Set<Promise<Response>>;
}

async function start(kind: (typeof DATABASE_KINDS)[number]): Promise<Running> {
  const app = await createTestApp(kind, {}, undefined, 'required');
  const token = await app.userToken({ username: 'importer', password: 'import-pw-12345', role: 'admin' });
  const running = { app, token, transactions: 0, inflight: new Set() } as unknown as Running;
  running.server = await new Promise<ServerType>((resolve) => {
    const s = serve(
      {
        fetch: (request: Request) => {
          if (request.method === 'POST' && new URL(request.url).pathname === '/fhir/R4')
            running.onTransaction?.(++running.transactions);
          const handled = Promise.resolve(app.app.fetch(request));
          running.inflight.add(handled);
          void handled.finally(() => running.inflight.delete(handled));
          return handled;
        },
        port: 0,
        hostname: '127.0.0.1',
      },
      () => resolve(s),
    );
  });
  running.url = `http://127.0.0.1:${(running.server.address() as AddressInfo).port}`;
  return running;
}

async function stop(running: Running) {
  await new Promise<void>((resolve) => running.server.close(() => resolve()));
  await running.app.closeAll();
}

function runImport(running: Running, ...extra: string[]): { child: ChildProcess; done: Promise<Result> } {
  const child = spawn(
    'node',
    [
      'bin/qihuang.mjs',
      'import',
      fixtures.files,
      '--server',
      running.url,
      '--token',
      running.token,
      '--json',
      ...extra,
    ],
    { cwd: root, env: { ...process.env, QIHUANG_DATA_DIR: join(dir, 'unused'), DATABASE_URL: '' } },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Result>((resolve) =>
    child.on('exit', (status, signal) => resolve({ status, signal, stdout, stderr })),
  );
  return { child, done };
}
interface Result {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}
interface Summary {
  resources: number;
  written: number;
  unchanged: number;
  rejected: unknown[];
}

async function snapshot(app: TestApp) {
  const { rows } = await sql<{ k: string; v: number }>`
    select resource_type || '/' || id as k, version_id as v from fhir_resource order by 1`.execute(
    app.repository.db,
  );
  const { rows: history } = await sql<{ n: number }>`select count(*)::int as n from fhir_history`.execute(
    app.repository.db,
  );
  return { resources: rows, history: history[0]!.n };
}

describe.each(DATABASE_KINDS)('qihuang import --server (%s)', (kind) => {
  let clean: Awaited<ReturnType<typeof snapshot>>;

  it('a second import through the server writes nothing', async () => {
    const running = await start(kind);
    try {
      const first = await runImport(running).done;
      expect(first.status, first.stderr).toBe(0);
      const summary = JSON.parse(first.stdout) as Summary;
      expect(summary.rejected).toEqual([]);
      expect(summary.resources).toBe(fixtures.resources);
      expect(summary.written).toBe(fixtures.resources);
      clean = await snapshot(running.app);
      expect(clean.resources).toHaveLength(fixtures.resources);
      expect(clean.resources.every((r) => r.v === 1)).toBe(true);
      // urn:uuid ids are kept.
      expect(clean.resources.map((r) => r.k)).toContain('Patient/7a1e0000-0000-4000-8000-000000000000');

      const second = await runImport(running).done;
      expect(second.status, second.stderr).toBe(0);
      const again = JSON.parse(second.stdout) as Summary;
      expect(again.written).toBe(0);
      expect(again.unchanged).toBe(fixtures.resources);
      expect(await snapshot(running.app)).toEqual(clean);
    } finally {
      await stop(running);
    }
  }, 180_000);

  it('an import killed mid-way (kill -9) completes on a rerun without duplicates', async () => {
    const running = await start(kind);
    try {
      const interrupted = runImport(running, '--concurrency', '1');
      running.onTransaction = (n) => {
        if (n === 4) interrupted.child.kill('SIGKILL');
      };
      const killed = await interrupted.done;
      expect(killed.signal).toBe('SIGKILL');
      running.onTransaction = undefined;
      await Promise.allSettled([...running.inflight]); // the request in flight at the kill may still commit
      const partial = await snapshot(running.app);
      expect(partial.resources.length).toBeGreaterThan(0);
      expect(partial.resources.length).toBeLessThan(fixtures.resources);

      const rerun = await runImport(running).done;
      expect(rerun.status, rerun.stderr).toBe(0);
      const summary = JSON.parse(rerun.stdout) as Summary;
      expect(summary.written).toBe(fixtures.resources - partial.resources.length);
      expect(await snapshot(running.app)).toEqual(clean);
    } finally {
      await stop(running);
    }
  }, 180_000);
});
