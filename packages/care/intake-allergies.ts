/**
 * Allergies the patient reports anywhere in the intake (issue 20: "对青霉素过敏" was lost). Pure: no I/O.
 *
 * Frames read (zh and en): 对X过敏, X过敏, 吃/用X后起皮疹/喉头水肿/呼吸困难, 过敏史：X, "allergic to X", "X allergy",
 * "allergies: X", "reaction/rash/hives/swelling to X", "after X I got a rash". X is a drug the drug knowledge base
 * knows (coded), a drug class or a food or other substance of SUBSTANCES (text), or — after an explicit 对 / "allergic
 * to" — the patient's own words. Each substance is read in context with @qihuang/clinical-language (modifiersAt):
 * denied ("无过敏史", "没有药物过敏", "denies allergies", NKDA, "对青霉素不过敏"), hypothetical ("如果对青霉素过敏怎么
 * 办") and relatives' ("我妈对青霉素过敏") allergies are not the patient's. An uncertain one ("可能对磺胺过敏") is kept:
 * it stays unconfirmed for the clinician, and a missed allergy is the worse error.
 */
import { analyze, modifiersAt } from '@qihuang/clinical-language';
import { RXNORM_SYSTEM, type DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import type { FhirResource } from '@qihuang/store';
import { SUBSTANCES, type AllergyCategory, type Substance } from './intake-substances.ts';
import { soundsLikeLifestyle } from './intake-lifestyle.ts';

export { SUBSTANCES, type AllergyCategory };

export interface AllergyMention {
  /** Stable key: a substance key, `drug:<id>` or `text:<words>`. */
  key: string;
  /** The substance as the patient wrote it ("青霉素"). */
  text: string;
  /** Its name in both languages when known (KB drug or SUBSTANCES). */
  name?: { en: string; zh: string };
  drugId?: string;
  rxnorm?: string;
  category?: AllergyCategory;
  /** The patient's words that say it (the sentence). */
  quote: string;
  /** The reaction as written ("皮疹", "hives"), when said. */
  reaction?: string;
  /** Said with doubt ("可能", "I think"). */
  uncertain?: boolean;
}

/** Words that name no substance ("药物过敏" says a drug allergy but not which one). */
const GENERIC =
  /^(?:无|没有|没|否认|不详|不知道|暂无|药|药物|西药|中药|东西|什么|啥|任何|任何药物?|很多|很多东西|这个|那个|食物|其他|别的|anything|everything|any|drugs?|medicines?|medications?|foods?|known|known drugs?|no known|nothing|something|things|none|no|nil|unknown|nkda)$/i;

const CLAUSE_END = /[，,。；;！!？?\n：:]/;
const SENTENCE_END = /[。；;！!？?\n]/;

interface Frame {
  /** Where the substance words are (an item list). */
  start: number;
  end: number;
  /** Words after an explicit 对 / "allergic to": an unknown substance is kept as written. */
  explicit: boolean;
  /** The frame itself denies it ("对青霉素不过敏", "not allergic to"). */
  negated: boolean;
  reaction?: string;
  /** The exception to a denial ("除了青霉素，没有别的过敏"): the denial's negation is not this substance's. */
  exception?: boolean;
}

const REACTION =
  '皮疹|疹子|红疹|荨麻疹|风团|起疙瘩|喉头水肿|喉咙肿|嘴唇肿|脸肿|呼吸困难|喘不上气|休克|全身痒|瘙痒|过敏';
const REACTION_EN =
  'rash|hives|swelling|swollen|anaphylaxis|anaphylactic shock|itching|trouble breathing|breathing difficulty';

/** The allergy frames in a text: where each names its substances. */
function frames(text: string): Frame[] {
  const out: Frame[] = [];
  const lower = text.toLowerCase();
  // zh: every 过敏 with what stands before it in its clause (对X过敏, X过敏) or a list after it (过敏史：X).
  for (const m of text.matchAll(/过敏/g)) {
    const at = m.index;
    const after = /^(?:史|原|药物)?\s*(?:[:：]|有|是|为|包括)\s*([^。；;！!？?\n]+)/.exec(text.slice(at + 2));
    if (after) {
      const start = at + 2 + after[0].length - after[1]!.length;
      out.push({ start, end: start + after[1]!.length, explicit: true, negated: false });
      continue;
    }
    let from = at;
    while (from > 0 && !CLAUSE_END.test(text[from - 1]!)) from--;
    const before = text.slice(from, at);
    const negated = /(?:不|没有?|未|从未|并不|不会)\s*(?:会|曾)?\s*$/.test(before);
    const dui = before.lastIndexOf('对');
    const start = dui >= 0 ? from + dui + 1 : from;
    out.push({ start, end: at, explicit: dui >= 0, negated });
  }
  // zh: 吃/用X后起皮疹 (the reaction may follow one comma).
  const zhReaction = new RegExp(
    `(?:服用|使用|注射|吃|用|服|打|输|喝)了?([^，,。；;！!？?\\n]{1,16}?)(?:之后|以后|后|就|时)[，,]?[^。；;！!？?\\n]{0,8}?(${REACTION})`,
    'g',
  );
  for (const m of text.matchAll(zhReaction)) {
    const start = m.index + m[0].indexOf(m[1]!);
    out.push({ start, end: start + m[1]!.length, explicit: false, negated: false, reaction: m[2]! });
  }
  // en: "allergic to X", "allergies: X", "allergy to X".
  for (const m of lower.matchAll(
    /\b(not\s+)?allergic\s+to\s+([^.;!?\n]+)|\ballerg(?:y|ies)\s*(?:to|:)\s*([^.;!?\n]+)/g,
  )) {
    const words = m[2] ?? m[3]!;
    const start = m.index + m[0].length - words.length;
    out.push({ start, end: start + words.length, explicit: true, negated: Boolean(m[1]) });
  }
  // "No allergies except X", "除了青霉素，没有别的过敏": the exception is an allergy.
  for (const m of lower.matchAll(
    /\ballerg(?:y|ies)\s+(?:except|other than|apart from|besides)(?:\s+for)?\s+([^.;!?\n]+)/g,
  )) {
    const start = m.index + m[0].length - m[1]!.length;
    out.push({ start, end: start + m[1]!.length, explicit: true, negated: false, exception: true });
  }
  for (const m of text.matchAll(
    /除了?([^，,。；;\n]{1,16}?)(?:以外|之外|外)?[，,]?\s*(?:我)?(?:都|也|就|再)?(?:没有|没|不|无)[^。；;！!？?\n]{0,4}过敏/g,
  )) {
    const start = m.index + m[0].indexOf(m[1]!);
    out.push({ start, end: start + m[1]!.length, explicit: true, negated: false, exception: true });
  }
  // en: "X allergy" (the words before it in the clause).
  for (const m of lower.matchAll(/\ballerg(?:y|ies)\b/g)) {
    let from = m.index;
    while (from > 0 && !/[,.;!?\n:]/.test(text[from - 1]!)) from--;
    out.push({ start: from, end: m.index, explicit: false, negated: false });
  }
  // en: "a rash/hives to X", "reaction to X", "after X I got hives".
  const enTo = new RegExp(`\\b(?:reaction|${REACTION_EN})\\s+(?:to|from|after|with)\\s+([^.,;!?\\n]+)`, 'g');
  for (const m of lower.matchAll(enTo)) {
    const start = m.index + m[0].length - m[1]!.length;
    out.push({
      start,
      end: start + m[1]!.length,
      explicit: false,
      negated: false,
      reaction: m[0].split(/\s+/)[0]!,
    });
  }
  const enAfter = new RegExp(
    `\\b(?:after|when i took|taking)\\s+([^.,;!?\\n]{2,30}?),?\\s+i\\s+(?:got|had|broke out in|developed|get)\\s+(?:a\\s+|an\\s+)?(${REACTION_EN})`,
    'g',
  );
  for (const m of lower.matchAll(enAfter)) {
    const start = m.index + m[0].indexOf(m[1]!);
    out.push({ start, end: start + m[1]!.length, explicit: false, negated: false, reaction: m[2]! });
  }
  return out;
}

/** The substance words of a frame split into items ("青霉素和头孢", "penicillin, sulfa and latex"). */
function items(text: string, frame: Frame): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const words = text.slice(frame.start, frame.end);
  const stop = /\s(?:but|except|which|when|because|since|so)\s|但|但是|不过|所以|因为/i.exec(words);
  const scope = stop ? words.slice(0, stop.index) : words;
  let last = 0;
  const push = (a: number, b: number) => {
    const raw = scope.slice(a, b);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) out.push({ start: frame.start + a + lead, end: frame.start + a + lead + trimmed.length });
  };
  for (const m of scope.matchAll(/[、，,/]|\s+(?:and|or)\s+|和|及|以及|或者|或/gi)) {
    push(last, m.index);
    last = m.index + m[0].length;
  }
  push(last, scope.length);
  return out;
}

