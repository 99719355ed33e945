/**
 * Gates of the recall net on the raw text (issue 16; pure). The engine's own gate (recall-net.ts recallGate) reads
 * only the mentions the lexicon found; wording the lexicon does not know carries no mention, so its negation,
 * past, hypothetical or remote framing went unread ("my chest does not feel like an elephant is sitting on it").
 * Here the net's strongest features are located in the text and the package's own context rules (rules*.ts via
 * context.ts assignModifiers, and the sentence and message scopes of scope*.ts) are run on them as if they were
 * red-flag mentions; and the explanations the compose and safety rules accept for a sign (`unless`) close the gate.
 */
import { assignModifiers, type Target } from './context.ts';
import { COMPOSE_RULES } from './compose.ts';
import { COMPOSE_RULES_2 } from './compose2.ts';
import { COMPOSE_RULES_3 } from './compose3.ts';
import { COMPOSE_RULES_4 } from './compose4.ts';
import { COMPOSE_RULES_5 } from './compose5.ts';
import { COMPOSE_RULES_6 } from './compose6.ts';
import { COMPOSE_RULES_7 } from './compose7.ts';
import { normalize } from './normalize.ts';
import { SAFETY_RULES } from './safety.ts';
import { TRIGGERS } from './rules.ts';
import { applySentenceScopes } from './scope.ts';

/** How many of the strongest features are located, and how many are read (any one covered closes the gate). */
const ANCHORS = 3;
export const ANCHORS_READ = 3;

/**
 * Function words are never evidence to read (issue 16): "and", "my", 我, 的, 不 carry weight in the net only through
 * the messages they stand in, and a negation or past cue is read on the sign they stand beside, not on them.
 */
const STOP_EN = new Set(
  (
    'a an the and or but so if of to in on at by for with from as into onto about up out off over than then ' +
    "i me my mine im i'm am is are was were be been being it its it's this that these those there here " +
    'he him his she her hers we us our you your they them their just very really also too not no do does did ' +
    'have has had can could will would should may might must 0'
  ).split(' '),
);
const STOP_ZH = new Set([...'我你他她它的了是在都不没就也还有很好和跟与及又吗呢吧啊呀么个一这那着过得地']);

/**
 * Spans (normalised text) of the units that carry the net's strongest evidence, strongest first: each Chinese
 * character gets the mean weight of the character grams that cover it, each English word the weights of the word,
 * its character grams and half of each word pair it is part of (the features of recall-features.ts).
 */
export function recallAnchors(norm: string, weights: ReadonlyMap<string, number>): Target[] {
  const folded = norm.replace(/[0-9]/g, '0');
  const units: { start: number; end: number; w: number }[] = [];
  const wt = (g: string) => weights.get(g) ?? 0;
  for (const m of folded.matchAll(/[\u3400-\u9fff]+/g)) {
    const s = `^${m[0]}$`;
    for (let i = 1; i < s.length - 1; i++) {
      let sum = 0;
      for (let n = 1; n <= 3; n++)
        for (let k = Math.max(0, i - n + 1); k <= i && k + n <= s.length; k++)
          sum += wt(`c:${s.slice(k, k + n)}`);
      if (!STOP_ZH.has(s.charAt(i))) units.push({ start: m.index + i - 1, end: m.index + i, w: sum / 6 });
    }
  }
  const words = [...folded.matchAll(/[a-z0][a-z0']*/g)];
  words.forEach((m, i) => {
    const word = m[0];
    let sum = wt(`w:${word}`);
    const s = ` ${word} `;
    for (let n = 3; n <= 5; n++)
      for (let k = 0; k + n <= s.length; k++) sum += wt(`g:${s.slice(k, k + n)}`) / s.length;
    if (i > 0) sum += wt(`b:${words[i - 1]?.[0]} ${word}`) / 2;
    if (i + 1 < words.length) sum += wt(`b:${word} ${words[i + 1]?.[0]}`) / 2;
    if (!STOP_EN.has(word)) units.push({ start: m.index, end: m.index + word.length, w: sum });
  });
  return units
    .filter((u) => u.w > 0)
    .sort((a, b) => b.w - a.w || a.start - b.start)
    .slice(0, ANCHORS)
    .map((u) => ({ start: u.start, end: u.end, kind: 'red-flag' }));
}

/**
 * True when the package's context rules put the strongest feature under a negation, a past or hypothetical cue,
 * or with someone not present (the same modifiers that make a lexicon mention not current).
 */
export function anchorsCovered(
  text: string,
  weights: ReadonlyMap<string, number>,
  anchors: number = ANCHORS_READ,
): boolean {
  const norm = normalize(text).norm;
  const targets = recallAnchors(norm, weights).slice(0, anchors);
  if (!targets.length) return false;
  const ctx = assignModifiers(norm, targets);
  applySentenceScopes(norm, targets, ctx);
  return ctx.some(({ modifiers: m }) => m.negated || m.historical || m.hypothetical || m.remote === true);
}

/**
 * A cold sweat (冷汗, "cold sweat", "cold and clammy") is a heart-attack warning sign (AHA), not an explanation by
 * cold (blue lips from the cold): removed before the explanation gates are read.
 */
export function withoutColdSweat(norm: string): string {
  return norm.replace(/冷汗|\bcold sweats?\b|\bcold and clammy\b|\bcold,? clammy\b/g, ' ');
}

/** Every explanation a compose or safety rule accepts for its sign (`unless`), as one expression. */
export const RULE_EXPLAINS = new RegExp(
  [
    ...COMPOSE_RULES,
    ...COMPOSE_RULES_2,
    ...COMPOSE_RULES_3,
    ...COMPOSE_RULES_4,
    ...COMPOSE_RULES_5,
    ...COMPOSE_RULES_6,
    ...COMPOSE_RULES_7,
    ...SAFETY_RULES,
  ]
    .flatMap((r) => (r.unless ? [r.unless] : []))
    .join('|'),
);

/**
 * The negation cues of the package's context rules (rules.ts TRIGGERS, negated, forward) that stand as words of
 * their own: the English ones, and the Chinese ones of two or more characters other than 没有 (没有力气, 没有知觉 are
 * signs). Single 不/没/无/未 are left: they are mostly inside a sign (说不出, 无力).
 */
const NEG_CUES = new RegExp(
  `(?:${TRIGGERS.filter((r) => r.category === 'negated' && r.direction === 'forward')
    .flatMap((r) =>
      r.re.includes('\\b') ? [r.re] : r.re.startsWith('(?:') ? r.re.slice(3, -1).split('|') : [],
    )
    .filter((c) => c.includes('\\b') || (c.length >= 2 && c !== '没有' && !/[()?]/.test(c)))
    .join('|')})[^,.;:!?。;\\n]*?(?=[,.;:!?。;\\n]|\\b(?:and|but)\\b|但|可是|$)`,
  'g',
);

/** The message without what a negation cue of the context rules denies (the cue to the end of its clause). */
export function withoutNegated(norm: string): string {
  return norm.replace(NEG_CUES, ' ');
}
