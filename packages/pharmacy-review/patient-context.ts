/**
 * The patient facts on a pharmacist's card, taken from the context the review engine itself read for the order
 * (so the card shows what the findings were judged against): age, sex, latest eGFR and potassium with their dates,
 * recorded allergies and pregnancy status. Pure.
 */
import type { DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import type { PatientContext } from '@qihuang/engines/prescription-review';
import type { CardPatient, Language } from './api-types/index.ts';

/**
 * An allergy's substance as recorded; on the zh screen its recorded zh translation, else a drug the knowledge base
 * names exactly, reads in Chinese; a patient-reported (unconfirmed) allergy is marked so.
 */
function allergyName(
  allergy: PatientContext['allergies'][number],
  drugs: DrugKnowledgeBase,
  lang: Language,
): string | undefined {
  const text = (allergy.text ?? allergy.codes?.find((c) => c.display)?.display ?? '').trim();
  if (!text) return undefined;
  // Reported by the patient, not yet confirmed by a clinician (issue 20): it counts, and the card says so.
  const reported = (name: string) =>
    allergy.unconfirmed
      ? lang === 'zh-CN'
        ? `${name}（患者自述，未确认）`
        : `${name} (patient-reported, unconfirmed)`
      : name;
  if (lang !== 'zh-CN') return reported(text);
  if (allergy.textZh) return reported(allergy.textZh);
  const drug = drugs.match(text)?.drug;
  return reported(drug && drug.names.en.toLowerCase() === text.toLowerCase() ? drug.names.zh : text);
}

export function cardPatient(
  who: { id?: string; name?: string },
  context: PatientContext | undefined,
  drugs: DrugKnowledgeBase,
  lang: Language,
): CardPatient {
  const labs = context?.labs ?? {};
  // Confirmed first, unmarked; a substance confirmed in one record is not also shown as unconfirmed (two intakes),
  // so each mark belongs to its own item (issue 20: "青霉素、吃得比较咸（患者自述，未确认）" read as both unconfirmed).
  const all = context?.allergies ?? [];
  const substance = (a: (typeof all)[number]) => (a.text ?? '').trim().toLowerCase();
  const confirmed = all.filter((a) => !a.unconfirmed);
  const held = new Set(confirmed.map(substance));
  const allergies = [...confirmed, ...all.filter((a) => a.unconfirmed && !held.has(substance(a)))]
    .map((a) => allergyName(a, drugs, lang))
    .filter((a): a is string => Boolean(a));
  return {
    ...who,
    ...(context?.ageYears !== undefined ? { ageYears: context.ageYears } : {}),
    ...(context?.sex ? { sex: context.sex } : {}),
    ...(labs.egfr
      ? {
          egfr: {
            value: Math.round(labs.egfr.value),
            unit: 'mL/min/1.73 m²',
            ...(labs.egfr.at ? { at: labs.egfr.at } : {}),
          },
        }
      : {}),
    ...(labs.potassium
      ? {
          potassium: {
            value: Math.round(labs.potassium.value * 10) / 10,
            unit: 'mmol/L',
            ...(labs.potassium.at ? { at: labs.potassium.at } : {}),
          },
        }
      : {}),
    allergies: [...new Set(allergies)],
    ...(context?.pregnant !== undefined ? { pregnant: context.pregnant } : {}),
  };
}
