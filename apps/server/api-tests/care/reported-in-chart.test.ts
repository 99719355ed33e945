/**
 * Issue 20: what a patient reports that the chart already holds confirmed is not offered to the doctor again.
 * htn-1's chart has essential hypertension, a stroke, a penicillin allergy and an active amlodipine order; the
 * intake names them again (and diabetes and metformin, which are new). Completing the intake writes drafts only
 * for the new items and links the chart's records (`saved.inChart`); the doctor's summary lists those as
 * `in-chart` with the chart's line; a patient-reported duplicate written before (an older intake) cannot be
 * confirmed a second time (409, nothing changed). Over the whole server, on PGlite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { closeCareFlow, isChat, startCareFlow, type CareFlow } from './care-flow-test-support.ts';

const ANSWERS = [
  '没有不舒服',
  '高血压10年，前年脑卒中，糖尿病2年',
  '父亲有高血压',
  '氨氯地平 5mg 每天一次，二甲双胍 500mg 每日两次',
  '青霉素',
  '不吸烟',
  '没有量过',
];

const SNOMED = 'http://snomed.info/sct';
const CHART = [
  {
    resourceType: 'Condition',
    id: 'chart-htn',
    clinicalStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
    },
    code: {
      text: 'Essential hypertension (disorder)',
      coding: [{ system: SNOMED, code: '59621000', display: 'Essential hypertension (disorder)' }],
    },
    subject: { reference: 'Patient/htn-1' },
  },
  {
    resourceType: 'Condition',
    id: 'chart-stroke',
    clinicalStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
    },
    code: { text: 'Stroke', coding: [{ system: SNOMED, code: '230690007', display: 'Stroke' }] },
    subject: { reference: 'Patient/htn-1' },
  },
  {
    resourceType: 'AllergyIntolerance',
    id: 'chart-pcn',
    clinicalStatus: {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' },
      ],
    },
    verificationStatus: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
          code: 'confirmed',
        },
      ],
    },
    code: { text: 'Penicillin', coding: [{ system: SNOMED, code: '764146007', display: 'Penicillin' }] },
    patient: { reference: 'Patient/htn-1' },
  },
  {
    resourceType: 'MedicationRequest',
    id: 'chart-amlo',
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: { text: 'amlodipine 5 mg' },
    subject: { reference: 'Patient/htn-1' },
    authoredOn: '2026-02-01T03:00:00Z',
  },
  // A duplicate an older intake wrote (before issue 20): patient-reported, unconfirmed hypertension.
  {
    resourceType: 'Condition',
    id: 'old-intake-htn',
    meta: { tag: [{ system: 'urn:qihuang:provenance', code: 'patient-reported' }] },
    clinicalStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
    },
    verificationStatus: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'unconfirmed' }],
    },
    code: {
      text: 'Hypertensive disorder',
      coding: [{ system: SNOMED, code: '38341003', display: 'Hypertensive disorder' }],
    },
    subject: { reference: 'Patient/htn-1' },
  },
];

interface Summary {
  intake: {
    drafts: {
      reference: string;
      display: string;
      state?: string;
      inChart?: { reference: string; display: string };
    }[];
  };
}

describe.each(DATABASE_KINDS)('reported items the chart already holds, on %s', (kind) => {
  let flow: CareFlow;
  let saved: { drafts: string[]; inChart?: string[] };
  const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };

  beforeAll(async () => {
    flow = await startCareFlow(kind);
    for (const r of CHART) await flow.t.repository.update(system, r.resourceType, r.id, r);
    flow.upstream.reset();
    flow.upstream.when(isChat, { content: '好的。' });
    const start = await flow.api('p1', '/api/care/patients/htn-1/consultations', {
      method: 'POST',
      json: { language: 'zh' },
    });
    const { id } = (await start.json()) as { id: string };
    for (const text of ANSWERS) {
      const r = await flow.api('p1', `/api/care/consultations/${id}/messages`, {
        method: 'POST',
        json: { text },
      });
      expect(r.status).toBe(200);
      await r.text();
    }
    const done = await flow.api('p1', `/api/care/consultations/${id}/complete`, { method: 'POST' });
    expect(done.status, await done.clone().text()).toBe(200);
    saved = ((await done.json()) as { saved: typeof saved }).saved;
  }, 240_000);
  afterAll(async () => closeCareFlow(flow));

  it('writes drafts only for what is new and links the chart records it named again', () => {
    const kinds = saved.drafts.map((d) => d.split('/')[0]);
    expect(kinds.filter((k) => k === 'Condition')).toHaveLength(1); // diabetes
    expect(saved.drafts.some((d) => d.endsWith('-cond-diabetes'))).toBe(true);
    expect(kinds.filter((k) => k === 'AllergyIntolerance')).toHaveLength(0);
    expect(kinds.filter((k) => k === 'MedicationStatement')).toHaveLength(1); // metformin
    expect([...(saved.inChart ?? [])].sort()).toEqual(
      [
        'AllergyIntolerance/chart-pcn',
        'Condition/chart-htn',
        'Condition/chart-stroke',
        'MedicationRequest/chart-amlo',
      ].sort(),
    );
  });

  it('the summary lists them as already in the chart, with the chart’s own line, in the screen language', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const r = await flow.api('doc', `/api/care/patients/htn-1/summary?guideline=china-2018&lang=${lang}`);
      expect(r.status).toBe(200);
      const { drafts } = ((await r.json()) as Summary).intake;
      const inChart = drafts.filter((d) => d.state === 'in-chart');
      expect(inChart.map((d) => d.inChart?.reference).sort()).toEqual(
        [
          'AllergyIntolerance/chart-pcn',
          'Condition/chart-htn',
          'Condition/chart-stroke',
          'MedicationRequest/chart-amlo',
        ].sort(),
      );
      const unconfirmed = drafts.filter((d) => d.state === 'unconfirmed').map((d) => d.reference);
      expect(unconfirmed.some((d) => d.endsWith('-cond-diabetes'))).toBe(true);
      const htn = inChart.find((d) => d.inChart?.reference === 'Condition/chart-htn')!;
      // No SNOMED semantic tag on an English screen.
      if (lang === 'en') expect(htn.display).toBe('Condition: Essential hypertension');
      // The chart's English records named in Chinese on a zh screen (concept lexicon, substance table).
      if (lang === 'zh') {
        expect(htn.display).toBe('Condition: 高血压');
        expect(inChart.map((d) => d.display).sort()).toEqual(
          [
            'AllergyIntolerance: 青霉素',
            'Condition: 脑卒中',
            'Condition: 高血压',
            'MedicationRequest: 氨氯地平 5 mg',
          ].sort(),
        );
      }
      expect(JSON.stringify(drafts)).not.toMatch(/\((?:disorder|finding)\)/);
    }
  });

  it('a duplicate an older intake wrote cannot be confirmed again: 409, nothing changed', async () => {
    const r = await flow.api('doc', '/api/care/reported/Condition/old-intake-htn/confirm?lang=zh', {
      method: 'POST',
    });
    expect(r.status).toBe(409);
    expect(await r.text()).toContain('病历中已有该条目');
    const after = (await flow.t.repository.read(system, 'Condition', 'old-intake-htn')) as unknown as {
      verificationStatus: { coding: { code: string }[] };
    };
    expect(after.verificationStatus.coding[0]!.code).toBe('unconfirmed');
    // Diabetes (new) is confirmed as before.
    const diabetes = saved.drafts.find((d) => d.endsWith('-cond-diabetes'))!;
    const ok = await flow.api('doc', `/api/care/reported/${diabetes}/confirm?lang=zh`, { method: 'POST' });
    expect(ok.status, await ok.clone().text()).toBe(200);
  });
});