/** Leading words that are no part of a substance (我对…, I am…, a/an/the, 有点, 都). */
const LEAD =
  /^(?:我|本人|自己|还|也|都|有点|有些|比较|严重|特别|一直|从小|a |an |the |my |to |some |severe |mild )+/i;
const TRAIL = /(?:都|也|有点|有些|比较|严重|特别|药|类药|类药物|类的药|的药|不|没有|没)+$/;

function classify(
  words: string,
  drugs: DrugKnowledgeBase,
): (Pick<AllergyMention, 'key' | 'name' | 'drugId' | 'rxnorm' | 'category'> & { term: string }) | undefined {
  const lower = words.toLowerCase();
  let best: { s: Substance; term: string } | undefined;
  for (const s of SUBSTANCES)
    for (const term of s.terms) {
      const at = lower.indexOf(term);
      if (at < 0 || (best && best.term.length >= term.length)) continue;
      // Latin terms as whole words ("egg" not in "eggplant").
      if (/[a-z]/.test(term) && !new RegExp(`(?:^|[^a-z])${term}(?:$|[^a-z])`).test(lower)) continue;
      best = { s, term };
    }
  const match = drugs.match(words);
  // A named drug wins over a class word it contains only when its name is longer ("头孢呋辛" over "头孢").
  if (
    match &&
    (!best || match.matchedText.length > best.term.length) &&
    !/^(?:penicillin|青霉素)/i.test(match.matchedText)
  )
    return {
      key: `drug:${match.drug.id}`,
      term: match.matchedText,
      name: { en: match.drug.names.en, zh: match.drug.names.zh },
      drugId: match.drug.id,
      ...(match.drug.rxnorm?.[0] ? { rxnorm: match.drug.rxnorm[0] } : {}),
      category: 'medication',
    };
  if (best) return { key: best.s.key, term: best.term, name: best.s.name, category: best.s.category };
  return undefined;
}

