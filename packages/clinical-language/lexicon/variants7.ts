/**
 * More surface forms for the emergency rows (part 7, issue 16, round 5; classes found as misses of tuning part 20):
 * a clinician's note of answers beside the point (对答不切题, 答话不切题 — REFERENCE §1.5 acute confusion, an
 * encephalopathy sign with a crisis reading). Merged into the rows by lexicon/index.ts; near misses in
 * classes12.test.ts.
 */
import type { Variants } from './variants.ts';

export const VARIANTS_7: Readonly<Record<string, Variants>> = {
  confusion: {
    zh: ['对答不切题', '答话不切题', '回答不切题', '对答欠切题', '言语不切题'],
  },
};
