/**
 * The treatment-target population from the patient's BP context — the one builder every screen uses (issue 20):
 * the BP assessment and alerts (assess-patient.ts, raise-alerts.ts), the care plan and the patient's home, and
 * the treatment proposal (care treatment-input.ts, through `BpReport.population`). Pure.
 */
import type { TargetPopulation } from '@qihuang/engines/blood-pressure';
import { egfrCkdEpi2021, type EgfrResult } from '@qihuang/engines/renal-function';
import type { LabValue, PatientContext } from './patient-context.ts';

/** eGFR (CKD-EPI 2021) from the latest creatinine, when age (≥18) and sex are known. */
export function renalOf(context: PatientContext): EgfrResult | undefined {
  const creatinine = context.labs.creatinine;
  if (!creatinine || context.age === undefined || !context.sex || context.age < 18) return undefined;
  try {
    return egfrCkdEpi2021({
      creatinine: creatinine.value,
      unit: /umol|µmol/i.test(creatinine.unit) ? 'umol/L' : 'mg/dL',
      age: context.age,
      sex: context.sex,
    });
  } catch {
    return undefined;
  }
}

/** UACR in mg/g: mg/mmol × 10 (REFERENCE §4.3 albuminuria table pairs 30 mg/g with 3 mg/mmol). */
function uacrMgPerG(lab: LabValue | undefined): number | undefined {
  if (!lab) return undefined;
  return /mmol/i.test(lab.unit) ? lab.value * 10 : lab.value;
}

/**
 * Age (unknown stays unknown, decision 0005 item 4); diabetes; CKD coded or eGFR <60 (REFERENCE §4.3 G3a and
 * below); albuminuria/proteinuria coded or UACR ≥30 mg/g (REFERENCE §3.4, §4.3 A2); stroke/TIA and coronary heart
 * disease coded (REFERENCE §7.3 post-stroke and coronary targets, decision 0005 item 9).
 */
export function targetPopulation(context: PatientContext): TargetPopulation {
  const egfr = renalOf(context)?.egfr;
  const uacr = uacrMgPerG(context.labs.uacr);
  return {
    ...(context.age !== undefined ? { age: context.age } : {}),
    diabetes: context.diabetes,
    ckd: context.ckd || (egfr !== undefined && egfr < 60), // §4.3 G3a: eGFR <60
    proteinuria: context.albuminuria || (uacr !== undefined && uacr >= 30), // §3.4 UACR ≥30 mg/g
    stroke: context.stroke,
    coronary: context.coronary,
  };
}
