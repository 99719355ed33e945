/**
 * Emergency triage (pure): red-flag symptoms from the patient's own words (zh + en lexicons with negation
 * handling) and recent readings → emergency / urgent / none, with a fixed bilingual instruction.
 *
 * Rules (REFERENCE §1.5): a hypertensive emergency is a severe BP elevation (>180/120) with evidence of new or
 * worsening target-organ damage; severe elevation without it is urgency. Emergency vs urgency cannot be decided
 * from BP alone, so symptoms decide. Conservative safety rule (documented choice, not a guideline number):
 * stroke-type neurological deficit, chest pain, seizure, confusion and tearing back pain are emergencies at any
 * BP — they are acute target-organ-damage symptoms (REFERENCE §1.5) that need emergency care whatever the
 * reading says, and a missing or old reading must not delay that.
 */
import { epochMs, MS } from '../blood-pressure/time.ts';
import type {
  BpReading,
  RedFlag,
  RedFlagCode,
  Text,
  TriageInput,
  TriageLevel,
  TriageResult,
} from './types.ts';

type ReadingLike = Pick<BpReading, 'sbp' | 'dbp' | 'time' | 'id'>;

// REFERENCE §1.5 engine guidance: crisis = SBP >180 or DBP >120 (strict; 180/120 itself is not crisis, §10.1 BP17).
// Same threshold for every guideline, as the blood-pressure engine's crisis alert (alerts.ts DEFAULT_ALERT_CONFIG).
export const CRISIS_SBP = 180; // REFERENCE §1.5 ">180"
export const CRISIS_DBP = 120; // REFERENCE §1.5 ">120"
/** Default look-back for readings (hours). Operational choice (same as the crisis alert look-back). */
export const DEFAULT_WINDOW_HOURS = 24;

/** Red flags that are emergencies at any BP (conservative safety rule; REFERENCE §1.5 TOD symptoms). */
export const ALWAYS_EMERGENCY: readonly RedFlagCode[] = [
  'neuro-deficit',
  'chest-pain',
  'seizure',
  'confusion',
  'tearing-back-pain',
];

export const RED_FLAG_TEXT: Record<RedFlagCode, Text> = {
  'chest-pain': { zh: '胸痛/胸闷', en: 'chest pain or tightness' },
  dyspnoea: { zh: '呼吸困难', en: 'shortness of breath' },
  'neuro-deficit': {
    zh: '一侧肢体无力/麻木、口角歪斜或说话不清',
    en: 'one-sided weakness or numbness, facial droop or slurred speech',
  },
  confusion: { zh: '意识模糊', en: 'confusion' },
  'severe-headache': { zh: '剧烈头痛', en: 'severe headache' },
  'vision-loss': { zh: '视物模糊或视力丧失', en: 'blurred vision or vision loss' },
  seizure: { zh: '抽搐', en: 'seizure' },
  'tearing-back-pain': { zh: '撕裂样胸背痛', en: 'tearing chest or back pain' },
  'reduced-urine': { zh: '尿量明显减少', en: 'passing little or no urine' },
  'pregnancy-headache': { zh: '妊娠期头痛', en: 'headache in pregnancy' },
};

/** Lexicon: Chinese terms match as substrings; English terms as whole words (case-insensitive, optional plural s). */
interface Lexicon {
  zh: readonly string[];
  en: readonly string[];
  /** A mention followed by this (e.g. "confused about my pills") is not the symptom. */
  notFollowedBy?: RegExp;
}