/**
 * Unknown words that may name an allergen: no habit, amount or taste (issue 20: "一天半包", "吃得比较咸" were
 * allergies) and no concept of the clinical-language lexicon (a symptom, a condition, a finding is no substance).
 */
function substanceLike(words: string): boolean {
  return !soundsLikeLifestyle(words) && analyze(words).mentions.length === 0;
}

/** The sentence around a span, as the patient wrote it. */
function sentenceOf(text: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !SENTENCE_END.test(text[a - 1]!)) a--;
  let b = end;
  while (b < text.length && !SENTENCE_END.test(text[b]!)) b++;
  return text.slice(a, b).trim();
}

/** The patient's own allergies named in a text (none for a denial, a hypothesis or a relative's). */
export function allergiesIn(text: string, drugs: DrugKnowledgeBase): AllergyMention[] {
  const found: {
    mention: AllergyMention;
    start: number;
    end: number;
    negated: boolean;
    exception?: boolean;
  }[] = [];
  for (const frame of frames(text)) {
    for (const item of items(text, frame)) {
      const raw = text.slice(item.start, item.end);
      const lead = LEAD.exec(raw)?.[0].length ?? 0;
      const words = raw.slice(lead).replace(TRAIL, '').trim();
      if (!words || GENERIC.test(words)) continue;
      const c = classify(words, drugs);
      let start = item.start + lead;
      let end = start + words.length;
      if (c) {
        const at = text.toLowerCase().indexOf(c.term.toLowerCase(), start);
        if (at >= 0 && at < end) [start, end] = [at, at + c.term.length];
      } else if (
        !frame.explicit ||
        words.length > (/[a-z]/i.test(words) ? 30 : 12) ||
        /\d/.test(words) ||
        !substanceLike(words)
      ) {
        continue;
      }
      const { term: _term, ...known } = c ?? { key: `text:${words.toLowerCase()}` };
      void _term;
      found.push({
        mention: {
          ...known,
          text: text.slice(start, end),
          quote: sentenceOf(text, frame.start, frame.end),
          ...(frame.reaction ? { reaction: frame.reaction } : {}),
        } as AllergyMention,
        start,
        end,
        negated: frame.negated,
        ...(frame.exception ? { exception: true } : {}),
      });
    }
  }
  if (found.length === 0) return [];
  const read = modifiersAt(
    text,
    found.map((f) => ({ start: f.start, end: f.end, kind: 'drug' as const })),
  );
  const out: AllergyMention[] = [];
  found.forEach((f, i) => {
    const m = read[i]!.modifiers;
    if (f.negated || (m.negated && !f.exception) || m.hypothetical || m.remote || m.experiencer === 'other')
      return;
    if (out.some((o) => o.key === f.mention.key)) return;
    out.push({ ...f.mention, ...(m.uncertain ? { uncertain: true } : {}) });
  });
  return out;
}

