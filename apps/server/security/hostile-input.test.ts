/**
 * Hostile-input corpus (issue 15 item 12), in-process through app.request on both databases, as a clinician
 * (who reaches every handler): no server error, invalid input refused with a 4xx, and a refused write changes
 * nothing. Time-bounded: the whole corpus must finish well inside two minutes per database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { hostileCorpus, type HostileCase } from './test-support/hostile-corpus.ts';
import { routeTable } from './test-support/route-table.ts';
import {
  changed,
  createSecurityWorld,
  serverErrorProblem,
  snapshotTracker,
  type SecurityWorld,
} from './test-support/security-fixture.ts';

/** The corpus must answer well inside the two minutes per database the suite allows itself. */
const CORPUS_BUDGET_MS = 100_000;

interface Result {
  c: HostileCase;
  status: number;
  ms: number;
  serverError?: string;
  changed: string[];
}

describe.each(DATABASE_KINDS)('hostile-input corpus on %s', (kind) => {
  let world: SecurityWorld;
  const results: Result[] = [];
  let elapsedMs = 0;
  let corpusSize = 0;

  beforeAll(async () => {
    world = await createSecurityWorld(kind);
    const clinician = world.principals.find((p) => p.name === 'clinician')!;
    const corpus = hostileCorpus(routeTable(world.t.app));
    corpusSize = corpus.length;
    const tracker = await snapshotTracker(world);
    const started = performance.now();
    for (const c of corpus) {
      if (performance.now() - started > CORPUS_BUDGET_MS) break;
      const t0 = performance.now();
      let status: number;
      let text: string;
      try {
        const response = await world.t.app.request(`http://localhost${c.url}`, {
          method: c.method,
          headers: { ...c.headers, ...world.auth(clinician) },
          ...(c.body === undefined ? {} : { body: c.body }),
        });
        status = response.status;
        text = await response.text();
      } catch (error) {
        // The app threw past its own error handler: as bad as a 500.
        status = 599;
        text = String(error).slice(0, 200);
      }
      const ms = performance.now() - t0;
      const { before, after } = await tracker.step();
      const serverError = serverErrorProblem(status, text);
      results.push({
        c,
        status,
        ms,
        ...(serverError ? { serverError } : {}),
        changed: changed(before, after),
      });
    }
    elapsedMs = performance.now() - started;
    const slowest = results.reduce((a, b) => (b.ms > a.ms ? b : a), results[0]!);
    const groups = new Set(corpus.map((c) => c.group)).size;
    console.log(
      `[security] hostile corpus on ${kind}: ${results.length}/${corpus.length} requests in ${groups} groups, ` +
        `${results.filter((r) => r.serverError).length} × 5xx, ${Math.round(elapsedMs)} ms; slowest ` +
        `${Math.round(slowest.ms)} ms (${slowest.c.group} ${slowest.c.method} ${slowest.c.url.slice(0, 80)})`,
    );
  });
  afterAll(async () => world?.t.closeAll());

  const show = (r: Result, extra = '') =>
    `${r.c.group}: ${r.c.method} ${r.c.url.slice(0, 120)} → ${r.status}${extra ? ` ${extra}` : ''}`;

  it('has at least 2,000 requests and answers all of them inside the time budget', () => {
    expect(corpusSize).toBeGreaterThanOrEqual(2000);
    expect(results.length).toBe(corpusSize);
    expect(elapsedMs).toBeLessThan(CORPUS_BUDGET_MS);
  });

  it('runs as the signed-in clinician throughout (no 401: the requests reached the handlers)', () => {
    expect(results.filter((r) => r.status === 401).map((r) => show(r))).toEqual([]);
  });

  it('no request answers a server error (item 12)', () => {
    expect(results.filter((r) => r.serverError).map((r) => show(r, r.serverError))).toEqual([]);
  });

  it('invalid input is refused with a 4xx (nesting, huge arrays, bad JSON, odd transaction entries)', () => {
    const wrong = results.filter((r) => r.c.must4xx && (r.status < 400 || r.status >= 500));
    expect(wrong.map((r) => show(r))).toEqual([]);
  });

  it('a refused request changes nothing; reads change nothing', () => {
    const wrong = results.filter((r) => (r.status >= 400 || r.c.method === 'GET') && r.changed.length);
    expect(wrong.map((r) => show(r, r.changed.slice(0, 5).join(', ')))).toEqual([]);
  });
});
