/**
 * What the prescriber signed over reaches the pharmacist (issue 20, a non-author try): a doctor signed amlodipine
 * during the patient's open crisis after acknowledging two critical issues (the open crisis and a dose above the
 * maximum); the pharmacist's queue said "No findings" and sorted it last. The card carries the findings as signed —
 * the open crisis among them, as a critical finding — marks the ones the prescriber acknowledged, says how many
 * ("医生已确认 2 项严重问题并签署"), and the order sorts with the critical ones, first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveAlerts } from '@qihuang/bp-monitoring';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import type { Alert } from '@qihuang/engines/blood-pressure';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import { FhirRepository, type Database } from '@qihuang/store';
import { createPharmacyReviewRoutes, type QueueAnswer } from '@qihuang/pharmacy-review';
import type { CareDeps } from './deps.ts';
import { PROPOSAL_TAG, listDrafts } from './prescriptions.ts';
import { signPrescription } from './sign.ts';
import { EMERGENCY_RULE } from './emergency-review.ts';
import { doctorContext, pharmacistContext, systemContext } from './test-support/contexts.ts';

const NOW = new Date('2026-03-10T04:00:00Z');
const system = systemContext;
const doctor = doctorContext;
const pharmacist = pharmacistContext;

const crisis = {
  key: 'crisis-home-1',
  kind: 'crisis',
  severity: 'critical',
  raisedAt: '2026-03-09T23:00:00Z',
  readingIds: [],
  values: { sbp: 198, dbp: 130 },
  rule: 'SBP >180 or DBP >120',
  source: 'REFERENCE §1.5',
  display: { zh: '家庭血压 198/130 mmHg 达危象范围', en: 'Home BP 198/130 mmHg in the crisis range' },
} as Alert;

describe.each(DATABASE_KINDS)('signed over critical findings, in the pharmacist queue on %s', (kind) => {
  let database: Database;
  let repo: FhirRepository;
  let deps: CareDeps;

  const draft = (id: string, patient: string, mg: number, authoredOn: string) => ({
    resourceType: 'MedicationRequest',
    id,
    status: 'draft',
    intent: 'proposal',
    meta: { tag: [PROPOSAL_TAG] },
    subject: { reference: `Patient/${patient}` },
    authoredOn,
    medicationCodeableConcept: {
      text: `Amlodipine ${mg} mg`,
      coding: [{ system: 'urn:qihuang:drug', code: 'amlodipine', display: 'Amlodipine' }],
    },
    dosageInstruction: [
      {
        text: `${mg} mg once daily`,
        timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
        doseAndRate: [
          { doseQuantity: { value: mg, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } },
        ],
      },
    ],
  });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    repo = new FhirRepository(database.db, { clock: () => NOW });
    deps = {
      db: database.db,
      repository: repo,
      drugs: createDrugKnowledgeBase(),
      model: { name: 'none', configured: () => false, chat: () => Promise.reject(new Error('no model')) },
      audit: async () => {},
      clock: () => NOW,
      pharmacyReview: true,
    } as CareDeps;
    for (const id of ['p-crisis', 'p-calm'])
      await repo.update(system, 'Patient', id, {
        resourceType: 'Patient',
        id,
        gender: 'male',
        birthDate: '1960-01-01',
      });
    // The calm patient's order was written first: by age alone it would lead the queue.
    await repo.update(
      system,
      'MedicationRequest',
      'calm-d',
      draft('calm-d', 'p-calm', 5, '2026-03-10T01:00:00Z'),
    );
    await repo.update(
      system,
      'MedicationRequest',
      'crisis-d',
      draft('crisis-d', 'p-crisis', 20, '2026-03-10T03:00:00Z'),
    );
    await saveAlerts(repo, system, 'p-crisis', [crisis]);
    for (const [id, patient] of [
      ['calm-d', 'p-calm'],
      ['crisis-d', 'p-crisis'],
    ] as const) {
      const [card] = (await listDrafts(deps, doctor, patient, 'zh')).drafts.filter((d) => d.id === id);
      const critical = card!.findings.filter((f) => f.severity === 'critical').map((f) => f.id);
      await signPrescription(deps, doctor, id, critical, 'zh');
    }
  }, 120_000);
  afterAll(async () => database?.close());

  const queue = async (lang: string) => {
    const routes = createPharmacyReviewRoutes({
      repository: repo,
      context: () => pharmacist,
      drugs: deps.drugs,
      clock: () => NOW,
    });
    const response = await routes.request(`/queue?lang=${lang}`);
    expect(response.status, await response.clone().text()).toBe(200);
    return ((await response.json()) as QueueAnswer).items;
  };

  it('shows the findings as signed, the open crisis among them, marked as acknowledged, and sorts them first', async () => {
    const zh = await queue('zh-CN');
    expect(zh.map((i) => i.id)).toEqual(['crisis-d', 'calm-d']);
    const card = zh[0]!;
    expect(card.severity).toBe('critical');
    const critical = card.findings.filter((f) => f.severity === 'critical');
    expect(critical.length).toBe(2);
    expect(critical.some((f) => f.id.startsWith(`${EMERGENCY_RULE}:`))).toBe(true);
    expect(critical.every((f) => f.acknowledged === true)).toBe(true);
    expect(card.acknowledged).toBe('医生已确认 2 项严重问题并签署');
    const emergency = critical.find((f) => f.id.startsWith(EMERGENCY_RULE))!;
    expect(emergency.summary).toMatch(/^患者有未处理的血压危急值预警（家庭血压 198\/130 mmHg 达危象范围）/);
    expect(
      `${emergency.summary}${emergency.detail}${emergency.source.label}`.replace(/mmHg/g, ''),
    ).not.toMatch(/[A-Za-z§]{3}/);
    const en = (await queue('en'))[0]!;
    expect(en.acknowledged).toBe('Prescriber acknowledged 2 critical issues');
    expect(en.findings.find((f) => f.id === emergency.id)!.source.label).toMatch(/ACC\/AHA.*11\.2/);
    expect(JSON.stringify(en)).not.toMatch(/§|REFERENCE|[\u4e00-\u9fff]/);
    // The calm order: nothing signed over.
    expect(zh[1]!.acknowledged).toBeUndefined();
  });

  it('approving over the open crisis needs the pharmacist’s reason for it too', async () => {
    const routes = createPharmacyReviewRoutes({
      repository: repo,
      context: () => pharmacist,
      drugs: deps.drugs,
      clock: () => NOW,
    });
    routes.onError((e, c) => c.json({ message: e.message }, 400));
    const refused = await routes.request('/queue/crisis-d/approve?lang=en', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/crisis/);
  });
});
