/**
 * Issue 20 (non-author try): drafts that were not the engine's tagged proposals (metoprolol, verapamil,
 * hydrochlorothiazide 12.5 mg) carried no `signing` facts, so the sign dialog said "Once signed it is the
 * patient's medication at once" and the card "the current order stops when this is signed" while signing sent
 * them to the pharmacist; the frequency read "—". Every unsigned draft says where signing sends it, from the rule
 * signing itself follows. And a draft whose priorPrescription has no display showed "由 换为 …": the name of the
 * order it replaces is read from that order (same patient only).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import { FhirRepository, type Database } from '@qihuang/store';
import type { CareDeps } from './deps.ts';
import { listDrafts } from './prescriptions.ts';
import { signPrescription } from './sign.ts';
import { doctorContext, systemContext } from './test-support/contexts.ts';

const NOW = new Date('2026-12-08T05:00:00Z');

const order = (
  id: string,
  patient: string,
  text: string,
  mg: number,
  extra: Record<string, unknown> = {},
) => ({
  resourceType: 'MedicationRequest',
  id,
  status: 'draft',
  intent: 'proposal',
  subject: { reference: `Patient/${patient}` },
  authoredOn: '2026-12-08T04:00:00Z',
  medicationCodeableConcept: { text },
  dosageInstruction: [
    {
      text: `${mg} mg once daily`,
      timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
      doseAndRate: [
        { doseQuantity: { value: mg, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } },
      ],
    },
  ],
  ...extra,
});

describe.each(DATABASE_KINDS)('what signing will do, for any unsigned draft, on %s', (kind) => {
  let database: Database;
  let deps: CareDeps;
  const reviewDeps = () => ({ ...deps, pharmacyReview: true }) as CareDeps;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const repo = new FhirRepository(database.db, { clock: () => NOW });
    deps = {
      db: database.db,
      repository: repo,
      drugs: createDrugKnowledgeBase(),
      model: { name: 'none', configured: () => false, chat: () => Promise.reject(new Error('no model')) },
      audit: async () => {},
      clock: () => NOW,
    };
    for (const id of ['p1', 'p2'])
      await repo.update(systemContext, 'Patient', id, {
        resourceType: 'Patient',
        id,
        gender: 'female',
        birthDate: '1960-01-01',
      });
    await repo.update(
      systemContext,
      'MedicationRequest',
      'hctz25',
      order('hctz25', 'p1', 'Hydrochlorothiazide 25 mg', 25, { status: 'active', intent: 'order' }),
    );
    await repo.update(
      systemContext,
      'MedicationRequest',
      'other25',
      order('other25', 'p2', 'Losartan 50 mg', 50, { status: 'active', intent: 'order' }),
    );
    // Not the engine's tagged proposal; the replaced order referenced without a display.
    await repo.update(
      systemContext,
      'MedicationRequest',
      'hctz125',
      order('hctz125', 'p1', 'Hydrochlorothiazide 12.5 mg', 12.5, {
        priorPrescription: { reference: 'MedicationRequest/hctz25' },
      }),
    );
    // Points at another patient's order: never named from it.
    await repo.update(
      systemContext,
      'MedicationRequest',
      'cross',
      order('cross', 'p1', 'Metoprolol 25 mg', 25, {
        priorPrescription: { reference: 'MedicationRequest/other25' },
      }),
    );
  }, 120_000);
  afterAll(async () => database?.close());

  it('an untagged unsigned draft says signing sends it to the pharmacist, with dose and frequency', async () => {
    const { drafts } = await listDrafts(reviewDeps(), doctorContext, 'p1', 'zh');
    const d = drafts.find((x) => x.id === 'hctz125')!;
    expect(d.signing).toEqual({ dose: '12.5 mg', frequency: '每日一次', pharmacistReview: true });
    const off = (await listDrafts(deps, doctorContext, 'p1', 'en')).drafts.find((x) => x.id === 'hctz125')!;
    expect(off.signing).toEqual({ dose: '12.5 mg', frequency: 'once daily', pharmacistReview: false });
  });

  it('the replaced order is named from the order itself, in the screen language; never across patients', async () => {
    const zh = (await listDrafts(deps, doctorContext, 'p1', 'zh')).drafts;
    expect(zh.find((x) => x.id === 'hctz125')!.priorPrescription).toEqual({
      id: 'hctz25',
      display: '氢氯噻嗪 25 mg',
    });
    const en = (await listDrafts(deps, doctorContext, 'p1', 'en')).drafts;
    expect(en.find((x) => x.id === 'hctz125')!.priorPrescription?.display).toBe('Hydrochlorothiazide 25 mg');
    expect(en.find((x) => x.id === 'cross')!.priorPrescription?.display).toBe('');
  });

  it('signing follows the same rule: with review on the draft goes to the pharmacist', async () => {
    const signed = await signPrescription(reviewDeps(), doctorContext, 'hctz125', [], 'en');
    expect(signed.status).toBe('draft');
    expect(signed.awaitingReview).toBe(true);
    expect(signed.priorPrescription?.display).toBe('Hydrochlorothiazide 25 mg');
  });
});
