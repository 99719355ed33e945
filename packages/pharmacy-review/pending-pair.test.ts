/**
 * Issue 20 (non-author try): on the pharmacist's card the finding 'two pending changes replace the same order' asked
 * for an override reason like any critical finding, so it could be acknowledged away and one of the pair approved
 * while the other still waited. Like signing in care (packages/care/same-prior.ts), it must be resolved: approval is
 * refused (409, in the caller's language) and not offered — the card says why — until one of the two is returned;
 * then the other is approved as usual. PGlite and PostgreSQL.
 */
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler, platformError } from '@qihuang/http-edge';
import { SYSTEM_PRINCIPAL, type Principal } from '@qihuang/contracts';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import { FhirRepository, type Database } from '@qihuang/store';
import { AWAITING_REVIEW_REASON } from './awaiting-review.ts';
import { createPharmacyReviewRoutes } from './pharmacy-routes.ts';
import { SAME_PRIOR_RULE } from './same-prior.ts';
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

const order = (id: string, text: string, code: string, mg: number, extra: Record<string, unknown> = {}) => ({
  resourceType: 'MedicationRequest',
  id,
  status: 'draft',
  intent: 'order',
  statusReason: AWAITING_REVIEW_REASON,
  authoredOn: '2026-03-10T03:00:00Z',
  medicationCodeableConcept: { text, coding: [{ system: 'urn:qihuang:drug', code }] },
  subject: { reference: 'Patient/p-pair' },
  priorPrescription: { reference: 'MedicationRequest/pair-hctz' },
  dosageInstruction: [
    {
      text: `${mg} mg once daily`,
      timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
      doseAndRate: [{ doseQuantity: { value: mg, unit: 'mg', code: 'mg' } }],
    },
  ],
  ...extra,
});

describe.each(DATABASE_KINDS)('two pending changes of one order on the pharmacist card on %s', (kind) => {
  let database: Database;
  let repo: FhirRepository;
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
  const card = async (id: string, lang = 'en'): Promise<QueueItem> => {
    const response = await routes().request(`/queue?status=all&lang=${lang}`);
    return ((await response.json()) as { items: QueueItem[] }).items.find((i) => i.id === id)!;
  };
  const everyOverride = (item: QueueItem) =>
    Object.fromEntries(item.findings.map((f) => [f.id, 'Discussed with the prescriber']));

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    repo = new FhirRepository(database.db, { clock: () => NOW });
    await repo.update(system, 'Patient', 'p-pair', {
      resourceType: 'Patient',
      id: 'p-pair',
      gender: 'male',
      birthDate: '1951-04-02',
    });
    const {
      statusReason: _s,
      priorPrescription: _p,
      ...hctz
    } = order('pair-hctz', 'Hydrochlorothiazide 25 mg', 'hydrochlorothiazide', 25);
    await repo.update(system, 'MedicationRequest', 'pair-hctz', {
      ...hctz,
      status: 'active',
      authoredOn: '2020-01-01T00:00:00Z',
    });
    await repo.update(
      system,
      'MedicationRequest',
      'pair-ctd',
      order('pair-ctd', 'Chlorthalidone 12.5 mg', 'chlorthalidone', 12.5),
    );
    await repo.update(
      system,
      'MedicationRequest',
      'pair-hctz-12',
      order('pair-hctz-12', 'Hydrochlorothiazide 12.5 mg', 'hydrochlorothiazide', 12.5),
    );
  }, 120_000);
  afterAll(async () => database?.close());

  it('each card says why approval is refused, in its language; approval with every override is refused (409)', async () => {
    for (const id of ['pair-ctd', 'pair-hctz-12']) {
      const item = await card(id);
      expect(item.findings.find((f) => f.ruleId === SAME_PRIOR_RULE)).toMatchObject({ severity: 'critical' });
      expect(item.approvalRefused).toMatch(/^Cannot be approved: Two pending changes replace the same order/);
      expect(item.approvalRefused).toContain('return one of them first');
      const zh = await card(id, 'zh-CN');
      expect(zh.approvalRefused).toMatch(/^不能通过：两个待生效的变更替换同一医嘱（氢氯噻嗪 25 mg）/);
      expect(zh.approvalRefused).toContain('请先退回其中一个');
      expect(JSON.stringify([item.approvalRefused, zh.approvalRefused])).not.toMatch(
        /MedicationRequest|pair-/,
      );
      const refused = await post(`/queue/${id}/approve`, { overrides: everyOverride(item) });
      expect(refused.status).toBe(409);
      expect(await refused.text()).toContain('请先退回其中一个');
    }
    expect((await repo.read(system, 'MedicationRequest', 'pair-hctz')).status).toBe('active');
  });

  it('once one is returned, the other has no such finding and is approved as usual', async () => {
    const returned = await post('/queue/pair-hctz-12/return', { reason: 'Switch chosen instead' });
    expect(returned.status, await returned.clone().text()).toBe(200);
    const item = await card('pair-ctd');
    expect(item.findings.map((f) => f.ruleId)).not.toContain(SAME_PRIOR_RULE);
    expect(item.approvalRefused).toBeUndefined();
    const approved = await post('/queue/pair-ctd/approve', { overrides: everyOverride(item) });
    expect(approved.status, await approved.clone().text()).toBe(200);
    expect((await repo.read(system, 'MedicationRequest', 'pair-hctz')).status).toBe('stopped');
  });
});
