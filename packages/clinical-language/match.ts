/** Concept matching on normalised text: Chinese surface forms by table look-up, English as whole words, gap patterns. */
import type { Concept, Span } from './types.ts';
import { compileRules, composedMatches, type CompiledRule } from './compose.ts';
import { explainedAway } from './explain.ts';
import { normalize, TypoCorrector } from './normalize.ts';
import { FormTrie } from './lexicon-trie.ts';
import { Filtered, filtered, TextIndex } from './prefilter.ts';

export interface Candidate extends Span {
  concept: Concept;
  /** Set when the term was written with the negation inside it ("头不疼", "胸口一点也不闷"). */
  infixNegation?: string;
  /** Found by a gap pattern (not a literal surface form). */
  gap?: boolean;
}

interface Compiled {
  concepts: readonly Concept[];
  /** Chinese surface forms as a trie over UTF-16 code units (lexicon-trie.ts). */
  zh: FormTrie<Concept>;
  /** Exact surface form (Chinese or English) → concept. */
  zhExact: Map<string, Concept>;
  /** English forms and gap patterns, each with the literals it needs (prefilter.ts, worked out on first use). */
  en: { concept: Concept; expr: Filtered }[];
  patterns: { concept: Concept; expr: Filtered }[];
  notFollowedBy: Map<string, RegExp>;
  /** Body part/function × abnormal state rules (compose.ts). */
  composed: CompiledRule[];
  /** Each composed rule's expression with the literals it needs (same order; worked out on first use). */
  composedExpr: Filtered[];
  typos: TypoCorrector;
}

const escape = (s: string): string =>
  s
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/'/g, "'?")
    .replace(/\s+/g, '\\s+')
    .replace(/-/g, '[-\\s]?')
    // Caregivers write about someone else: "can't catch my breath" also reads "can't catch his breath".
    .replace(/\bmy\b/g, '(?:my|his|her|their|your)');

/** Real English words that are one or two edits from a lexicon word and must not be "corrected". */
export const COMMON_WORDS = (
  'cheat chess chests strike stoke strokes stone stones tried tries blink bland blond heave heavenly there three their ' +
  'these those where which while whole whose about above after again against along among around because ' +
  'before being below between could doing during every first found great having later maybe might never ' +
  'night other place right since small still thing think thought through today under until using visit ' +
  'water weeks where while whole world would write wrong years young sleep sleeping speed spend sense ' +
  'seize since siege taken taking talked talks walked walks tired tires tight tighter sight sights light ' +
  'lights fight might eight weigh weight heart hearts beats beat breast breasts breed bread brain brains ' +
  'blood bloody sugar sugars pressure press pressed dress stress stressed chased chance change charge cheese ' +
  'check checked checking morning evening lately early going doing feeling feels felt fever flush fluid ' +
  'numbers number member members mother mothers father fathers brother brothers sister sisters daughter ' +
  'husband husbands friend friends family doctor doctors nurse nurses hospital clinic medicine medicines ' +
  'tablet tablets pills stopped started starts almost always sometimes often usually really little ' +
  'better worse worst badly terrible horrible awful pretty quite very shaky shake shaking shook ' +
  'speak speaks spoke spoken speaking sleepy cough coughs could couldn should shouldn would wouldn ' +
  'vision visions blurry blurred double trouble troubled bubble struggle standing stand stands ' +
  'slept slipped slurp slope lopsided crooked drooping droopy dropped dropping drops ' +
  'seeing seems seemed feels spots spotted point points faint faints paint paints fainted painted ' +
  'blind blinded blinds breath breathe breathing breathes breathed chest chests tearing tears ripping ' +
  'weaker weakly weakness numbly dizzy dizzier thick thicker drink drinks drinking ' +
  // Real words one edit from a cue word of the rules ("present" was read as "prevent": a hypothetical cue).
  'present presents presenting presented bother bothers settles passes second starting stabbing recovery women ' +
  'drive eighty ' +
  // Round 7: "my lower back is aching" was read as "acting" (a cue of "acting strange"): aching is a word.
  'aching aches ached ' +
  // Contractions written without the apostrophe are words ("doesnt" is not "doesn" of doesn't).
  'doesnt didnt hasnt havent wasnt werent couldnt wouldnt shouldnt arent'
).split(/\s+/);

