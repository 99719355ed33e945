/**
 * Frame words of blood-pressure sentences found by the sixth and seventh independent answer sets (issue 18): the
 * patient's age in copilot shorthand ("At 75,", "74F", "76M"), a denied condition ("无 CKD", "no CKD"), a staged
 * target ("first below 150/90, then to 140/90 if tolerated"), a target a guideline "wants", and a denied change
 * ("未下调至 130/80", "was not lowered to 130/80"). Only words are read here; every number comes from the sentence.
 */

/** Cheap test before ageShorthand: a two-digit number before F/M/yo/岁…男/女, or "at" at the start. */
export const SHORTHAND_HINT = /\d\d\s?(?:F|M|y|岁)|^\s*(?:at|aged)\s|\bage\b|\d\d\s*(?:男|女)/i;

/** The age in copilot shorthand or at the head of a sentence: "At 75, …", "74F", "76 M", "68 yo", "at age 70". */
export function ageShorthand(text: string): number | undefined {
  const t = text.normalize('NFKC');
  const m =
    /^\s*(?:at|aged)\s+(\d{2})\s*[,，]|\bat (?:the )?age (?:of )?(\d{2})\b|(?<![\w./-])(\d{2})\s?(?:F|M|yo|y\/o|y\.o\.)(?![\w/])|(?<![\w./-])(\d{2})\s*(?:岁)?\s*(?:男|女)(?:性)?(?:患者)?[,，。]/i.exec(
      t,
    );
  if (!m) return undefined;
  const age = Number(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return age >= 18 && age <= 105 ? age : undefined;
}

/** A condition the sentence denies the patient: "无 CKD", "no CKD", "without chronic kidney disease". */
export const NO_CKD =
  /(?:无|没有|不伴|未合并)\s*(?:CKD|慢性肾(?:脏)?病)|\b(?:no|without|not)\s+(?:known\s+)?(?:CKD|chronic kidney disease)\b/i;

/** "… and then to 130/80", "further to", "再降至", "进一步降到": the later step of a staged target. */
export const THEN_TO =
  /(?:\bthen|\bfurther|\band then|\bsubsequently|\blater)\s+(?:\w+\s+){0,3}?(?:to|below|under)\s*(?:<\s*)?$/i;

/** "the guideline wants your blood pressure below …", "recommends keeping it under …". */
export const WANTS_BELOW =
  /\b(?:wants?|would like|recommends?|advises?|asks?|expects?|needs?|requires?)\s+(?:\w+\s+){0,4}?(?:below|under|less than|lower than|<)/i;

/** A change the sentence denies: the value after it is what the guideline did NOT adopt. */
export const DENIED_CHANGE_BEFORE =
  /(?:未|没有|并未|并没有|没)(?:被)?(?:下调|上调|调整|降低|降|改|修改|改变|更改)(?:至|到|为|成)?\s*(?:<|≥)?\s*$|\b(?:not|never|n't|wasn't|weren't)\s+(?:been\s+)?(?:lowered|changed|reduced|raised|moved|revised|cut|dropped)\s+(?:\w+\s+){0,3}?to\s*(?:<|≥)?\s*$/i;

/** Whether position `at` lies inside brackets ("1级高血压（DBP 90–99）": a band explaining the category). */
export function inBrackets(t: string, at: number): boolean {
  const open = Math.max(t.lastIndexOf('(', at), t.lastIndexOf('（', at));
  if (open < 0) return false;
  const close = Math.max(t.lastIndexOf(')', at), t.lastIndexOf('）', at));
  return close < open;
}

/** A sentence that opens with its category, after at most a label ("分级：1级高血压（…）", "ACC/AHA 2017: elevated
 * BP (…)", "Stage 1 (…)"): in copilot shorthand it classifies the reading of the sentence before. */
export const CATEGORY_FIRST =
  /^\s*(?:[^。.:：;；]{0,30}[:：]\s*)?(?:hypertension\s+)?(?:stage\s*(?:[12]|I{1,2})\b|grade\s*(?:[123]|I{1,3})\b|[123一二三]\s*[级期]|high[- ]normal|正常高值|optimal|理想血压|elevated|normal\b|正常血压)(?!(?:\s*高血压)?[^，,。；;:：]{0,8}(?:者|患者|病人|人群)|(?:\s*hypertension)?\s+(?:patients|people|adults|individuals))/i;

/** Words that give the whole reading its category after per-pressure statements ("收缩压属于2级，舒张压属于3级，因此
 * 总体属于3级", "overall grade 2", "按较高级别判为…"). */
const OVERALL_BEFORE =
  /(?:因此|所以|故|综合|总体|整体|按较高|取较高|以较高|按较低|取较低|以较低|诊断为|判为|判定为|\bthe lower (?:category|grade|stage)\b|\boverall\b|\btaken together\b|\bthe higher (?:category|grade|stage)\b|\btherefore\b|\bso\b)[^。.;；,，]{0,14}$/i;

/** The position of the category that is stated for the whole reading after per-pressure statements, or -1. */
export function overallCategoryAt(t: string, cats: { at: number; category: string }[], from = 0): number {
  const c = cats.find(
    (x) => x.at > from && x.category !== 'hypertension' && OVERALL_BEFORE.test(t.slice(from, x.at)),
  );
  return c ? c.at : -1;
}

/** Per-pressure talk ("SBP <120 但 DBP 86"): a contrast between the two pressures of the same reading. */
export const AXIS_TALK = /\b(?:SBP|DBP|systolic|diastolic)\b|收缩压|舒张压|高压|低压/i;

/** A value or category credited to a guideline the guard carries ("comes from the ESH 2023 guideline", "来自中国2018
 * 指南"): the source is named, so the attribution itself can be checked. */
export const FROM_CARRIED =
  /(?:comes? from|came from|is from|taken from|originat\w* (?:in|from)|来自|源自|出自)\s*(?:the\s+)?(?:(?:ACC\s*\/\s*AHA|ESH)\s*20(?:17|23)\b|20(?:17|23)\s*(?:ACC\s*\/\s*AHA|ESH)|(?:中国|China|Chinese)[^，。,.;；]{0,16}20(?:18|24)|20(?:18|24)[^，。,.;；]{0,12}(?:中国|China|Chinese))/i;

/** The sentence names a category as a guideline's own term: "defines X as", "calls … 'X'", "把…称为", "the 'X'
 * category comes from G", a quoted category word. */
export const NAMES_CATEGORY =
  /\b(?:defines?|defined|calls?|called|terms?|termed|labels?|labell?ed|names?|named|uses? the (?:term|label|category)|categori[sz]es?|classif(?:y|ies)|grades?|stages?)\b[^.]{0,60}\b(?:as|into)\b|\b(?:calls?|called|termed|labell?ed|named)\b|称为|称作|定为|列为|归为|划为|叫做|叫作|命名为|定义为|定义|分为|分级为|划分为|["“”「」『』]/i;

/** A target the sentence denies, before the value ("advises against going below", "不建议降到", "不必强求140/90以下")
 * or after it ("is not enough", "还不够"). */
export const DENIED_TARGET_BEFORE =
  /(?:\b(?:advises?|recommends?|warns?|cautions?) against|\bnot recommended to|\bdoes not (?:recommend|require|ask for)|\bno need to|不建议|不推荐|不必|无需|不需要|没必要)(?:(?:强求|非要|一定要?|刻意|硬要)(?:\s*(?:把血压|血压))?|(?:强求|非要|一定要?|刻意|硬要)?\s*(?:\S+\s+){0,4}?(?:below|under|to|降到|降至|低于|控制在|达到))\s*$/i;
export const DENIED_TARGET_AFTER =
  /^\s*(?:mmHg)?\s*(?:以下|之下)?\s*(?:(?:is|are) not (?:enough|sufficient|low enough|adequate|the target)|isn't (?:enough|low enough)|(?:还|仍然)?(?:不够|是不够的|不足够|不达标即可))/i;

/** A sentence that denies a bound is enough ("<140/90 is not enough", "140/90 以下还不够") talks about targets. */
export const NOT_ENOUGH =
  /\b(?:is|are) not (?:enough|sufficient|low enough)|\bisn't (?:enough|low enough)|还不够|是不够的|不足够/i;
/** A name given to the value just before ("称为", "另称", "is called", "termed"). */
export const NAMED_AS =
  /^\s*(?:mmHg)?\s*(?:则|另|又|也|就|被)?(?:称为|称作|称|叫做|叫作|叫|名为|定义为|is called|are called|called|termed|labell?ed|named)\s*["“'‘「]?\s*$/i;

/** Words that refer back to every reading just given ("both", "这两个数都…"). */
export const BACK_TO_ALL =
  /\bboth\b|\ball (?:of )?(?:them|these|those|the (?:readings|numbers|values))\b|两个|两者|二者|都属于|均属于|都是|均为/i;
/** Words that refer back to the reading just given ("your home readings are normal"). */
export const BACK_TO_READINGS =
  /\byour (?:\w+ ){0,2}(?:readings?|values?|numbers?|averages?|pressures?)\b|\b(?:these|those|they)\b/i;

/** "130/84 is high-normal, while 129/84 is still …": a category between two readings is the first one's; a reading
 * with no category word of its own after it is not given it — unless it is a threshold led by that category. */
export function unowned(
  t: string,
  v: { at: number },
  c: {
    ranged: boolean;
    catAfter: unknown;
    own: { at: number } | undefined;
    catBefore: unknown;
    prevValueEnd: number;
    isThreshold: boolean;
  },
): boolean {
  return (
    !c.ranged &&
    !c.catAfter &&
    !!c.own &&
    c.own === c.catBefore &&
    c.prevValueEnd > 0 &&
    !ownLead(t, c.own, v, c.isThreshold)
  );
}

/** A threshold led by its own category ("…，3级为≥180/110", "grade 3 starts at ≥180/110"): the category is the
 * threshold's even after another value (a reading with its category before it is not given it). */
export function ownLead(t: string, own: { at: number }, v: { at: number }, isThreshold: boolean): boolean {
  return (
    isThreshold &&
    /^\S{1,12}?\s*(?:高血压|hypertension)?\s*(?:为|是|[:：]|is|are|starts? at|begins? at|from|从)?\s*(?:≥|>=|>|at least)?\s*$/i.test(
      t.slice(own.at, v.at),
    )
  );
}
