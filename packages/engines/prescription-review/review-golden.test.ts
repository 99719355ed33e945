/**
 * Pins the review's whole output (issue 19: the engine is made cheaper, never different). Every built-in drug is
 * ordered as a draft against four patients (RAAS + MRA with high K⁺ and low eGFR in pregnancy; elderly with
 * NSAID, diuretic, sulfonamide allergy and hepatic impairment; no record, with a second draft; the patient-view
 * scope over an active regimen), and each case's findings — ids, severities, texts, evidence, sources, order — are
 * compared by hash with fixtures/review-golden.json, recorded from the engine before the performance work.
 * Regenerate only for an intended clinical change: UPDATE_GOLDEN=1 npx vitest run <this file>.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import {
  reviewPrescriptions,
  type MedicationInput,
  type PatientContext,
  type ReviewOptions,
} from './index.ts';

const GOLDEN = new URL('./fixtures/review-golden.json', import.meta.url);
const kb = createDrugKnowledgeBase();
const med = (id: string, text: string): MedicationInput => ({ id: `MedicationRequest/${id}`, text });
const icd = (code: string) => ({ codes: [{ system: 'http://hl7.org/fhir/sid/icd-10', code }] });

const PATIENTS: Record<string, PatientContext> = {
  raasPregnant: {
    ageYears: 34,
    sex: 'female',
    pregnant: true,
    conditions: [icd('N18.4'), { text: 'heart failure' }],
    allergies: [{ text: '青霉素过敏' }],
    medications: [med('a1', 'lisinopril 10 mg qd'), med('a2', 'spironolactone 25 mg daily')],
    labs: {
      potassium: { value: 5.6, at: '2026-11-20T08:00:00Z' },
      egfr: { value: 25, at: '2026-11-20T08:00:00Z' },
    },
  },
  elderly: {
    ageYears: 82,
    sex: 'male',
    weightKg: 58,
    hepaticImpairment: 'moderate',
    conditions: [icd('I10'), icd('J45')],
    allergies: [{ text: 'sulfa drugs' }, { codes: [{ system: 'http://snomed.info/sct', code: '91936005' }] }],
    medications: [
      med('b1', 'amlodipine 5 mg qd'),
      med('b2', 'hydrochlorothiazide 25 mg qd'),
      med('b3', 'ibuprofen 400 mg tid'),
      med('b4', 'metoprolol tartrate 50 mg bid'),
    ],
    labs: { creatinine: { value: 2.1, at: '2026-06-01' } },
  },
  none: { conditions: [], allergies: [], medications: [], labs: {} },
};

const drugs = kb.drugs;
/**
 * A draft's text: the drug's English name, twice daily, at its usual maximum daily dose as one dose (so that
 * dose findings appear), else 10 mg; `zh` names it in Chinese with the Chinese frequency.
 */
const draftText = (i: number, zh = false) => {
  const drug = drugs[i]!;
  const mg = drug.dose?.maxDaily ?? 10;
  return zh ? `${drug.names.zh} ${mg}mg 每日2次` : `${drug.names.en} ${mg} mg bid`;
};

function cases(): Record<string, () => ReturnType<typeof reviewPrescriptions>> {
  const out: Record<string, () => ReturnType<typeof reviewPrescriptions>> = {};
  const options: ReviewOptions = {};
  drugs.forEach((drug, i) => {
    for (const name of ['raasPregnant', 'elderly'] as const) {
      out[`${drug.id}@${name}`] = () =>
        reviewPrescriptions(
          { patient: PATIENTS[name]!, drafts: [med('d1', draftText(i, name === 'elderly'))] },
          kb,
          options,
        );
    }
    const other = (i * 7 + 3) % drugs.length;
    out[`${drug.id}+${drugs[other]!.id}@none`] = () =>
      reviewPrescriptions(
        { patient: PATIENTS.none!, drafts: [med('d1', draftText(i)), med('d2', draftText(other))] },
        kb,
        options,
      );
    out[`${drug.id}@elderly/all/warning`] = () =>
      reviewPrescriptions(
        {
          patient: {
            ...PATIENTS.elderly!,
            medications: [...PATIENTS.elderly!.medications, med('b5', draftText(i))],
          },
          drafts: [],
        },
        kb,
        { scope: 'all', severityThreshold: 'warning' },
      );
  });
  return out;
}

const hash = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

describe('prescription review output is pinned', () => {
  it('gives, case by case, the findings recorded in fixtures/review-golden.json', () => {
    const actual: Record<string, string> = {};
    for (const [name, run] of Object.entries(cases())) actual[name] = hash(run());
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 1)}\n`);
    expect(existsSync(GOLDEN), 'fixtures/review-golden.json is missing').toBe(true);
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, string>;
    expect(Object.keys(actual).length).toBeGreaterThan(400);
    expect(actual).toEqual(golden);
  });

  it('finds something in most cases (the golden is not a record of empty reviews)', () => {
    const counts = Object.values(cases()).map((run) => run().findings.length);
    expect(counts.filter((n) => n > 0).length).toBeGreaterThan(counts.length * 0.6);
  });
});
