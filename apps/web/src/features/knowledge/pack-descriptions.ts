/**
 * The built-in knowledge collections (packages/knowledge/packs: guidelines, drug-monographs) are stored with
 * an English description; the console shows it in the page language (issue 20). Only while the stored text
 * is the pack's own: a description an administrator wrote stays as written.
 */
const PACKS: Record<string, { key: string; stored: string }> = {
  guidelines: {
    key: 'knowledgePacks.guidelines',
    stored:
      'Hypertension guideline summary: ACC/AHA 2017, ESH 2023, Chinese Hypertension Guidelines 2018 and 2024; each section cites its guideline',
  },
  'drug-monographs': {
    key: 'knowledgePacks.drugMonographs',
    stored:
      'Antihypertensive and related drug monographs: doses, renal dosing, interactions and contraindications, each fact with its source (product labels, guidelines)',
  },
};

export function packDescriptionKey(name: string, description: string | undefined): string | undefined {
  const pack = PACKS[name];
  return pack && description?.trim() === pack.stored ? pack.key : undefined;
}

/** The description to show: the pack's in the page language, else as stored. */
export function collectionDescription(
  name: string,
  description: string | undefined,
  t: (key: string) => string,
): string | undefined {
  const key = packDescriptionKey(name, description);
  return key ? t(key) : description;
}
