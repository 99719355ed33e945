/**
 * The tester's findings on the pharmacist's queue (前置审方): approving over a warning/critical finding needs a
 * reason per finding (400 otherwise, nothing changed), stored on the order and counted by the report; the queue
 * holds only orders awaiting review (not chronic orders from years ago), most severe first, each card with its own
 * order's findings and the prescriber's name; one language per answer without internal references; the report
 * and its default date use the hospital's time zone (Asia/Shanghai).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';

// 17:00Z on 1 June is 01:00 on 2 June in Shanghai.
const now = new Date('2026-06-01T17:00:00Z');
const INTERNAL = /REFERENCE|UNVERIFIED|Qihuang|\.csv|\.md\b|loaded at start-up/i;

interface Item {
  id: string;
  severity?: string;
  requester?: string;
  review: { state: string; findings: { id: string; severity: string; override?: string }[] };
  findings: {
    id: string;
    ruleId: string;
    severity: string;
    summary: string;
    detail: string;
    source: { label: string; citation?: string };
  }[];
}

describe.each(DATABASE_KINDS)('pharmacist queue safety on %s', (kind) => {
  let t: TestApp;
  let token = '';
  const headers = (lang?: string) => ({
    Authorization: `Bearer ${token}`,
    'content-type': 'application/json',
    ...(lang ? { 'accept-language': lang } : {}),
  });
  const queue = async (query = '', lang?: string) => {
    const r = await t.request(`/api/pharmacy/queue${query}`, { headers: headers(lang) });
    expect(r.status, await r.clone().text()).toBe(200);
    return ((await r.json()) as { items: Item[] }).items;
  };
  const approve = (id: string, body: unknown, lang?: string) =>
    t.request(`/api/pharmacy/queue/${id}/approve`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: headers(lang),
    });

  beforeAll(async () => {
    t = await createTestApp(kind, { timeZone: 'Asia/Shanghai' }, () => now, 'required');
    const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
    const subject = { reference: 'Patient/ckd' };
    const lab = (id: string, code: string, value: number, unit: string) => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      subject,
      code: { coding: [{ system: 'http://loinc.org', code }] },
      effectiveDateTime: '2026-05-30T08:00:00Z',
      valueQuantity: { value, unit },
    });
    const order = (id: string, text: string, authoredOn: string, status = 'draft', extra = {}) => ({
      resourceType: 'MedicationRequest',
      id,
      status,
      intent: 'order',
      subject,
      medicationCodeableConcept: { text },
      dosageInstruction: [{ text }],
      authoredOn,
      ...extra,
    });
    const resources = [
      {
        resourceType: 'Patient',
        id: 'ckd',
        name: [{ text: '张伟' }],
        gender: 'male',
        birthDate: '1950-01-01',
      },
      { resourceType: 'Practitioner', id: 'dr-li', name: [{ family: '李', given: ['明'] }] },
      lab('scr', '2160-0', 2.9, 'mg/dL'),
      lab('k', '2823-3', 5.4, 'mmol/L'),
      order('old-lisinopril', 'lisinopril 10 mg qd', '2015-03-01T08:00:00Z', 'active'),
      order('old-alendronate', 'Alendronic acid 70 mg weekly', '1999-05-01T08:00:00Z', 'active'),
      order('rx-metformin', 'metformin 500 mg bid', '2026-06-01T09:00:00Z', 'draft', {
        requester: { reference: 'Practitioner/dr-li' },
      }),
      order('rx-spironolactone', 'spironolactone 25 mg qd', '2026-06-01T10:00:00Z'),
      order('rx-nitroglycerin', 'nitroglycerin 0.5 mg sublingual prn', '2026-06-01T08:00:00Z', 'active'),
    ];
    for (const r of resources) await t.repository.update(system, r.resourceType, r.id, r);
    await t.identity.createUser(t.repository.db, {
      username: 'pharm',
      password: 'pharmacist-pw-1',
      role: 'pharmacist',
    });
    const login = await t.request('/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'pharm', password: 'pharmacist-pw-1' }),
      headers: { 'content-type': 'application/json' },
    });
    token = ((await login.json()) as { access_token: string }).access_token;
  });
  afterAll(async () => t.closeAll());

  it('holds only orders awaiting review, most severe first, each with its own findings and prescriber', async () => {
    const items = await queue();
    expect(items.map((i) => i.id).sort()).toEqual(['rx-metformin', 'rx-nitroglycerin', 'rx-spironolactone']);
    expect(items[0]!.severity).toBe('critical');
    const ranks = items.map((i) => ['critical', 'warning', 'info', undefined].indexOf(i.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const nitro = items.find((i) => i.id === 'rx-nitroglycerin')!;
    expect(nitro.findings.filter((f) => /Alendron/i.test(f.summary))).toEqual([]);
    expect(items.find((i) => i.id === 'rx-metformin')!.requester).toBe('李明');
    const old = await approve('old-lisinopril', {});
    expect(old.status).toBe(409);
    expect(await old.text()).toMatch(/不在待审范围内/);
  });

  it('answers in one language, naming sources without internal references', async () => {
    for (const [lang, other] of [
      ['zh-CN', /from creatinine|contraindicated|Aldactone US label/],
      ['en', /[\u4e00-\u9fff]/],
    ] as const) {
      for (const item of await queue('', lang))
        for (const f of item.findings) {
          const shown = `${f.summary} ${f.detail} ${f.source.label} ${f.source.citation ?? ''}`;
          expect(shown, lang).not.toMatch(INTERNAL);
          expect(shown, lang).not.toMatch(other);
        }
    }
    const metformin = (await queue('?lang=zh-CN', 'en')).find((i) => i.id === 'rx-metformin')!;
    expect(metformin.findings[0]!.summary).toMatch(/二甲双胍.*禁用/);
  });

  it('refuses to approve over a critical or warning finding without a reason for each; nothing changes', async () => {
    const metformin = (await queue()).find((i) => i.id === 'rx-metformin')!;
    const serious = metformin.findings.filter((f) => f.severity !== 'info');
    expect(serious.length).toBeGreaterThan(0);
    const empty = await approve('rx-metformin', {}, 'en');
    expect(empty.status).toBe(400);
    // The messages (not `expression`, the machine path of the override field) name the findings.
    const messages = (r: { error?: { message: string; issues?: { message: string }[] } }) =>
      [r.error?.message, ...(r.error?.issues ?? []).map((i) => i.message)].join('\n');
    const emptyText = messages(await empty.json());
    expect(emptyText).toMatch(/override reason/);
    // Findings are named by their display title (drug and problem), never by the internal key.
    for (const f of serious) expect(emptyText).not.toContain(f.id);
    expect(emptyText).not.toMatch(/MedicationRequest\//);
    const enTitles = (await queue('', 'en')).find((i) => i.id === 'rx-metformin')!.findings;
    for (const f of enTitles.filter((x) => x.severity !== 'info')) expect(emptyText).toContain(f.summary);
    const zh = await approve('rx-metformin', { reason: '已知' }, 'zh-CN');
    expect(zh.status).toBe(400);
    const zhText = messages(await zh.json());
    expect(zhText).toMatch(/忽略理由/);
    expect(zhText).not.toMatch(/MedicationRequest\//);
    for (const f of serious) expect(zhText).toContain(f.summary);
    // No Accept-Language: the default of the other API routes (/api/bp, /api/care): zh-CN.
    const none = await approve('rx-metformin', {});
    expect(await none.text()).toMatch(/忽略理由/);
    const stored = await t.request('/fhir/R4/MedicationRequest/rx-metformin', { headers: headers() });
    expect(((await stored.json()) as { meta: { versionId: string } }).meta.versionId).toBe('1');
    expect((await queue()).some((i) => i.id === 'rx-metformin')).toBe(true);

    const overrides = Object.fromEntries(serious.map((f) => [f.id, '肾内科会诊同意，短期使用']));
    const ok = await approve('rx-metformin', { overrides });
    expect(ok.status, await ok.clone().text()).toBe(200);
    const review = ((await ok.json()) as Item).review;
    expect(review.state).toBe('approved');
    for (const f of serious) expect(review.findings.find((r) => r.id === f.id)?.override).toMatch(/肾内科/);
    // The reasons live in the order's FHIR record (version 2) and the write is in the audit log.
    const v2 = await t.request('/fhir/R4/MedicationRequest/rx-metformin', { headers: headers() });
    expect(JSON.stringify(await v2.json())).toContain('肾内科会诊同意');
    const audited = await t.repository.db
      .selectFrom('audit_entry' as never)
      .select(['action', 'username'] as never[])
      .where('resource_id' as never, '=', 'rx-metformin' as never)
      .where('username' as never, '=', 'pharm' as never)
      .execute();
    expect((audited as { action: string }[]).map((a) => a.action)).toContain('update');
  });

  it('reports the hospital day by default and counts override reasons', async () => {
    const r = await t.request('/api/pharmacy/report', { headers: headers() });
    const report = (await r.json()) as Record<string, unknown>;
    expect(report).toMatchObject({
      date: '2026-06-02',
      timeZone: 'Asia/Shanghai',
      approved: 1,
      overridden: 1,
    });
    expect(report.overrideReasons).toBeGreaterThan(0);
    expect(report.overridesWithoutReason).toBe(0);
    const utcDay = await t.request('/api/pharmacy/report?date=2026-06-01', { headers: headers() });
    expect(await utcDay.json()).toMatchObject({ reviewed: 0 });
  });
});
