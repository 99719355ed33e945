/**
 * Issue 20 (non-author try): a relative contraindication found from a coded diagnosis (class fact at severity
 * 'caution', e.g. REFERENCE §5.2 β-blocker in asthma: "β1-selective: caution") was filed as type 'contraindication'
 * at info. It is a caution — type 'caution' (慎用 / Use with caution) at warning, as the heart-rate caution band of
 * decision 0028 — while a drug-level contraindication for the same diagnosis stays a critical contraindication.
 */
import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { reviewPrescriptions, type PatientContext } from './index.ts';

const kb = createDrugKnowledgeBase();
const asthma: PatientContext = {
  ageYears: 58,
  sex: 'female',
  conditions: [{ codes: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'J45.9' }], text: 'Asthma' }],
  allergies: [],
  medications: [],
  labs: {},
};
const review = (text: string) =>
  reviewPrescriptions({ patient: asthma, drafts: [{ id: 'MedicationRequest/new', text }] }, kb).findings;

describe('a caution from a coded diagnosis', () => {
  it('β1-selective β-blocker in asthma: a caution at warning, worded 慎用, not a contraindication', () => {
    const findings = review('metoprolol succinate 47.5 mg qd');
    expect(findings.filter((f) => f.type === 'contraindication')).toEqual([]);
    const cautions = findings.filter((f) => f.ruleId === 'bb-asthma');
    expect(cautions).toEqual([expect.objectContaining({ type: 'caution', severity: 'warning' })]);
    expect(cautions[0]!.summary.zh).toMatch(/慎用：哮喘/);
    expect(cautions[0]!.summary.en).toMatch(/caution: asthma/);
    expect(cautions[0]!.evidence.facts).toEqual(['contraindication:bb-asthma', 'condition:J45.9']);
  });

  it('the non-selective propranolol in asthma stays a critical contraindication', () => {
    const findings = review('propranolol 10 mg tid').filter((f) => /asthma/.test(f.ruleId));
    expect(findings).toEqual([expect.objectContaining({ type: 'contraindication', severity: 'critical' })]);
  });
});
