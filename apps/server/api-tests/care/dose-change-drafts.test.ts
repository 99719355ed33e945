/**
 * A dose change of a drug the patient already takes is drafted as a change, not a new order (issue 20): the
 * draft names the active order in MedicationRequest.priorPrescription, the duplication check leaves the order it
 * replaces out, and signing completes the prior order in the same transaction (the patient is never left on
 * 5 mg + 10 mg). A genuinely new second drug of the same class is still flagged as a duplicate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { officeBp } from './care-test-support.ts';
import { createTestApp, type TestApp } from '../../test-support.ts';

const NOW = new Date('2026-03-10T04:00:00Z');
const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };

function activeOrder(id: string, patientId: string, agent: string, name: string, mg: number) {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: {
      text: `${name} ${mg} mg`,
      coding: [{ system: 'urn:qihuang:drug', code: agent, display: name }],
    },
    subject: { reference: `Patient/${patientId}` },
    authoredOn: '2026-02-01T02:00:00Z',
    dosageInstruction: [
      {
        text: `${mg} mg once daily`,
        timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
        doseAndRate: [
          { doseQuantity: { value: mg, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } },
        ],
      },
    ],
  };
}

interface Draft {
  id: string;
  status: string;
  display: string;
  priorPrescription?: { id: string; display: string };
  findings: { id: string; severity: string; summary: { en: string } }[];
}

describe.each(DATABASE_KINDS)('dose-change drafts on %s', (kind) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = async (who: string, method: string, path: string, json?: unknown) => {
    const headers = new Headers({ authorization: `Bearer ${tokens[who]}` });
    if (json !== undefined) headers.set('content-type', 'application/json');
    return t.request(path, {
      method,
      headers,
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
  };
  const call = (method: string, path: string, json?: unknown) => as('doc', method, path, json);

  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => NOW, 'required');
    tokens.doc = await t.userToken({ username: 'doc', password: 'doctor-password-1', role: 'clinician' });
    tokens.rx = await t.userToken({
      username: 'rx',
      password: 'pharmacist-password-1',
      role: 'pharmacist',
      displayName: '王药师',
    });
    for (const id of ['titr-1', 'titr-2', 'titr-3']) {
      await t.repository.update(system, 'Patient', id, {
        resourceType: 'Patient',
        id,
        gender: 'female',
        birthDate: '1966-05-01',
        name: [{ text: id }],
      });
      await t.repository.update(system, 'Observation', `${id}-bp`, officeBp(`${id}-bp`, id, 162, 96));
      await t.repository.update(
        system,
        'MedicationRequest',
        `${id}-aml5`,
        activeOrder(`${id}-aml5`, id, 'amlodipine', 'Amlodipine', 5),
      );
    }
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it("drafts amlodipine 5 → 10 mg as a change of the active order; the pharmacist's approval of the signed change stops the 5 mg order", async () => {
    const r = await call('POST', '/api/care/patients/titr-1/proposal', {
      guideline: 'china-2018',
      language: 'en',
    });
    expect(r.status, await r.clone().text()).toBe(201);
    const result = (await r.json()) as {
      drafts: Draft[];
      proposal: { orders: { agent: string; action: string }[] };
    };
    const increase = result.proposal.orders.find((o) => o.agent === 'amlodipine');
    expect(increase?.action).toBe('increase');
    const amlodipine = result.drafts.filter((d) => /amlodipine/i.test(d.display));
    expect(amlodipine).toHaveLength(1);
    const draft = amlodipine[0]!;
    expect(draft.priorPrescription).toMatchObject({ id: 'titr-1-aml5' });
    expect(draft.priorPrescription!.display).toMatch(/5 mg/);
    expect(draft.findings.filter((f) => /duplicate/i.test(f.summary.en))).toEqual([]);

    const stored = (await (await call('GET', `/fhir/R4/MedicationRequest/${draft.id}`)).json()) as {
      priorPrescription?: { reference?: string };
      extension?: { url: string; valueString?: string }[];
    };
    expect(stored.priorPrescription?.reference).toBe('MedicationRequest/titr-1-aml5');
    // The drug it changes, so signing names the current order of it even if that changed meanwhile (issue 20/19).
    expect(stored.extension).toContainEqual({ url: 'urn:qihuang:replaces-drug', valueString: 'amlodipine' });

    const signed = await call('POST', `/api/care/prescriptions/${draft.id}/sign`, { acknowledge: [] });
    expect(signed.status, await signed.clone().text()).toBe(200);
    // Pharmacy review is on by default (decision 0017): the 5 mg order stays the patient's until the pharmacist
    // approves the change; approval activates the 10 mg order and stops the 5 mg one in one transaction.
    const statusOf = async (id: string) =>
      ((await (await call('GET', `/fhir/R4/MedicationRequest/${id}`)).json()) as { status: string }).status;
    expect(await statusOf('titr-1-aml5')).toBe('active');
    expect(await statusOf(draft.id)).toBe('draft');
    const approved = await as('rx', 'POST', `/api/pharmacy/queue/${draft.id}/approve`, {});
    expect(approved.status, await approved.clone().text()).toBe(200);
    // Stopped, not completed (R4: halted before all administrations occurred), because the change replaced it.
    expect(await statusOf('titr-1-aml5')).toBe('stopped');
    const replaced = (await (await call('GET', '/fhir/R4/MedicationRequest/titr-1-aml5')).json()) as {
      statusReason?: { coding?: { code?: string }[] };
    };
    expect(replaced.statusReason?.coding?.[0]?.code).toBe('replaced');
    const active = (await (
      await call('GET', '/fhir/R4/MedicationRequest?patient=titr-1&status=active')
    ).json()) as { entry?: { resource: { id: string; medicationCodeableConcept?: { text?: string } } }[] };
    const amlActive = (active.entry ?? []).filter((e) =>
      /amlodipine/i.test(e.resource.medicationCodeableConcept?.text ?? ''),
    );
    expect(amlActive.map((e) => e.resource.id)).toEqual([draft.id]);
  });

  it('still flags a genuinely new second drug of the same class as a duplicate', async () => {
    await t.repository.update(system, 'MedicationRequest', 'titr-2-nif', {
      ...activeOrder('titr-2-nif', 'titr-2', 'nifedipine', 'Nifedipine', 30),
      status: 'draft',
      intent: 'proposal',
    });
    const listed = (await (await call('GET', '/api/care/patients/titr-2/drafts')).json()) as {
      drafts: Draft[];
    };
    const nif = listed.drafts.find((d) => d.id === 'titr-2-nif');
    expect(nif).toBeDefined();
    expect(nif!.priorPrescription).toBeUndefined();
    expect(nif!.findings.some((f) => /duplicat/i.test(f.id + f.summary.en))).toBe(true);
  });

  it("shows the pharmacist's return on the prescriber's draft: reason, who and when", async () => {
    // An order drafted for the pharmacist's review (intent order, status draft), as the demo seeds them.
    await t.repository.update(system, 'MedicationRequest', 'titr-3-los', {
      ...activeOrder('titr-3-los', 'titr-3', 'losartan', 'Losartan', 50),
      authoredOn: '2026-03-10T03:00:00Z',
      status: 'draft',
    });
    const draft = { id: 'titr-3-los' };
    const returned = await as('rx', 'POST', `/api/pharmacy/queue/${draft.id}/return`, {
      reason: 'Check the dose against the renal function',
    });
    expect(returned.status, await returned.clone().text()).toBe(200);
    const listed = (await (await call('GET', '/api/care/patients/titr-3/drafts')).json()) as {
      drafts: (Draft & { returned?: { reason: string; by?: string; at?: string } })[];
    };
    const mine = listed.drafts.find((d) => d.id === draft.id);
    // Named by the pharmacist's display name, never the username (issue 20 item 6).
    expect(mine?.returned).toEqual({
      reason: 'Check the dose against the renal function',
      by: '王药师',
      at: NOW.toISOString(),
    });
    // The prescriber withdraws it.
    expect((await call('POST', `/api/care/prescriptions/${draft.id}/cancel`, {})).status).toBe(200);
  });
});
