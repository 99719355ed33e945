/**
 * Issue 18/20: findings REFERENCE states that prescription review could not raise.
 * - §5.2 β-blockers, absolute contraindications: bradycardia "HR <50–60". HR 48 on metoprolol is a contraindication
 *   (critical); 50–59 lies inside the range (a caution); the reading comes from the latest heart-rate Observation
 *   (LOINC 8867-4, REFERENCE §8.1).
 * - §6 row 3: ACEi/ARB/aliskiren + trimethoprim → hyperkalaemia, major (monitor): check K⁺; avoid if K⁺ >5.0.
 * - §6 row 18: non-selective β-blocker + sulfonylurea (glibenclamide) → moderate.
 */
import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { buildReviewInput, reviewPrescriptions, type PatientContext } from './index.ts';

const kb = createDrugKnowledgeBase();
const patient = (p: Partial<PatientContext> = {}): PatientContext => ({
  ageYears: 66,
  sex: 'male',
  conditions: [],
  allergies: [],
  medications: [],
  labs: {},
  ...p,
});
const review = (p: PatientContext, text: string) =>
  reviewPrescriptions({ patient: p, drafts: [{ id: 'MedicationRequest/new', text }] }, kb).findings;

describe('β-blocker at a low heart rate (REFERENCE §5.2)', () => {
  it('HR 48 on a new metoprolol order: contraindication, critical, cited to the guidelines of §5.2', () => {
    const f = review(
      patient({ heartRate: { value: 48, at: '2026-12-01' } }),
      'metoprolol tartrate 25 mg bid',
    );
    const hr = f.filter((x) => x.type === 'contraindication');
    expect(hr).toHaveLength(1);
    expect(hr[0]).toMatchObject({ ruleId: 'bb-hr-50', severity: 'critical', source: { id: 'ref-5.2' } });
    expect(hr[0]!.summary.zh).toMatch(/美托洛尔.*禁用.*心率 48/);
    expect(hr[0]!.summary.en).toMatch(/contraindicated.*heart rate 48/);
    expect(hr[0]!.evidence.facts).toEqual(['contraindication:bb-hr-50', 'heart-rate:48']);
    expect(hr[0]!.detail.zh).toContain('2026-12-01');
    // User-visible text never names the internal reference file.
    expect(JSON.stringify(hr[0])).not.toMatch(/REFERENCE|§|UNVERIFIED/);
  });

  it('HR 55 is a caution (inside <50–60); HR 60 and above, or no reading, is nothing', () => {
    const f = review(patient({ heartRate: { value: 55 } }), '美托洛尔 25mg bid');
    expect(f.filter((x) => x.type === 'contraindication')).toEqual([]);
    expect(f.filter((x) => x.type === 'caution')).toEqual([
      expect.objectContaining({ ruleId: 'bb-hr-60', severity: 'warning' }),
    ]);
    for (const hr of [{ heartRate: { value: 60 } }, { heartRate: { value: 72 } }, {}])
      expect(
        review(patient(hr), 'metoprolol 25 mg bid').filter(
          (x) => x.type === 'contraindication' || x.type === 'caution',
        ),
      ).toEqual([]);
  });

  it('a reading and a coded bradycardia give one finding, the reading’s; the code alone is now a contraindication', () => {
    const brady = { codes: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'R00.1' }] };
    const both = review(patient({ heartRate: { value: 48 }, conditions: [brady] }), 'bisoprolol 5 mg qd');
    expect(both.filter((x) => x.type === 'contraindication').map((x) => x.ruleId)).toEqual(['bb-hr-50']);
    const coded = review(patient({ conditions: [brady] }), 'bisoprolol 5 mg qd');
    expect(coded.filter((x) => x.type === 'contraindication')).toEqual([
      expect.objectContaining({ ruleId: 'bb-brady', severity: 'critical' }),
    ]);
  });

  it('a drug without a heart-rate rule is not flagged at HR 48', () => {
    expect(
      review(patient({ heartRate: { value: 48 } }), 'amlodipine 5 mg qd').filter(
        (x) => x.type === 'contraindication',
      ),
    ).toEqual([]);
  });

  it('reads the latest heart rate (LOINC 8867-4) from FHIR and flags the metoprolol draft', () => {
    const hr = (value: number, date: string): Resource => ({
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
      effectiveDateTime: date,
      valueQuantity: { value, unit: '/min', code: '/min' },
    });
    const input = buildReviewInput(
      [
        { resourceType: 'Patient', id: 'p', gender: 'male', birthDate: '1958-01-01' },
        hr(72, '2026-10-01'),
        hr(48, '2026-11-20'),
      ],
      {
        now: new Date('2026-11-26T00:00:00Z'),
        draftOrders: [
          {
            resourceType: 'MedicationRequest',
            id: 'd1',
            status: 'draft',
            intent: 'order',
            subject: { reference: 'Patient/p' },
            medicationCodeableConcept: { text: '酒石酸美托洛尔片 25mg bid' },
          },
        ],
      },
    );
    expect(input.patient.heartRate).toEqual({ value: 48, at: '2026-11-20' });
    const f = reviewPrescriptions(input, kb).findings;
    expect(f[0]).toMatchObject({ ruleId: 'bb-hr-50', severity: 'critical' });
  });
});

