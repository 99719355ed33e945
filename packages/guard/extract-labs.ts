/**
 * KDIGO GFR categories stated with an eGFR value or range (REFERENCE §4.3), in Chinese or English. The unit
 * "mL/min/1.73 m²" is removed first so its digits are never read as values; each category token is paired with
 * the nearest eGFR expression in its own clause.
 */
import { REFERS_TO_VALUE } from './discourse-entities.ts';
export interface GfrStatement {
  stage: string;
  low: number;
  high?: number;
  /** 'top': "G3b starts below 45" — the category begins just under the number (its upper edge). */
  form: 'value' | 'range' | 'at-least' | 'below' | 'top';
}

const UNIT = /m[lL]\s*\/\s*min(?:\s*(?:\/|per)\s*1[.,]73\s*(?:m\s*(?:2|²|\^2)|平方米))?/g;
const STAGE = /(?<![A-Za-z0-9])(G[1-5][ab]?)(?![A-Za-z0-9])/gi;
const STAGE_TEST = /(?<![A-Za-z0-9])G[1-5][ab]?(?![A-Za-z0-9])/i;
// Whole numbers only: the digits of a year ("ACC/AHA 2017", "CKD-EPI 2021") are never read as "201" and "7".
const EXPR =
  /(≥|>=|≧|at least|above|over|以上|大于等于|<|＜|below|under|less than|低于|小于)?\s*(?<![\d.])(\d{1,3}(?:\.\d+)?)(?!\d|\.\d)(?:\s*(?:[–—\-~～]|to|至|到)\s*(\d{1,3}(?:\.\d+)?)(?!\d|\.\d))?\s*(以上|以下|or (?:more|above|higher)|or below)?/gi;
/** "G3b starts below 45", "G4 begins under 30", "G2 从低于 90 开始": the category's upper edge. */
const STARTS_BELOW =
  /(?:starts?|begins?)\s+(?:at\s+)?(?:below|under|less than)\s*$|从\s*(?:低于|小于|<)\s*$/i;

/** A distance to a bound: "差1就到45", "离45还差1", "one short of 45", "2 points away from 60". */
const DISTANCE =
  /差\s*[\d一二两三]+(?:\.\d+)?\s*(?:就|才)?(?:到|达到|够|是)?\s*\d+(?:\.\d+)?|离\s*\d+(?:\.\d+)?\s*(?:还|只)?差\s*[\d一二两三]+(?:\.\d+)?|\b(?:one|two|three|\d+(?:\.\d+)?)\s*(?:points?|units?)?\s*(?:short of|away from|shy of)\s*\d+(?:\.\d+)?/gi;

/** "CKD stage 3b", "CKD 3b期", "慢性肾脏病4期" name the KDIGO GFR category ("CKD stage 3" = G3a or G3b). */
const ckdStageWords = (t: string): string =>
  t.replace(
    /\bCKD\s*(?:stage\s*)?([1-5](?:[ab](?![A-Za-z]))?)(?:\s*期)?(?!\d|\.\d)|慢性肾(?:脏)?病\s*([1-5][ab]?)\s*期/gi,
    (_m, a?: string, b?: string) => ` G${(a ?? b ?? '').toLowerCase()} `,
  );

export function gfrStatements(text: string): GfrStatement[] {
  // Albuminuria categories ("G1 A1") are not eGFR values.
  const t = ckdStageWords(
    text
      .normalize('NFKC')
      .replace(UNIT, ' ')
      // "G3bA1", "G2A3": the albuminuria half of a combined code.
      .replace(/(?<![A-Za-z0-9])(G[1-5][ab]?)\s*A[1-3](?![A-Za-z0-9])/gi, (m, g: string) =>
        g.padEnd(m.length),
      )
      .replace(/(?<![A-Za-z0-9])A[1-3](?![A-Za-z0-9])/g, '  ')
      // "差1就到45", "one short of 45": a distance to a bound holds no value of the patient's.
      .replace(DISTANCE, (m) => ' '.repeat(m.length)),
  );
  if (!/GFR|KDIGO|肾小球滤过率|\bG[1-5]/i.test(t)) return [];
  const words = kdigoStageWords(t);
  const out = statementsIn(words);
  // "eGFR 约 27，按 KDIGO 属 G3b（30–44）": the band in brackets explains the category (read above); the value
  // stated before it is classified too.
  const unbanded = words.replace(BAND_AFTER_STAGE, '$1 ');
  if (unbanded !== words)
    for (const s of statementsIn(unbanded))
      if (!out.some((o) => o.stage === s.stage && o.low === s.low && o.form === s.form)) out.push(s);
  return out;
}

