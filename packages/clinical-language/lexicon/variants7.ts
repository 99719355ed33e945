/**
 * More surface forms for the emergency rows (part 7, issue 16, round 5; classes found as misses of tuning part 20):
 * a clinician's note of answers beside the point (对答不切题, 答话不切题 — REFERENCE §1.5 acute confusion, an
 * encephalopathy sign with a crisis reading). Merged into the rows by lexicon/index.ts; near misses in
 * classes12.test.ts.
 * Round 7 (issue 16; known miss "血压190/125，头很痛" read as a plain headache): a headache the writer grades as very bad
 * — an intensifier before the pain (头很痛, 头好疼, 头超痛, 头痛得很, "my head really hurts", "head is killing me") or a
 * splitting simile (头疼得像被劈开) — is the severe-headache red flag (sources of the row: REFERENCE §1.5 severe headache
 * as a target-organ-damage symptom, China 2018 高血压急症; AHA hypertensive-crisis page: 180/120 or higher with a
 * severe headache, call 911). Alone it is a red flag (same-day care in triage); with a crisis reading an emergency.
 * Not a mild or denied one (头有点痛, 头不太痛, 头不是很痛, "doesn't really hurt"). Tests: modifiers14.test.ts.
 */
import type { Variants } from './variants.ts';

// A gap of "also/really/suddenly" between the head and the intensifier; never a negation (头不太痛, 头不是很痛).
const HEAD = '(?:头|脑袋|脑壳|后脑勺?)(?:也|都|真的?|实在|突然|一下子)?';

export const VARIANTS_7: Readonly<Record<string, Variants>> = {
  'severe-headache': {
    patterns: [
      `${HEAD}(?:很|好|超|超级|太|巨|贼|特别|非常|十分|真|好生)(?:痛|疼)`,
      '(?:头|脑袋|脑壳)(?:痛|疼)得(?:很|不行|不得了|要死|想哭|直哭)',
      `(?:头|脑袋|脑壳)[^,.。!?;:\\n不没无未别]{0,4}?(?:劈开|劈成两半|撕开)`,
      '\\bhead (?:really|truly|seriously) (?:hurts|aches|is pounding)\\b',
      '\\bhead (?:hurts|aches|is hurting|is aching) (?:so|really|very) (?:bad(?:ly)?|much)\\b',
      '\\bhead (?:hurts|aches) (?:badly|like hell|like crazy)\\b',
      '\\b(?:head|headache) is killing me\\b',
      '\\bheadache is (?:really|so|very) bad\\b',
    ],
  },
  confusion: {
    zh: ['对答不切题', '答话不切题', '回答不切题', '对答欠切题', '言语不切题'],
  },
};