const LEXICON: Record<Exclude<RedFlagCode, 'pregnancy-headache'>, Lexicon> = {
  'chest-pain': {
    zh: [
      '胸痛',
      '胸口痛',
      '胸口疼',
      '胸疼',
      '胸闷痛',
      '胸闷',
      '胸部疼痛',
      '胸部痛',
      '心口痛',
      '心口疼',
      '胸口发紧',
      '胸口闷',
      '胸口压',
    ],
    en: [
      'chest pain',
      'chest tightness',
      'tight chest',
      'chest pressure',
      'pain in my chest',
      'pain in the chest',
      'chest hurts',
      'chest is tight',
    ],
  },
  dyspnoea: {
    zh: [
      '呼吸困难',
      '喘不上气',
      '喘不过气',
      '气短',
      '气促',
      '憋气',
      '透不过气',
      '上不来气',
      '呼吸急促',
      '无法呼吸',
      '喘不动',
    ],
    en: [
      'shortness of breath',
      'short of breath',
      "can't breathe",
      'cannot breathe',
      'can not breathe',
      'difficulty breathing',
      'trouble breathing',
      'hard to breathe',
      'breathless',
      'breathlessness',
      'out of breath',
      'dyspnea',
      'dyspnoea',
    ],
  },
  'neuro-deficit': {
    zh: [
      '一侧肢体无力',
      '单侧肢体无力',
      '一侧无力',
      '半边身子麻',
      '半边身子没力',
      '半边身体麻',
      '半身麻木',
      '半身不遂',
      '半边身子不能动',
      '口角歪斜',
      '口眼歪斜',
      '嘴歪',
      '说话不清',
      '言语不清',
      '口齿不清',
      '讲话不清',
      '说不出话',
      '一侧手脚无力',
      '一侧手脚麻',
    ],
    en: [
      'one-sided weakness',
      'one sided weakness',
      'weakness on one side',
      'numbness on one side',
      'numb on one side',
      'weak on one side',
      'face drooping',
      'facial droop',
      'face droop',
      'drooping face',
      'face is drooping',
      'slurred speech',
      'slurring',
      'trouble speaking',
      'difficulty speaking',
      "can't speak",
      'cannot speak',
      "can't talk",
    ],
  },
  confusion: {
    zh: ['意识模糊', '神志不清', '意识不清', '意识障碍', '昏迷', '叫不醒', '不认人'],
    en: [
      'confusion',
      'confused',
      'disoriented',
      'disorientated',
      'unresponsive',
      'unconscious',
      'altered mental',
    ],
    notFollowedBy: /^\s*(about|by|over|as to|regarding|with|on|whether|if|which|what|how|when)\b/,
  },
  'severe-headache': {
    zh: [
      '剧烈头痛',
      '剧烈的头痛',
      '头痛欲裂',
      '头剧痛',
      '头痛得厉害',
      '头疼得厉害',
      '头痛得要命',
      '头疼得要命',
      '头特别痛',
      '头特别疼',
      '爆炸样头痛',
      '炸裂样头痛',
    ],
    en: [
      'severe headache',
      'worst headache',
      'terrible headache',
      'splitting headache',
      'thunderclap headache',
      'excruciating headache',
      'worst head pain',
      'head is exploding',
    ],
  },
  'vision-loss': {
    zh: [
      '视物模糊',
      '看不清',
      '看不见',
      '失明',
      '视力模糊',
      '视力下降',
      '眼前发黑',
      '复视',
      '视物重影',
      '眼睛模糊',
    ],
    en: [
      'blurred vision',
      'blurry vision',
      'vision loss',
      'loss of vision',
      'lost vision',
      'lost my vision',
      "can't see",
      'cannot see',
      'double vision',
      'blind',
    ],
  },
  seizure: {
    zh: ['抽搐', '抽风', '惊厥', '癫痫发作', '羊角风'],
    en: ['seizure', 'convulsion', 'convulsing'],
  },
  'tearing-back-pain': {
    zh: [
      '撕裂样背痛',
      '撕裂样疼痛',
      '撕裂样胸背痛',
      '撕裂样痛',
      '撕裂般的背痛',
      '撕裂般的疼',
      '背部撕裂',
      '撕裂痛',
      '刀割样背痛',
    ],
    en: ['tearing back pain', 'tearing pain', 'ripping pain', 'tearing chest pain', 'tearing sensation'],
  },
  'reduced-urine': {
    zh: ['少尿', '尿量减少', '尿少', '无尿', '尿很少', '尿量很少', '没有尿', '不排尿', '尿不出'],
    en: [
      'little urine',
      'reduced urine',
      'decreased urine',
      'low urine output',
      'no urine',
      'not urinating',
      "can't urinate",
      'cannot urinate',
      'hardly any urine',
      'urinating less',
      'peeing less',
      'not peeing',
    ],
    notFollowedBy: /^\s*(problem|issue|infection|test|leak|sample)/,
  },
};

const PREGNANCY: Lexicon = {
  zh: ['怀孕', '妊娠', '孕期', '孕妇', '孕周', '有孕'],
  en: ['pregnant', 'pregnancy'],
};
const HEADACHE: Lexicon = {
  zh: ['头痛', '头疼', '头很痛', '头很疼', '头部疼痛', '头胀痛'],
  en: ['headache', 'head pain', 'head hurts', 'head is pounding'],
};