describe('heart rate inside a BP panel', () => {
  it('is read from the latest BP panel (component 8867-4) when no heart-rate Observation is given', () => {
    const panel: Resource = {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
      effectiveDateTime: '2026-11-21',
      component: [
        { code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] }, valueQuantity: { value: 128 } },
        { code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] }, valueQuantity: { value: 76 } },
        { code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] }, valueQuantity: { value: 46 } },
      ],
    };
    const input = buildReviewInput([panel], { now: new Date('2026-11-26T00:00:00Z') });
    expect(input.patient.heartRate).toEqual({ value: 46, at: '2026-11-21' });
  });
});

describe('RAAS blocker + trimethoprim (REFERENCE §6 row 3)', () => {
  const onLisinopril = (labs: PatientContext['labs']) =>
    patient({ labs, medications: [{ id: 'MedicationRequest/acei', text: 'lisinopril 20 mg qd' }] });
  const interaction = (p: PatientContext, text: string) =>
    review(p, text).filter((f) => f.ruleId === 'raas-potassium');

  it('trimethoprim with lisinopril and no potassium result: check potassium (info)', () => {
    const [f] = interaction(onLisinopril({}), 'trimethoprim 200 mg bid');
    expect(f).toMatchObject({ severity: 'info', type: 'lab', source: { id: 'ref-6.3' } });
    expect(f!.summary.zh).toMatch(/甲氧苄啶.*赖诺普利|赖诺普利.*甲氧苄啶/);
    expect(f!.summary.zh).toContain('请检测血钾');
    expect(f!.evidence.facts).toContain('lab:potassium=missing');
  });

  it('K⁺ 5.4 → warning (major); K⁺ 6.1 → critical (§5.3 stop and treat); K⁺ 4.2 → nothing', () => {
    expect(interaction(onLisinopril({ potassium: { value: 5.4 } }), '甲氧苄啶片 100mg bid')[0]).toMatchObject(
      { severity: 'warning' },
    );
    expect(
      interaction(onLisinopril({ potassium: { value: 6.1 } }), 'trimethoprim 100 mg bid')[0],
    ).toMatchObject({ severity: 'critical' });
    expect(interaction(onLisinopril({ potassium: { value: 4.2 } }), 'trimethoprim 100 mg bid')).toEqual([]);
  });

  it('co-trimoxazole carries trimethoprim: with losartan at K⁺ 5.6 it is flagged; amoxicillin is not', () => {
    const p = patient({
      labs: { potassium: { value: 5.6 } },
      medications: [{ id: 'MedicationRequest/arb', text: '氯沙坦钾片 50mg qd' }],
    });
    expect(interaction(p, '复方磺胺甲噁唑片 2片 bid')[0]).toMatchObject({ severity: 'warning' });
    expect(interaction(p, 'amoxicillin 500 mg tid')).toEqual([]);
  });
});

describe('glibenclamide with a non-selective β-blocker (REFERENCE §6 row 18)', () => {
  it('propranolol + glibenclamide: moderate (info); metoprolol (β1-selective) + glibenclamide: nothing', () => {
    const on = (text: string) => patient({ medications: [{ id: 'MedicationRequest/bb', text }] });
    const f = review(on('propranolol 40 mg bid'), '格列本脲片 2.5mg qd').filter(
      (x) => x.type === 'interaction',
    );
    expect(f).toEqual([
      expect.objectContaining({ ruleId: 'nonselective-bb-sulfonylurea', severity: 'info' }),
    ]);
    expect(f[0]!.source.id).toBe('ref-6.18');
    expect(
      review(on('metoprolol 25 mg bid'), 'glyburide 5 mg qd').filter((x) => x.type === 'interaction'),
    ).toEqual([]);
  });
});
