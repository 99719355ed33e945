/**
 * Users never see internal references (IT trial, item 1: `qihuang renal egfr --json` printed
 * "source": "REFERENCE §4.1, §4.3"): every string the renal-function, cardiovascular-risk and prescription-review
 * engines (and the clinical-language emergency call, printed by `qihuang text analyze`) return for a spread of inputs cites the guideline, paper or label by name, never "REFERENCE §", never
 * "UNVERIFIED". (hypertension-care and blood-pressure: user-facing-text.test.ts there.)
 */
import { readFileSync } from 'node:fs';
import { analyze, emergencyCall } from '@qihuang/clinical-language';
import { SOURCES, createDrugKnowledgeBase, withoutInternalReferences } from '@qihuang/drug-knowledge';
import { pooledCohortRisk, preventRisk, stratifyChina2018 } from '@qihuang/engines/cardiovascular-risk';
import { buildReviewInput, reviewPrescriptions } from '@qihuang/engines/prescription-review';
import { cockcroftGault, egfrCkdEpi2021 } from '@qihuang/engines/renal-function';
import { describe, expect, it } from 'vitest';

const INTERNAL = [/REFERENCE\s*§/i, /clinical reference §/i, /UNVERIFIED/i];

function strings(value: unknown, path = '$', out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) strings(v, `${path}.${k}`, out);
  return out;
}

function leaks(label: string, value: unknown): string[] {
  return strings(value, label)
    .filter(([, s]) => INTERNAL.some((re) => re.test(s)))
    .map(([p, s]) => `${p}: ${s}`);
}

describe('engine outputs name guidelines, never the internal reference', () => {
  it('renal function: CKD-EPI 2021 and Cockcroft–Gault', () => {
    const egfr = egfrCkdEpi2021({ sex: 'male', age: 55, creatinine: 1.2, unit: 'mg/dL' });
    const crcl = cockcroftGault({ sex: 'female', age: 70, creatinine: 88, unit: 'umol/L', weightKg: 60 });
    expect([...leaks('egfr', egfr), ...leaks('crcl', crcl)]).toEqual([]);
    expect(egfr.source).toMatch(/CKD-EPI 2021 \(Inker et al\., NEJM 2021\); KDIGO 2012/);
    expect(crcl.source).toMatch(/Cockcroft/);
  });

  it('cardiovascular risk: PCE, PREVENT, China 2018 stratification', () => {
    const pce = pooledCohortRisk({
      age: 55,
      sex: 'female',
      race: 'white',
      totalCholesterol: 213,
      hdl: 50,
      sbp: 120,
      treatedHypertension: false,
      smoker: false,
      diabetes: false,
    });
    const prevent = preventRisk({
      age: 50,
      sex: 'female',
      sbp: 160,
      antihypertensive: true,
      totalCholesterol: 200,
      hdl: 45,
      statin: false,
      diabetes: true,
      smoker: false,
      egfr: 90,
      bmi: 35,
    });
    const china = [
      stratifyChina2018({ sbp: 150, dbp: 92, riskFactors: 2 }),
      stratifyChina2018({ sbp: 128, dbp: 82, riskFactors: 0 }),
    ];
    expect([...leaks('pce', pce), ...leaks('prevent', prevent), ...leaks('china', china)]).toEqual([]);
  });

  it('prescription review: findings on the fixture bundle, and every source as a finding shows it', () => {
    const bundle = JSON.parse(
      readFileSync(new URL('./prescription-review/fixtures/patient-bundle.json', import.meta.url), 'utf8'),
    ) as { entry: { resource: never }[] };
    const input = buildReviewInput(
      bundle.entry.map((e) => e.resource),
      { now: new Date('2026-01-01T00:00:00Z') },
    );
    const findings = reviewPrescriptions(input, createDrugKnowledgeBase()).findings;
    expect(findings.length).toBeGreaterThan(0);
    expect(leaks('findings', findings)).toEqual([]);
    const shown = Object.values(SOURCES).map((s) => ({
      id: s.id,
      label: withoutInternalReferences(s.label),
      citation: withoutInternalReferences(s.citation),
    }));
    expect(leaks('sources', shown)).toEqual([]);
    for (const s of shown) expect(s.label.length, s.id).toBeGreaterThan(2);
  });

  it('clinical language: the emergency call rule printed by `qihuang text analyze`', () => {
    const calls = ['胸痛，血压190/125', '血压190/125，头晕', '血压190/125，腰背痛', '没有不舒服'].map((t) =>
      emergencyCall(analyze(t)),
    );
    expect(calls.some((c) => c.emergency)).toBe(true);
    expect(
      leaks(
        'calls',
        calls.map((c) => c.rule),
      ),
    ).toEqual([]);
  });
});
