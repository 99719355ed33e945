/**
 * Parts of a drug statement's frame that are read apart from the sentence's drugs: a switch and its interval,
 * the level of hepatic impairment, the severe (bilateral) form of renal artery stenosis.
 */
import { polarity } from './polarity.ts';
import { relationRegex } from './relation-lexicon.ts';
import type { DrugConditionData } from './types.ts';

/** The severe form of renal artery stenosis (ACEI/ARB contraindicated, REFERENCE §5.4). */
export const BILATERAL =
  /bilateral|both (?:renal )?arteries|solitary (?:functioning )?kidney|single kidney|双侧|孤立肾|独肾/i;

/** Doses of two drugs taken apart ("错开几个小时吃", "spaced 4 hours apart"): an interval, checked like a switch's. */
export const SPACED = relationRegex('interval');
export const SWITCH =
  /switch\w*|changing (?:from|over)|\boverlap\w*|最后一(?:片|次|剂)|\bmov(?:e|es|ing) (?:from|over)\b|\b(?:last|final)(?: (?:morning|evening|night|daily|\w+ly))? (?:dose|tablet)\b|transition\w*|after (?:the )?(?:last|final) dose|\bafter (?:stopping|discontinuing|withdrawing|ceasing)\b|末次|停用[^，。,;；]{0,12}后|换用|改用|转换|换为|改为|换成|改成|\bstop(?:s|ped|ping)?\b[^.;]{0,40}\bstart(?:s|ed|ing)?\b|(?:^|[，,：:；;]\s*)停(?:用|服|掉)?[^，。,;；]{1,16}?(?:开始|换用|改用|服用)/i;
/** "先停赖诺普利满36小时再开始" / "stop X first and wait 36 hours before the first dose": an interval stated with a
 * start makes the switch a washout, not an order of stopping both drugs. */
const WASHOUT_START = /开始|起用|首剂|换成|换用|改用|\bstart\w*|\bbegin\w*|first dose|switch\w*/i;
/** The interval a switch states, in hours; 0 for "no gap / the same day / immediately". */
export function washoutIn(raw: string): number | undefined {
  // "the next morning", "第二天", "次日": within a day (below any 36-hour washout).
  // (Last dose at night, first the next morning: about 12 hours.)
  // "overlap them for the first week", "重叠服用": no interval at all.
  if (/\boverlap\w*|重叠(?:服用|使用)|同时服用一段/i.test(raw)) return 0;
  if (
    /\b(?:the )?(?:next|following) morning\b|\bthe morning after\b|第二天早上|次日早上|次日清晨|第二天早晨|次日晨/i.test(
      raw,
    )
  )
    return 12;
  // "错开几个小时", "a few hours apart": a few hours (below any interval counted in days).
  if (/几个?小时|数小时|\b(?:a few|several|a couple of) hours\b/i.test(raw)) return 4;
  if (
    /\b(?:the )?(?:next|following) (?:day|evening)\b|\b(?:the|a|one) day after\b|第二天|次日|隔天|翌日/i.test(
      raw,
    )
  )
    return 24;
  // Chinese numerals before a time unit ("两天", "三十六小时") read as digits.
  const text = raw.replace(/([一二两三四五六七八九十]+)(?=\s*(?:个)?(?:天|日|小时))/g, (m) =>
    String(zhNumber(m)),
  );
  const h =
    /(\d+(?:\.\d+)?)\s*(?:-|\s)?(?:h\b|hours?|hrs?\b|小时)/i.exec(text) ??
    // "six hours apart", "twenty-four hours": English number words before hours.
    new RegExp(`\\b(${Object.keys(EN_HOURS).join('|')})[- ]hours?\\b`, 'i').exec(text);
  if (h && EN_HOURS[h[1]!.toLowerCase()] !== undefined) return EN_HOURS[h[1]!.toLowerCase()];
  if (h) return Number(h[1]);
  const d = /(\d+(?:\.\d+)?)\s*(?:-|\s)?(?:days?|天|日)(?!剂量)/i.exec(text);
  if (d) return Number(d[1]) * 24;
  if (
    /无需间隔|不需要间隔|不用间隔|无需等待|不必等待|当天|同一天|直接(?:开始|换用|服用)|立即(?:开始|换用)|no (?:washout|gap|interval|wait)|without (?:a )?(?:washout|gap|interval|waiting)|same day|immediately|right away|next dose/i.test(
      text,
    )
  )
    return 0;
  return undefined;
}

const EN_HOURS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  eight: 8,
  ten: 10,
  twelve: 12,
  'twenty-four': 24,
  'thirty-six': 36,
  'forty-eight': 48,
};