export function compile(concepts: readonly Concept[], extraVocab: readonly string[]): Compiled {
  const zh = new FormTrie<Concept>();
  const zhExact = new Map<string, Concept>();
  const en: Compiled['en'] = [];
  const patterns: Compiled['patterns'] = [];
  const notFollowedBy = new Map<string, RegExp>();
  const vocab = new Set<string>(extraVocab);
  for (const c of concepts) {
    for (const raw of c.zh) {
      const form = normalize(raw).norm;
      if (!zhExact.has(form)) zhExact.set(form, c);
      zh.add(form, c);
    }
    if (c.en.length) {
      const forms = [...c.en].map((f) => normalize(f).norm).sort((a, b) => b.length - a.length);
      for (const f of forms) for (const w of f.match(/[a-z]+/g) ?? []) vocab.add(w);
      for (const f of forms) if (!zhExact.has(f)) zhExact.set(f, c);
      en.push({
        concept: c,
        expr: filtered(`(?<![a-z])(?:${forms.map(escape).join('|')})(?:s|es)?(?![a-z])`, 'g'),
      });
    }
    for (const p of c.patterns ?? []) patterns.push({ concept: c, expr: filtered(p, 'g') });
    if (c.notFollowedBy) notFollowedBy.set(c.id, new RegExp(c.notFollowedBy));
  }
  const composed = compileRules((id) => concepts.find((c) => c.id === id));
  return {
    concepts,
    zh,
    zhExact,
    en,
    patterns,
    notFollowedBy,
    composed,
    composedExpr: composed.map((r) => new Filtered(r.re)),
    typos: new TypoCorrector(vocab, COMMON_WORDS),
  };
}

const BODY = '(头|胸前区|胸口|胸|心口|手|脚|腿|胳膊|背|后背|腰|肚子|眼睛|嘴|脸)';
const INFIX = filtered(
  // Dialect negation too: Sichuan 莫得(啥子), Wu 勿/弗 ("胸口莫得啥子痛", "心口头勿痛").
  `${BODY}(?:头(?<=心口头))?(也|都|倒|并|一点也|一点都|从来)?(不|没|没有|不再|莫得|勿|弗)(?:啥子|什么|啥)?(疼|痛|闷|晕|麻|胀|肿|模糊|难受|发紧|紧|歪|斜)`,
  'g',
);

/**
 * Less than before, still there (issue 16: 胸口不那么闷了, 头不像昨天那么疼了, 喘得没那么厉害了): the concept, affirmed and
 * current — better but not gone, as "好多了" (package README, corpus conventions). "不闷了" (no longer) and "一点也不闷"
 * (never) stay denied through INFIX and FINE.
 */
const THAN_BEFORE = '(?:不|没有?)(?:像|有)?(?:之前|刚才|昨天|昨晚|前两天|以前|早上|上午|那会儿?)?那么';
const REDUCED = filtered(
  `${BODY}(?:头(?<=心口头))?(?:也|都|倒|已经)?${THAN_BEFORE}(疼|痛|闷|晕|麻|胀|肿|模糊|难受|发紧|紧)`,
  'g',
);
const REDUCED_BREATH = filtered(
  `(?:喘|憋)(?:得)?${THAN_BEFORE}(?:厉害|严重|凶|狠|难受)|${THAN_BEFORE}(?:喘|憋)`,
  'g',
);

/**
 * Said to be fine ("胸口倒是没事", "也不晕", "手脚都能动", "说话也正常", "人很清醒"): the concept, negated.
 * Each row: expression → a surface form of the concept it denies.
 */
