/**
 * Emergency triage (pure): red-flag symptoms from the patient's own words (read by @qihuang/clinical-language:
 * coded concepts with negation, history, hypothesis, experiencer and uncertainty) and recent readings →
 * emergency / urgent / none, with a fixed bilingual instruction.
 *
 * Rules (REFERENCE §1.5): a hypertensive emergency is a severe BP elevation (>180/120) with evidence of new or
 * worsening target-organ damage; severe elevation without it is urgency. Emergency vs urgency cannot be decided
 * from BP alone, so symptoms decide. Conservative safety rule (documented choice, not a guideline number):
 * stroke-type neurological deficit, chest pain, seizure, confusion and tearing back pain are emergencies at any
 * BP — they are acute target-organ-damage symptoms (REFERENCE §1.5) that need emergency care whatever the
 * reading says, and a missing or old reading must not delay that. The lexicon marks which concepts these are
 * (`emergency`; also breathlessness, sudden vision loss and a thunderclap headache). A caregiver writing about
 * someone with them now gets the same instruction; family history and past events do not trigger. A BP written
 * in the text (高压190低压125, 190 over 125, kPa) counts like a reading for the §1.5 rules.
 */
import {
  analyze,
  CONCEPTS_BY_ID,
  emergencyCall,
  isCrisisVital,
  isCurrent,
  recentTransientEpisode,
} from '@qihuang/clinical-language';
import { epochMs, MS } from '@qihuang/engines/blood-pressure';
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
/** The guidelines behind the crisis rules, as a user sees them cited (REFERENCE §1.5 table rows). */
export const GUIDELINES_CRISIS = 'ACC/AHA 2017 §11.2; China 2018 hypertension guideline';
/** Default look-back for readings (hours). Operational choice (same as the crisis alert look-back). */
export const DEFAULT_WINDOW_HOURS = 24;
/**
 * Suspected TIA: specialist assessment within 24 h of onset (NICE NG128 2019, recommendation 1.1.5; RCP National
 * Clinical Guideline for Stroke 2016). Shown on screens of either language, so names and numbers only.
 */
export const SOURCE_TIA = 'NICE NG128 (2019) 1.1.5; RCP 2016';

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

/** What a recent stroke-like episode that went away is called on screen (decision 0021). */
export const SUSPECTED_TIA: Text = {
  zh: '疑似短暂性脑缺血发作（症状已缓解）',
  en: 'suspected transient ischaemic attack (symptoms gone)',
};

/** What an emergency the lexicon did not name is called on screen (the patient's wording raised it). */
const UNNAMED_EMERGENCY: Text = {
  zh: '所描述的症状可能是急症',
  en: 'the symptoms described may be an emergency',
};

/** Red-flag codes in the order they are reported. */
const CODE_ORDER: readonly Exclude<RedFlagCode, 'pregnancy-headache'>[] = [
  'chest-pain',
  'dyspnoea',
  'neuro-deficit',
  'confusion',
  'severe-headache',
  'vision-loss',
  'seizure',
  'tearing-back-pain',
  'reduced-urine',
];

interface TextReading {
  flags: RedFlag[];
  /** Codes of current mentions that are emergencies by themselves (lexicon `emergency`, REFERENCE §1.5 TOD). */
  emergencyCodes: Set<RedFlagCode>;
  /** An emergency concerns someone other than the writer (a caregiver writing about them, now). */
  caregiver: boolean;
  /** A current crisis reading written in the text ("高压190低压125", "190 over 125", kPa …). */
  crisis?: { sbp?: number; dbp?: number; text: string };
  /**
   * Current back pain or numbness: with a crisis reading these are target-organ-damage signs like red flags
   * (REFERENCE §1.5; AHA hypertensive-crisis patient page: back pain, numbness → call 911).
   */
  crisisSigns: Text[];
  /**
   * The package's emergency call (`emergencyCall`, the one the corpus benchmark measures) says emergency while no
   * lexicon concept or crisis rule does: wording the lexicon does not know, raised by its raise-only recall model.
   * Triage honours it, so the product decides as the benchmark measures (a stone pressing on the chest with a cold
   * sweat was an emergency for `text analyze` and "none" for triage — found by the 2026-12-07 try).
   */
  unnamedEmergency: boolean;
  /**
   * A stroke or sight sign that went away on one of the last days (a suspected TIA): no 120 call by the corpus
   * conventions, but same-day care — NICE NG128 (2019) 1.1.5, specialist assessment within 24 hours (decision 0021).
   */
  recentTia?: string;
}