/** The patient says they have no allergies ("无过敏史", "没有药物过敏", "denies allergies", NKDA). */
export function deniesAllergies(text: string): boolean {
  return (
    /(?:无|没有|没|否认|未发现|不)(?:任何|什么|已知的?)?(?:药物|食物)?(?:和食物)?过敏(?:史)?/.test(text) ||
    /\b(?:nkda|nka|no known (?:drug |food )?allergies|no (?:drug )?allergies|denies (?:any )?allergies|not allergic to anything)\b/i.test(
      text,
    )
  );
}

/** A reaction said on its own ("起皮疹", "rash"): no substance. */
const REACTION_ONLY = new RegExp(`^(?:起|出|有|会)?(?:${REACTION})$|^(?:a |an )?(?:${REACTION_EN})$`, 'i');
/** Words of an answer that is no substance ("我没有", "I don't think so", "not that I know of"). */
const NO_SUBSTANCE =
  /[不没无否吗呢吧啊你他她]|\b(?:no|not|none|don'?t|do not|think|know|sure|nothing|never)\b/i;
/**
 * Words of an answer that tell a habit, not a substance (a try answered the allergy question "不抽烟，偶尔喝酒" and
 * got an allergy "偶尔喝酒" sent to the pharmacist): drinking, smoking, eating, sleep, exercise, frequency words.
 */
const HABIT =
  /[喝抽吸睡跑]|吃饭|运动|锻炼|散步|上班|偶尔|经常|每天|有时|平时|一般|\b(?:drink|drinks|drinking|smoke|smokes|smoking|smoker|sometimes|usually|often|occasionally|exercise|sleep)\b/i;
/** Unknown words kept as a substance only when short: a CJK word or at most three Latin words. */
const SHORT_UNKNOWN = /^(?:[\p{Script=Han}]{1,6}|[a-z]+(?: [a-z]+){0,2})$/iu;

/**
 * The allergies in the answer to the allergy question (issue 20): the answer is an allergy list, so a substance
 * named alone ("青霉素", "penicillin, rash") is one. An answer that says it in a frame (对X过敏, "allergic to",
 * a denial, a relative's) is read as any answer is (allergiesIn). Unknown words are kept only when short and
 * saying no denial or doubt about knowing ("不知道", "I don't think so" are none); a reaction alone is no substance.
 * The reaction said in the answer is kept when one substance is named.
 */
export function allergiesInAnswer(text: string, drugs: DrugKnowledgeBase): AllergyMention[] {
  const trimmed = text.trim();
  if (!trimmed || deniesAllergies(trimmed)) return [];
  if (/过敏|allerg|\bnkda\b|\bnka\b/i.test(trimmed)) return allergiesIn(trimmed, drugs);
  const framed = allergiesIn(trimmed, drugs);
  if (framed.length > 0) return framed;
  const latin = !/\p{Script=Han}/u.test(trimmed);
  const lead = latin ? 'Allergies: ' : '过敏史：';
  const habits = soundsLikeLifestyle(trimmed);
  const read = allergiesIn(`${lead}${trimmed}`, drugs).filter((a) => {
    if (REACTION_ONLY.test(a.text.trim())) return false;
    if (a.name) return true;
    // An answer that reads as a lifestyle answer names no unknown substance (issue 20).
    if (habits) return false;
    return SHORT_UNKNOWN.test(a.text.trim()) && !NO_SUBSTANCE.test(a.text) && !HABIT.test(a.text);
  });
  const reaction = new RegExp(latin ? `\\b(${REACTION_EN})\\b` : `(${REACTION})`, 'i').exec(trimmed)?.[1];
  return read.map((a) => ({
    ...a,
    quote: a.quote.startsWith(lead) ? a.quote.slice(lead.length) : a.quote,
    ...(reaction && read.length === 1 && !a.reaction ? { reaction } : {}),
  }));
}

const ALLERGY_CLINICAL = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';
const ALLERGY_VERIFICATION = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification';

/** FHIR translation extension of a zh name (the chart reads it on a zh screen). */
function zhText(content: string) {
  return {
    extension: [
      {
        url: 'http://hl7.org/fhir/StructureDefinition/translation',
        extension: [
          { url: 'lang', valueCode: 'zh-CN' },
          { url: 'content', valueString: content },
        ],
      },
    ],
  };
}

/**
 * Reactions the patient names, coded (SNOMED CT clinical findings) and named in both languages, so a chart in
 * either language shows them in its own (issue 20); an unknown reaction keeps the patient's words.
 */
const REACTIONS: [RegExp, string, string, string][] = [
  [/荨麻疹|风团|起疙瘩|hives|urticaria/i, '126485001', 'Urticaria', '荨麻疹'], // SNOMED CT 126485001
  [/皮疹|疹子|红疹|rash/i, '271807003', 'Rash', '皮疹'], // SNOMED CT 271807003
  [/喉头水肿|喉咙肿/i, '51599000', 'Laryngeal edema', '喉头水肿'], // SNOMED CT 51599000
  [/嘴唇肿|脸肿|swelling|swollen/i, '267038008', 'Edema', '水肿'], // SNOMED CT 267038008
  [/呼吸困难|喘不上气|trouble breathing|breathing difficulty/i, '267036007', 'Dyspnea', '呼吸困难'], // SNOMED CT 267036007
  [/休克|anaphyla/i, '39579001', 'Anaphylaxis', '过敏性休克'], // SNOMED CT 39579001
  [/全身痒|瘙痒|itching/i, '418290006', 'Itching', '瘙痒'], // SNOMED CT 418290006
];

function manifestation(reaction: string) {
  const known = REACTIONS.find(([re]) => re.test(reaction));
  if (!known) return { text: reaction };
  const [, code, en, zh] = known;
  return {
    coding: [{ system: 'http://snomed.info/sct', code, display: en }],
    text: en,
    _text: zhText(zh),
  };
}

/**
 * AllergyIntolerance drafts of the allergies in all the answers: unconfirmed, active, the patient recorder and
 * asserter, a note quoting the patient's words. One per substance.
 */
export function allergyDrafts(input: {
  answers: Record<string, string | undefined>;
  drugs: DrugKnowledgeBase;
  id: (suffix: string) => string;
  subject: { reference: string };
  meta: object;
  now: string;
  consultationId: string;
}): FhirResource[] {
  const { subject, now } = input;
  const seen = new Set<string>();
  const out: FhirResource[] = [];
  for (const [step, answer] of Object.entries(input.answers)) {
    // The answer to the allergy question is an allergy list; any other answer is read for allergy frames.
    const read = step === 'allergies' ? allergiesInAnswer : allergiesIn;
    for (const a of read(answer ?? '', input.drugs)) {
      if (seen.has(a.key)) continue;
      seen.add(a.key);
      const coding = [
        ...(a.drugId ? [{ system: 'urn:qihuang:drug', code: a.drugId, display: a.name?.en }] : []),
        ...(a.rxnorm ? [{ system: RXNORM_SYSTEM, code: a.rxnorm, display: a.name?.en }] : []),
      ];
      const slug = a.key.replace(/^(?:drug|text):/, '').replace(/[^A-Za-z0-9-]+/g, '');
      out.push({
        resourceType: 'AllergyIntolerance',
        id: input.id(`allergy-${slug || out.length}`),
        meta: input.meta,
        clinicalStatus: { coding: [{ system: ALLERGY_CLINICAL, code: 'active' }] },
        verificationStatus: { coding: [{ system: ALLERGY_VERIFICATION, code: 'unconfirmed' }] },
        type: 'allergy',
        ...(a.category ? { category: [a.category] } : {}),
        code: {
          ...(coding.length ? { coding } : {}),
          text: a.name?.en ?? a.text,
          ...(a.name ? { _text: zhText(a.name.zh) } : {}),
        },
        patient: subject,
        recordedDate: now,
        recorder: subject,
        asserter: subject,
        ...(a.reaction ? { reaction: [{ manifestation: [manifestation(a.reaction)] }] } : {}),
        note: [
          {
            text: `Patient-reported in consultation ${input.consultationId}${a.uncertain ? ' (said with doubt)' : ''}: "${a.quote}"`,
          },
        ],
      } as FhirResource);
    }
  }
  return out;
}