const FINE: readonly [RegExp, string][] = [
  [/胸口(?:倒是|倒|也|都|还|一直)?(?:没事|挺好|正常|没问题|没什么感觉|没感觉)/g, '胸口疼'],
  [/心口(?:倒是|倒|也|都|还)?(?:没事|挺好|正常|没问题)/g, '心口疼'],
  [/(?<![胸心])头(?:倒是|倒|也|都|还)?(?:没事|挺好|正常|没问题)/g, '头疼'],
  [/(?<![头眼发])(?:也|都|倒)?不晕/g, '头晕'],
  [/(?:喘气|呼吸)(?:也|都|还|很)?(?:正常|顺畅|没问题)/g, '呼吸困难'],
  [/胸(?:口|部)?(?:没有|没|无)压迫感/g, '胸部压迫感'],
  [/胸口(?:也|都|倒)?(?:没有|没)(?:发憋|憋|发闷|发紧)/g, '胸口闷'],
  [/(?:手|腿|脚|胳膊)(?:也|都)?(?:没有|没)(?:麻木|发麻|无力)/g, '一侧肢体无力'],
  [
    /\b(?:can )?move (?:both|all|all of) (?:my |his |her )?(?:arms|legs|limbs)(?: fine)?\b/g,
    'weakness on one side',
  ],
  [/\bcan move (?:my|his|her) (?:arms|legs|limbs|everything)(?: fine)?\b/g, 'weakness on one side'],
  [/\bcan (?:speak|talk) (?:fine|normally|clearly|ok|okay|properly)\b/g, 'slurred speech'],
  [/\bface (?:is|looks) (?:normal|fine|symmetrical)\b/g, 'face drooping'],
  [/\b(?:speech|talking)\b (?:is|was|seems) (?:normal|fine|clear|ok)\b/g, 'slurred speech'],
  [/(?:也|都|倒)?不(?:喘|憋)/g, '憋气'],
  [/(?:从来)?没(?:有)?抽(?:过|搐|风)(?!烟)/g, '抽搐'],
  [/(?:手脚|胳膊腿|手|腿)(?:都|也|还)?(?:能动|有劲|有力|灵活|正常)/g, '一侧肢体无力'],
  [/(?:说话|讲话|口齿|言语)(?:也|都|还|很|挺)?(?:正常|清楚|清晰|利索|流利)/g, '说话不清'],
  [/(?:人|神志|意识)(?:很|挺|都|也|还)?(?:清醒|清楚)/g, '意识模糊'],
  // Normal-state statements from the independent tuning parts: a clear head, normal sight, no back pain, a normal
  // FAST check ("脑子清楚得很", "眼睛看东西没啥问题", "后背不疼", "face arms speech all normal").
  [/脑子(?:很|挺|都|也|还)?(?:清楚|清醒|好使)/g, '意识模糊'],
  [/(?:眼睛|看东西)(?:也|都|还)?(?:没啥问题|没问题|没什么问题|挺清楚|很清楚|正常)/g, '视物模糊'],
  [/(?:后背|背上|背部)(?:也|都|倒)?(?:不疼|不痛|没疼|没痛)/g, '撕裂样痛'],
  [/\bchest (?:doesn'?t|does not|isn'?t|is not) (?:hurt|hurting|tight|sore)\b/g, 'chest hurts'],
  [/\bface,? arms?,? (?:and )?speech (?:are |were )?(?:all )?(?:normal|fine|ok)\b/g, 'face drooping'],
  // Denied signs written as a bare word or a normal state (independent tuning part 3): "也没有喘", "气也不短", "头不晕也
  // 不疼", "眼睛也不花", "no vision problems", "breathing fine", "no weakness or numbness anywhere".
  [/(?:没有|没)(?:喘|气短)(?!气)/g, '憋气'],
  [/气(?:也|都)?不短/g, '憋气'],
  [/(?<=头不晕[也又都]?)不(?:疼|痛)/g, '头疼'],
  [/眼睛(?:也|都)?不花/g, '视物模糊'],
  [/\bno (?:vision|eye|sight|visual) (?:problems?|issues?|changes?|trouble)\b/g, '视物模糊'],
  [/\bbreathing (?:is |was |feels )?(?:fine|ok|okay|normal)\b/g, '憋气'],
  [/\bno weakness\b/g, '一侧肢体无力'],
  // A carer's "her face is not drooping", "speech isn't slurred", "can raise both arms fine" (training part 14).
  [
    /\b(?:face|mouth|smile)\b (?:is not|isn'?t|was not|wasn'?t|does not look|doesn'?t look) (?:drooping|droopy|lopsided|crooked)\b/g,
    'face drooping',
  ],
  [/\b(?:speech|voice|talking)\b (?:is not|isn'?t|was not|wasn'?t) slurred\b/g, 'slurred speech'],
  [
    /\bcan (?:raise|lift|hold up) (?:both|all|all of) (?:my |his |her |their )?(?:arms|legs|limbs)(?: fine| ok| okay| normally)?\b/g,
    'weakness on one side',
  ],
];

/** FINE with the literals each expression needs (worked out on first use). */
const FINE_FILTERED: readonly [Filtered, string][] = FINE.map(([re, form]) => [new Filtered(re), form]);

/** All candidate matches, before overlap resolution. */
export function candidates(norm: string, c: Compiled, idx = new TextIndex(norm)): Candidate[] {
  const out: Candidate[] = [];
  // At each position, the forms found there, longest first (same form: lexicon order).
  for (let i = 0; i < norm.length; i++)
    c.zh.matchesAt(norm, i, (end, concept) => out.push({ start: i, end, concept }));
  if (/[a-z]/.test(norm)) {
    for (const f of c.en) {
      for (const m of idx.matchAll(f.expr))
        out.push({ start: m.index, end: m.index + m[0].length, concept: f.concept });
    }
  }
  for (const f of c.patterns) {
    for (const m of idx.matchAll(f.expr))
      out.push({ start: m.index, end: m.index + m[0].length, concept: f.concept, gap: true });
  }
  // Only the rules whose expression can match this text (the others find nothing).
  const composed = c.composed.filter((_, i) => idx.may((c.composedExpr[i] as Filtered).need));
  for (const x of composedMatches(norm, composed))
    out.push({ start: x.start, end: x.end, concept: x.concept, gap: true });
  for (const [f, form] of FINE_FILTERED) {
    const concept = c.zhExact.get(form);
    if (!concept) continue;
    for (const m of idx.matchAll(f))
      out.push({ start: m.index, end: m.index + m[0].length, concept, infixNegation: m[0] });
  }
  for (const m of idx.matchAll(INFIX)) {
    const concept = c.zhExact.get(`${m[1]}${m[4]}`);
    if (concept)
      out.push({ start: m.index, end: m.index + m[0].length, concept, infixNegation: m[3] as string });
  }
  for (const m of idx.matchAll(REDUCED)) {
    const concept = c.zhExact.get(`${m[1]}${m[2]}`);
    if (concept) out.push({ start: m.index, end: m.index + m[0].length, concept });
  }
  const breath = c.zhExact.get('憋气');
  if (breath)
    for (const m of idx.matchAll(REDUCED_BREATH))
      out.push({ start: m.index, end: m.index + m[0].length, concept: breath });
  return out.filter((x) => {
    const nf = c.notFollowedBy.get(x.concept.id);
    if (nf && nf.test(norm.slice(x.end))) return false;
    return x.infixNegation !== undefined || !explainedAway(norm, x.concept.id, x.start, x.end);
  });
}

/**
 * Longest match wins; a match inside a longer kept one is dropped; partial overlaps of different concepts stay.
 * On the same span the emergency reading wins (a composition that needed its cue — sudden, worst ever — is the
 * more specific reading of "头疼得厉害" than the lexicon's plain severe headache).
 */
export function resolve(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort(
    (a, b) =>
      a.start - b.start ||
      b.end - a.end ||
      Number(!!b.infixNegation) - Number(!!a.infixNegation) ||
      Number(b.concept.emergency === true) - Number(a.concept.emergency === true),
  );
  const kept: Candidate[] = [];
  for (const x of sorted) {
    // An emergency reading inside a longer non-emergency form of the same red flag is kept as well ("头痛得要炸开"
    // is the lexicon's severe headache; with "突然 / 这辈子最厉害" the composed thunderclap headache inside it counts).
    const inside = kept.filter((k) => k.start <= x.start && k.end >= x.end);
    if (
      inside.length &&
      !inside.every(
        (k) =>
          x.concept.emergency === true &&
          k.concept.emergency !== true &&
          !k.infixNegation &&
          k.concept.redFlag !== undefined &&
          k.concept.redFlag === x.concept.redFlag,
      )
    )
      continue;
    if (kept.some((k) => k.concept === x.concept && k.start < x.end && x.start < k.end)) continue;
    kept.push(x);
  }
  return kept;
}

export type { Compiled };
