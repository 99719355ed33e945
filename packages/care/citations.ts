/**
 * What a user sees as a source: the engines cite sections of the internal clinical reference
 * (../shared/clinical/REFERENCE.md, "REFERENCE §7.3") and mark what is not verified there. The care service
 * answers name the published guideline or paper behind that section instead (issue 17 item 5); the internal
 * reference and its verification remarks stay in code comments and docs.
 */

const CHINA_2018 = 'Chinese Hypertension Guidelines 2018';

/**
 * Published source per REFERENCE section (the section's own heading and "Primary sources" table). Longest
 * prefix wins (§5.1a before §5.1, §2.1 before §2).
 */
const SECTION_NAMES: [string, string][] = [
  ['1.1', 'ACC/AHA 2017 Table 6'],
  ['1.2', 'ESH 2023 office BP classification'],
  ['1.3', `${CHINA_2018} (BP classification)`],
  ['1.4', 'Chinese Hypertension Guidelines 2024'],
  ['1.5', `ACC/AHA 2017 §11.2; ESH 2023; ${CHINA_2018} (hypertensive crisis)`],
  ['1', `ACC/AHA 2017 Table 6; ESH 2023; ${CHINA_2018} (BP classification)`],
  ['2.1', 'ACC/AHA 2017 Table 11'],
  ['2.2', `ESH 2023; ${CHINA_2018} (out-of-office thresholds)`],
  ['2.3', `ESH 2023; ACC/AHA 2017; ${CHINA_2018} (home BP monitoring)`],
  ['2.4', 'ESH ABPM position paper (O’Brien 2013)'],
  ['2.5', 'ACC/AHA 2017; AHA/ACC 2025 Table 9 (white-coat and masked hypertension)'],
  ['2.6', 'BP variability (standard definitions)'],
  ['2', `ACC/AHA 2017 Table 11; ESH 2023; ${CHINA_2018} (out-of-office BP)`],
  ['3.1', 'Pooled Cohort Equations (Goff 2014)'],
  ['3.2', 'AHA PREVENT equations (Khan 2024)'],
  ['3.3', 'China-PAR (Yang 2016)'],
  ['3.4', `${CHINA_2018} (cardiovascular risk stratification)`],
  ['4.1', 'CKD-EPI 2021 (Inker 2021)'],
  ['4.2', 'Cockcroft–Gault 1976'],
  ['4.3', 'KDIGO 2012/2024 CKD categories'],
  ['5.1a', 'US product labels (dose range)'],
  ['5.1', `ACC/AHA 2017; ${CHINA_2018} (drug classes and doses)`],
  ['5.2', `ACC/AHA 2017; ESH 2023; ${CHINA_2018} (contraindications)`],
  ['5.3', 'Product labels (renal dosing)'],
  ['5', `ACC/AHA 2017; ${CHINA_2018} (antihypertensive drugs)`],
  ['6', 'High-priority drug interactions (Phansalkar 2012) and product labels'],
  ['7.1', 'ACC/AHA 2017 Figure 4'],
  ['7.2', 'ESH 2023 (treatment)'],
  ['7.3', `${CHINA_2018} (treatment)`],
  ['7.4', `ACC/AHA 2017; ESH 2023; ${CHINA_2018} (targets)`],
  ['7', `ACC/AHA 2017; ESH 2023; ${CHINA_2018} (treatment)`],
  ['8.1', 'LOINC'],
  ['8.2', 'UCUM'],
  ['8.3', 'HL7 FHIR R4 vital signs'],
  ['8.4', 'SNOMED CT'],
  ['8.5', 'ICD-10'],
  ['8.6', 'WHO ATC'],
  ['8', 'LOINC; SNOMED CT; HL7 FHIR R4'],
  ['9', 'HL7 CDS Hooks 2.0'],
];

function nameOf(section: string): string | undefined {
  return SECTION_NAMES.find(([s]) => section === s || section.startsWith(`${s}.`))?.[1];
}

const SECTION_LIST = /REFERENCE(?:\.md)?\s*((?:§\s*[\d.]+[a-z]?(?:\s*(?:,|\/|and|&)\s*)?)+)/g;

/** One source string as a user sees it: guideline names for reference sections, no verification remarks. */
export function citeSource(source: string): string {
  if (!/REFERENCE|UNVERIFIED/i.test(source)) return source;
  let out = source
    // Verification remarks belong to the docs ("(2024 targets UNVERIFIED; 2018 values used)").
    .replace(/\s*\([^()]*UNVERIFIED[^()]*\)/gi, '')
    .replace(/\s*\(not in REFERENCE[^()]*\)/gi, '')
    .replace(/;?\s*not in REFERENCE(?:\.md)?/gi, '')
    .replace(/[,;]?\s*UNVERIFIED/gi, '')
    // Internal row numbers of reference tables mean nothing to a reader.
    .replace(/(§\s*[\d.]+[a-z]?)\s+row\s+\d+(\s*note)?/gi, '$1');
  out = out.replace(SECTION_LIST, (_all, list: string) => {
    const sections = [...list.matchAll(/§\s*([\d.]+[a-z]?)/g)].map((m) => m[1]!.replace(/\.$/, ''));
    // §7.4 is the summary table of §7.1–§7.3: named only when no specific guideline section is cited.
    const specific = sections.some((s) => /^7\.[123]/.test(s));
    const names = sections
      .filter((s) => !(specific && s === '7.4'))
      .map(nameOf)
      .filter((n): n is string => n !== undefined);
    return `${[...new Set(names)].join('; ') || 'clinical guidelines'} `;
  });
  out = out.replace(/REFERENCE(?:\.md)?/g, 'guidelines').replace(/(Figure \d+)\s+\1/g, '$1');
  return out
    .replace(/\s+([,;:)])/g, '$1')
    .replace(/\(\s*\)/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** Every string in an API answer passed through citeSource (the edge of the care service). */
export function publicAnswer<T>(value: T): T {
  if (typeof value === 'string') return citeSource(value) as T;
  if (Array.isArray(value)) return value.map((v) => publicAnswer(v)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = publicAnswer(v);
    return out as T;
  }
  return value;
}