/**
 * "KDIGO stage 3b", "按KDIGO分期属于第4期": in a sentence about GFR/KDIGO, a stage number without the G names the
 * GFR category — unless it is a hypertension stage or grade ("stage 1 hypertension", "1级").
 */
function kdigoStageWords(t: string): string {
  if (!/KDIGO|GFR|肾小球滤过率/i.test(t)) return t;
  return t
    .replace(
      /\bstage\s+([1-5][ab]?)\b(?!\s*(?:\(|（)?\s*(?:hypertension|HTN|high blood pressure))/gi,
      (_m, s: string) => ` G${s.toLowerCase()} `,
    )
    .replace(
      /(?<![A-Za-z0-9.])第?([1-5][ab]?)\s*期(?!\s*高血压)/g,
      (_m, s: string) => ` G${s.toLowerCase()} `,
    );
}

function statementsIn(t: string): GfrStatement[] {
  const out: GfrStatement[] = [];
  const clauses = t.split(/[,，;；。]|\band\b|而|，/);
  for (let ci = 0; ci < clauses.length; ci++) {
    let clause = clauses[ci] as string;
    // "With an eGFR of 95, the KDIGO category is G2": a stage-only clause takes the previous clause's value.
    if (ci > 0 && !/\d/.test(clause.replace(STAGE, '')) && !STAGE_TEST.test(clauses[ci - 1] as string))
      clause = `${clauses[ci - 1]} ${clause}`;
    const read = (text: string) => {
      const stages = [...text.matchAll(STAGE)].map((m) => ({
        at: m.index as number,
        end: (m.index as number) + m[0].length,
        stage: `G${(m[1] as string).slice(1).toLowerCase()}`,
      }));
      if (stages.length !== 1) return undefined;
      const s = stages[0]!;
      const exprs = [...text.matchAll(EXPR)]
        .filter((m) => !(m.index! >= s.at && m.index! < s.end))
        .filter((m) => {
          const v = Number(m[2]);
          return (
            v >= 0 &&
            v <= 200 &&
            !/^\s*(?:mmol|mg|mmHg|%|岁|years?|months?|个月|月|weeks?|周|days?|天|h\b|hours?|小时)/i.test(
              text.slice(m.index! + m[0].length),
            )
          );
        });
      return { s, exprs };
    };
    let r = read(clause);
    // A stage clause without a value takes the previous clause's ("Your eGFR is 58, which is G3a …").
    if (r && !r.exprs.length && ci > 0 && !STAGE_TEST.test(clauses[ci - 1] as string)) {
      clause = `${clauses[ci - 1]} ${clause}`;
      r = read(clause);
    }
    if (!r) continue;
    const { s, exprs } = r;
    if (!exprs.length) continue;
    // A stage in brackets right after a value labels that value ("eGFR约63（G2）但CrCl约31"): that value's entity;
    // otherwise the nearest expression after the stage, else before it.
    const labelled = /[(（]\s*$/.test(clause.slice(0, s.at))
      ? exprs.find((m) =>
          /^\s*(?:mL\/min(?:\/1\.73\s*m[²2])?)?\s*[(（]\s*$/i.test(
            clause.slice(m.index! + m[0].length, s.at),
          ),
        )
      : undefined;
    const after = exprs.find((m) => m.index! >= s.end);
    const m = labelled ?? after ?? exprs[exprs.length - 1]!;
    const pre = (m[1] ?? '').toLowerCase();
    const post = (m[4] ?? '').toLowerCase();
    const low = Number(m[2]);
    if (!m[3] && m.index! >= s.end && STARTS_BELOW.test(clause.slice(s.end, m.index! + (m[1] ?? '').length)))
      out.push({ stage: fixCase(s.stage), low, form: 'top' });
    else if (m[3]) out.push({ stage: fixCase(s.stage), low, high: Number(m[3]), form: 'range' });
    else if (/≥|>=|≧|at least|above|over|以上|大于/.test(pre) || /以上|more|above|higher/.test(post))
      out.push({ stage: fixCase(s.stage), low, form: 'at-least' });
    else if (/<|＜|below|under|less|低于|小于/.test(pre) || /以下|below/.test(post))
      out.push({ stage: fixCase(s.stage), low, form: 'below' });
    else out.push({ stage: fixCase(s.stage), low, form: 'value' });
  }
  return out;
}

const fixCase = (s: string) => s.replace(/^g/, 'G');

/** An albuminuria category stated with an ACR value or range ("ACR 250 mg/g is A2", "A3: >300 mg/g"). */
export interface AcrStatement {
  stage: 'A1' | 'A2' | 'A3';
  low: number;
  high?: number;
  unit: 'mg/g' | 'mg/mmol';
  /** "below 30", "> 300", "≥ 30": a bound, not a value. */
  bound?: 'below' | 'above' | 'at-least';
  /** The category comes first ("A3 >300 mg/g", "A3：≥300"): the bound is said to be its edge. */
  edge?: boolean;
}

// "A2", and the albuminuria half of a combined code ("G2A2").
const A_STAGE = /(?:(?<![A-Za-z0-9])|(?<=(?<![A-Za-z0-9])G[1-5][ab]?))A([123])(?![A-Za-z0-9])/g;
const ACR_VALUE =
  /(<|＜|≤|below|under|less than|低于|小于|>|＞|above|over|more than|greater than|高于|大于|超过|≥|>=|at least|不低于)?\s*(\d+(?:\.\d+)?)(?:\s*(?:[–—\-~～]|to|至|到)\s*(\d+(?:\.\d+)?))?\s*(mg\s*\/\s*g|mg\s*\/\s*mmol|毫克\s*\/\s*克)/gi;

export function acrStatements(text: string): AcrStatement[] {
  const t = text.normalize('NFKC');
  // Also categories A1–A3 with an ACR unit ("A1 <3，A2 3–30，A3 >30 mg/mmol").
  if (
    !/ACR|albumin|白蛋白|蛋白尿/i.test(t) &&
    !(/(?<![A-Za-z0-9])A[123](?![A-Za-z0-9])/.test(t) && ACR_UNIT.test(t))
  )
    return [];
  const whole = acrIn(t);
  if (whole) return whole;
  // "ACR 42 mg/mmol is A2, while A3 begins above 300 mg/mmol": two statements, read clause by clause.
  // "按mg/mmol计：A1 <3，A2 3–30，A3 >50 mg/mmol": one unit for the sentence reaches the values without one.
  const units = new Set(
    [...t.matchAll(ACR_VALUE)].map((m) => (/mmol/i.test(m[4] as string) ? 'mg/mmol' : 'mg/g')),
  );
  const unit = units.size === 1 ? [...units][0] : undefined;
  return t
    .split(/[,，;；]|\b(?:while|whereas|as|but)\b|而|但/i)
    .map((c) => (unit && !ACR_UNIT.test(c) ? c.replace(UNITLESS_AFTER_STAGE, `$1 ${unit}`) : c))
    .flatMap((clause) => acrIn(clause) ?? []);
}

function acrIn(t: string): AcrStatement[] | undefined {
  // One category named twice ("在A2范围（30–300以内算A2）") is one category.
  const stages = [...t.matchAll(A_STAGE)].filter((m, i, all) => all.findIndex((x) => x[0] === m[0]) === i);
  const values = [...t.matchAll(ACR_VALUE)];
  // One category and one value (or range) in the sentence: a ranged list of categories is left alone.
  if (stages.length !== 1 || values.length !== 1) return undefined;
  const v = values[0]!;
  const unit = /mmol/i.test(v[4] as string) ? 'mg/mmol' : 'mg/g';
  const pre = v[1] ?? '';
  const bound = /≥|>=|at least|不低于/i.test(pre)
    ? 'at-least'
    : /<|＜|≤|below|under|less|低于|小于/i.test(pre)
      ? 'below'
      : pre
        ? 'above'
        : undefined;
  return [
    {
      stage: `A${stages[0]![1]}` as AcrStatement['stage'],
      low: Number(v[2]),
      ...(v[3] ? { high: Number(v[3]) } : {}),
      unit,
      ...(bound ? { bound } : {}),
      ...(bound &&
      (stages[0]!.index as number) < (v.index as number) &&
      EDGE_WORDS.test(between(t, stages[0]!, v))
        ? { edge: true }
        : {}),
    },
  ];
}

const ACR_UNIT = /mg\s*\/\s*(?:g|mmol)|毫克\s*\/\s*克/i;
/** A category followed by a value or range without a unit ("A2 3–30", "A3 >50"). */
const UNITLESS_AFTER_STAGE =
  /((?<![A-Za-z0-9])A[123]\s*[:：]?\s*(?:[<>≥≤＜＞]|below|above|under|over)?\s*\d+(?:\.\d+)?(?:\s*[–—~-]\s*\d+(?:\.\d+)?)?)(?![\d.]|\s*[–—~-])/g;

/** Between a category and its bound only a copula or a colon ("A3 >300", "A3：≥300", "A3 is above 300", "A3为>300"). */
const EDGE_WORDS =
  /^\s*(?:[:：]|is|are|=|为|是|指|即|starts?|begins?|(?:is |are )?defined as|(?:starts?|begins?) (?:at|from)|从)?\s*(?:ACR\s*)?$/i;
const between = (t: string, a: RegExpMatchArray, b: RegExpMatchArray): string =>
  t.slice((a.index as number) + a[0].length, b.index as number);

/** A patient's ACR stated in a sentence ("尿白蛋白/肌酐比值是 28 mg/g", "urine ACR of 420 mg/g"). */
export function acrValueIn(text: string): { value: number; unit: 'mg/g' | 'mg/mmol' } | undefined {
  const m =
    /(?:ACR|白蛋白\s*\/\s*肌酐比值?|白蛋白肌酐比值?|albumin[- ]to[- ]creatinine ratio|albumin\/creatinine ratio)[^0-9。;；]{0,12}?(\d+(?:\.\d+)?)\s*(mg\s*\/\s*g|mg\s*\/\s*mmol)/i.exec(
      text.normalize('NFKC'),
    );
  return m ? { value: Number(m[1]), unit: /mmol/i.test(m[2] as string) ? 'mg/mmol' : 'mg/g' } : undefined;
}

/** "这属于", "this is", "that would be", "which is": the stage refers back to the value just stated. */
const BACK = /这|此|该值|\bthis\b|\bthat\b|\bwhich\b|\bit\b/i;
/** A sentence that starts with the classification label ("KDIGO G3a.", "分期：G3b", "CKD category: G4"): in
 * copilot shorthand it classifies the value of the sentence before. */
const LABEL_FIRST =
  /^\s*(?:KDIGO|CKD|GFR|G\s*分期|分期|分级|category)\s*(?:GFR\s*)?(?:category|分期|分级|stage)?\s*[:：]?\s*(?:=|→|->)?\s*G[1-5][ab]?(?![A-Za-z0-9])/i;
/** A band in brackets after the category ("G3a (45–59)", "G3b（30–44 mL/min）"). */
const BAND_NOTE = /[(（][^()（）]*\d[^()（）]*[)）]/g;
const BAND_AFTER_STAGE = /(G[1-5][ab]?\s*(?:期)?\s*)[(（][^()（）]*\d[^()（）]*[)）]/gi;

/**
 * A category stated in the sentence after the value, referring back to it ("您的 eGFR 为 45。按 KDIGO 分期，这属于
 * G3b 期。", "…an eGFR of roughly 71. Under KDIGO that would be G3a."): the claim frame carries the value of the
 * sentence before. Only one category, no other number, and a word that refers back.
 */
export function carriedLabStatements(
  text: string,
  before: { egfr?: number; acr?: { value: number; unit: 'mg/g' | 'mg/mmol' } },
): { gfr: GfrStatement[]; acr: AcrStatement[] } {
  const none = { gfr: [], acr: [] };
  if (before.egfr === undefined && !before.acr) return none;
  // "KDIGO G3a (45–59 band)": a band in brackets explains the category; it is not the patient's value.
  // "这属于慢性肾脏病3b期", "That puts her in CKD stage 4": a CKD stage in words is the G-category.
  const t = kdigoStageWords(ckdStageWords(text.normalize('NFKC').replace(BAND_NOTE, ' ')));
  if (!BACK.test(t) && !REFERS_TO_VALUE.test(t) && !LABEL_FIRST.test(t)) return none;
  const g = [...t.matchAll(STAGE)];
  const a = [...t.matchAll(A_STAGE)];
  const rest = t.replace(STAGE, ' ').replace(A_STAGE, ' ');
  if (/\d/.test(rest)) return none;
  if (g.length === 1 && !a.length && before.egfr !== undefined)
    return {
      gfr: [
        {
          stage: fixCase(`G${(g[0]![1] as string).slice(1).toLowerCase()}`),
          low: before.egfr,
          form: 'value',
        },
      ],
      acr: [],
    };
  if (a.length === 1 && !g.length && before.acr)
    return {
      gfr: [],
      acr: [{ stage: `A${a[0]![1]}` as AcrStatement['stage'], low: before.acr.value, unit: before.acr.unit }],
    };
  return none;
}
