/**
 * The patient list in the order of the names it shows (issue 20 item 7: the server's `_sort=family` orders by any
 * of a patient's family names, so a married woman listed as "Alfreda Wyman" sorted under her maiden name). Family
 * name of the shown name, then given names, compared in the page language (pinyin order on zh). Pure.
 */
import type { HumanName, Patient } from '@medplum/fhirtypes';
import { formatName, patientName } from '../../lib/format.ts';

function shownName(patient: Patient, lang: string): HumanName | undefined {
  const shown = patientName(patient, lang);
  return (patient.name ?? []).find((n) => formatName(n) === shown);
}

export function sortByShownName(patients: readonly Patient[], lang: string): Patient[] {
  const collator = new Intl.Collator(lang.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en', {
    sensitivity: 'base',
  });
  const key = (p: Patient): [string, string] => {
    const n = shownName(p, lang);
    return n?.family ? [n.family, (n.given ?? []).join(' ')] : [patientName(p, lang), ''];
  };
  const keyed = patients.map((p) => ({ p, k: key(p) }));
  keyed.sort((a, b) => collator.compare(a.k[0], b.k[0]) || collator.compare(a.k[1], b.k[1]));
  return keyed.map((x) => x.p);
}
