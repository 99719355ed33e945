import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import type { FhirResource } from '@qihuang/store';
import { reviewRecommendedDrugs } from './drug-safety.ts';

const drugs = createDrugKnowledgeBase();
const NOW = new Date('2026-03-10T04:00:00Z');
const patient = { resourceType: 'Patient', id: 'p', gender: 'female', birthDate: '1990-01-01' };
const condition = (code: string, display: string) => ({
  resourceType: 'Condition',
  id: code,
  clinicalStatus: {
    coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
  },
  code: { coding: [{ system: 'http://snomed.info/sct', code, display }], text: display },
  subject: { reference: 'Patient/p' },
});
const chart = (...extra: object[]) => [patient, ...extra] as unknown as FhirResource[];

describe('drugs a model recommends are reviewed against the patient', () => {
  it('catches an ACE inhibitor recommended in pregnancy (REFERENCE §5.2)', () => {
    const claims = reviewRecommendedDrugs(
      'Start lisinopril 10 mg once daily to bring the pressure down.',
      chart(condition('77386006', 'Pregnancy')),
      drugs,
      NOW,
    );
    expect(claims.length).toBeGreaterThan(0);
    expect(claims[0]).toMatchObject({ verdict: 'contradicted', kind: 'drug-condition' });
    expect(claims[0]!.evidence[0]!.source).toMatch(/prescription review/);
  });

  it('catches a thiazide recommended in gout, in Chinese (REFERENCE §5.2)', () => {
    const claims = reviewRecommendedDrugs(
      '建议加用氢氯噻嗪 12.5 mg 每日一次。',
      chart(condition('90560007', 'Gout')),
      drugs,
      NOW,
    );
    expect(claims.map((c) => c.verdict)).toContain('contradicted');
  });

  it('leaves warnings against a drug, excluded drugs and suitable drugs alone', () => {
    const pregnant = chart(condition('77386006', 'Pregnancy'));
    expect(reviewRecommendedDrugs('Avoid lisinopril in pregnancy.', pregnant, drugs, NOW)).toEqual([]);
    expect(reviewRecommendedDrugs('妊娠期禁用赖诺普利。', pregnant, drugs, NOW)).toEqual([]);
    expect(
      reviewRecommendedDrugs('Start lisinopril 10 mg daily.', pregnant, drugs, NOW, new Set(['lisinopril'])),
    ).toEqual([]);
    expect(
      reviewRecommendedDrugs('Labetalol 100 mg twice daily is an option.', pregnant, drugs, NOW),
    ).toEqual([]);
    expect(reviewRecommendedDrugs('Start amlodipine 5 mg once daily.', chart(), drugs, NOW)).toEqual([]);
  });
});
