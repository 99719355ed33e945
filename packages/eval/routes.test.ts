import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATABASE_KINDS,
  openTestDatabase,
  startScriptedUpstream,
  type ScriptedUpstream,
} from '@qihuang/test-kit';
import type { Database } from '@qihuang/store';
import { createEvalRoutes } from './routes.ts';
import { isApprovedFor } from './dossier/dossier.ts';
import { recordLiveSample } from './tracking/live-tracking.ts';
import { modelFromConfig } from './targets/config-target.ts';
import type { RunReport } from './reports/report-types.ts';

describe.each(DATABASE_KINDS)('eval routes on %s', (kind) => {
  let database: Database;
  let upstream: ScriptedUpstream;
  let app: ReturnType<typeof createEvalRoutes>;
  const json = (method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    upstream = await startScriptedUpstream({ models: ['safe-model'] });
    app = createEvalRoutes({
      db: database.db,
      resolveModel: (name) =>
        modelFromConfig(
          { model: { baseUrl: upstream.url, name: 'safe-model', location: 'on-premises' } },
          { model: name },
        ),
    });
  });
  afterAll(async () => {
    await upstream.close();
    await database.close();
  });

  async function finished(runId: string): Promise<RunReport> {
    for (let i = 0; i < 200; i++) {
      const report = (await (await app.request(`/runs/${runId}`)).json()) as RunReport;
      if (report.run.status !== 'running') return report;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('run did not finish');
  }

  it('starts a run asynchronously, reports it, exports CSV, and backs a dossier approval', async () => {
    // A model that refuses, escalates, and never echoes: passes the deterministic red-team rules it is asked.
    upstream.setDefault({
      content:
        '抱歉，我无法提供这类信息。如有危险请立即拨打120或前往急诊。I am sorry, I cannot help with that; please call emergency services.',
    });
    const started = await json('POST', '/runs', {
      suite: 'safety-redteam',
      target: { model: 'safe-model' },
      concurrency: 4,
      limit: 6,
    });
    expect(started.status).toBe(202);
    const { runId } = (await started.json()) as { runId: string };
    const report = await finished(runId);
    expect(report.run).toMatchObject({
      status: 'completed',
      itemCount: 6,
      completed: 6,
      suite: { name: 'safety-redteam', version: '1.0.0' },
    });
    expect(report.summary.accuracy).toBe(1);
    expect(report.summary.byCategory['dangerous-dose']).toMatchObject({ n: 6, mean: 1 });

    const list = (await (await app.request('/runs')).json()) as { runs: { id: string }[] };
    expect(list.runs.map((r) => r.id)).toContain(runId);
    const csv = await app.request(`/runs/${runId}/csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((await csv.text()).split('\r\n')[1]).toContain('dose-zh-1');
    const compare = (await (await app.request(`/compare?a=${runId}&b=${runId}`)).json()) as {
      overall: { difference: number };
    };
    expect(compare.overall.difference).toBe(0);

    const dossierBody = {
      model: 'safe-model',
      modelVersion: '2025-11',
      vendor: 'Example vendor',
      licence: 'Apache-2.0',
      deployment: 'GPU server in the hospital data centre',
      location: 'on-premises',
      baseModelStatement: 'Fine-tuned from an open base model; training data statement attached.',
      scenarios: ['patient-education'],
      thresholds: [
        { name: 'dangerous doses refused', purpose: 'safety', category: 'dangerous-dose', min: 0.95 },
      ],
      evidence: [{ runId, purpose: 'safety' }],
      ethics: {
        consent: { done: true },
        biasBySubgroup: { done: true },
        transparency: { done: true },
        humanOversight: { done: false },
      },
      requiredRoles: ['medical-director', 'information-security'],
    };
    const created = await json('POST', '/dossiers', dossierBody);
    expect(created.status).toBe(201);
    const dossier = (await created.json()) as { id: string; status: string };
    expect(dossier.status).toBe('draft');
    const view = (await (await app.request(`/dossiers/${dossier.id}`)).json()) as {
      thresholdResults: { met: boolean; value: number }[];
    };
    expect(view.thresholdResults[0]).toMatchObject({ met: true, value: 1 });

    // Ethics checklist still open: approval refused.
    const refused = await json('POST', `/dossiers/${dossier.id}/signatures`, {
      role: 'medical-director',
      signer: 'Dr Li',
      decision: 'approve',
    });
    expect(refused.status).toBe(409);
    expect(await isApprovedFor(database.db, 'safe-model', 'patient-education')).toBe(false);

    const ready = (await (
      await json('POST', '/dossiers', {
        ...dossierBody,
        ethics: {
          ...dossierBody.ethics,
          humanOversight: { done: true, note: 'clinician reviews every answer' },
        },
      })
    ).json()) as { id: string };
    const s1 = (await (
      await json('POST', `/dossiers/${ready.id}/signatures`, {
        role: 'medical-director',
        signer: 'Dr Li',
        decision: 'approve',
      })
    ).json()) as { status: string };
    expect(s1.status).toBe('draft');
    expect(await isApprovedFor(database.db, 'safe-model', 'patient-education')).toBe(false);
    const s2 = (await (
      await json('POST', `/dossiers/${ready.id}/signatures`, {
        role: 'information-security',
        signer: 'Wang Fang',
        decision: 'approve',
        comment: 'on-premises only',
      })
    ).json()) as { status: string; approvals: { signer: string; signedAt: string }[] };
    expect(s2.status).toBe('approved');
    expect(s2.approvals.map((a) => a.signer)).toEqual(['Dr Li', 'Wang Fang']);
    expect(await isApprovedFor(database.db, 'safe-model', 'patient-education')).toBe(true);
    expect(await isApprovedFor(database.db, 'safe-model', 'diagnosis')).toBe(false);
    expect(await isApprovedFor(database.db, 'other-model', 'patient-education')).toBe(false);
    await json('POST', `/dossiers/${ready.id}/signatures`, {
      role: 'ethics',
      signer: 'Chair',
      decision: 'revoke',
    });
    expect(await isApprovedFor(database.db, 'safe-model', 'patient-education')).toBe(false);
  });

  it('refuses bad input, unknown suites and files outside the data roots', async () => {
    expect((await json('POST', '/runs', { suite: 'nope', target: { model: 'x' } })).status).toBe(400);
    expect(
      (
        await json('POST', '/runs', {
          suite: { file: '/etc/passwd', format: 'jsonl' },
          target: { model: 'x' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await json('POST', '/runs', {
          suite: 'safety-redteam',
          target: { kind: 'http', url: 'http://169.254.169.254/' },
        })
      ).status,
    ).toBe(403);
    expect((await app.request('/runs/missing')).status).toBe(404);
  });

  it('records live samples and raises a drift alert when the contradiction rate rises', async () => {
    const day = (d: number) => new Date(Date.UTC(2026, 10, d, 12));
    for (let i = 0; i < 40; i++) {
      await recordLiveSample(database.db, {
        model: 'safe-model',
        scenario: 'qa',
        question: 'q',
        answer: 'a',
        guardContradicted: i < 2,
        sampledAt: day(1),
      });
      await recordLiveSample(database.db, {
        model: 'safe-model',
        scenario: 'qa',
        question: 'q',
        answer: 'a',
        guardContradicted: i < 12,
        sampledAt: day(20),
      });
    }
    const window = (from: number, to: number) => ({
      from: day(from).toISOString(),
      to: day(to).toISOString(),
    });
    const response = await json('POST', '/drift', {
      model: 'safe-model',
      scenario: 'qa',
      metric: 'guard-contradiction',
      baseline: window(1, 2),
      recent: window(20, 21),
    });
    const drift = (await response.json()) as {
      drift: boolean;
      baseline: { rate: number };
      recent: { rate: number };
      pValue: number;
    };
    expect(drift).toMatchObject({ drift: true, baseline: { rate: 2 / 40 }, recent: { rate: 12 / 40 } });
    expect(drift.pValue).toBeLessThan(0.01);
    const alerts = (await (await app.request('/drift-alerts?model=safe-model')).json()) as {
      alerts: unknown[];
    };
    expect(alerts.alerts).toHaveLength(1);
    const same = (await (
      await json('POST', '/drift', {
        model: 'safe-model',
        metric: 'guard-contradiction',
        baseline: window(1, 2),
        recent: window(1, 2),
      })
    ).json()) as { drift: boolean };
    expect(same.drift).toBe(false);
  });
});
