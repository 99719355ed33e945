/**
 * More surface forms for the emergency rows (part 6, issue 16; classes found as misses of training parts 15–17):
 * Cantonese breathlessness — 喘唔到气, 唞唔到气, 唞唔顺 (气), 透唔到气, 抖唔切 (唔 = not, 唞/抖 = to breathe) — as the
 * Mandarin row's 喘不上气 / 透不过气 (REFERENCE §1.5 pulmonary oedema; AHA shortness of breath). Traditional characters
 * are read as simplified by normalize.ts before matching. A clinician's one-sided weakness ("right-sided weakness"). Merged into the rows by lexicon/index.ts; near misses in
 * classes10.test.ts.
 */
import type { Variants } from './variants.ts';

export const VARIANTS_6: Readonly<Record<string, Variants>> = {
  // A clinician's "new right-sided weakness", "L-sided numbness" (BE-FAST arm; a long-standing one is dated by
  // rules8.ts: long-standing, residual, chronic).
  'limb-weakness': {
    patterns: [
      '\\b(?:left|right|l|r|one)[- ]?sided\\s+(?:weakness|numbness|paralysis|hemiparesis|hemiplegia)\\b',
    ],
  },
  dyspnoea: {
    zh: [
      '喘唔到气',
      '喘唔顺气',
      '喘唔过气',
      '透唔到气',
      '透唔过气',
      '透唔顺气',
      '抖唔到气',
      '抖唔切',
      '唞唔切',
    ],
    patterns: ['(?:唞|抖)(?:气)?(?:都|也)?唔(?:到|顺|过|切)(?:气)?'],
  },
};