/** "两" → 2, "十二" → 12, "三十六" → 36. */
function zhNumber(t: string): number {
  const d: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const [tens, ones] = t.includes('十') ? t.split('十') : ['', t];
  return t.includes('十') ? (tens ? (d[tens] ?? 1) : 1) * 10 + (ones ? (d[ones] ?? 0) : 0) : (d[t] ?? 0);
}

/** The level of hepatic impairment a sentence states (Child-Pugh A/B/C or mild/moderate/severe impairment). */
export function hepaticLevel(text: string): DrugConditionData['hepatic'] {
  const impaired =
    /(?:肝功能?|hepatic|liver)[^，。,;；]{0,6}(?:不全|损害|受损|impairment|dysfunction|insufficiency|disease)/i;
  if (/Child-?Pugh\s*(?:C|class C|C级)/i.test(text)) return 'severe';
  if (/Child-?Pugh\s*(?:B|class B|B级)/i.test(text)) return 'moderate';
  if (/Child-?Pugh\s*(?:A|class A|A级)/i.test(text)) return 'mild';
  if (!impaired.test(text)) return undefined;
  if (/重度|严重|severe/i.test(text)) return 'severe';
  if (/中度|moderate/i.test(text)) return 'moderate';
  if (/轻度|mild/i.test(text)) return 'mild';
  return undefined;
}

/**
 * A population qualifier that is itself negated ("未安装起搏器者禁用…", "without a pacemaker are contraindications
 * to …"): its negation does not reach the harm word after it (independent sets 8 and 9).
 */
const NEGATED_QUALIFIER =
  /(?:且|并且)?\s*(?:未|没有|无)(?:安装|植入|装)?(?:永久性?)?(?:心脏)?起搏器(?:的|者)?|\bwithout (?:a |an )?(?:permanent )?pacemaker\b/gi;
export const withoutNegatedQualifiers = (text: string) => text.replace(NEGATED_QUALIFIER, ' ');

/** Drugs named as the usual or preferred choices ("孕期常用的是 A、B", "the preferred medicines are A and B"). */
const RECOMMENDED =
  /\bpreferred\b|\brecommended\b|\bfirst choice\b|常用(?:的)?(?:是|药物?有|药物?为)|首选|推荐|优先(?:使用|选用|选择)/i;
const NOT_RECOMMENDED =
  /不(?:推荐|建议|首选|是首选)|非首选|\bnot (?:be |a |an |the |as )?(?:preferred|recommended|first choice)|\b(?:isn't|aren't|never) (?:a |an |the )?(?:preferred|recommended|first choice)/i;
export const recommendedIn = (text: string) => RECOMMENDED.test(text) && !NOT_RECOMMENDED.test(text);

/** A drug said to be stopped or switched away from after its name ("雷米普利应停用", "losartan should be stopped",
 * "who takes X should switch to Y", "服用X的备孕女性应换用Y"). */
export const STOPPED_AFTER =
  /^\s*(?:应|应该|需|需要|必须|要|可|宜)?\s*(?:停用|停掉|停药|停服|换掉|减停)|^\s*(?:should|must|needs? to|has to|will|is to)\s+be\s+(?:stopped|discontinued|withdrawn|tapered)|^[^，,。；;]{0,16}?(?:应|应该|需|需要|必须|要|宜)(?:尽快|及时|提前)?(?:换用|改用|换成|改为|改服|换为)|^[^,.;]{0,48}?\b(?:should|must|needs? to|has to|will need to|ought to)\s+(?:be\s+)?(?:switch(?:ed)?|chang(?:e|ed)|mov(?:e|ed))\s+(?:over\s+)?to\b/i;