// Negation (NegEx-style, documented choice): a cue within a short window before the term, in the same clause,
// negates it. Clauses end at punctuation and at contrastive/additive connectives ("but", "and", 但, 和 …) — the
// additive ones are cut conservatively: "denies chest pain and shortness of breath" still flags the dyspnoea.
const CLAUSE_BREAK = /[。，,.;；!！?？\n\r:：]/;
const ZH_TERMINATORS = [
  '但是',
  '但',
  '可是',
  '不过',
  '然而',
  '而且',
  '并且',
  '还有',
  '和',
  '却',
  '只是',
  '同时',
];
const EN_TERMINATORS = /\b(but|however|although|though|yet|except|and|still|apart from|aside from|plus)\b/gi;
const ZH_CUES = ['没有', '没', '无', '否认', '不', '未', '并无', '从未', '不再'];
/** Phrases that contain a cue but do not negate (the cue is ignored inside them). */
const ZH_PSEUDO = [
  '不停',
  '不断',
  '不止',
  '不适',
  '不舒服',
  '不行',
  '不了',
  '不住',
  '不好',
  '不得',
  '不能',
  '无法',
  '没法',
  '无力',
  '止不住',
  '没缓解',
  '不缓解',
  '没有缓解',
  '未缓解',
  '无缓解',
  '不见好',
  '没好',
  '没有好转',
  '无好转',
  '未好转',
  '从来没有这么',
  '从没这么',
  '没这么',
  '从未这么',
  '没有这么',
  '从来没这么',
  '不知道',
  '不清楚',
  '不确定',
];
const EN_CUES =
  /\b(no|not|denies|deny|denied|denying|without|never|none|negative for|free of|don't|doesn't|didn't|haven't|hasn't|hadn't|isn't|aren't|wasn't|weren't|dont|doesnt|didnt|havent|hasnt)\b/gi;
