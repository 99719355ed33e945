/**
 * The proposal judges a regimen on readings taken on it (issue 20 try: 生成治疗建议 right after a triple therapy was
 * approved proposed 难治性高血压 from the week of readings that led to the prescription). Resistant hypertension is BP
 * above target despite ≥3 classes incl. a diuretic at optimal doses (REFERENCE §7.4: ACC/AHA 2017, ESH 2023); readings
 * count from 14 days after the regimen's latest start or change (REFERENCE §2.3, ACC/AHA 2017 HBPM procedure;
 * docs/decisions/0023). Through POST /api/care/patients/:id/proposal on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { withReview } from '@qihuang/pharmacy-review';
import type { FhirResource } from '@qihuang/store';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { csv, week } from './care-test-support.ts';
import { createTestApp, type TestApp } from '../../test-support.ts';

const NOW = new Date('2026-03-10T04:00:00Z'); // 12:00 Shanghai
const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
type Text = { zh: string; en: string };
interface Answer {
  proposal: {
    decision: string;
    orders: { agent: string }[];
    notes: Text[];
    display: Text;
    followUpDays: number;
  };
  drafts: unknown[];
}

/** Amlodipine 10 mg, losartan 100 mg, hydrochlorothiazide 50 mg daily: three classes incl. a diuretic at maximum. */
const TRIPLE: [string, number][] = [
  ['amlodipine', 10],
  ['losartan', 100],
  ['hydrochlorothiazide', 50],
];

function order(id: string, patient: string, drug: string, mg: number, approvedAt: string): FhirResource {
  const base = {
    resourceType: 'MedicationRequest',
    id,
    status: 'active',
    intent: 'order',
    authoredOn: new Date(Date.parse(approvedAt) - 3_600_000).toISOString(),
    medicationCodeableConcept: {
      text: `${drug} ${mg} mg`,
      coding: [{ system: 'urn:qihuang:drug', code: drug, display: drug }],
    },
    subject: { reference: `Patient/${patient}` },
    dosageInstruction: [
      {
        text: `${mg} mg once daily`,
        timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
        doseAndRate: [
          { doseQuantity: { value: mg, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } },
        ],
      },
    ],
  } as unknown as FhirResource;
  return withReview(base, { state: 'approved', by: 'u-rx', byName: '药师', at: approvedAt, findings: [] });
}

function statement(id: string, patient: string, drug: string, mg: number): FhirResource {
  return {
    resourceType: 'MedicationStatement',
    id,
    status: 'active',
    medicationCodeableConcept: {
      text: `${drug} ${mg} mg`,
      coding: [{ system: 'urn:qihuang:drug', code: drug, display: drug }],
    },
    subject: { reference: `Patient/${patient}` },
    dosage: [
      {
        text: `${mg} mg once daily`,
        timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
        doseAndRate: [{ doseQuantity: { value: mg, unit: 'mg' } }],
      },
    ],
  } as unknown as FhirResource;
}

describe.each(DATABASE_KINDS)('proposal on the current regimen on %s', (kind) => {
  let t: TestApp;
  const propose = async (patientId: string, language: 'zh' | 'en') => {
    const r = await t.request(`/api/care/patients/${patientId}/proposal`, {
      method: 'POST',
      body: JSON.stringify({ guideline: 'china-2018', language }),
      headers: { 'content-type': 'application/json' },
    });
    expect(r.status, await r.clone().text()).toBe(201);
    return (await r.json()) as Answer;
  };
  const seed = async (id: string, approvedAt: string | 'statement', readings: string) => {
    await t.repository.update(system, 'Patient', id, {
      resourceType: 'Patient',
      id,
      gender: 'male',
      birthDate: '1968-01-01',
      name: [{ text: id }],
    });
    for (const [drug, mg] of TRIPLE) {
      const r =
        approvedAt === 'statement'
          ? statement(`${id}-${drug}`, id, drug, mg)
          : order(`${id}-${drug}`, id, drug, mg, approvedAt);
      await t.repository.update(system, r.resourceType, String(r.id), r);
    }
    const up = await t.request(`/api/bp/patients/${id}/readings`, {
      method: 'POST',
      body: readings,
      headers: { 'content-type': 'text/csv' },
    });
    expect(up.status, await up.clone().text()).toBe(201);
  };

  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => NOW);
    // 3–9 March, home mean ≈149/91 (above the home target <135/85)
    await seed('rx-new', '2026-03-10T02:00:00Z', week(150, 92)); // approved this morning
    await seed('rx-settled', '2026-02-01T02:00:00Z', week(150, 92)); // five weeks on it
    await seed('rx-listed', 'statement', week(150, 92)); // listed by the patient, no start date
    // Approved 23 Feb 10:00 Shanghai: in place 14 days from 9 March 10:00 — only that evening's two readings count.
    await seed(
      'rx-few',
      '2026-02-23T02:00:00Z',
      csv([
        ['2026-03-08T07:00:00+08:00', 152, 93],
        ['2026-03-08T21:00:00+08:00', 150, 92],
        ['2026-03-09T07:00:00+08:00', 151, 92],
        ['2026-03-09T21:00:00+08:00', 150, 92],
        ['2026-03-09T21:02:00+08:00', 148, 91],
      ]),
    );
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it('approved this morning, readings from the week before: too early to judge, no spironolactone, no 难治', async () => {
    const zh = await propose('rx-new', 'zh');
    expect(zh.proposal.decision).toBe('too-early');
    expect(zh.proposal.orders).toEqual([]);
    expect(zh.drafts).toEqual([]);
    const text = [zh.proposal.display.zh, ...zh.proposal.notes.map((n) => n.zh)].join('\n');
    expect(text).not.toMatch(/难治性高血压（|螺内酯/);
    expect(text).toContain('为时尚早');
    // The one current home mean (decision 0027): 7 days ending today, their first day dropped (REFERENCE §2.3) —
    // its readings begin on 5 March.
    expect(text).toContain('2026-03-05 起的读数');
    expect(text).toContain('2026-03-10 开始或调整');
    expect(text).toContain('2026-03-24 起连续 7 天');
    expect(zh.proposal.followUpDays).toBe(28);
    const en = await propose('rx-new', 'en');
    expect(en.proposal.decision).toBe('too-early');
    expect(en.proposal.notes.map((n) => n.en).join('\n')).toContain('Too early to judge the current regimen');
  });

  it('five weeks on the triple therapy, still above target: the resistant-hypertension review stands', async () => {
    const p = await propose('rx-settled', 'en');
    expect(p.proposal.decision).toBe('resistant-review');
  });

  it('a regimen the patient listed without a start date is taken as long-standing (as before)', async () => {
    const p = await propose('rx-listed', 'en');
    expect(p.proposal.decision).toBe('resistant-review');
  });

  it('only two readings since the regimen settled: too few, says so and when to re-check', async () => {
    const p = await propose('rx-few', 'zh');
    expect(p.proposal.decision).toBe('too-early');
    expect(p.proposal.notes[0]!.zh).toContain('读数太少');
    expect(p.proposal.notes[0]!.zh).toContain('2026-03-09 起');
  });
});
