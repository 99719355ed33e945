/**
 * Signing a switch or a dose change (issue 20/19, SAFETY; a try: "由氢氯噻嗪换药" was approved and both
 * thiazide-type diuretics stayed active). When signed, the draft names in `priorPrescription` the patient's
 * current order it replaces: the one named at proposal, or the order that replaced that one meanwhile, or — a
 * switch drafted before the old drug's order was active — the current order of the drug the engine said it
 * replaces. Without pharmacy review that order is stopped (statusReason replaced) in the signing's transaction,
 * with a Provenance and the audit naming it; with review it stays active until the pharmacist approves, then stops.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { identityDb } from '@qihuang/identity';
import { createPharmacyReviewRoutes, REPLACED_REASON } from '@qihuang/pharmacy-review';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import { FhirRepository, type Database, type FhirResource } from '@qihuang/store';
import type { CareDeps } from './deps.ts';
import type { CareSettings } from './settings.ts';
import { PROPOSAL_TAG } from './prescriptions.ts';
import { REPLACES_EXTENSION } from './prior-orders.ts';
import { signPrescription } from './sign.ts';
import { doctorContext, pharmacistContext, systemContext } from './test-support/contexts.ts';

const NOW = new Date('2026-03-10T04:00:00Z');
const system = systemContext;

const hctz = (id: string, patient: string, mg: number, extra: Record<string, unknown> = {}) => ({
  resourceType: 'MedicationRequest',
  id,
  status: 'active',
  intent: 'order',
  authoredOn: '2020-01-01T00:00:00Z',
  medicationCodeableConcept: {
    text: `Hydrochlorothiazide ${mg} MG Oral Tablet`,
    coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '316049' }],
  },
  subject: { reference: `Patient/${patient}` },
  dosageInstruction: [
    {
      timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
      doseAndRate: [{ doseQuantity: { value: mg, unit: 'mg', code: 'mg' } }],
    },
  ],
  ...extra,
});

/** An unsigned engine proposal: chlorthalidone 12.5 mg replacing hydrochlorothiazide. */
const switchDraft = (id: string, patient: string, prior?: string) => ({
  resourceType: 'MedicationRequest',
  id,
  status: 'draft',
  intent: 'proposal',
  meta: { tag: [PROPOSAL_TAG] },
  authoredOn: '2026-03-10T03:00:00Z',
  medicationCodeableConcept: {
    text: 'Chlorthalidone 12.5 mg',
    coding: [{ system: 'urn:qihuang:drug', code: 'chlorthalidone', display: 'Chlorthalidone' }],
  },
  subject: { reference: `Patient/${patient}` },
  dosageInstruction: [
    {
      text: '12.5 mg once daily',
      timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
      doseAndRate: [{ doseQuantity: { value: 12.5, unit: 'mg', code: 'mg' } }],
    },
  ],
  extension: [{ url: REPLACES_EXTENSION, valueString: 'hydrochlorothiazide' }],
  ...(prior
    ? { priorPrescription: { reference: `MedicationRequest/${prior}`, display: 'Hydrochlorothiazide 25 MG' } }
    : {}),
});

