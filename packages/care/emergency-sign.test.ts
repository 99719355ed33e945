/**
 * Signing during an open emergency (issue 20): an unacknowledged critical BP alert is a critical finding on every
 * draft — the card leads with it ("患者有未处理的血压危急值预警（…）：先评估有无高血压急症") and signing needs it
 * acknowledged; once the alert is closed it is gone. Refusals carry stable reason ids for the console.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveAlerts } from '@qihuang/bp-monitoring';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import type { Alert } from '@qihuang/engines/blood-pressure';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import { FhirRepository, type Database } from '@qihuang/store';
import { createPharmacyReviewRoutes, type QueueAnswer } from '@qihuang/pharmacy-review';
import type { CareDeps } from './deps.ts';
import { PROPOSAL_TAG, listDrafts, medicineText } from './prescriptions.ts';
import { cancelPrescription, signPrescription } from './sign.ts';
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

describe.each(DATABASE_KINDS)('signing during an open emergency on %s', (kind) => {
  let database: Database;
  let repo: FhirRepository;
  let deps: CareDeps;

  async function seed(id: string, withAlert: boolean) {
    await repo.update(system, 'Patient', id, {
      resourceType: 'Patient',
      id,
      gender: 'male',
      birthDate: '1960-01-01',
    });
    await repo.update(system, 'MedicationRequest', `${id}-d`, {
      resourceType: 'MedicationRequest',
      id: `${id}-d`,
      status: 'draft',
      intent: 'proposal',
      meta: { tag: [PROPOSAL_TAG] },
      subject: { reference: `Patient/${id}` },
      authoredOn: '2026-03-10T03:00:00Z',
      medicationCodeableConcept: {
        text: 'Amlodipine 5 mg',
        coding: [{ system: 'urn:qihuang:drug', code: 'amlodipine', display: 'Amlodipine' }],
      },
      dosageInstruction: [
        {
          text: '5 mg once daily',
          timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
          doseAndRate: [
            { doseQuantity: { value: 5, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } },
          ],
        },
      ],
    });
    if (withAlert) await saveAlerts(repo, system, id, [crisis]);
  }

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
    };
    await seed('p-crisis', true);
    await seed('p-calm', false);
    await seed('p-rx', true);
  }, 120_000);
  afterAll(async () => database?.close());

  it('the draft leads with the open alert as a critical finding, in the screen language, guideline in words', async () => {
    const [zh] = (await listDrafts(deps, doctor, 'p-crisis', 'zh')).drafts;
    const first = zh!.findings[0]!;
    expect(first.id.startsWith(`${EMERGENCY_RULE}:`)).toBe(true);
    expect(first.severity).toBe('critical');
    expect(first.summary.zh).toBe(
      '患者有未处理的血压危急值预警（家庭血压 198/130 mmHg 达危象范围）：先评估有无高血压急症',
    );
    expect(first.detail.zh).toMatch(/先评估有无急性靶器官损害/);
    // REFERENCE §1.5 named in words on the screen: 中国高血压防治指南 2018 / ACC/AHA 2017 section 11.2.
    expect(first.source.label).toBe('中国高血压防治指南 2018（高血压急症和亚急症）');
    expect(first.source.citation).toBe('');
    const [en] = (await listDrafts(deps, doctor, 'p-crisis', 'en')).drafts;
    expect(en!.findings[0]!.source.label).toMatch(/ACC\/AHA .*section 11\.2/);
    expect(JSON.stringify(en!.findings[0]!.source)).not.toMatch(/§|REFERENCE/);
  });

  it('signing is refused until the emergency is acknowledged, then goes through', async () => {
    const [draft] = (await listDrafts(deps, doctor, 'p-crisis', 'zh')).drafts;
    const id = draft!.findings[0]!.id;
    await expect(signPrescription(deps, doctor, 'p-crisis-d', [])).rejects.toMatchObject({
      code: 'conflict',
      issues: [expect.objectContaining({ message: expect.stringContaining(id) })],
    });
    const signed = await signPrescription(deps, doctor, 'p-crisis-d', [id], 'zh');
    expect(signed.status).toBe('active');
  });

  it('no open emergency, no emergency finding', async () => {
    const [calm] = (await listDrafts(deps, doctor, 'p-calm', 'zh')).drafts;
    expect(calm!.findings.filter((f) => f.id.startsWith(EMERGENCY_RULE))).toEqual([]);
  });

  it('an unsigned draft says what signing confirms: dose, frequency, and whether the pharmacist reviews it', async () => {
    const [zh] = (await listDrafts(deps, doctor, 'p-calm', 'zh')).drafts;
    expect(zh!.signing).toEqual({ dose: '5 mg', frequency: '每日一次', pharmacistReview: false });
    const [en] = (await listDrafts({ ...deps, pharmacyReview: true } as CareDeps, doctor, 'p-calm', 'en'))
      .drafts;
    expect(en!.signing).toEqual({ dose: '5 mg', frequency: 'once daily', pharmacistReview: true });
  });

  it("the pharmacist's queue card shows the patient's open alert, in the card's language", async () => {
    const reviewDeps = { ...deps, pharmacyReview: true } as CareDeps;
    const [draft] = (await listDrafts(reviewDeps, doctor, 'p-rx', 'zh')).drafts;
    await signPrescription(reviewDeps, doctor, 'p-rx-d', [draft!.findings[0]!.id]);
    const routes = createPharmacyReviewRoutes({
      repository: repo,
      context: () => pharmacist,
      drugs: deps.drugs,
      clock: () => NOW,
    });
    const queue = async (lang: string) => {
      const response = await routes.request(`/queue?lang=${lang}`);
      expect(response.status, await response.clone().text()).toBe(200);
      return ((await response.json()) as QueueAnswer).items;
    };
    const zh = (await queue('zh-CN')).find((i) => i.id === 'p-rx-d');
    expect(zh?.openEmergency).toEqual([
      '患者有未处理的血压危急值预警（家庭血压 198/130 mmHg 达危象范围）：请与处方医生确认已先评估有无高血压急症',
    ]);
    const en = (await queue('en')).find((i) => i.id === 'p-rx-d');
    expect(en?.openEmergency?.[0]).toMatch(
      /^The patient has an unacknowledged BP crisis alert \(Home BP 198\/130/,
    );
  });

  it('refusals name a stable reason id (the console words them in the page language)', async () => {
    await expect(signPrescription(deps, doctor, 'p-crisis-d', [])).rejects.toMatchObject({
      code: 'conflict',
      issues: [expect.objectContaining({ message: expect.stringMatching(/^care\.not-draft:active: /) })],
    });
    await cancelPrescription(deps, doctor, 'p-calm-d');
    await expect(cancelPrescription(deps, doctor, 'p-calm-d')).rejects.toMatchObject({
      issues: [expect.objectContaining({ message: expect.stringMatching(/^care\.not-draft:cancelled: /) })],
    });
  });
});

describe('the medicine line of an order the engine writes', () => {
  it('carries its Chinese name as the FHIR translation extension (read by the patient chart on zh screens)', () => {
    const line = medicineText('Amlodipine 5 mg', createDrugKnowledgeBase(), 'amlodipine');
    expect(line.text).toBe('Amlodipine 5 mg');
    expect(line._text?.extension[0]?.extension).toEqual([
      { url: 'lang', valueCode: 'zh-CN' },
      { url: 'content', valueString: '氨氯地平 5 mg' },
    ]);
    expect(medicineText('Unknownium 5 mg', createDrugKnowledgeBase())).toEqual({ text: 'Unknownium 5 mg' });
  });
});
