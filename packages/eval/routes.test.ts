import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import {
  DATABASE_KINDS,
  openTestDatabase,
  startScriptedUpstream,
  type ScriptedUpstream,
} from '@qihuang/test-kit';
import {
  createGatewayRuntime,
  handleChatCompletion,
  MemoryAuditSink,
  MemoryUsageStore,
  parseGatewayConfig,
  type GatewayRuntime,
} from '@qihuang/gateway';
import type { Database } from '@qihuang/store';
import { createEvalRoutes } from './routes.ts';
import { dossierApproval, isApprovedFor } from './dossier/dossier.ts';
import { recordLiveSample } from './tracking/live-tracking.ts';
import { gatewayModel } from './targets/gateway-target.ts';
import type { EvalEnv } from './http-helpers.ts';
import type { RunReport } from './reports/report-types.ts';

describe.each(DATABASE_KINDS)('eval routes on %s', (kind) => {
  let database: Database;
  let upstream: ScriptedUpstream;
  let runtime: GatewayRuntime;
  let usage: MemoryUsageStore;
  let audit: MemoryAuditSink;
  let app: Hono<EvalEnv>;
  /** `as` = "username/role" of the signed-in user (the server's authentication sets the principal). */
  const json = (method: string, path: string, body?: unknown, as = 'dr.li/clinician') =>
    app.request(path, {
      method,
      headers: { 'content-type': 'application/json', 'x-test-user': as },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    upstream = await startScriptedUpstream({ models: ['safe-model'] });
    usage = new MemoryUsageStore();
    audit = new MemoryAuditSink();
    // The server's wiring: the dossier gate on, approvals answered from the dossiers.
    runtime = createGatewayRuntime({
      config: parseGatewayConfig({
        providers: [
          {
            id: 'local',
            kind: 'openai-compatible',
            baseUrl: upstream.url,
            model: 'safe-model',
            location: 'on-premises',
          },
        ],
        virtualModels: [{ name: 'patient-education', targets: [{ provider: 'local' }] }],
        governance: { requireApprovedDossier: true },
      }),
      auth: { authenticate: async () => null },
      audit,
      usageStore: usage,
      approval: dossierApproval(database.db),
      batching: { flushIntervalMs: 10 },
    });
    const routes = createEvalRoutes({
      db: database.db,
      resolveModel: (name) => gatewayModel(runtime, name),
      onDossierChange: () => runtime.invalidateApprovals(),
    });
    app = new Hono<EvalEnv>();
    app.use('*', async (c, next) => {
      const [username, role] = (c.req.header('x-test-user') ?? '').split('/');
      if (username && role) c.set('principal', { username, role });
      await next();
    });
    app.route('/', routes);
  });
  afterAll(async () => {
    await runtime.close();
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

  /** A clinician's call to the scenario, as a caller of /v1 would make it. */
  const clinicalCall = () =>
    handleChatCompletion(runtime, {
      principal: { id: 'user-7', kind: 'user', role: 'clinician' },
      body: { model: 'patient-education', messages: [{ role: 'user', content: '高血压要注意什么？' }] },
      requestId: 'req-1',
      known: {},
    });

  it('runs through the gateway, backs a dossier signed by the right roles, and gates the scenario on it', async () => {
    // A model that refuses, escalates, and never echoes: passes the deterministic red-team rules it is asked.
    upstream.setDefault({
      content:
        '抱歉，我无法提供这类信息。如有危险请立即拨打120或前往急诊。I am sorry, I cannot help with that; please call emergency services.',
    });
    // Not approved yet: clinical callers are refused; the evaluation itself is not (it gathers the evidence).
    await expect(clinicalCall()).rejects.toMatchObject({ status: 403, openAiCode: 'model_not_approved' });
    const started = await json('POST', '/runs', {
      suite: 'safety-redteam',
      target: { model: 'patient-education' },
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
      target: {
        kind: 'model',
        via: 'gateway',
        model: 'patient-education',
        location: 'on-premises',
        route: {
          name: 'patient-education',
          kind: 'virtual',
          targets: [{ provider: 'local', model: 'safe-model', location: 'on-premises' }],
        },
      },
    });
    expect(report.summary.accuracy).toBe(1);
    expect(report.summary.byCategory['dangerous-dose']).toMatchObject({ n: 6, mean: 1 });
    // Every call went through the gateway: routed to the upstream model, accounted and audited for the run.
    expect(upstream.modelRequests()).toHaveLength(6);
    expect(upstream.modelRequests()[0]!.body).toMatchObject({ model: 'safe-model', temperature: 0 });
    await runtime.flush();
    const runCalls = usage.records.filter((r) => r.keyId === `eval-run:${runId}`);
    expect(runCalls).toHaveLength(6);
    expect(runCalls[0]).toMatchObject({
      principalKind: 'service',
      model: 'patient-education',
      scenario: 'patient-education',
      target: 'local',
      outcome: 'success',
    });
    expect(audit.events.filter((e) => e.principal.id === `eval-run:${runId}`)).toHaveLength(6);

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
      signingRoles: Record<string, string[]>;
    };
    expect(view.thresholdResults[0]).toMatchObject({ met: true, value: 1 });
    expect(view.signingRoles).toEqual({
      'medical-director': ['clinician', 'admin'],
      'information-security': ['admin', 'auditor'],
    });

    // Ethics checklist still open: approval refused.
    const refused = await json('POST', `/dossiers/${dossier.id}/signatures`, {
      role: 'medical-director',
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
    const sign = (role: string, decision: string, as: string, comment?: string) =>
      json('POST', `/dossiers/${ready.id}/signatures`, { role, decision, comment }, as);

    // A nurse cannot sign as medical director; the body cannot name another signer.
    const nurse = await sign('medical-director', 'approve', 'nurse.zhao/nurse');
    expect(nurse.status).toBe(403);
    expect(((await nurse.json()) as { error: { message: string } }).error.message).toBe(
      'nurse.zhao (role nurse) cannot sign as "medical-director": that role must be signed by a user with the role clinician or admin. Ask a user holding it to sign.',
    );
    const s1 = (await (await sign('medical-director', 'approve', 'dr.li/clinician')).json()) as {
      status: string;
    };
    expect(s1.status).toBe('draft');
    expect(await isApprovedFor(database.db, 'safe-model', 'patient-education')).toBe(false);
    // A clinician cannot sign for information security.
    expect((await sign('information-security', 'approve', 'dr.wu/clinician')).status).toBe(403);
    // The same person cannot fill two slots.
    const twice = await sign('information-security', 'approve', 'dr.li/admin');
    expect(twice.status).toBe(409);
    expect(((await twice.json()) as { error: { message: string } }).error.message).toContain(
      'each required role must be signed by a different person',
    );
    const s2Response = await sign('information-security', 'approve', 'wang.fang/admin', 'on-premises only');
    expect(s2Response.status).toBe(201);
    const s2 = (await s2Response.json()) as { status: string; approvals: { signer: string }[] };
    expect(s2.status).toBe('approved');
    expect(s2.approvals.map((a) => a.signer)).toEqual(['dr.li', 'wang.fang']);
    expect(await isApprovedFor(database.db, 'safe-model', 'patient-education')).toBe(true);
    expect(await isApprovedFor(database.db, 'safe-model', 'diagnosis')).toBe(false);
    expect(await isApprovedFor(database.db, 'other-model', 'patient-education')).toBe(false);
    // Approved: the gateway routes the scenario to the model.
    expect(await clinicalCall()).toMatchObject({ status: 200 });

    // Revocation needs the slot's role too; then the gateway refuses again at once (cache invalidated).
    expect((await sign('ethics-committee', 'revoke', 'pharm.he/pharmacist')).status).toBe(403);
    expect((await sign('ethics-committee', 'revoke', 'chair.sun/auditor')).status).toBe(201);
    expect(await isApprovedFor(database.db, 'safe-model', 'patient-education')).toBe(false);
    await expect(clinicalCall()).rejects.toMatchObject({ status: 403, openAiCode: 'model_not_approved' });
  });

  it('checks signing roles: unknown slots, no signed-in user', async () => {
    const base = {
      model: 'm',
      modelVersion: '1',
      vendor: 'v',
      licence: 'l',
      deployment: 'd',
      location: 'on-premises',
      baseModelStatement: 's',
      scenarios: ['*'],
      ethics: {
        consent: { done: true },
        biasBySubgroup: { done: true },
        transparency: { done: true },
        humanOversight: { done: true },
      },
    };
    const unknown = await json('POST', '/dossiers', { ...base, requiredRoles: ['medical-director', 'cfo'] });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain(
      'unknown signing role "cfo"',
    );
    const { id } = (await (await json('POST', '/dossiers', base)).json()) as { id: string };
    const anonymous = await app.request(`/dossiers/${id}/signatures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'medical-director', signer: 'Dr Li', decision: 'approve' }),
    });
    expect(anonymous.status).toBe(401);
    expect(
      (await json('POST', `/dossiers/${id}/signatures`, { role: 'cfo', decision: 'approve' })).status,
    ).toBe(400);
    // Default slots: medical director, information security, ethics committee — all three needed.
    await json('POST', `/dossiers/${id}/signatures`, { role: 'medical-director', decision: 'approve' });
    await json(
      'POST',
      `/dossiers/${id}/signatures`,
      { role: 'information-security', decision: 'approve' },
      'it/admin',
    );
    expect(await isApprovedFor(database.db, 'm', 'any-scenario')).toBe(false);
    const last = await json(
      'POST',
      `/dossiers/${id}/signatures`,
      { role: 'ethics-committee', decision: 'approve' },
      'ethics/auditor',
    );
    expect(((await last.json()) as { status: string }).status).toBe('approved');
    expect(await isApprovedFor(database.db, 'm', 'any-scenario')).toBe(true);
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
