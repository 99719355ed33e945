/**
 * A switch awaiting the pharmacist (issue 20/19, SAFETY; a try: "由氢氯噻嗪换药" was approved and both thiazide-type
 * diuretics stayed active). The new order names the order it replaces in `priorPrescription` (FHIR R4); the card
 * says it is a switch (or a dose change) and names the order it replaces, and the duplicate-therapy check does not
 * count that order; approval makes the new order active and the replaced one `stopped` with statusReason
 * `replaced`, in one transaction, the review record naming the order stopped beside who approved; a return leaves
 * the old order active. When the order named was itself replaced meanwhile (a dose change approved first), the
 * card says so and approval is refused (409) until the pharmacist returns it; two changes of one order awaiting
 * review carry a critical finding each — never two thiazides active, never a silent second switch.
 */
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler, platformError } from '@qihuang/http-edge';
import { SYSTEM_PRINCIPAL, type Principal } from '@qihuang/contracts';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import { FhirRepository, type Database, type FhirResource } from '@qihuang/store';
import { AWAITING_REVIEW_REASON, SIGNATURE_EXTENSION } from './awaiting-review.ts';
import { REPLACED_REASON } from './replaced-order.ts';
import { createPharmacyReviewRoutes } from './pharmacy-routes.ts';
import { REPLACED_MEANWHILE_RULE, SAME_PRIOR_RULE } from './same-prior.ts';
import type { QueueItem } from './api-types/index.ts';

const NOW = new Date('2026-03-10T04:00:00Z');
const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
const PHARMACIST: Principal = {
  id: 'u-rx',
  kind: 'user',
  username: 'rx',
  role: 'pharmacist',
  scopes: ['user/*.read', 'user/MedicationRequest.write'],
};

/** Hydrochlorothiazide as Synthea writes it (RxNorm, English text), active for years. */
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

/** Chlorthalidone 12.5 mg signed in care and awaiting the pharmacist, replacing `prior` when given. */
const chlorthalidone = (id: string, patient: string, prior?: string) => ({
  resourceType: 'MedicationRequest',
  id,
  status: 'draft',
  intent: 'order',
  statusReason: AWAITING_REVIEW_REASON,
  authoredOn: '2026-03-10T03:00:00Z',
  medicationCodeableConcept: {
    text: 'Chlorthalidone 12.5 mg',
    coding: [{ system: 'urn:qihuang:drug', code: 'chlorthalidone', display: 'Chlorthalidone' }],
  },
  subject: { reference: `Patient/${patient}` },
  note: [{ text: 'Switch from hydrochlorothiazide: home BP above target.' }],
  dosageInstruction: [
    {
      text: '12.5 mg once daily',
      timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
      doseAndRate: [{ doseQuantity: { value: 12.5, unit: 'mg', code: 'mg' } }],
    },
  ],
  ...(prior
    ? { priorPrescription: { reference: `MedicationRequest/${prior}`, display: 'Hydrochlorothiazide 25 MG' } }
    : {}),
});

