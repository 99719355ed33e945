/**
 * Deterministic claim extraction from an answer (Chinese or English Markdown): sentences with their citation
 * markers, then dose, BP threshold/target, lab threshold, interaction, drug–condition and attribution claims.
 */
import { CONDITIONS, parseFrequency, toMg, type DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import type { Guideline } from '@qihuang/engines/blood-pressure';
import { findMentions } from './mentions.ts';
import type { Claim, Mention } from './types.ts';

export interface Sentence {
  text: string;
  start: number;
  end: number;
  citations: string[];
}

const CITATION = /\[([A-Za-z0-9_.:#-]{1,64}(?:\s*[,，]\s*[A-Za-z0-9_.:#-]{1,64})*)\](?!\()/g;

export function citationsIn(text: string): string[] {
  const ids: string[] = [];
  for (const m of text.matchAll(CITATION))
    for (const id of (m[1] as string).split(/\s*[,，]\s*/)) ids.push(id);
  return [...new Set(ids)];
}

export function stripCitations(text: string): string {
  return text.replace(CITATION, ' ');
}

/** Splits into sentences; citation markers right after a sentence end belong to that sentence. */
export function splitSentences(answer: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = answer.slice(start, end);
    if (raw.trim()) out.push({ text: raw, start, end, citations: [] });
    start = end;
  };
  for (let i = 0; i < answer.length; i++) {
    const ch = answer[i] as string;
    if ('。！？!?；;\n'.includes(ch)) push(i + 1);
    else if (
      ch === '.' &&
      /\s/.test(answer[i + 1] ?? ' ') &&
      !/\d/.test(answer[i - 1] ?? '') &&
      !/\b(e\.g|i\.e|vs|etc)$/i.test(answer.slice(Math.max(0, i - 4), i))
    ) {
      push(i + 1);
    }
  }
  push(answer.length);
  // Move leading citation markers ("。[p1]") to the previous sentence.
  for (let i = 1; i < out.length; i++) {
    const s = out[i] as Sentence;
    const lead = /^\s*(?:\[[^\]\n]{1,80}\](?!\()\s*)+/.exec(s.text);
    if (lead) {
      const prev = out[i - 1] as Sentence;
      prev.text += lead[0];
      prev.end += lead[0].length;
      s.text = s.text.slice(lead[0].length);
      s.start += lead[0].length;
    }
  }
  for (const s of out) s.citations = citationsIn(s.text);
  return out.filter(
    (s) =>
      s.text.trim() &&
      stripCitations(s.text)
        .trim()
        .replace(/^[-*#>\d.\s]+/, ''),
  );
}

// ── guideline, BP and targets ────────────────────────────────────────────────────────────────────────────
export function guidelineIn(text: string): Guideline | undefined {
  if (/ACC\s*\/\s*AHA\s*(?:\(?\s*)?2017|2017\s*(?:年\s*)?ACC\s*\/\s*AHA/i.test(text)) return 'acc-aha-2017';
  if (/ESH\s*2023|2023\s*(?:年\s*)?ESH/i.test(text)) return 'esh-2023';
  if (/(中国|China|Chinese).{0,16}2024|2024.{0,12}(中国|China|Chinese)/i.test(text)) return 'china-2024';
  if (/(中国|China|Chinese).{0,16}2018|2018.{0,12}(中国|China|Chinese)/i.test(text)) return 'china-2018';
  return undefined;
}

const CN_DIGIT: Record<string, string> = { 一: '1', 二: '2', 三: '3' };

export function bpCategoryIn(text: string): string | undefined {
  const t = text.normalize('NFKC');
  let m = /stage\s*([12]|I{1,2})\b|([12一二])\s*期\s*高血压/i.exec(t);
  if (m) {
    const n = m[1]
      ? m[1].toUpperCase().startsWith('I')
        ? String(m[1].length)
        : m[1]
      : (CN_DIGIT[m[2] as string] ?? m[2]);
    return `stage-${n}`;
  }
  m = /grade\s*([123])\b|([123一二三])\s*级\s*(?:高血压)?/i.exec(t);
  if (m) return `grade-${m[1] ?? CN_DIGIT[m[2] as string] ?? m[2]}`;
  if (/high[- ]normal|正常高值/i.test(t)) return 'high-normal';
  if (/\boptimal\b|理想血压/i.test(t)) return 'optimal';
  if (
    /\belevated (?:blood pressure|bp)\b|\bcategory\b.{0,10}\belevated\b|\belevated\b.{0,6}(?:category|is|as)\b/i.test(
      t,
    )
  )
    return 'elevated';
  if (
    /(defin|diagnos|threshold|cut-?off|诊断|定义|界值|标准).{0,30}(hypertension|高血压)|(hypertension|高血压).{0,12}(defin|diagnos|threshold|诊断|定义|界值|标准)/i.test(
      t,
    )
  )
    return 'hypertension';
  if (/\bnormal (?:blood pressure|bp)\b|正常血压/i.test(t)) return 'normal';
  return undefined;
}

const RANGE_SEP = String.raw`\s*(?:[–—\-~～]|to|至|到)\s*`;
const PAIR = new RegExp(
  String.raw`(≥|>=|>|≧|at least|starts? at|from|begins? at|起于|从)?\s*(\d{2,3})(?:${RANGE_SEP}(\d{2,3}))?\s*\/\s*(?:≥|>=|>)?\s*(\d{2,3})(?:${RANGE_SEP}(\d{2,3}))?`,
  'i',
);
const SBP = new RegExp(
  String.raw`(?:收缩压|SBP|systolic(?: BP| blood pressure)?)\s*(?:is|of|为|在|:|：)?\s*(≥|>=|>)?\s*(\d{2,3})(?:${RANGE_SEP}(\d{2,3}))?`,
  'i',
);
const DBP = new RegExp(
  String.raw`(?:舒张压|DBP|diastolic(?: BP| blood pressure)?)\s*(?:is|of|为|在|:|：)?\s*(≥|>=|>)?\s*(\d{2,3})(?:${RANGE_SEP}(\d{2,3}))?`,
  'i',
);

function bpNumbers(
  text: string,
):
  { sbp?: [number, number | undefined]; dbp?: [number, number | undefined]; lowerOnly: boolean } | undefined {
  const t = text.normalize('NFKC');
  const pair = PAIR.exec(t);
  if (pair) {
    const sbp: [number, number | undefined] = [Number(pair[2]), pair[3] ? Number(pair[3]) : undefined];
    const dbp: [number, number | undefined] = [Number(pair[4]), pair[5] ? Number(pair[5]) : undefined];
    if (sbp[0] >= 70 && sbp[0] <= 260 && dbp[0] >= 40 && dbp[0] <= 160) {
      return { sbp, dbp, lowerOnly: !!pair[1] || (!sbp[1] && !dbp[1]) };
    }
  }
  const s = SBP.exec(t);
  const d = DBP.exec(t);
  if (!s && !d) return undefined;
  return {
    ...(s ? { sbp: [Number(s[2]), s[3] ? Number(s[3]) : undefined] as [number, number | undefined] } : {}),
    ...(d ? { dbp: [Number(d[2]), d[3] ? Number(d[3]) : undefined] as [number, number | undefined] } : {}),
    lowerOnly: !!(s?.[1] || d?.[1]) || (!s?.[3] && !d?.[3]),
  };
}

const TARGET_WORD = /target|goal|目标|控制在|降至|降到|控制于/i;
const TARGET_VALUE = /(?:<|＜|低于|小于|below|under|less than)\s*(\d{2,3})(?:\s*\/\s*(\d{2,3}))?/i;

// ── doses ────────────────────────────────────────────────────────────────────────────────────────────────
const AMOUNT =
  /(\d+(?:\.\d+)?)(?:\s*(?:[–—\-~～]|to|至|到)\s*(\d+(?:\.\d+)?))?\s*(mg|毫克|mcg|µg|μg|ug|微克|g|克)(?![a-z])/i;
const AMOUNT_ALL = new RegExp(AMOUNT.source, 'gi');
const UNIT_NAME: Record<string, string> = {
  毫克: 'mg',
  微克: 'mcg',
  µg: 'mcg',
  μg: 'mcg',
  ug: 'mcg',
  克: 'g',
};
const PER_DAY_AFTER = /^\s*(?:\/\s*(?:日|天|d|day)\b|\/\s*(?:日|天)|per day|a day|daily dose|每日|每天)/i;
const PER_DAY_BEFORE = /(每日|每天|日)(总)?剂量|daily dose|total daily|per day|一日量|日量/i;
const MAXIMUM =
  /最大(日)?剂量|最高(日)?剂量|不超过|不宜超过|不得超过|最多|maximum|\bmax\b|up to|not (?:to )?exceed|no more than|ceiling/i;

// ── interaction and condition polarity ──────────────────────────────────────────────────────────────────
const UNSAFE =
  /(should not|must not|never|do not|don't|cannot|can't|shouldn't)\s+(be\s+)?(combined|combine|co-?administer|used|use|given|give|prescribed|taken|started)|\bavoid|contraindicat|not recommended|not safe|unsafe|dangerous|harmful|serious interaction|major interaction|禁止|禁忌|禁用|不宜|不应|不可|不能|避免|不推荐|不建议|慎用|不安全|有害|危险|严重相互作用/i;
const SAFE =
  /(can|may|could)\s+(be\s+)?(safely\s+)?(combined|used together|co-?administered|given together|taken together|used|given|prescribed)|safe(ly)?\s+(to\s+)?(combine|use|co-?administer|together|in combination)|\b(is|are)\s+safe\b|no (clinically )?(significant |relevant |known |meaningful |important )?interaction|without (any )?interaction|preferred combination|recommended combination|可以(安全)?(地)?(联用|合用|联合|同服|一起|同时|使用|用于|服用)|可(安全)?(联用|合用|同服|使用|用于)|安全(联用|合用|使用|用于)|无(明显|显著)?(的)?相互作用|没有(明显)?(的)?相互作用|不存在相互作用|推荐的?(联用|联合)|优选.{0,4}联合|首选|可选用|可选择|选用|is preferred|are preferred|preferred (in|during|for)|first-line/i;

export function polarity(text: string): 'safe' | 'unsafe' | undefined {
  if (UNSAFE.test(text)) return 'unsafe';
  if (SAFE.test(text)) return 'safe';
  return undefined;
}

const CONDITION_KEYS: { id: string; label: string; keys: string[] }[] = Object.values(CONDITIONS).map(
  (c) => ({
    id: c.id,
    label: c.label.zh,
    keys: [...(c.keywords ?? []), c.label.en.toLowerCase(), c.label.zh],
  }),
);

const YEAR = /^(19|20)\d\d$/;

/** Doses per day; English multi-dose phrases first (the shared parser reads "three times daily" as daily). */
function frequencyOf(text: string): number | undefined {
  if (/\b(twice|two times)\s+(a |per )?(day|daily)\b|\bb\.?i\.?d\b|\bq12h\b/i.test(text)) return 2;
  if (/\b(three|3) times\s+(a |per )?(day|daily)\b|\bt\.?i\.?d\b|\bq8h\b/i.test(text)) return 3;
  if (/\b(four|4) times\s+(a |per )?(day|daily)\b|\bq\.?i\.?d\b|\bq6h\b/i.test(text)) return 4;
  return parseFrequency(text);
}

export function numbersIn(text: string): string[] {
  const t = stripCitations(text).normalize('NFKC');
  const out: string[] = [];
  for (const m of t.matchAll(/\d+(?:\.\d+)?/g)) {
    const raw = m[0];
    if (YEAR.test(raw)) continue;
    // Ordinals in category names (stage 1, 2级, G3a, β1) are vocabulary, not facts about the passage.
    const before = t.slice(Math.max(0, (m.index as number) - 6), m.index);
    const after = t.slice((m.index as number) + raw.length, (m.index as number) + raw.length + 2);
    if (/^(级|期|型|类)/.test(after) || /(stage|grade|\bG|β|CYP|Class|Ⅱ|type)\s*$/i.test(before)) continue;
    if (/^\d\.\s/.test(t.slice(m.index as number, (m.index as number) + 3)) && (m.index as number) < 3)
      continue;
    out.push(String(Number(raw)));
  }
  return [...new Set(out)];
}

/** All claims in the answer. */
export function extractClaims(answer: string, kb: DrugKnowledgeBase, contextGuideline?: Guideline): Claim[] {
  const claims: Claim[] = [];
  for (const s of splitSentences(answer)) {
    const text = stripCitations(s.text);
    const base = { text: s.text.trim(), start: s.start, end: s.end, citations: s.citations };
    for (const id of s.citations) claims.push({ ...base, kind: 'citation', citation: id });
    const mentions = findMentions(text, kb);
    const drugs = mentions.filter((m) => m.drug);

    // Doses: an amount after a drug name, before the next drug name.
    for (const m of drugs) {
      const next = mentions.find((x) => x.start > m.start);
      const segment = text.slice(m.end, next ? next.start : text.length);
      let prevEnd = 0;
      for (const a of segment.matchAll(AMOUNT_ALL)) {
        const unit = UNIT_NAME[a[3] as string] ?? (a[3] as string).toLowerCase();
        const lo = toMg({ value: Number(a[1]), unit });
        const hi = a[2] ? toMg({ value: Number(a[2]), unit }) : undefined;
        const at = a.index as number;
        const before = segment.slice(prevEnd, at);
        const after = segment.slice(at + a[0].length);
        prevEnd = at + a[0].length;
        if (lo === undefined || !m.drug) continue;
        const first = before === segment.slice(0, at);
        // Frequency: the words around this amount, up to the next amount.
        const nextAmount = after.search(AMOUNT);
        const times = frequencyOf(`${before}${a[0]}${nextAmount < 0 ? after : after.slice(0, nextAmount)}`);
        const statesMaximum = MAXIMUM.test(before) || (first && MAXIMUM.test(text.slice(0, m.start)));
        claims.push({
          ...base,
          kind: 'dose',
          dose: {
            drug: m.drug,
            amountMg: lo,
            ...(hi !== undefined ? { amountMaxMg: hi } : {}),
            perDay: PER_DAY_AFTER.test(after) || PER_DAY_BEFORE.test(before) || statesMaximum,
            ...(times !== undefined ? { timesPerDay: times } : {}),
            statesMaximum,
            raw: `${m.text}${segment.slice(0, prevEnd)}`.trim(),
          },
        });
      }
    }

    // BP thresholds and targets.
    const guideline = guidelineIn(text) ?? contextGuideline;
    const isTarget = TARGET_WORD.test(text) && TARGET_VALUE.test(text.normalize('NFKC'));
    const category = isTarget ? undefined : bpCategoryIn(text);
    if (category && /mmHg|血压|BP\b|hypertension|高血压|SBP|DBP|收缩压|舒张压/i.test(text)) {
      const n = bpNumbers(text);
      if (n && (n.sbp || n.dbp)) {
        claims.push({
          ...base,
          kind: 'bp-threshold',
          bp: {
            ...(guideline ? { guideline } : {}),
            category,
            ...(n.sbp ? { sbp: n.sbp } : {}),
            ...(n.dbp ? { dbp: n.dbp } : {}),
            lowerBoundOnly: n.lowerOnly,
          },
        });
      }
    }
    if (isTarget) {
      const v = TARGET_VALUE.exec(text.normalize('NFKC')) as RegExpExecArray;
      const age = /≥\s*80|80\s*岁以上|aged? 80|80 years|高龄/i.test(text)
        ? 85
        : /65|老年|older|elderly/i.test(text)
          ? 70
          : undefined;
      claims.push({
        ...base,
        kind: 'bp-target',
        target: {
          ...(guideline ? { guideline } : {}),
          sbp: Number(v[1]),
          ...(v[2] ? { dbp: Number(v[2]) } : {}),
          population: {
            ...(age !== undefined ? { age } : {}),
            ...(/diabet|糖尿病/i.test(text) ? { diabetes: true } : {}),
            ...(/\bCKD\b|chronic kidney|慢性肾脏病|肾病/i.test(text) ? { ckd: true } : {}),
            ...(/proteinuria|albuminuria|蛋白尿/i.test(text) ? { proteinuria: true } : {}),
            ...(/tolerat|耐受/i.test(text) ? { tolerated: true } : {}),
          },
        },
      });
    }

    // KDIGO GFR categories.
    const gfr = gfrClaim(text);
    if (gfr && /eGFR|GFR|肾小球滤过率|KDIGO/i.test(text))
      claims.push({ ...base, kind: 'lab-threshold', lab: gfr });

    // Interactions and drug–condition statements: polarity is read per clause (，；), so "可选用拉贝洛尔，禁用
    // ACEI" gives each drug its own polarity; a clause without one inherits the sentence's if unambiguous.
    const entities = dedupeEntities(mentions);
    const clauses = clausesOf(text);
    const sentencePolarity = (() => {
      const ps = new Set(clauses.map((c) => polarity(c.text)).filter(Boolean));
      return ps.size === 1 ? [...ps][0] : undefined;
    })();
    const polarityAt = (m: Mention) => {
      const clause = clauses.find((c) => m.start >= c.start && m.start < c.end);
      return (clause && polarity(clause.text)) ?? sentencePolarity;
    };
    const clauseOf = (m: Mention) => clauses.findIndex((c) => m.start >= c.start && m.start < c.end);
    for (let i = 0; i < entities.length; i++) {
      for (let j = i + 1; j < entities.length; j++) {
        const a = entities[i] as Mention;
        const b = entities[j] as Mention;
        const same = clauseOf(a) === clauseOf(b);
        const pol = same ? polarityAt(a) : entities.length === 2 ? sentencePolarity : undefined;
        if (pol) claims.push({ ...base, kind: 'interaction', interaction: { a, b, safe: pol === 'safe' } });
      }
    }
    const lower = text.toLowerCase();
    for (const c of CONDITION_KEYS) {
      if (!c.keys.some((k) => k && lower.includes(k))) continue;
      for (const e of entities) {
        const pol = polarityAt(e);
        if (pol)
          claims.push({
            ...base,
            kind: 'drug-condition',
            condition: { mention: e, conditionId: c.id, conditionLabel: c.label, safe: pol === 'safe' },
          });
      }
    }

    // Numbers and entities attributed to a citation.
    if (s.citations.length) {
      const numbers = numbersIn(s.text);
      if (numbers.length || drugs.length) {
        claims.push({
          ...base,
          kind: 'attribution',
          attribution: { citations: s.citations, numbers, mentions: drugs },
        });
      }
    }
  }
  return claims;
}

const GFR_RANGE = String.raw`(\d{1,3})(?:\s*(?:[–—\-~～]|to|至|到)\s*(\d{1,3}))?`;
const STAGE_FIRST = new RegExp(String.raw`\b(G[1-5][ab]?)(?![\w])[^。;；\d]{0,16}?${GFR_RANGE}`, 'i');
const RANGE_FIRST = new RegExp(
  String.raw`(?:eGFR|GFR|肾小球滤过率)\s*(?:of|为|:|：)?\s*${GFR_RANGE}[^。;；\d]{0,24}?\b(G[1-5][ab]?)(?![\w])`,
  'i',
);

function gfrClaim(text: string): { stage: string; low: number; high?: number } | undefined {
  const t = text.normalize('NFKC');
  const a = STAGE_FIRST.exec(t);
  if (a)
    return {
      stage: `G${(a[1] as string).slice(1)}`,
      low: Number(a[2]),
      ...(a[3] ? { high: Number(a[3]) } : {}),
    };
  const b = RANGE_FIRST.exec(t);
  if (b)
    return {
      stage: `G${(b[3] as string).slice(1)}`,
      low: Number(b[1]),
      ...(b[2] ? { high: Number(b[2]) } : {}),
    };
  return undefined;
}

function clausesOf(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (
      i === text.length ||
      '，,；;：:'.includes(text[i] as string) ||
      /^\s(but|while|whereas|however)\b/i.test(text.slice(i, i + 9))
    ) {
      if (i > start) out.push({ text: text.slice(start, i), start, end: i });
      start = i + 1;
    }
  }
  return out;
}

function dedupeEntities(mentions: Mention[]): Mention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => {
    const key = m.drug ? `d:${m.drug.id}` : `c:${m.classId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