describe.each(DATABASE_KINDS)('signing a switch on %s', (kind) => {
  let database: Database;
  let repo: FhirRepository;
  const drugs = createDrugKnowledgeBase();
  const audits: { query?: string; detail?: Record<string, unknown> }[] = [];
  const depsOf = (pharmacyReview: boolean): CareDeps & CareSettings => ({
    db: database.db,
    repository: repo,
    drugs,
    model: { name: 'none', configured: () => false, chat: () => Promise.reject(new Error('no model')) },
    audit: async (_ctx, record) => {
      audits.push(record as (typeof audits)[number]);
    },
    clock: () => NOW,
    pharmacyReview,
  });
  const read = (id: string) =>
    repo.read(system, 'MedicationRequest', id) as Promise<
      FhirResource & { status?: string; statusReason?: unknown; priorPrescription?: { reference?: string } }
    >;
  const activeOf = async (patient: string) =>
    (
      await repo.searchAll(system, 'MedicationRequest', [
        ['patient', patient],
        ['status', 'active'],
      ])
    )
      .map((r) => String(r.id))
      .sort();
  const put = (r: { id: string; resourceType: string }) => repo.update(system, r.resourceType, r.id, r);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    repo = new FhirRepository(database.db, { clock: () => NOW });
    await identityDb(database.db)
      .insertInto('identity_user')
      .values({
        id: 'u-doc',
        username: 'doc',
        display_name: '李医生',
        role: 'clinician',
        password_hash: 'not-a-login',
        patient_id: null,
        disabled: false,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
    for (const p of ['p-plain', 'p-late', 'p-chain'])
      await put({ resourceType: 'Patient', id: p, gender: 'male', birthDate: '1951-04-02' } as never);
    await put(hctz('p-plain-hctz', 'p-plain', 25));
    await put(switchDraft('p-plain-ctd', 'p-plain', 'p-plain-hctz'));
    // Drafted while the hydrochlorothiazide order was not yet active (no priorPrescription); active by signing.
    await put(switchDraft('p-late-ctd', 'p-late'));
    await put(hctz('p-late-hctz', 'p-late', 25));
    // Drafted against HCTZ 12.5 mg; a dose change to 25 mg replaced that order before the switch was signed.
    await put(hctz('p-chain-12', 'p-chain', 12.5, { status: 'stopped', statusReason: REPLACED_REASON }));
    await put(
      hctz('p-chain-25', 'p-chain', 25, { priorPrescription: { reference: 'MedicationRequest/p-chain-12' } }),
    );
    await put(switchDraft('p-chain-ctd', 'p-chain', 'p-chain-12'));
  }, 120_000);
  afterAll(async () => database?.close());

  it('without review: the switch is active and the replaced order stopped (replaced), with Provenance and audit', async () => {
    const view = await signPrescription(depsOf(false), doctorContext, 'p-plain-ctd', []);
    expect(view.status).toBe('active');
    const old = await read('p-plain-hctz');
    expect(old.status).toBe('stopped');
    expect(old.statusReason).toEqual(REPLACED_REASON);
    expect(await activeOf('p-plain')).toEqual(['p-plain-ctd']);
    const provenance = (await repo.searchAll(system, 'Provenance', [
      ['target', 'MedicationRequest/p-plain-hctz'],
    ])) as { agent?: { who?: { display?: string } }[]; entity?: { what?: { reference?: string } }[] }[];
    expect(provenance.map((p) => [p.agent?.[0]?.who?.display, p.entity?.[0]?.what?.reference])).toEqual([
      ['李医生', 'MedicationRequest/p-plain-ctd'],
    ]);
    expect(audits.find((a) => a.query === 'sign-prescription')?.detail).toMatchObject({
      stopped: ['MedicationRequest/p-plain-hctz'],
    });
  });

  it('a switch drafted before the old order was active names it when signed; approval stops it', async () => {
    const view = await signPrescription(depsOf(true), doctorContext, 'p-late-ctd', []);
    expect(view).toMatchObject({ awaitingReview: true, priorPrescription: { id: 'p-late-hctz' } });
    expect((await read('p-late-ctd')).priorPrescription?.reference).toBe('MedicationRequest/p-late-hctz');
    expect((await read('p-late-hctz')).status).toBe('active');
    const routes = createPharmacyReviewRoutes({
      repository: repo,
      context: () => pharmacistContext,
      drugs,
      clock: () => NOW,
    });
    const response = await routes.request('/queue/p-late-ctd/approve', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await activeOf('p-late')).toEqual(['p-late-ctd']);
    expect((await read('p-late-hctz')).statusReason).toEqual(REPLACED_REASON);
  });

  it('an order replaced meanwhile: signing names its successor, and finds no duplicate with it', async () => {
    const view = await signPrescription(depsOf(true), doctorContext, 'p-chain-ctd', []);
    expect(view.priorPrescription?.id).toBe('p-chain-25');
    expect(view.findings.map((f) => f.id).filter((id) => id.startsWith('duplicate'))).toEqual([]);
    expect((await read('p-chain-ctd')).priorPrescription?.reference).toBe('MedicationRequest/p-chain-25');
  });
});
