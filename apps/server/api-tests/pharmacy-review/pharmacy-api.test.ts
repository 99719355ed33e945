import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
/**
 * Pharmacist review queue over the whole server (authentication required): the queue shows an ACEi+ARB
 * interaction for a losartan order when the patient takes lisinopril; approve/return write the review state;
 * return needs a reason; only pharmacists and admins; the daily report's numbers are exact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { REVIEW_EXTENSION } from '@qihuang/pharmacy-review';

const now = new Date('2026-06-01T08:00:00Z');
const clock = () => now;

interface Item {
  id: string;
  medication: string;
  patient: { id?: string; name?: string };
  severity?: string;
  review: { state: string; by?: string; reason?: string; findings: { id: string; override?: string }[] };
  findings: {
    id: string;
    ruleId: string;
    type: string;
    severity: string;
    summary: string;
  }[];
}

describe.each(DATABASE_KINDS)('pharmacy review API on %s', (kind) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (who: string, init: RequestInit & { json?: unknown } = {}) => ({
    ...init,
    headers: { Authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
  });

  async function login(username: string, password: string): Promise<string> {
    const response = await t.request('/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username, password }),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    return ((await response.json()) as { access_token: string }).access_token;
  }
  const queue = async (status = 'pending', who = 'pharm') => {
    const r = await t.request(`/api/pharmacy/queue?status=${status}`, as(who));
    expect(r.status, await r.clone().text()).toBe(200);
    return ((await r.json()) as { items: Item[] }).items;
  };
  const post = (path: string, body: unknown, who = 'pharm') =>
    t.request(`/api/pharmacy${path}`, as(who, { method: 'POST', body: JSON.stringify(body) }));

  beforeAll(async () => {
    t = await createTestApp(kind, {}, clock, 'required');
    const db = t.repository.db;
    const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
    const order = (id: string, pid: string, text: string, authoredOn: string, status = 'draft') => ({
      resourceType: 'MedicationRequest',
      id,
      status,
      intent: 'order',
      subject: { reference: `Patient/${pid}` },
      medicationCodeableConcept: { text },
      dosageInstruction: [{ text }],
      authoredOn,
    });
    const resources = [
      {
        resourceType: 'Patient',
        id: 'p1',
        name: [{ family: '王', given: ['芳'] }],
        gender: 'female',
        birthDate: '1956-03-02',
      },
      {
        resourceType: 'Patient',
        id: 'p2',
        name: [{ text: 'Li Lei' }],
        gender: 'male',
        birthDate: '1970-01-01',
      },
      {
        resourceType: 'MedicationStatement',
        id: 'ms1',
        status: 'active',
        subject: { reference: 'Patient/p1' },
        medicationCodeableConcept: { text: 'lisinopril 10 mg qd' },
      },
      order('mr-losartan', 'p1', 'losartan 50 mg qd', '2026-06-01T07:00:00Z'),
      order('mr-amlodipine', 'p2', 'amlodipine 5 mg qd', '2026-06-01T07:30:00Z', 'active'),
      order('mr-metformin', 'p2', 'metformin 500 mg bid', '2026-06-01T06:00:00Z'),
      { ...order('mr-plan', 'p2', 'atorvastatin 20 mg qd', '2026-06-01T07:45:00Z'), intent: 'plan' },
      order('mr-done', 'p2', 'atorvastatin 20 mg qd', '2026-06-01T07:50:00Z', 'completed'),
    ];
    for (const r of resources) await t.repository.update(system, r.resourceType, r.id, r);
    await t.identity.createUser(db, { username: 'pharm', password: 'pharmacist-pw-1', role: 'pharmacist' });
    await t.identity.createUser(db, { username: 'admin', password: 'admin-password-1', role: 'admin' });
    await t.identity.createUser(db, { username: 'doc', password: 'doctor-password-1', role: 'clinician' });
    tokens.pharm = await login('pharm', 'pharmacist-pw-1');
    tokens.admin = await login('admin', 'admin-password-1');
    tokens.doc = await login('doc', 'doctor-password-1');
  });
  afterAll(async () => t.closeAll());

  it('lists pending orders (draft or active, intent order) most severe first, then longest waiting, with findings and patient names', async () => {
    const items = await queue();
    const answer = await t.request('/api/pharmacy/queue', as('pharm'));
    // The hospital's zone (default Asia/Shanghai), for the console to show card times in it.
    expect(((await answer.json()) as { timeZone?: string }).timeZone).toBe('Asia/Shanghai');
    expect(items.map((i) => i.id)).toEqual(['mr-losartan', 'mr-metformin', 'mr-amlodipine']);
    const losartan = items.find((i) => i.id === 'mr-losartan')!;
    expect(losartan.patient).toMatchObject({ id: 'p1', name: '王芳', sex: 'female', ageYears: 70 });
    expect(losartan.medication).toBe('losartan 50 mg qd');
    expect(losartan.review.state).toBe('pending');
    // The engine files ACEi + ARB (dual RAS blockade) under type 'guideline', rule 'acei-arb'.
    const interaction = losartan.findings.find((f) => f.ruleId === 'acei-arb');
    expect(interaction?.type).toBe('guideline');
    expect(['warning', 'critical']).toContain(interaction?.severity);
    expect(interaction?.summary).toMatch(/[\u4e00-\u9fff]/);
    expect(losartan.severity).toBe(interaction?.severity);
    expect(items.find((i) => i.id === 'mr-amlodipine')!.patient.name).toBe('Li Lei');
  });

  it('is for pharmacists and admins only', async () => {
    expect((await t.request('/api/pharmacy/queue', as('doc'))).status).toBe(403);
    expect((await post('/queue/mr-metformin/approve', {}, 'doc')).status).toBe(403);
    expect((await t.request('/api/pharmacy/report?date=2026-06-01', as('doc'))).status).toBe(403);
    expect((await t.request('/api/pharmacy/queue')).status).toBe(401);
    expect((await t.request('/api/pharmacy/queue', as('admin'))).status).toBe(200);
  });

  it('rejects bad input', async () => {
    expect((await post('/queue/mr-amlodipine/return', {})).status).toBe(400);
    expect((await post('/queue/mr-amlodipine/return', { reason: '   ' })).status).toBe(400);
    expect((await t.request('/api/pharmacy/queue?status=nope', as('pharm'))).status).toBe(400);
    expect((await t.request('/api/pharmacy/report?date=2026-13-45', as('pharm'))).status).toBe(400);
    expect((await post('/queue/mr-losartan/approve', { overrides: { 'no-such': 'x' } })).status).toBe(400);
    expect((await post('/queue/mr-plan/approve', {})).status).toBe(409);
    expect((await post('/queue/missing/approve', {})).status).toBe(404);
    expect((await queue()).length).toBe(3);
  });

  it('returns with a reason and approves with override reasons, writing the extension', async () => {
    const returned = await post('/queue/mr-amlodipine/return', { reason: '剂量需调整 dose to review' });
    expect(returned.status, await returned.clone().text()).toBe(200);
    expect(((await returned.json()) as Item).review).toMatchObject({
      state: 'returned',
      by: 'pharm',
      reason: '剂量需调整 dose to review',
    });

    const losartan = (await queue()).find((i) => i.id === 'mr-losartan')!;
    const interaction = losartan.findings.find((f) => f.ruleId === 'acei-arb')!;
    const approved = await post('/queue/mr-losartan/approve', {
      overrides: { [interaction.id]: 'Cardiology switching ACEi to ARB; lisinopril stops today' },
    });
    expect(approved.status, await approved.clone().text()).toBe(200);
    const review = ((await approved.json()) as Item).review;
    expect(review.state).toBe('approved');
    expect(review.findings.find((f) => f.id === interaction.id)?.override).toMatch(/Cardiology/);

    expect((await post('/queue/mr-metformin/approve', {}, 'admin')).status).toBe(200);
    expect((await post('/queue/mr-losartan/return', { reason: 'again' })).status).toBe(409);

    expect(await queue()).toEqual([]);
    expect((await queue('returned')).map((i) => i.id)).toEqual(['mr-amlodipine']);
    expect((await queue('approved')).map((i) => i.id)).toEqual(['mr-losartan', 'mr-metformin']);
    expect((await queue('all')).length).toBe(3);

    const stored = await t.request('/fhir/R4/MedicationRequest/mr-losartan', as('pharm'));
    const resource = (await stored.json()) as { meta: { versionId: string }; extension: { url: string }[] };
    expect(resource.meta.versionId).toBe('2');
    expect(resource.extension.map((e) => e.url)).toEqual([REVIEW_EXTENSION]);
  });

  it('reports the day exactly', async () => {
    const all = await queue('all');
    const findings = all.flatMap((i) => i.review.findings as unknown as { type: string; severity: string }[]);
    const r = await t.request('/api/pharmacy/report?date=2026-06-01', as('pharm'));
    expect(r.status).toBe(200);
    const report = (await r.json()) as Record<string, unknown> & {
      findings: { total: number; byType: { type: string; total: number }[] };
    };
    expect(report).toMatchObject({
      date: '2026-06-01',
      reviewed: 3,
      approved: 2,
      returned: 1,
      returnRate: 0.3333,
      flagged: 1,
      overridden: 1,
      overrideRate: 1,
      overrideReasons: 1,
      overridesWithoutReason: 0,
    });
    expect(report.findings.total).toBe(findings.length);
    expect(report.findings).toEqual({
      total: 1,
      bySeverity: { info: 0, warning: 1, critical: 0 },
      byType: [{ type: 'guideline', total: 1, info: 0, warning: 1, critical: 0 }],
    });

    const other = await t.request('/api/pharmacy/report?date=2026-05-31', as('pharm'));
    expect(await other.json()).toMatchObject({ reviewed: 0, returnRate: 0, overrideRate: 0 });
  });
});
