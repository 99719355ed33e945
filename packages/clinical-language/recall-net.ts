/**
 * The recall net (issue 16; pure): a logistic regression over character and word n-grams (recall-features.ts),
 * trained on the tuning parts only (train/recall-net-train.ts → recall-net-weights.ts), that can only RAISE the
 * engine's emergency call on wording the lexicon does not know — never lower it (emergencyCall asks it only when
 * the engine found no emergency). Gate and threshold were chosen by leave-one-part-out cross-validation over the
 * independent tuning parts (train/recall-net-cv.ts): it raises only when no mention the engine found is negated,
 * historical, hypothetical or about someone not present, and the net's probability is at least RECALL_THRESHOLD.
 */
import { explainedMessage } from './explain2.ts';
import {
  CHEST_UNLESS,
  COLOUR_UNLESS,
  EXERTION,
  EYE_UNLESS,
  HEAD_UNLESS,
  LIMB_UNLESS,
  SPEECH_UNLESS,
} from './cues.ts';
import { normalize } from './normalize.ts';
import { recallFeatures } from './recall-features.ts';
import {
  ANCHORS_READ,
  anchorsCovered,
  RULE_EXPLAINS,
  withoutColdSweat,
  withoutNegated,
} from './recall-net-gate.ts';
import { RECALL_BIAS, RECALL_ROWS } from './recall-net-weights.ts';
import type { Analysis } from './types.ts';

/**
 * Chosen by cross-validation (train/recall-net-cv.ts, gate j+e+neg3+unless+strip, 12 left-out independent parts,
 * 2026-12-07 fourth session): with function words never read as evidence (recall-net-gate.ts) and the three strongest
 * features' context read, 0.80 adds 2.5 points of mean sensitivity on left-out parts met fresh (85.9 → 88.4 %) and no
 * false emergency on any part, and raises no near miss the package tests ("my chest does not feel like an elephant
 * is sitting on it and I am not sweating" is read through "chest", "sitting" and "like", not "and" and "my"; at
 * 0.92 the gain was 0.7 point). Round 6 (seventh session): retrained on all 22 tuning parts (parts 18–21 added);
 * cross-validated over 21 left-out parts with the engines that met them fresh: 0.80 adds 1.8 points (88.7 → 90.5 %)
 * and no false emergency on any part; 0.75 adds 2.3 points but one false emergency on part 19, so 0.80 stays.
 */
export const RECALL_THRESHOLD = 0.8;

const WEIGHTS: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  for (const row of RECALL_ROWS) {
    const cells = row.split('\t');
    for (let i = 0; i + 1 < cells.length; i += 2) m.set(cells[i] as string, Number(cells[i + 1]));
  }
  return m;
})();

/** The net's weights (feature → weight), for the gates and their tests. */
export const recallWeights = (): ReadonlyMap<string, number> => WEIGHTS;

/** The net's probability that the message describes an emergency (0–1). */
export function recallScore(text: string): number {
  let z = 0;
  let k = 0;
  for (const g of recallFeatures(text)) {
    const w = WEIGHTS.get(g);
    if (w !== undefined) {
      z += w;
      k++;
    }
  }
  return 1 / (1 + Math.exp(-(RECALL_BIAS + z / Math.sqrt(Math.max(1, k)))));
}

/**
 * The engine's own explanations of a sign (cues.ts: an injury or both sides for a limb, exertion for breath, cold
 * for blue lips, eye strain or an old refraction error for sight, a spot or a bump for the chest, a known migraine
 * for a headache, an accent or a drink for speech): where one is written, the engine has judged the message.
 */
const EXPLAINS = new RegExp(
  [LIMB_UNLESS, SPEECH_UNLESS, EXERTION, COLOUR_UNLESS, EYE_UNLESS, CHEST_UNLESS, HEAD_UNLESS].join('|'),
);

interface GateMention {
  emergency: boolean;
  redFlag?: string | undefined;
  modifiers: { negated: boolean; historical: boolean; hypothetical: boolean; remote?: boolean };
}

/**
 * Where the net may speak: no mention the engine found is negated, historical, hypothetical or about someone not
 * present; the engine found no red flag it judged not to be an emergency by itself; and no explanation of a sign.
 */
export function recallGate(mentions: readonly GateMention[], text: string): boolean {
  for (const m of mentions) {
    if (
      m.modifiers.negated ||
      m.modifiers.historical ||
      m.modifiers.hypothetical ||
      m.modifiers.remote === true
    )
      return false;
    if (m.redFlag !== undefined && !m.emergency) return false;
  }
  return !EXPLAINS.test(withoutColdSweat(normalize(text).norm));
}

/**
 * True when the net raises a message the engine did not call: a high enough score, also on the message without what
 * a negation cue denies; the engine's gate above; no explanation any compose or safety rule accepts; and its
 * three strongest features (function words aside) not negated, past, hypothetical or remote by the context rules
 * (recall-net-gate.ts).
 */
export function recallRaises(a: Analysis): boolean {
  if (recallScore(a.text) < RECALL_THRESHOLD || !recallGate(a.mentions, a.text)) return false;
  const norm = normalize(a.text).norm;
  return (
    !RULE_EXPLAINS.test(withoutColdSweat(norm)) &&
    !explainedMessage(norm) &&
    recallScore(withoutNegated(norm)) >= RECALL_THRESHOLD &&
    !anchorsCovered(a.text, WEIGHTS, ANCHORS_READ)
  );
}
