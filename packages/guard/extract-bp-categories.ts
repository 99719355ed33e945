/**
 * Blood-pressure category words in a sentence, in order, each with whether it is denied ("not stage 1", "不属于"):
 * stages (stage 1/2, 1期), grades (grade 1–3, Roman numerals, 1级/一级), high-normal, optimal, elevated, normal,
 * and the generic "hypertension".
 */
/** The copula before a bare "升高" ("即为升高", "已经升高"). */
const BARE_RAISED_BEFORE = /(?:即为|即是|就是|就算|即算|即|为|属于|已经|已|算|都|均)\s*$/;
/** A laboratory or other value named right before "升高"/"elevated". */
const OTHER_VALUE_BEFORE =
  /(?:肌酐|血钾|钾|血糖|尿酸|血脂|胆固醇|心率|脉搏|体重|尿蛋白|蛋白尿|转氨酶|白蛋白)[^，,。；;\d]{0,6}$|\b(?:potassium|K\+|creatinine|glucose|sugar|heart rate|pulse|cholesterol|lipids?|enzymes|ALT|AST|uric acid|albumin(?:uria)?|ACR|weight)\s+(?:(?:is|was|are|were|remains?|stays?|still|also|slightly|mildly|markedly|now)\s+)*$/i;
/** Out-of-office settings named in a sentence. */
const OUT_OF_OFFICE =
  /动态|家庭|家测|自测|日间|白天|夜间|24\s*小时|\bambulatory\b|\bABPM\b|\bhome\b|\bdaytime\b|\bday(?:-time)?\b|\bnight(?:-?time)?\b|\b24[- ]?h(?:ou)?r?\b|\bHBPM\b/i;
const CN_DIGIT: Record<string, string> = { 一: '1', 二: '2', 三: '3' };

interface CategoryHit {
  category: string;
  negated: boolean;
  at: number;
}