/**
 * Reads the text with @qihuang/clinical-language: red flags that are affirmed and current (not negated, not past
 * or long-standing, not hypothetical); uncertain mentions count ("好像说话不清楚"), and so do mentions about someone
 * with the writer now ("my mother can't lift her arm"); family history and past events do not.
 */
function readText(text: string): TextReading {
  const a = analyze(text);
  const current = a.mentions.filter((m) => m.redFlag !== undefined && isCurrent(m));
  const flags: RedFlag[] = [];
  for (const code of CODE_ORDER) {
    const m = current.find((x) => x.redFlag === code);
    if (m) flags.push({ code, matched: m.text, display: RED_FLAG_TEXT[code], origin: 'text' });
  }
  const pregnant = a.mentions.some((m) => m.concept === 'pregnancy' && isCurrent(m));
  const headache = a.mentions.find(
    (m) => (m.concept === 'headache' || m.redFlag === 'severe-headache') && isCurrent(m),
  );
  if (pregnant && headache)
    flags.push({
      code: 'pregnancy-headache',
      matched: headache.text,
      display: RED_FLAG_TEXT['pregnancy-headache'],
      origin: 'text',
    });
  const emergencies = current.filter((m) => m.emergency);
  const crisis = a.vitals.find((v) => isCrisisVital(v) && isCurrent(v));
  const crisisSigns: Text[] = [];
  for (const m of a.mentions) {
    const concept = CONCEPTS_BY_ID.get(m.concept);
    if (concept?.crisisSign && isCurrent(m) && !crisisSigns.some((t) => t.en === concept.display.en))
      crisisSigns.push(concept.display);
  }
  const call = emergencyCall(a);
  const tia = recentTransientEpisode(a);
  return {
    ...(tia ? { recentTia: tia.text } : {}),
    crisisSigns,
    unnamedEmergency:
      call.emergency && !emergencies.length && !(crisis && (current.length || crisisSigns.length)),
    flags,
    emergencyCodes: new Set(emergencies.map((m) => m.redFlag as RedFlagCode)),
    caregiver: emergencies.some((m) => m.modifiers.experiencer === 'other'),
    ...(crisis ? { crisis: { sbp: crisis.sbp, dbp: crisis.dbp, text: crisis.text } } : {}),
  };
}

