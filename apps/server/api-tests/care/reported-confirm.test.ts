/**
 * Issue 20: a patient's reported allergy is never lost, and what a patient reports can be confirmed or rejected.
 * Over the whole server (authentication required): htn-1 writes "对青霉素过敏" and "吃卡托普利后喉头水肿" in the
 * intake → unconfirmed AllergyIntolerance drafts on the doctor's summary → the pharmacist's review of an
 * amoxicillin and a lisinopril order names them as patient-reported allergies → only a clinician may confirm or
 * reject (patient, nurse, pharmacist: 403, nothing changed); a rejection needs a reason; each decision writes a
 * Provenance and an audit row; a rejected (refuted) allergy no longer reaches the pharmacist.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import type { TestApp } from '../../test-support.ts';
import { closeCareFlow, isChat, startCareFlow, type CareFlow } from './care-flow-test-support.ts';

const ANSWERS = [
  '偶尔头晕',
  '高血压5年，对青霉素过敏',
  '我妈对磺胺过敏',
  '氨氯地平 5mg 每天一次，吃卡托普利后喉头水肿',
  '没有别的了',
  '不吸烟',
  '150/95',
];

interface Stored {
  verificationStatus: { coding: { code: string }[] };
  status?: string;
  informationSource: { reference: string };
  note?: unknown;
  meta?: unknown;
}

interface QueueItem {
  id: string;
  patient: { allergies?: string[] };
  findings: { ruleId: string; type: string; severity: string; summary: string }[];
}

describe.each(DATABASE_KINDS)('patient-reported allergies and confirm/reject on %s', (kind) => {
  let flow: CareFlow;
  let t: TestApp;
  let api: CareFlow['api'];
  let consultation = '';
  const system = { requestId: 'check', principal: SYSTEM_PRINCIPAL };

  const read = async (type: string, id: string) =>
    (await t.repository.read(system, type, id)) as unknown as Stored;
  const decide = (who: string, path: string, json?: unknown) =>
    api(who, `/api/care/reported/${path}?lang=en`, { method: 'POST', ...(json ? { json } : {}) });
  const queue = async () => {
    const r = await api('pharm', '/api/pharmacy/queue?status=pending&lang=zh');
    expect(r.status, await r.clone().text()).toBe(200);
    return ((await r.json()) as { items: QueueItem[] }).items;
  };

  beforeAll(async () => {
    flow = await startCareFlow(kind);
    ({ t, api } = flow);
    await t.identity.createUser(t.repository.db, {
      username: 'pharm',
      password: 'pharmacist-pw-1',
      role: 'pharmacist',
    });
    const login = await t.request('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'pharm', password: 'pharmacist-pw-1' }),
    });
    const pharm = ((await login.json()) as { access_token: string }).access_token;
    const base = api;
    api = (who, path, init = {}) =>
      who === 'pharm'
        ? t.request(path, {
            ...init,
            headers: { authorization: `Bearer ${pharm}`, 'content-type': 'application/json' },
          })
        : base(who, path, init);
    flow.upstream.reset();
    flow.upstream.when(isChat, { content: '好的，谢谢您的回答。' });
    const start = await api('p1', '/api/care/patients/htn-1/consultations', {
      method: 'POST',
      json: { language: 'zh' },
    });
    consultation = ((await start.json()) as { id: string }).id;
    for (const text of ANSWERS) {
      const answered = await api('p1', `/api/care/consultations/${consultation}/messages`, {
        method: 'POST',
        json: { text },
      });
      expect(answered.status).toBe(200);
      await answered.text();
    }
    const done = await api('p1', `/api/care/consultations/${consultation}/complete`, { method: 'POST' });
    expect(done.status, await done.clone().text()).toBe(200);
    // Two orders for the pharmacist: amoxicillin (penicillin group) and lisinopril (ACE inhibitor).
    for (const [id, text] of [
      ['mr-amox', 'amoxicillin 500 mg tid'],
      ['mr-lisinopril', 'lisinopril 10 mg qd'],
    ] as const)
      await t.repository.update({ requestId: 'seed', principal: SYSTEM_PRINCIPAL }, 'MedicationRequest', id, {
        resourceType: 'MedicationRequest',
        id,
        status: 'draft',
        intent: 'order',
        subject: { reference: 'Patient/htn-1' },
        medicationCodeableConcept: { text },
        dosageInstruction: [{ text }],
        authoredOn: '2026-03-10T03:00:00Z',
      });
  }, 240_000);
  afterAll(async () => closeCareFlow(flow));

  const allergyId = (key: string) => `${consultation}-allergy-${key}`.slice(-64);

  it('the intake saves the allergies as unconfirmed AllergyIntolerance, not the relative’s, not captopril as a medicine', async () => {
    const summary = (await (
      await api('doc', '/api/care/patients/htn-1/summary?guideline=china-2018&lang=zh')
    ).json()) as { intake: { drafts: { reference: string; display: string; state?: string }[] } };
    const allergies = summary.intake.drafts.filter((d) => d.reference.startsWith('AllergyIntolerance/'));
    expect(allergies.map((d) => [d.display, d.state])).toEqual([
      ['AllergyIntolerance: 青霉素', 'unconfirmed'],
      ['AllergyIntolerance: 卡托普利', 'unconfirmed'],
    ]);
    const meds = summary.intake.drafts.filter((d) => d.reference.startsWith('MedicationStatement/'));
    expect(meds).toHaveLength(1);
    const penicillin = await read('AllergyIntolerance', allergyId('penicillin'));
    expect(penicillin).toMatchObject({
      verificationStatus: { coding: [{ code: 'unconfirmed' }] },
      clinicalStatus: { coding: [{ code: 'active' }] },
      recorder: { reference: 'Patient/htn-1' },
      asserter: { reference: 'Patient/htn-1' },
    });
    expect(JSON.stringify(penicillin.note)).toContain('对青霉素过敏');
  });

  it('the pharmacist sees both patient-reported allergies in the findings of the orders', async () => {
    const items = await queue();
    const amox = items.find((i) => i.id === 'mr-amox')!;
    const lisinopril = items.find((i) => i.id === 'mr-lisinopril')!;
    const amoxAllergy = amox.findings.find((f) => f.type === 'allergy');
    expect(amoxAllergy).toMatchObject({ severity: 'critical' });
    expect(amoxAllergy?.summary).toMatch(/青霉素/);
    expect(amoxAllergy?.summary).toMatch(/患者自述/);
    const aceAllergy = lisinopril.findings.find((f) => f.type === 'allergy');
    expect(aceAllergy?.ruleId).toBe('allergy-group-ace-inhibitor');
    expect(aceAllergy?.summary).toMatch(/患者自述/);
    // The card's patient facts mark them too, in the screen's language.
    expect([...(amox.patient.allergies ?? [])].sort()).toEqual(
      ['卡托普利（患者自述，未确认）', '青霉素（患者自述，未确认）'].sort(),
    );
  });

  it('only a clinician decides: patient, nurse and pharmacist get 403 and nothing changes', async () => {
    for (const who of ['p1', 'nurse', 'pharm']) {
      const r = await decide(who, `AllergyIntolerance/${allergyId('penicillin')}/reject`, {
        reason: 'not true',
      });
      expect(r.status, who).toBe(403);
      if (who !== 'p1') expect(await r.text()).toMatch(/Only a clinician/);
    }
    const after = await read('AllergyIntolerance', allergyId('penicillin'));
    expect(after.verificationStatus.coding[0]?.code).toBe('unconfirmed');
  });

  it('bad input answers 4xx with a clear message and changes nothing', async () => {
    const noReason = await decide('doc', `AllergyIntolerance/${allergyId('penicillin')}/reject`, {
      reason: '  ',
    });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toMatch(/reason is required/);
    expect((await decide('doc', `Patient/htn-1/confirm`)).status).toBe(400);
    expect((await decide('doc', `AllergyIntolerance/nope/confirm`)).status).toBe(404);
    // A clinician's own record is not patient-reported.
    await t.repository.update({ requestId: 'seed', principal: SYSTEM_PRINCIPAL }, 'Condition', 'c-doc', {
      resourceType: 'Condition',
      id: 'c-doc',
      subject: { reference: 'Patient/htn-1' },
      code: { text: 'Gout' },
    });
    const notReported = await decide('doc', 'Condition/c-doc/confirm');
    expect(notReported.status).toBe(409);
    expect(await notReported.text()).toMatch(/not reported by the patient/);
    const after = await read('AllergyIntolerance', allergyId('penicillin'));
    expect(after.verificationStatus.coding[0]?.code).toBe('unconfirmed');
  });

  it('the clinician confirms the penicillin allergy: confirmed, Provenance, audit; a second confirm is 409', async () => {
    const r = await decide('doc', `AllergyIntolerance/${allergyId('penicillin')}/confirm`);
    expect(r.status, await r.clone().text()).toBe(200);
    expect(await r.json()).toEqual({
      reference: `AllergyIntolerance/${allergyId('penicillin')}`,
      state: 'confirmed',
    });
    const after = await read('AllergyIntolerance', allergyId('penicillin'));
    expect(after.verificationStatus.coding[0]?.code).toBe('confirmed');
    // The store drops the recorded-by tag on a clinician's save (docs/decisions/0003).
    expect(JSON.stringify(after.meta)).not.toContain('urn:qihuang:recorded-by');
    const provenance = await t.repository.search(system, 'Provenance', [
      ['target', `AllergyIntolerance/${allergyId('penicillin')}`],
    ]);
    expect(provenance.matches).toHaveLength(1);
    expect(JSON.stringify(provenance.matches[0]!.content)).toContain('verifier');
    const audit = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_entry where query = 'confirm-patient-reported'`.execute(
      t.repository.db,
    );
    expect(audit.rows[0]!.n).toBe(1);
    expect((await decide('doc', `AllergyIntolerance/${allergyId('penicillin')}/confirm`)).status).toBe(409);
    // Confirmed, it is no longer "patient-reported" on the pharmacist's finding.
    const amox = (await queue()).find((i) => i.id === 'mr-amox')!;
    const finding = amox.findings.find((f) => f.type === 'allergy');
    expect(finding?.summary).toMatch(/青霉素/);
    expect(finding?.summary).not.toMatch(/患者自述/);
    expect(amox.patient.allergies).toContain('青霉素');
  });

  it('the clinician rejects the captopril allergy with a reason: refuted, and the pharmacist no longer sees it', async () => {
    const r = await decide('doc', `AllergyIntolerance/${allergyId('captopril')}/reject`, {
      reason: 'Swelling was from a bee sting, not captopril',
    });
    expect(r.status, await r.clone().text()).toBe(200);
    const after = await read('AllergyIntolerance', allergyId('captopril'));
    expect(after.verificationStatus.coding[0]?.code).toBe('refuted');
    expect(JSON.stringify(after.note)).toContain('bee sting');
    const lisinopril = (await queue()).find((i) => i.id === 'mr-lisinopril')!;
    expect(lisinopril.findings.filter((f) => f.type === 'allergy')).toEqual([]);
  });

  it('a MedicationStatement: confirm names the clinician as the information source; reject is entered-in-error', async () => {
    const summary = (await (
      await api('doc', '/api/care/patients/htn-1/summary?guideline=china-2018&lang=en')
    ).json()) as { intake: { drafts: { reference: string; state?: string }[] } };
    const med = summary.intake.drafts.find((d) => d.reference.startsWith('MedicationStatement/'))!;
    const condition = summary.intake.drafts.find((d) => d.reference.startsWith('Condition/'))!;
    expect(med.state).toBe('unconfirmed');
    const ok = await decide('doc', `${med.reference}/confirm`);
    expect(ok.status).toBe(200);
    const ms = await read('MedicationStatement', med.reference.split('/')[1]!);
    expect(ms.status).toBe('active');
    expect(ms.informationSource.reference).toMatch(/^Practitioner\//);
    const rejected = await decide('doc', `${condition.reference}/reject`, { reason: 'No hypertension' });
    expect(rejected.status).toBe(200);
    const c = await read('Condition', condition.reference.split('/')[1]!);
    expect(c.verificationStatus.coding[0]?.code).toBe('refuted');
    const states = (
      (await (await api('doc', '/api/care/patients/htn-1/summary?guideline=china-2018&lang=en')).json()) as {
        intake: { drafts: { reference: string; state?: string }[] };
      }
    ).intake.drafts;
    expect(states.find((d) => d.reference === med.reference)?.state).toBe('confirmed');
    expect(states.find((d) => d.reference === condition.reference)?.state).toBe('rejected');
  });
});