/** Category words in a sentence, in order. */
export function categoriesIn(text: string): CategoryHit[] {
  // Quotation marks around a category word ('counts as "normal"') are read as spaces (same offsets).
  const t = text.normalize('NFKC').replace(/["“”‘’「」『』]/g, ' ');
  const hits: { at: number; category: string }[] = [];
  // Roman numerals ("grade II", "Ⅱ级" — NFKC turns Ⅱ into II) count as digits.
  const roman = (x: string) => (/^I+$/i.test(x) ? String(x.length) : (CN_DIGIT[x] ?? x));
  // "≥140/90 为2期", "属于1期": a bare 期 after 为/属于/是 or a colon is an ACC/AHA stage (never a CKD stage).
  for (const m of t.matchAll(/stage\s*([12]|I{1,2})\b|([12一二]|I{1,2})\s*期(\s*高血压)?/gi)) {
    const at = m.index as number;
    if (m[2] && !m[3]) {
      const end = at + m[0].length;
      if (!/^[12一二]$/.test(m[2]) || /^[\d个周天月年]/.test(t.slice(end, end + 1))) continue;
      if (!/(?:为|属于|属|是|算|[:：])\s*$/.test(t.slice(Math.max(0, at - 4), at))) continue;
      if (
        /(?:CKD|GFR|KDIGO|肾病|肾脏病|慢性肾病|肾功能)[^。；;]{0,12}$/i.test(
          t.slice(Math.max(0, at - 20), at),
        )
      )
        continue;
    }
    hits.push({ at, category: `stage-${roman((m[1] ?? m[2]) as string)}` });
  }
  for (const m of t.matchAll(/grade\s*([123]|I{1,3})\b|([123一二三]|I{1,3})\s*级\s*(?:高血压)?/gi))
    hits.push({ at: m.index as number, category: `grade-${roman((m[1] ?? m[2]) as string)}` });
  for (const m of t.matchAll(/high[- ]normal|正常高值/gi))
    hits.push({ at: m.index as number, category: 'high-normal' });
  for (const m of t.matchAll(/\boptimal\b|理想血压/gi))
    hits.push({ at: m.index as number, category: 'optimal' });
  // A sentence about an out-of-office value only ("Her daytime mean … is elevated", "白天动态血压平均≥135/85即为升高"):
  // out of the office there is no "elevated" category — raised means that setting's hypertension (read lazily).
  let outOfOffice: boolean | undefined;
  const outOnly = () =>
    (outOfOffice ??=
      OUT_OF_OFFICE.test(t) && !/诊室|\boffice\b|\bclinic\b/i.test(t.replace(/out[- ]of[- ]office/gi, '')));
  if (/elevated|升高/i.test(t))
    for (const m of t.matchAll(
      /\belevated\b(?!\s+(?:risk|potassium|k\b|creatinine|levels?|liver|glucose|blood sugar|heart))|血压升高|升高/gi,
    )) {
      const at = m.index as number;
      // A bare "升高" after a copula is a category only in a sentence about an out-of-office value.
      if (m[0] === '升高' && (!BARE_RAISED_BEFORE.test(t.slice(Math.max(0, at - 6), at)) || !outOnly()))
        continue;
      // "血肌酐已经升高", "potassium is elevated": another value raised, not the pressure.
      if (OTHER_VALUE_BEFORE.test(t.slice(Math.max(0, at - 24), at))) continue;
      hits.push({
        at,
        // "动态血压升高", "家庭血压升高": raised pressure in an out-of-office setting is that setting's hypertension,
        // not the office category "elevated".
        category:
          /(?:动态|家庭|家测|自测|日间|白天|夜间|24\s*小时)$/.test(t.slice(Math.max(0, at - 4), at)) ||
          outOnly()
            ? 'hypertension'
            : 'elevated',
      });
    }
  // "normal" only where it names the category: "normal blood pressure", "normal range", "is/as/says normal",
  // "分类：normal", "normal is 120–129" (never "normal renal function"); literal first, context checked after.
  // "属于正常", "是正常的", "都正常": the category in Chinese after a copula (never "正常高值", "正常波动"); a bare
  // "，正常）" in a table row ("夜间均值118/68（阈值≥120/70，正常）").
  for (const m of t.matchAll(
    /\bnormal\b|正常血压|正常(?:值)?范围|正常水平|(?<=[，,（(：:]\s*)正常(?=\s*(?:[）)，,；;。]|$))|(?<=(?:属于|属|算是?|是|为|都|均|也|还|仍|→|->|=>|⇒)\s*)正常(?!高|值|范围|水平|血压|的?(?:波动|现象|反应|变化|生理|功能|饮食|作息|心|肾|窦))/gi,
  )) {
    const at = m.index as number;
    if (m[0].toLowerCase() === 'normal') {
      const before = t.slice(Math.max(0, at - 24), at);
      const after = t.slice(at + 6, at + 30);
      if (/high[- ]$/i.test(before)) continue;
      const named =
        /^\s+(?:blood pressure|bp|category)\b/i.test(after) ||
        /^\s+(?:range|category)/i.test(after) ||
        // "splits it into normal (120–129/80–84) and high-normal (…)": the category with its values in brackets.
        /^\s*[(（]\s*[<≤≥>]?\s*\d{2,3}\s*(?:[–-]|\/)/.test(after) ||
        (/[:：→]\s*$/.test(before) && !/^\s*(?:renal|kidney|potassium|sinus|saline|eGFR|GFR)/i.test(after)) ||
        /(?:称为|称作|叫做|叫作|另称|名为|定义为)\s*$/.test(before) ||
        /\b(?:is|are|as|be|considered|classified as|counts as|corresponds? to|says?|calls? it|rates? it|labels? it)\s+(?:still\s+|also\s+|just\s+|only\s+|now\s+|actually\s+|already\s+|perfectly\s+|completely\s+|entirely\s+)?$/i.test(
          before,
        ) ||
        (/^\s*(?:is|are|means|:|=)\s*\d/i.test(after) &&
          !/^[- ](?:high|renal|kidney|potassium|sinus|saline)/i.test(after));
      if (!named) continue;
    }
    hits.push({ at, category: 'normal' });
  }
  // "counts as high (from …)": the diagnostic threshold in plain words.
  // "≥130/80 才算高", "就算高", "不算高": the threshold in plain Chinese words.
  for (const m of t.matchAll(
    /hypertension|hypertensive|高血压|\bhigh\b(?![- ]normal)|(?<=算(?:是)?)高(?![血压值危])/gi,
  )) {
    const at = m.index as number;
    if (
      m[0].toLowerCase() === 'high' &&
      !/\b(?:counts?|counted|considered|classed|classified) as\s+$/i.test(t.slice(Math.max(0, at - 20), at))
    )
      continue;
    if (!hits.some((h) => Math.abs(h.at - at) < 14)) hits.push({ at, category: 'hypertension' });
  }
  const sorted = hits.sort((a, b) => a.at - b.at);
  const out: CategoryHit[] = [];
  for (const h of sorted) {
    const prev = out[out.length - 1];
    // "并不是“血压升高（elevated）”", "is not 'elevated' (血压升高)": a gloss in brackets right after a category word
    // is the same mention and shares its denial.
    const gloss = prev && GLOSS.test(t.slice(prev.at, h.at));
    out.push({
      at: h.at,
      category: h.category,
      negated: gloss ? prev.negated : DENIED_BEFORE.test(t.slice(Math.max(0, h.at - 24), h.at)),
    });
  }
  return out;
}

/** A category word denied by the words right before it ("not", "不是", "不能按收缩压判为", "cannot be called"). */
const DENIED_BEFORE =
  /(\bnot( yet)?( in)?( the)?|\bno longer|isn't|不属于|不是|未达到|尚未|没有达到|不算|不会被(?:视为|认为|诊断为|当作)|不被(?:视为|认为)|(?:不能|不可|不应|不宜|不该)(?:被)?(?:按\S{1,5})?(?:判为|判定为|归为|归入|算作|算为|算|视为|定为|诊断为|称为)|(?:is|are|would be) not (?:considered|counted as|classed as|called)|(?:cannot|can't|should not|shouldn't|must not) be (?:called|classed as|classified as|considered|counted as|labell?ed(?: as)?))\s*(a |an )?["“”'‘’「」『』]?$/i;
/** The text from one category word to the next is that word and a bracketed gloss ("血压升高（elevated", "elevated (血压升高"). */
const GLOSS = /^[^\s（(，,；;。]{1,20}\s*["“”'‘’「」『』 ]*\s*[（(]\s*["“”'‘’「」『』 ]*$/;