/** A condition word named as the risk or effect of a drug ("raises the risk of angioedema", "增加血管性水肿的风险"). */
function riskWordAt(lower: string, at: number, key: string): boolean {
  const before = lower.slice(Math.max(0, at - 24), at);
  const after = lower.slice(at + key.length, at + key.length + 16);
  // A denied risk ("不会引起高钾", "does not cause angioedema") is a statement about the condition: kept.
  // "可升高血钾" holds "高血钾" inside "升高": an effect of the drug, not the patient's hyperkalaemia.
  // (A denied effect, "不会升高血钾", stays a statement about the condition, as below.)
  if (key.startsWith('高') && /(?:升|提)$/.test(before) && !/(?:不|没有|无|未)[^，。,;；]{0,3}$/.test(before))
    return true;
  // A pair said not to cause it ("维拉帕米与比索洛尔合用很安全，不会引起心动过缓"): the pair's effect, an interaction claim,
  // not a patient who has the condition (REFERENCE §6; a bradycardia contraindication, §5.2, is a different claim).
  if (
    /(?:不会|不|没有|并不|\bnot\b|n't)\s*(?:引起|导致|诱发|造成|cause|lead to|result in)\s*$/.test(before) &&
    /合用|联用|同用|一起用|together|combin|co-?prescri/.test(lower)
  )
    return true;
  if (/不会|不|没有|无|\bnot\b|\bno\b|n't|without/.test(before)) return false;
  return (
    // "可致心动过缓和房室传导阻滞", "may cause bradycardia and heart block": a list of risks after the word.
    /(?:risk of|risks of|cause[sd]?|causing|lead(?:s|ing)? to|result(?:s|ing)? in|trigger(?:s|ed)?|引起|导致|诱发|可致)\s*(?:the\s+|an?\s+)?(?:[^，。,;；]{1,10}?(?:和|及|与|、|\band\b|\bor\b|,)\s*)?$/.test(
      before,
    ) ||
    // "高钾血症风险", "because of the hyperkalaemia risk": the rest of the word, then the risk word.
    /^[\u4e00-\u9fff]{0,3}?(?:的)?(?:风险|危险)|^[a-z]*\s+(?:risk|danger)\b/.test(after)
  );
}

/** A dose said to exceed a cap ("her simvastatin 40 mg exceeds the 20 mg cap"): the patient's dose, not one called fine. */
export const EXCEEDS =
  /^\s*(?:\/\s*(?:day|d|日|天)|a day|daily|每日|每天)?\s*(?:(?:already\s+)?(?:exceeds|is above|is over|is more than|is too high)|已?超过|已?超出|高于)/i;

/** An ejection fraction below 40 % ("射血分数 30%", "LVEF of 35%"): HFrEF (REFERENCE §5.2 non-DHP CCB row: LVEF <40%). */
export function reducedEjection(text: string): boolean {
  const m = /(?:射血分数|\bLVEF|\bEF\b|ejection fraction)[^0-9。.;；]{0,12}?(\d{1,2})\s*%/i.exec(text);
  return !!m && Number(m[1]) < 40;
}

/**
 * Whether some mention of the condition word is affirmed for the patient: not denied right before it ("现在没有怀孕",
 * "not pregnant", "no longer"); pregnancy is a current state, so a past one ("以前怀孕时", "previous pregnancy") does
 * not count (a history of angioedema does).
 */
export function affirmedAt(lower: string, key: string, id: string): boolean {
  for (let at = lower.indexOf(key), n = 0; at >= 0 && n < 4; at = lower.indexOf(key, at + key.length), n++) {
    const before = lower.slice(Math.max(0, at - 12), at);
    if (/(?:没有|未|无|不再|\bnot|\bno longer|\bnever|isn't|aren't|wasn't)\s*(?:a\s+|an\s+)?$/.test(before))
      continue;
    if (id === 'pregnancy' && /(?:以前|曾经|之前|上次|previous|prior|past|earlier|last)\s*$/.test(before))
      continue;
    if (riskWordAt(lower, at, key)) continue;
    return true;
  }
  return false;
}

/** An interaction denied outright ("don't interact", "这两个药之间没有明显影响", "没有相互作用"). */
export const NO_INTERACTION = relationRegex('no-interaction');
/** More safe wordings: "都没有关系", "needs no extra monitoring", "无需额外监测". */
export const SAFE_MORE_WORDS =
  /(?:都|也)?没(?:有)?关系|\bno (?:extra |additional |special )?monitoring\b|needs? no (?:extra |additional )?(?:potassium |K\+ |K⁺ )?(?:checks?|monitoring)|无需(?:额外)?监测|不需要(?:额外)?(?:监测|查)/i;
/** A list said to be fine item by item ("氯化钾、低钠盐都没有关系", "A and B are both fine"): each is combined with what
 * the patient takes, not a list of alternatives. */
export const EACH_FINE =
  /、[^，,。;；]*(?:都|均)(?:没(?:有)?关系|可以|没问题|不影响|没(?:有)?影响)|\b(?:are|is) both fine\b|\bboth (?:are )?(?:fine|ok(?:ay)?|safe)\b/i;
/** An absolute prohibition of a combination. */
export const ABSOLUTE =
  /\bmust never\b|\bnever be (?:co-?prescribed|combined|given together|used together)|\bhard[- ]stop|\bcontraindicated (?:pair|combination)\b|\babsolutely contraindicated\b|绝对禁(?:止|用|忌)|(?:绝对|决|绝|永远)不(?:能|可|可以)(?:合用|联用|一起用|同用|同时使用|联合使用)|\bunder no circumstances\b|禁止(?:联用|合用|同时使用)|严禁|禁忌组合/i;
/** A drug named as absent ("even without a diuretic", "不加利尿剂"): not a member of the combination. */
export const ABSENT_BEFORE =
  /\b(?:without|minus)\s+(?:a |an |any |the )?$|(?:不加|没有加|未加|不合用|不联用)\s*$|[（(，,]\s*(?:无|没有|不含|未用|未合用)\s*$/i;

/** Stopping both: the drug stopped first ("先把可乐定逐渐减停，几天后再停美托洛尔", "stop clonidine first, then …"). */
export function stopFirstIn<T extends { start: number; end: number }>(
  text: string,
  entities: T[],
): T | undefined {
  if (entities.length < 2) return undefined;
  if (SWITCH.test(text) && WASHOUT_START.test(text) && washoutIn(text) !== undefined) return undefined;
  const zh = /先(?:把|将)?\s*$/;
  const en = /^\s*(?:first\b|before\b)/i;
  const stopBefore = /(?:\bstop(?:ping)?|\btaper(?:ing)?|\bwithdraw(?:ing)?|\bdiscontinu\w*)\s+(?:the\s+)?$/i;
  for (const e of entities) {
    const before = text.slice(Math.max(0, e.start - 12), e.start);
    const after = text.slice(e.end, e.end + 14);
    if (zh.test(before) && /^[^，,。;；]{0,8}?(?:停|减停|撤)/.test(after)) return e;
    if (/先停(?:用|掉)?\s*$/.test(before)) return e;
    if (stopBefore.test(before) && en.test(after)) return e;
  }
  return undefined;
}

/**
 * A clause's polarity for drug statements: a negated qualifier ("未安装起搏器者") does not deny the harm word after
 * it; an absolute prohibition is a harm; "常用的是/preferred" lists, a denied interaction and "没有关系" are safe.
 */
export function clausePolarity(t: string): 'safe' | 'unsafe' | undefined {
  const x = withoutNegatedQualifiers(t);
  if (polarity(x)) return polarity(x);
  if (ABSOLUTE.test(x)) return 'unsafe';
  return recommendedIn(x) || NO_INTERACTION.test(x) || SAFE_MORE_WORDS.test(x) ? 'safe' : undefined;
}

/** Serum potassium (mmol/L) above which it is hyperkalaemia under either cut-off REFERENCE §5.2 gives (>5.0, >5.5). */
export const HYPERKALAEMIA_ABOVE = 5.5;
/** "Adding spironolactone to his ramipril": the drug added to is not the one started. */
export const ADDED_TO = /\bto\s+(?:his|her|your|their|the)?\s*$/i;

/** "不需要调整剂量", "no dose adjustment is needed", "the usual dose is fine". */
export const NO_ADJUSTMENT =
  /(?:不需要?|无需|不必|不用)(?:调整|减少|减)(?:剂)?量|(?:剂量)?无需调整|no (?:renal |dose |dosage )?(?:adjustment|reduction)|(?:does not|doesn't|do not|don't) (?:need|require) (?:a |any )?(?:renal |dose |dosage )?(?:adjustment|reduction)|without (?:dose )?adjustment|full (?:usual )?dose/i;

/** Advice addressed to the patient ("for your back pain", "您可以…"). */
export const ADDRESSED =
  /\b(?:you|your|him|her|his|the patient)\b|您|你|降压药|\b(?:blood pressure|BP|antihypertensive) (?:medicines?|medications?|pills?|drugs?|tablets?)\b/i;

/** A sentence about the patient ("患者有痛风病史", "The patient has gout"). */
export const PATIENT =
  /患者|病人|病史|既往|合并|patient|history of|has\b|had\b|known|^\s*(?:她|他)(?:现在|已经|目前)?(?:有|患有|怀孕|妊娠|确诊)|\b(?:she|he)\s+(?:has|had|was diagnosed|developed|is\s+(?:now\s+)?(?:about\s+)?(?:\d+\s+weeks?\s+)?pregnant)\b/i;

/** The patient has, had or developed the condition named in the sentence. */
export const OWN_CONDITION =
  /^\s*(?:you're|you are|you have|you've)\b|\byou(?:'ve|'re| have| are| had| were)?\s+(?:now\s+|already\s+)?(?:developed|had|have|has|got|are|were)\b|(?:您|你|患者)(?:目前|现在|已经)?(?:有|患有|出现|发生了?|怀孕|曾)/i;

/** A medicine the patient takes said fit to continue ("可以继续使用", "can be continued"): a claim about it under the
 * patient's condition, like a new start. */
export const CONTINUED =
  /(?<![不别勿])(?:可以|可|能)继续(?:使用|服用|吃|用)?|\b(?:can|may|should) (?:still )?(?:be )?continu|\b(?:can|may) (?:safely |still )?(?:stay|remain) on\b/i;