describe.each(DATABASE_KINDS)('a switch awaiting the pharmacist on %s', (kind) => {
  let database: Database;
  let repo: FhirRepository;
  // Errors shaped as the server shapes them (a refusal is a 409 with its message, not a 500).
  const routes = () =>
    new Hono()
      .route(
        '/',
        createPharmacyReviewRoutes({
          repository: repo,
          context: () => ({ requestId: 'rx', principal: PHARMACIST }),
          drugs: createDrugKnowledgeBase(),
          clock: () => NOW,
        }),
      )
      .onError(errorHandler((error) => platformError(error)));
  const post = (path: string, body: unknown) =>
    routes().request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const read = (id: string) =>
    repo.read(system, 'MedicationRequest', id) as Promise<
      FhirResource & { status?: string; statusReason?: unknown; priorPrescription?: { reference?: string } }
    >;
  const card = async (id: string, lang = 'en'): Promise<QueueItem> => {
    const response = await routes().request(`/queue?status=all&lang=${lang}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: QueueItem[] }).items.find((i) => i.id === id)!;
  };
  const patient = (id: string) =>
    repo.update(system, 'Patient', id, {
      resourceType: 'Patient',
      id,
      gender: 'male',
      birthDate: '1951-04-02',
    });
  // Chlorthalidone in gout is a contraindication of its own: the approval overrides whatever is serious.
  const approve = async (id: string) => {
    const item = await card(id);
    const overrides = Object.fromEntries(
      item.findings
        .filter((f) => f.severity !== 'info')
        .map((f) => [f.id, 'Switch discussed with prescriber']),
    );
    return post(`/queue/${id}/approve`, { overrides });
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    repo = new FhirRepository(database.db, { clock: () => NOW });
    for (const p of ['p-switch', 'p-return', 'p-unlinked', 'p-chain', 'p-two']) await patient(p);
    await repo.update(system, 'MedicationRequest', 'p-two-hctz', hctz('p-two-hctz', 'p-two', 25));
    await repo.update(
      system,
      'MedicationRequest',
      'p-two-ctd',
      chlorthalidone('p-two-ctd', 'p-two', 'p-two-hctz'),
    );
    await repo.update(system, 'MedicationRequest', 'p-two-aml', {
      ...chlorthalidone('p-two-aml', 'p-two', 'p-two-hctz'),
      // Signed over the two-pending-changes finding (as signing allowed before issue 20's non-author try).
      extension: [
        {
          url: SIGNATURE_EXTENSION,
          valueString: JSON.stringify({
            by: 'Dr Li',
            at: '2026-03-10T03:30:00Z',
            acknowledged: [`${SAME_PRIOR_RULE}:MedicationRequest/p-two-aml+MedicationRequest/p-two-ctd`],
          }),
        },
      ],
      medicationCodeableConcept: {
        text: 'Amlodipine 2.5 mg',
        coding: [{ system: 'urn:qihuang:drug', code: 'amlodipine', display: 'Amlodipine' }],
      },
      dosageInstruction: [
        {
          text: '2.5 mg once daily',
          timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
          doseAndRate: [{ doseQuantity: { value: 2.5, unit: 'mg', code: 'mg' } }],
        },
      ],
    });
    await repo.update(system, 'MedicationRequest', 'p-switch-hctz', hctz('p-switch-hctz', 'p-switch', 25));
    await repo.update(
      system,
      'MedicationRequest',
      'p-switch-ctd',
      chlorthalidone('p-switch-ctd', 'p-switch', 'p-switch-hctz'),
    );
    await repo.update(system, 'MedicationRequest', 'p-return-hctz', hctz('p-return-hctz', 'p-return', 25));
    await repo.update(
      system,
      'MedicationRequest',
      'p-return-ctd',
      chlorthalidone('p-return-ctd', 'p-return', 'p-return-hctz'),
    );
    await repo.update(
      system,
      'MedicationRequest',
      'p-unlinked-hctz',
      hctz('p-unlinked-hctz', 'p-unlinked', 25),
    );
    await repo.update(
      system,
      'MedicationRequest',
      'p-unlinked-ctd',
      chlorthalidone('p-unlinked-ctd', 'p-unlinked'),
    );
    // The switch was drafted against HCTZ 12.5 mg; a dose change to 25 mg was approved before the switch was.
    await repo.update(
      system,
      'MedicationRequest',
      'p-chain-12',
      hctz('p-chain-12', 'p-chain', 12.5, { status: 'stopped', statusReason: REPLACED_REASON }),
    );
    await repo.update(
      system,
      'MedicationRequest',
      'p-chain-25',
      hctz('p-chain-25', 'p-chain', 25, {
        priorPrescription: { reference: 'MedicationRequest/p-chain-12' },
      }),
    );
    await repo.update(
      system,
      'MedicationRequest',
      'p-chain-ctd',
      chlorthalidone('p-chain-ctd', 'p-chain', 'p-chain-12'),
    );
  }, 120_000);
  afterAll(async () => database?.close());

  it('the card names the order it replaces as a switch, and finds no duplicate therapy with it', async () => {
    const item = await card('p-switch-ctd');
    expect(item.replaces).toEqual({
      id: 'p-switch-hctz',
      kind: 'switch',
      medication: 'Hydrochlorothiazide 25 MG Oral Tablet',
      status: 'active',
    });
    expect(item.findings.map((f) => f.type)).not.toContain('duplication');
    // The gout contraindication is the patient's, not the pair's: it stays (none here: no gout recorded).
    const zh = await card('p-switch-ctd', 'zh-CN');
    expect(zh.replaces?.medication).toBe('氢氯噻嗪片 25 mg');
  });

  it('without priorPrescription the same pair is a duplicate therapy (the try: nothing said it was a switch)', async () => {
    const item = await card('p-unlinked-ctd');
    expect(item.replaces).toBeUndefined();
    expect(item.findings.map((f) => f.ruleId)).toContain('duplicate-class-thiazide-type');
  });

  it('approval activates the switch and stops the replaced order (statusReason replaced) in one transaction, on the review record', async () => {
    const response = await approve('p-switch-ctd');
    expect(response.status, await response.clone().text()).toBe(200);
    const answer = (await response.json()) as QueueItem;
    expect(answer.status).toBe('active');
    expect(answer.replaces).toMatchObject({ id: 'p-switch-hctz', status: 'stopped' });
    expect((await read('p-switch-ctd')).status).toBe('active');
    const old = await read('p-switch-hctz');
    expect(old.status).toBe('stopped');
    expect(old.statusReason).toEqual(REPLACED_REASON);
    expect(old.meta?.versionId).toBe('2');
    // The review record names the order the approval stopped, beside who approved and when.
    expect(answer.review).toMatchObject({
      state: 'approved',
      by: 'rx',
      stopped: 'MedicationRequest/p-switch-hctz',
    });
    // One thiazide-type order active: the switch.
    const active = await repo.searchAll(system, 'MedicationRequest', [
      ['patient', 'p-switch'],
      ['status', 'active'],
    ]);
    expect(active.map((r) => r.id)).toEqual(['p-switch-ctd']);
  });

  it('a return leaves the old order active and untouched', async () => {
    const response = await post('/queue/p-return-ctd/return', { reason: 'Keep hydrochlorothiazide' });
    expect(response.status, await response.clone().text()).toBe(200);
    const old = await read('p-return-hctz');
    expect(old.status).toBe('active');
    expect(old.statusReason).toBeUndefined();
    expect(old.meta?.versionId).toBe('1');
  });

  // Issue 20/19 (a try): it used to follow the chain and stop the dose change, the switch taking its place with no
  // one choosing between the two changes. Now the card says so and approval is refused until the switch is returned.
  it('an order replaced meanwhile by another change: the card says so and approval is refused (409) until returned', async () => {
    const item = await card('p-chain-ctd');
    const stale = item.findings.find((f) => f.ruleId === REPLACED_MEANWHILE_RULE);
    expect(stale).toMatchObject({ severity: 'critical' });
    expect(stale?.summary).toContain('already replaced by another change (Hydrochlorothiazide 25 mg)');
    const response = await approve('p-chain-ctd');
    expect(response.status, await response.clone().text()).toBe(409);
    // The refusal in the caller's language (zh-CN by default), naming the change approved first.
    const refusal = await response.text();
    expect(refusal).toContain('已被另一变更（氢氯噻嗪 25 mg）替换');
    // Never a raw resource id on the pharmacist's screen (issue 20, non-author try).
    expect(refusal).not.toMatch(/MedicationRequest|p-chain/);
    const en = await post('/queue/p-chain-ctd/approve?lang=en', {
      overrides: Object.fromEntries(item.findings.map((f) => [f.id, 'Discussed with the prescriber'])),
    });
    expect(en.status).toBe(409);
    expect(await en.text()).toContain('Return it to the prescriber');
    expect((await read('p-chain-25')).status).toBe('active');
    expect((await read('p-chain-ctd')).status).toBe('draft');
    const returned = await post('/queue/p-chain-ctd/return', { reason: 'Dose change approved first' });
    expect(returned.status, await returned.clone().text()).toBe(200);
    const active = await repo.searchAll(system, 'MedicationRequest', [
      ['patient', 'p-chain'],
      ['status', 'active'],
    ]);
    expect(active.map((r) => r.id)).toEqual(['p-chain-25']);
  });

  // Issue 20/19 (a try on Marcos Barrows): two orders awaiting review both replaced the same hydrochlorothiazide;
  // neither card said so, and approving both activated both replacements.
  it('two pending changes of one order: a critical finding on each card naming the other; the second approval is refused', async () => {
    for (const id of ['p-two-ctd', 'p-two-aml']) {
      const item = await card(id);
      const found = item.findings.find((f) => f.ruleId === SAME_PRIOR_RULE);
      expect(found, id).toMatchObject({ severity: 'critical' });
      expect(found?.summary).toContain(
        'Two pending changes replace the same order (Hydrochlorothiazide 25 mg)',
      );
      expect(found?.summary).toContain(id === 'p-two-ctd' ? 'Amlodipine 2.5 mg' : 'Chlorthalidone 12.5 mg');
      const zh = (await card(id, 'zh-CN')).findings.find((f) => f.ruleId === SAME_PRIOR_RULE);
      expect(zh?.summary).toContain('两个待生效的变更替换同一医嘱（氢氯噻嗪 25 mg）');
      expect(zh?.summary).not.toMatch(/[A-Za-z]{4,}/);
    }
    // Neither is approved over the other (pending-pair.test.ts): one is returned first.
    const first = await approve('p-two-ctd');
    expect(first.status).toBe(409);
    // The pair as an approval before that rule left it: the chlorthalidone active, the order it replaced stopped.
    const { statusReason: _awaiting, ...ctd } = await read('p-two-ctd');
    await repo.update(system, 'MedicationRequest', 'p-two-ctd', { ...ctd, status: 'active' });
    await repo.update(system, 'MedicationRequest', 'p-two-hctz', {
      ...(await read('p-two-hctz')),
      status: 'stopped',
      statusReason: REPLACED_REASON,
    });
    const second = await card('p-two-aml');
    expect(second.findings.map((f) => f.ruleId)).toContain(REPLACED_MEANWHILE_RULE);
    expect(second.findings.map((f) => f.ruleId)).not.toContain(SAME_PRIOR_RULE);
    // Issue 20 (non-author try): the card named the change approved first as the order replaced, counted none of the
    // prescriber's acknowledgements and offered approval. It names the order this one names (stopped meanwhile, and
    // by what), counts the acknowledged conflict on its finding now, and says in words why approval is refused.
    const zh = await card('p-two-aml', 'zh-CN');
    expect(zh.replaces).toMatchObject({ id: 'p-two-hctz', status: 'stopped', replacedBy: '氯噻酮 12.5 mg' });
    expect(zh.replaces?.medication).toBe('氢氯噻嗪片 25 mg');
    expect(zh.acknowledged).toBe('医生已确认 1 项严重问题并签署');
    expect(zh.findings.find((f) => f.ruleId === REPLACED_MEANWHILE_RULE)?.acknowledged).toBe(true);
    expect(zh.approvalRefused).toBe(
      '不能通过：本医嘱要替换的医嘱已被另一变更（氯噻酮 12.5 mg）替换。请退回给医生，按当前医嘱重新开具。',
    );
    expect(second.approvalRefused).toContain('Cannot be approved');
    expect(
      JSON.stringify([
        zh.approvalRefused,
        zh.replaces?.medication,
        zh.replaces?.replacedBy,
        second.approvalRefused,
      ]),
    ).not.toMatch(/MedicationRequest|p-two/);
    expect((await card('p-two-ctd')).approvalRefused).toBeUndefined();
    const refused = await approve('p-two-aml');
    expect(refused.status).toBe(409);
    expect((await read('p-two-aml')).status).toBe('draft');
    expect((await read('p-two-ctd')).status).toBe('active');
    const active = await repo.searchAll(system, 'MedicationRequest', [
      ['patient', 'p-two'],
      ['status', 'active'],
    ]);
    expect(active.map((r) => r.id)).toEqual(['p-two-ctd']);
  });
});
