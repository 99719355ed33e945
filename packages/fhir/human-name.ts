/**
 * A person's name as people read it, from a FHIR R4 HumanName — the one function every server screen uses for
 * Patient.name and Practitioner.name (issue 20: the alerts page showed "秀英 王" for the patient the list shows as
 * 王秀英). A name with `text` is shown as written (its order is the record's); else a Chinese, Japanese or Korean
 * name is family then given with no space (王秀英), and a name in Latin letters is "Given Family" (Marcos Barrows),
 * on Chinese and English screens alike. Pure.
 */
export interface HumanNameLike {
  use?: string;
  text?: string;
  family?: string;
  given?: string[];
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

/** The name as people read it; undefined when it has no text, family or given part. */
export function humanNameText(name: HumanNameLike | undefined): string | undefined {
  if (!name) return undefined;
  const text = name.text?.trim();
  if (text) return text;
  const family = name.family?.trim() ?? '';
  const given = (name.given ?? []).map((g) => g.trim()).filter(Boolean);
  if (CJK.test(family) || given.some((g) => CJK.test(g))) return `${family}${given.join('')}` || undefined;
  return [...given, family].filter(Boolean).join(' ') || undefined;
}

/** The display name of a Patient, Practitioner or RelatedPerson: its official name, else its first usable one. */
export function resourceName(resource: unknown): string | undefined {
  const name = (resource as { name?: unknown } | null | undefined)?.name;
  const names = Array.isArray(name) ? (name as HumanNameLike[]) : [];
  const ordered = [
    ...names.filter((n) => n?.use === 'official'),
    ...names.filter((n) => n?.use !== 'official'),
  ];
  for (const n of ordered) {
    const shown = humanNameText(n);
    if (shown) return shown;
  }
  return undefined;
}
