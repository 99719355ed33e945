import {
  parseDose,
  parseFrequency,
  toMg,
  type DrugClassId,
  type DrugEntry,
  type DrugKnowledgeBase,
} from '@qihuang/drug-knowledge';
import { cockcroftGault, egfrCkdEpi2021 } from '@qihuang/engines/renal-function';
import type { MedicationInput, PatientContext, RenalStatus, ResolvedMedication } from './types.ts';

function describe(input: MedicationInput): string {
  return (
    input.text ??
    input.codes?.find((c) => c.display)?.display ??
    input.codes?.[0]?.code ??
    input.drugId ??
    input.id
  );
}

export function resolveMedication(
  kb: DrugKnowledgeBase,
  input: MedicationInput,
  draft: boolean,
  subject: boolean,
): ResolvedMedication {
  const text = describe(input);
  const byId = input.drugId ? kb.getDrug(input.drugId) : undefined;
  const match = byId ? undefined : kb.matchCodings(input.codes ?? [], input.text);
  const drug = byId ?? match?.drug;
  const parsed = match?.parsed ?? parseDose([input.text, input.frequency].filter(Boolean).join(' '));
  const units: ResolvedMedication['units'] = [];
  if (drug) {
    const ingredients = kb.ingredients(drug);
    const extra = [...(match?.also ?? [])];
    for (const ing of [...ingredients, ...extra]) {
      units.push({ drug: ing, classes: new Set(ing.classes), tags: new Set(ing.tags ?? []) });
    }
    // An entry with classes its ingredients do not carry (ARNI) is also a unit of its own.
    const covered = new Set(units.flatMap((u) => [...u.classes]));
    if (drug.components && drug.classes.some((c) => !covered.has(c))) {
      units.push({
        drug,
        classes: new Set(drug.classes.filter((c) => !covered.has(c))),
        tags: new Set(drug.tags ?? []),
      });
    }
  }
  const classes = new Set<DrugClassId>(units.flatMap((u) => [...u.classes]));
  const doseMg = input.dose ? toMg(input.dose) : drug?.components ? undefined : parsed.doseMg;
  const timesPerDay =
    input.timesPerDay ??
    (input.frequency ? parseFrequency(input.frequency) : undefined) ??
    parsed.timesPerDay;
  const resolved: ResolvedMedication = {
    input,
    draft,
    subject,
    units,
    classes,
    allergyGroups: drug ? kb.allergyGroupsOf(drug) : [],
    label: drug ? drug.names.en : text,
    text,
  };
  if (drug) resolved.drug = drug;
  if (doseMg !== undefined) resolved.doseMg = doseMg;
  if (timesPerDay !== undefined) resolved.timesPerDay = timesPerDay;
  if (doseMg !== undefined && timesPerDay !== undefined) resolved.dailyMg = doseMg * timesPerDay;
  return resolved;
}

export function resolveAll(
  kb: DrugKnowledgeBase,
  patient: PatientContext,
  drafts: MedicationInput[],
  scope: 'drafts' | 'all',
): ResolvedMedication[] {
  return [
    ...patient.medications.map((m) => resolveMedication(kb, m, false, scope === 'all')),
    ...drafts.map((m) => resolveMedication(kb, m, true, true)),
  ];
}

/** Renal function: measured values first; otherwise computed with the renal-function engine (REFERENCE §4.1/§4.2). */
export function renalStatus(patient: PatientContext): RenalStatus {
  const basis: string[] = [];
  let egfr = patient.labs.egfr?.value;
  let crcl = patient.labs.crcl?.value;
  if (egfr !== undefined) basis.push(`eGFR ${egfr} (reported)`);
  if (crcl !== undefined) basis.push(`CrCl ${crcl} (reported)`);
  const scr = patient.labs.creatinine?.value;
  const sex = patient.sex === 'male' || patient.sex === 'female' ? patient.sex : undefined;
  if (scr !== undefined && sex && patient.ageYears !== undefined && patient.ageYears >= 18) {
    const input = { creatinine: scr, unit: 'mg/dL' as const, age: patient.ageYears, sex };
    if (egfr === undefined) {
      egfr = egfrCkdEpi2021(input).egfrRounded;
      basis.push(`eGFR ${egfr} (CKD-EPI 2021 from creatinine ${scr} mg/dL)`);
    }
    if (
      crcl === undefined &&
      patient.weightKg !== undefined &&
      patient.weightKg > 0 &&
      patient.weightKg < 400
    ) {
      crcl = Math.round(cockcroftGault({ ...input, weightKg: patient.weightKg }).crcl);
      basis.push(`CrCl ${crcl} (Cockcroft–Gault)`);
    }
  }
  const status: RenalStatus = { basis };
  if (egfr !== undefined) status.egfr = egfr;
  if (crcl !== undefined) status.crcl = crcl;
  return status;
}

export function unitHasClass(drug: DrugEntry, classes: Set<DrugClassId>, cls: DrugClassId): boolean {
  return classes.has(cls) || drug.classes.includes(cls);
}