const EN_PSEUDO =
  /\b(no relief|not relieved|no better|not better|no improvement|not improving|not only|not just|not sure|no doubt|not certain|never had such|never had this|never felt like this|never felt this|never been this|never been so|never this bad|don't know|doesn't stop|won't stop|not stopping|not going away|not gone)\b/gi;
/** Window before the term: CJK characters / English words. Operational choice (NegEx uses ~5 words). */
const ZH_WINDOW_CHARS = 6;
const EN_WINDOW_WORDS = 4;

interface Span {
  start: number;
  end: number;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/** Straight apostrophes and lower case; same length as the input so indices map back to the original text. */
function normalize(text: string): string {
  return text.replace(/[\u2018\u2019\u02BC]/g, "'").toLowerCase();
}

function occurrences(norm: string, lex: Lexicon): Span[] {
  const out: Span[] = [];
  for (const term of lex.zh) {
    let i = norm.indexOf(term);
    while (i >= 0) {
      out.push({ start: i, end: i + term.length });
      i = norm.indexOf(term, i + 1);
    }
  }
  for (const term of lex.en) {
    const re = new RegExp(`(?<![a-z])${escapeRegex(term)}s?(?![a-z])`, 'g');
    for (const m of norm.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length });
  }
  // Longest match first at the same start, then by position.
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Start of the clause containing `pos` (after the last break or terminator before it). */
function clauseStart(norm: string, pos: number): number {
  let start = 0;
  for (let i = pos - 1; i >= 0; i--) {
    if (CLAUSE_BREAK.test(norm.charAt(i))) {
      start = i + 1;
      break;
    }
  }
  const before = norm.slice(start, pos);
  for (const t of ZH_TERMINATORS) {
    const k = before.lastIndexOf(t);
    if (k >= 0) start = Math.max(start, start + k + t.length);
  }
  for (const m of before.matchAll(EN_TERMINATORS)) start = Math.max(start, start + m.index + m[0].length);
  return start;
}

function coveredBy(spans: readonly Span[], s: Span): boolean {
  return spans.some((p) => p.start <= s.start && p.end >= s.end);
}

function isNegated(norm: string, term: Span): boolean {
  const cStart = clauseStart(norm, term.start);
  const pre = norm.slice(cStart, term.start);
  if (!pre.trim()) return false;
  const zhPseudo: Span[] = [];
  for (const p of ZH_PSEUDO) {
    let i = norm.indexOf(p);
    while (i >= 0) {
      zhPseudo.push({ start: i, end: i + p.length });
      i = norm.indexOf(p, i + 1);
    }
  }
  // Chinese cues: inside the last ZH_WINDOW_CHARS characters before the term (same clause).
  const zhFrom = Math.max(cStart, term.start - ZH_WINDOW_CHARS);
  const zhPre = norm.slice(zhFrom, term.start);
  for (const cue of ZH_CUES) {
    let i = zhPre.indexOf(cue);
    while (i >= 0) {
      const span = { start: zhFrom + i, end: zhFrom + i + cue.length };
      if (!coveredBy(zhPseudo, span)) return true;
      i = zhPre.indexOf(cue, i + 1);
    }
  }
  // English cues: among the last EN_WINDOW_WORDS words before the term (same clause).
  const words = [...pre.matchAll(/[a-z']+/g)];
  const first = words.length > EN_WINDOW_WORDS ? words[words.length - EN_WINDOW_WORDS] : words[0];
  if (!first) return false;
  const enFrom = cStart + first.index;
  const enPre = norm.slice(enFrom, term.start);
  const enPseudo: Span[] = [...norm.matchAll(EN_PSEUDO)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  for (const m of enPre.matchAll(EN_CUES)) {
    const span = { start: enFrom + m.index, end: enFrom + m.index + m[0].length };
    if (!coveredBy(enPseudo, span)) return true;
  }
  return false;
}

/** First non-negated mention of the lexicon in the text, as the exact original substring. */
function firstAffirmed(text: string, norm: string, lex: Lexicon): string | undefined {
  for (const span of occurrences(norm, lex)) {
    if (lex.notFollowedBy?.test(norm.slice(span.end))) continue;
    if (!isNegated(norm, span)) return text.slice(span.start, span.end);
  }
  return undefined;
}

/** Red flags named in free text (negated mentions excluded), in lexicon order. */
export function findRedFlags(text: string): RedFlag[] {
  const norm = normalize(text);
  const out: RedFlag[] = [];
  for (const code of Object.keys(LEXICON) as (keyof typeof LEXICON)[]) {
    const matched = firstAffirmed(text, norm, LEXICON[code]);
    if (matched !== undefined) out.push({ code, matched, display: RED_FLAG_TEXT[code], origin: 'text' });
  }
  if (firstAffirmed(text, norm, PREGNANCY) !== undefined) {
    const headache =
      firstAffirmed(text, norm, HEADACHE) ?? firstAffirmed(text, norm, LEXICON['severe-headache']);
    if (headache !== undefined)
      out.push({
        code: 'pregnancy-headache',
        matched: headache,
        display: RED_FLAG_TEXT['pregnancy-headache'],
        origin: 'text',
      });
  }
  return out;
}

const INSTRUCTIONS = {
  emergency: {
    zh: '请立即拨打120或前往最近的急诊。不要自行加服降压药，不要自己开车；保持安静、坐下或躺下休息，等待救援。',
    en: 'Call emergency services (120 in China / 911 in the US) now or go to the nearest emergency department. Do not take extra blood-pressure medicine on your own and do not drive yourself; sit or lie down and rest while you wait for help.',
  },
  urgentCrisis: {
    zh: '您的血压很高。请安静坐下休息5分钟后再测一次血压，并在今天之内联系您的医疗团队。不要自行加服降压药。如出现胸痛、呼吸困难、一侧肢体无力或麻木、口角歪斜、说话不清、剧烈头痛、视物模糊或意识模糊，请立即拨打120。',
    en: 'Your blood pressure is very high. Sit quietly for 5 minutes and measure again, and contact your care team today. Do not take extra blood-pressure medicine on your own. If you get chest pain, shortness of breath, weakness or numbness on one side, a drooping face, slurred speech, a severe headache, blurred vision or confusion, call emergency services (120 in China / 911 in the US) at once.',
  },
  urgentSymptom: {
    zh: '您描述的症状需要今天就联系您的医疗团队。如果可以，请安静休息5分钟后测量血压并上传。如症状加重，或出现胸痛、一侧肢体无力、说话不清、意识模糊或抽搐，请立即拨打120。',
    en: 'The symptoms you describe need a call to your care team today. If you can, rest quietly for 5 minutes, measure your blood pressure and upload it. If the symptoms get worse, or you get chest pain, weakness on one side, slurred speech, confusion or a seizure, call emergency services (120 in China / 911 in the US) at once.',
  },
  none: {
    zh: '目前没有发现需要紧急处理的情况。如出现胸痛、呼吸困难、一侧肢体无力、说话不清、剧烈头痛或视物模糊，请立即拨打120。',
    en: 'Nothing found that needs urgent care right now. If you get chest pain, shortness of breath, weakness on one side, slurred speech, a severe headache or blurred vision, call emergency services (120 in China / 911 in the US) at once.',
  },
} satisfies Record<string, Text>;

function isCrisisReading(r: ReadingLike): boolean {
  return r.sbp > CRISIS_SBP || r.dbp > CRISIS_DBP; // REFERENCE §1.5 strict >180 / >120
}

/** The most recent crisis reading in (now − windowHours, now]; ties → higher SBP, then id. */
function latestCrisis(
  readings: readonly ReadingLike[],
  nowMs: number,
  windowHours: number,
): { crisis?: ReadingLike; considered: number } {
  const from = nowMs - windowHours * MS.HOUR;
  const recent = readings
    .map((r) => ({ r, t: epochMs(r.time) }))
    .filter((x) => Number.isFinite(x.t) && x.t > from && x.t <= nowMs);
  const crises = recent
    .filter((x) => isCrisisReading(x.r))
    .sort((a, b) => b.t - a.t || b.r.sbp - a.r.sbp || (a.r.id < b.r.id ? -1 : a.r.id > b.r.id ? 1 : 0));
  const top = crises[0]?.r;
  return {
    considered: recent.length,
    ...(top ? { crisis: { id: top.id, time: top.time, sbp: top.sbp, dbp: top.dbp } } : {}),
  };
}

export function triage(input: TriageInput): TriageResult {
  const nowMs = epochMs(input.now);
  if (!Number.isFinite(nowMs)) throw new RangeError(`triage: invalid now ${input.now}`);
  const windowHours = input.windowHours ?? DEFAULT_WINDOW_HOURS;
  const flags = input.text ? findRedFlags(input.text) : [];
  for (const code of input.symptoms ?? []) {
    if (!flags.some((f) => f.code === code))
      flags.push({ code, matched: code, display: RED_FLAG_TEXT[code], origin: 'structured' });
  }
  const { crisis, considered } = latestCrisis(input.readings ?? [], nowMs, windowHours);
  const always = flags.filter((f) => ALWAYS_EMERGENCY.includes(f.code));

  let level: TriageLevel;
  let rule: string;
  let source: string;
  let instruction: Text;
  if (flags.length && crisis) {
    level = 'emergency';
    rule = `red-flag symptom + reading SBP >${CRISIS_SBP} or DBP >${CRISIS_DBP} within ${windowHours} h → hypertensive emergency`;
    source = 'REFERENCE §1.5 (severe BP + acute target-organ damage)';
    instruction = INSTRUCTIONS.emergency;
  } else if (always.length) {
    level = 'emergency';
    rule = `${always.map((f) => f.code).join(', ')} at any BP → emergency`;
    source = 'conservative safety rule; REFERENCE §1.5 TOD symptoms';
    instruction = INSTRUCTIONS.emergency;
  } else if (crisis) {
    level = 'urgent';
    rule = `reading SBP >${CRISIS_SBP} or DBP >${CRISIS_DBP} within ${windowHours} h without red-flag symptoms → urgency (re-measure after 5 min rest, contact care team today)`;
    source = 'REFERENCE §1.5 (hypertensive urgency)';
    instruction = INSTRUCTIONS.urgentCrisis;
  } else if (flags.length) {
    level = 'urgent';
    rule = 'red-flag symptom without a crisis reading → contact care team today';
    source = 'conservative safety rule; REFERENCE §1.5 TOD symptoms';
    instruction = INSTRUCTIONS.urgentSymptom;
  } else {
    level = 'none';
    rule = 'no red-flag symptom and no crisis reading';
    source = 'REFERENCE §1.5';
    instruction = INSTRUCTIONS.none;
  }

  const bp = crisis ? `${crisis.sbp}/${crisis.dbp} mmHg` : '';
  const zhFlags = flags.map((f) => f.display.zh).join('、');
  const enFlags = flags.map((f) => f.display.en).join(', ');
  const display: Text =
    level === 'emergency'
      ? {
          zh: `紧急:${[zhFlags, bp].filter(Boolean).join(';')}`,
          en: `Emergency: ${[enFlags, bp].filter(Boolean).join('; ')}`,
        }
      : level === 'urgent'
        ? {
            zh: `需当日处理:${[zhFlags, bp].filter(Boolean).join(';')}`,
            en: `Urgent (today): ${[enFlags, bp].filter(Boolean).join('; ')}`,
          }
        : { zh: '未发现紧急情况', en: 'No emergency found' };

  return {
    level,
    stop: level === 'emergency',
    redFlags: flags,
    ...(crisis ? { crisisReading: crisis } : {}),
    instruction,
    rule,
    source,
    inputs: {
      guideline: input.guideline,
      now: input.now,
      windowHours,
      redFlags: flags.map((f) => f.code),
      readingsConsidered: considered,
      ...(crisis ? { crisisReadingId: crisis.id } : {}),
    },
    display,
  };
}