/** Red flags named in free text (affirmed, current mentions only), in a fixed code order. */
export function findRedFlags(text: string): RedFlag[] {
  return readText(text).flags;
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
  urgentTia: {
    zh: '您描述的一过性症状（一侧肢体无力或麻木、口角歪斜、说话不清或突然看不清）可能是短暂性脑缺血发作（“小中风”）。即使已经好了，也请今天就联系您的医疗团队或去医院看神经内科。如症状再次出现，请立即拨打120。',
    // Same-day care as the Chinese says (今天就联系…或去医院看神经内科): no emergency call unless it comes back (decision 0021).
    en: 'The passing symptoms you describe (weakness or numbness on one side, a drooping face, slurred speech or sudden loss of sight) may have been a transient ischaemic attack ("mini-stroke"). Even though they have gone, contact your care team today or go to a hospital today to see a neurologist. If the symptoms come back, call emergency services (120 in China / 911 in the US) at once.',
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
  const read = input.text ? readText(input.text) : undefined;
  const flags = read ? [...read.flags] : [];
  for (const code of input.symptoms ?? []) {
    if (!flags.some((f) => f.code === code))
      flags.push({ code, matched: code, display: RED_FLAG_TEXT[code], origin: 'structured' });
  }
  const { crisis, considered } = latestCrisis(input.readings ?? [], nowMs, windowHours);
  // A crisis value written in the text counts like a reading (REFERENCE §1.5), when no reading is one.
  const textCrisis = crisis ? undefined : read?.crisis;
  const always = flags.filter((f) =>
    f.origin === 'structured' ? ALWAYS_EMERGENCY.includes(f.code) : read?.emergencyCodes.has(f.code),
  );
  const caregiver = read?.caregiver ? ' (about someone with the writer now: same instruction)' : '';

  let level: TriageLevel;
  let rule: string;
  let source: string;
  let instruction: Text;
  const signs = read?.crisisSigns ?? [];
  if ((flags.length || signs.length) && (crisis || textCrisis)) {
    level = 'emergency';
    rule = !flags.length
      ? `back pain or numbness + ${crisis ? `reading within ${windowHours} h` : 'BP written in the message'} above ${CRISIS_SBP}/${CRISIS_DBP} → hypertensive emergency${caregiver}`
      : crisis
        ? `red-flag symptom + reading SBP >${CRISIS_SBP} or DBP >${CRISIS_DBP} within ${windowHours} h → hypertensive emergency${caregiver}`
        : `red-flag symptom + BP written in the message above ${CRISIS_SBP}/${CRISIS_DBP} → hypertensive emergency${caregiver}`;
    source = `${GUIDELINES_CRISIS}: hypertensive emergency`; // REFERENCE §1.5
    instruction = INSTRUCTIONS.emergency;
  } else if (always.length) {
    level = 'emergency';
    rule = `${always.map((f) => f.code).join(', ')} at any BP → emergency${caregiver}`;
    source = `conservative safety rule; ${GUIDELINES_CRISIS}: acute target-organ damage symptoms`; // REFERENCE §1.5
    instruction = INSTRUCTIONS.emergency;
  } else if (read?.unnamedEmergency) {
    level = 'emergency';
    rule = `wording read as an acute emergency by the clinical-language recall model (raise-only; no lexicon concept named it)${caregiver}`;
    source = `conservative safety rule; ${GUIDELINES_CRISIS}: acute target-organ damage symptoms`; // REFERENCE §1.5
    instruction = INSTRUCTIONS.emergency;
  } else if (crisis || textCrisis) {
    level = 'urgent';
    rule = crisis
      ? `reading SBP >${CRISIS_SBP} or DBP >${CRISIS_DBP} within ${windowHours} h without red-flag symptoms → urgency (re-measure after 5 min rest, contact care team today)`
      : `BP written in the message above ${CRISIS_SBP}/${CRISIS_DBP} without red-flag symptoms → urgency (re-measure after 5 min rest, contact care team today)`;
    source = `${GUIDELINES_CRISIS}: hypertensive urgency`; // REFERENCE §1.5
    instruction = INSTRUCTIONS.urgentCrisis;
  } else if (flags.length) {
    level = 'urgent';
    rule = 'red-flag symptom without a crisis reading → contact care team today';
    source = `conservative safety rule; ${GUIDELINES_CRISIS}: acute target-organ damage symptoms`; // REFERENCE §1.5
    instruction = INSTRUCTIONS.urgentSymptom;
  } else if (read?.recentTia) {
    level = 'urgent';
    rule = `stroke-like symptom on one of the last days that went away ("${read.recentTia}") → suspected TIA: assessment within 24 h${caregiver}`;
    source = SOURCE_TIA; // NICE NG128 (2019) 1.1.5; RCP 2016
    instruction = INSTRUCTIONS.urgentTia;
  } else {
    level = 'none';
    rule = 'no red-flag symptom and no crisis reading';
    source = GUIDELINES_CRISIS; // REFERENCE §1.5
    instruction = INSTRUCTIONS.none;
  }

  const bp = crisis
    ? `${crisis.sbp}/${crisis.dbp} mmHg`
    : textCrisis
      ? `${textCrisis.sbp ?? '?'}/${textCrisis.dbp ?? '?'} mmHg`
      : '';
  // Back pain / numbness are named only when they made the call (with a crisis reading).
  const shown = level === 'emergency' && !flags.length ? signs : [];
  // An emergency no concept named (recall model) says so in words, not with an empty list.
  const unnamed = level === 'emergency' && !flags.length && !shown.length ? [UNNAMED_EMERGENCY] : [];
  const zhFlags = [
    ...flags.map((f) => f.display.zh),
    ...shown.map((t) => t.zh),
    ...unnamed.map((t) => t.zh),
  ].join('、');
  const enFlags = [
    ...flags.map((f) => f.display.en),
    ...shown.map((t) => t.en),
    ...unnamed.map((t) => t.en),
  ].join(', ');
  // A suspected TIA is named whatever else made the result urgent (a crisis reading decides the rule first).
  const tiaShown = level === 'urgent' && read?.recentTia ? SUSPECTED_TIA : undefined;
  const display: Text =
    level === 'emergency'
      ? {
          zh: `紧急：${[zhFlags, bp].filter(Boolean).join('；')}`,
          en: `Emergency: ${[enFlags, bp].filter(Boolean).join('; ')}`,
        }
      : level === 'urgent'
        ? {
            zh: `需当日处理：${[zhFlags, bp, tiaShown?.zh].filter(Boolean).join('；')}`,
            // Same-day care, as 需当日处理 says: "urgent" read like an emergency in English (issues 16, 20).
            en: `Same-day care: ${[enFlags, bp, tiaShown?.en].filter(Boolean).join('; ')}`,
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
      // What an urgent result is about, by code, for the care team's alert (packages/care urgent-flag.ts).
      ...(textCrisis ? { writtenBp: { sbp: textCrisis.sbp, dbp: textCrisis.dbp } } : {}),
      ...(read?.recentTia && level !== 'emergency' ? { suspectedTia: true } : {}),
    },
    display,
  };
}

