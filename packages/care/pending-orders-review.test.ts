/**
 * Review across a patient's pending orders (issue 20, SAFETY; a non-author try): two amlodipine orders waited for
 * the pharmacist (5 mg once daily and 5 mg twice daily). Neither card warned of the duplicate or of the combined
 * 15 mg/day (maximum 10 mg); one card said the prescriber had acknowledged 3 critical issues and listed 2. A draft
 * edited to 5 mg twice daily, 28 days, 30 tablets (56 needed) saved with no finding. Here: signing reviews against
 * the orders awaiting the pharmacist, each card names the other order, the acknowledged count is the list's, and a
 * short supply is a warning with its numbers. Withdrawn and returned orders count for nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import { FhirRepository, type Database } from '@qihuang/store';
import { createPharmacyReviewRoutes, type QueueAnswer } from '@qihuang/pharmacy-review';
import type { CareDeps } from './deps.ts';
import { PROPOSAL_TAG, listDrafts } from './prescriptions.ts';
import { cancelPrescription, signPrescription } from './sign.ts';
import { editDraft } from './draft-edit.ts';
import { doctorContext, pharmacistContext, systemContext } from './test-support/contexts.ts';

const NOW = new Date('2026-12-07T04:00:00Z');
const system = systemContext;
const doctor = doctorContext;
const pharmacist = pharmacistContext;

const draft = (id: string, patient: string, perDay: number, extra: Record<string, unknown> = {}) => ({
  resourceType: 'MedicationRequest',
  id,
  status: 'draft',
  intent: 'proposal',
  meta: { tag: [PROPOSAL_TAG] },
  subject: { reference: `Patient/${patient}` },
  authoredOn: '2026-12-07T01:00:00Z',
  medicationCodeableConcept: {
    text: 'Amlodipine 5 mg',
    coding: [{ system: 'urn:qihuang:drug', code: 'amlodipine', display: 'Amlodipine' }],
  },
  dosageInstruction: [
    {
      text: `5 mg ${perDay === 1 ? 'once' : 'twice'} daily`,
      timing: { repeat: { frequency: perDay, period: 1, periodUnit: 'd' } },
      doseAndRate: [
        { doseQuantity: { value: 5, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } },
      ],
    },
  ],
  ...extra,
});

const DUPLICATE = 'duplicate-ingredient-amlodipine:MedicationRequest/a-qd+MedicationRequest/b-bid';
const COMBINED = 'dose-combined-above-max-daily:MedicationRequest/a-qd+MedicationRequest/b-bid';

describe.each(DATABASE_KINDS)('review across pending orders on %s', (kind) => {
  let database: Database;
  let repo: FhirRepository;
  let deps: CareDeps;
  let refusedWithout: string[] = [];

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
    for (const id of ['p1', 'p2'])
      await repo.update(system, 'Patient', id, {
        resourceType: 'Patient',
        id,
        gender: 'male',
        birthDate: '1960-01-01',
      });
    await repo.update(system, 'MedicationRequest', 'a-qd', draft('a-qd', 'p1', 1));
    // A withdrawn order and one the pharmacist returned: neither is the patient's regimen.
    await repo.update(system, 'MedicationRequest', 'w-gone', draft('w-gone', 'p1', 2));
    await repo.update(system, 'MedicationRequest', 'r-back', draft('r-back', 'p1', 2));
    await cancelPrescription(deps, doctor, 'w-gone', 'zh');
    await signPrescription(deps, doctor, 'r-back', [], 'zh');
    const returned = await pharmacy().request('/queue/r-back/return?lang=en', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Wrong frequency' }),
    });
    expect(returned.status, await returned.text()).toBe(200);
    // The first order is signed on its own: it goes to the pharmacist.
    await signPrescription(deps, doctor, 'a-qd', [], 'zh');
    await repo.update(system, 'MedicationRequest', 'b-bid', draft('b-bid', 'p1', 2));
    // Signing the second without acknowledging is refused: the order awaiting review is a duplicate.
    refusedWithout = await signPrescription(deps, doctor, 'b-bid', [], 'zh').then(
      () => [],
      (e: { issues?: { message: string }[] }) => (e.issues ?? []).map((i) => i.message),
    );
    const [card] = (await listDrafts(deps, doctor, 'p1', 'zh')).drafts.filter((d) => d.id === 'b-bid');
    const critical = card!.findings.filter((f) => f.severity === 'critical').map((f) => f.id);
    await signPrescription(deps, doctor, 'b-bid', critical, 'zh');
  }, 120_000);
  afterAll(async () => database?.close());

  const pharmacy = () =>
    createPharmacyReviewRoutes({
      repository: repo,
      context: () => pharmacist,
      drugs: deps.drugs,
      clock: () => NOW,
    });
  const queue = async (lang: string) => {
    const response = await pharmacy().request(`/queue?lang=${lang}`);
    expect(response.status, await response.clone().text()).toBe(200);
    return ((await response.json()) as QueueAnswer).items;
  };

  it('refuses to sign over an order awaiting the pharmacist until the duplicate is acknowledged', () => {
    expect(refusedWithout.some((m) => m.startsWith(`${DUPLICATE}:`))).toBe(true);
  });

  it('each pharmacist card finds the duplicate and the combined 15 mg/day, naming the other order', async () => {
    const cards = await queue('zh-CN');
    expect(cards.map((c) => c.id).sort()).toEqual(['a-qd', 'b-bid']);
    for (const card of cards) {
      const other = card.id === 'a-qd' ? 'b-bid' : 'a-qd';
      const ids = card.findings.map((f) => f.id);
      expect(ids).toContain(DUPLICATE);
      expect(ids).toContain(COMBINED);
      const combined = card.findings.find((f) => f.id === COMBINED)!;
      expect(combined.summary).toBe('氨氯地平合计 15 mg/日，超过最大日剂量 10 mg（2 个医嘱）');
      expect(combined.detail).toMatch(/待药师审核/);
      expect(combined.evidence.orders.map((o) => o.id)).toContain(`MedicationRequest/${other}`);
      expect(card.findings.find((f) => f.id === DUPLICATE)!.summary).toMatch(/待药师审核/);
      // Nothing from the withdrawn or the returned order.
      expect(JSON.stringify(card.findings)).not.toMatch(/w-gone|r-back/);
    }
    const en = (await queue('en')).find((c) => c.id === 'a-qd')!;
    expect(en.findings.find((f) => f.id === COMBINED)!.summary).toBe(
      'Amlodipine 15 mg/day in total exceeds the maximum 10 mg/day (2 orders)',
    );
  });

  it('says as many acknowledged critical issues as it lists acknowledged', async () => {
    for (const lang of ['zh-CN', 'en']) {
      const card = (await queue(lang)).find((c) => c.id === 'b-bid')!;
      const listed = card.findings.filter((f) => f.acknowledged === true);
      expect(listed.map((f) => f.id)).toContain(DUPLICATE);
      expect(card.acknowledged).toBe(
        lang === 'zh-CN'
          ? `医生已确认 ${listed.length} 项严重问题并签署`
          : `Prescriber acknowledged ${listed.length} critical ${listed.length === 1 ? 'issue' : 'issues'}`,
      );
    }
  });

  it('after the other order is returned and withdrawn, neither counts nor lists the duplicate it no longer has', async () => {
    const returned = await pharmacy().request('/queue/a-qd/return?lang=en', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Duplicate of the twice-daily order' }),
    });
    expect(returned.status, await returned.text()).toBe(200);
    await cancelPrescription(deps, doctor, 'a-qd', 'zh');
    const card = (await queue('zh-CN')).find((c) => c.id === 'b-bid')!;
    expect(card.findings.map((f) => f.id)).not.toContain(DUPLICATE);
    expect(card.findings.map((f) => f.id)).not.toContain(COMBINED);
    const listed = card.findings.filter((f) => f.acknowledged === true).length;
    if (listed === 0) expect(card.acknowledged).toBeUndefined();
    else expect(card.acknowledged).toBe(`医生已确认 ${listed} 项严重问题并签署`);
  });

  it('a draft edited to 5 mg twice daily for 28 days with 30 tablets is short, with the numbers', async () => {
    await repo.update(system, 'MedicationRequest', 's-short', draft('s-short', 'p2', 1));
    const view = await editDraft(
      deps,
      doctor,
      's-short',
      { dose: { value: 5, unit: 'mg' }, frequency: 'bid', durationDays: 28, quantity: 30 },
      'zh',
    );
    const short = view.findings.find((f) => f.id === 'supply-short:MedicationRequest/s-short');
    expect(short?.severity).toBe('warning');
    expect(short?.summary.zh).toBe('氨氯地平：总量 30 片不够 28 天（每次 1 片，每日 2 次，需 56 片）');
  });
});