const LEVEL_RANK: Record<TriageLevel, number> = { none: 0, urgent: 1, emergency: 2 };

/** The higher of two triage levels. */
export function higherLevel(a: TriageLevel, b: TriageLevel): TriageLevel {
  return LEVEL_RANK[b] > LEVEL_RANK[a] ? b : a;
}

/**
 * The engine's result raised to `level` by a second opinion (e.g. a model's). Only ever raises: a lower or equal
 * level returns the engine's result unchanged. The instruction stays the fixed text of the new level; the rule and
 * source say that the engine decided `result.level` and who raised it.
 */
export function raiseTriage(result: TriageResult, level: TriageLevel, by: Text): TriageResult {
  if (LEVEL_RANK[level] <= LEVEL_RANK[result.level]) return result;
  const instruction = level === 'emergency' ? INSTRUCTIONS.emergency : INSTRUCTIONS.urgentSymptom;
  const zhFlags = result.redFlags.map((f) => f.display.zh).join('、');
  const enFlags = result.redFlags.map((f) => f.display.en).join(', ');
  const display: Text =
    level === 'emergency'
      ? {
          zh: `紧急（${by.zh}提高；引擎判断：${result.level === 'urgent' ? '需当日处理' : '未发现紧急情况'}）${zhFlags ? `：${zhFlags}` : ''}`,
          en: `Emergency (raised by ${by.en}; engine: ${result.level === 'urgent' ? 'same-day care' : 'no emergency'})${enFlags ? `: ${enFlags}` : ''}`,
        }
      : {
          zh: `需当日处理（${by.zh}提高；引擎判断：未发现紧急情况）${zhFlags ? `：${zhFlags}` : ''}`,
          en: `Same-day care (raised by ${by.en}; engine: no emergency)${enFlags ? `: ${enFlags}` : ''}`,
        };
  return {
    ...result,
    level,
    stop: level === 'emergency',
    instruction,
    rule: `engine: ${result.level} (${result.rule}); raised to ${level} by ${by.en} — a second opinion can only raise the engine's level`,
    source: `${result.source}; ${by.en}`,
    inputs: { ...result.inputs, engineLevel: result.level, raisedBy: by.en },
    display,
  };
}
