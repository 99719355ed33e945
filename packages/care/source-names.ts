/**
 * A source as the reader's screen names it (issue 20: one language per screen). The engines cite each guideline
 * in its own language — "中国高血压防治指南 2018 (家庭血压监测)", "ESH 2023 (home BP monitoring)" — so a source
 * list ("A; B") is named part by part: a part in the table below in the reader's language, else the guideline's
 * name and "Table/Figure" rewritten, else as written. Pure.
 */
export type SourceLanguage = 'zh' | 'en';

type Pair = readonly [zh: string, en: string];

const CHINA = '中国高血压防治指南';
const CHINA_EN = 'Chinese Hypertension Guidelines';

/** Whole parts (after the edition's name is taken off, for the Chinese guideline's sections). */
const PARTS: Pair[] = [
  // Chinese guideline sections (blood-pressure, hypertension-care and cardiovascular-risk engines)
  ['血压水平分类和定义', 'BP levels: classification and definitions'],
  ['血压水平分类', 'BP classification'],
  ['高血压急症和亚急症', 'hypertensive emergencies and urgencies'],
  ['诊室外血压诊断标准', 'out-of-office BP diagnostic thresholds'],
  ['诊室外血压标准', 'out-of-office BP thresholds'],
  ['家庭血压监测', 'home BP monitoring'],
  ['家庭血压监测: 连续测量7天,取后6天', 'home BP monitoring: 7 consecutive days, the last 6 used'],
  ['白大衣性高血压与隐蔽性高血压', 'white-coat and masked hypertension'],
  ['降压目标', 'BP targets'],
  ['血压升高患者心血管风险水平分层', 'cardiovascular risk stratification of patients with raised BP'],
  ['生活方式干预', 'lifestyle interventions'],
  ['降压药物治疗', 'antihypertensive drug treatment'],
  ['高血压亚急症', 'hypertensive urgency'],
  // English-language guidelines and papers
  // The home-target derivation the engine cites as "ACC/AHA 2017 Table 11 equivalence", in words (issue 20).
  [
    'ACC/AHA 2017 表11（诊室血压目标对应的家庭血压值）',
    'ACC/AHA 2017 Table 11 (home BP values corresponding to office targets)',
  ],
  [
    'ACC/AHA 2017 表11（诊室、家庭与动态血压对应值）',
    'ACC/AHA 2017 Table 11 (corresponding office, home and ambulatory values)',
  ],
  ['ACC/AHA 2017 表6（成人血压分类）', 'ACC/AHA 2017 Table 6 (categories of BP in adults)'],
  ['ACC/AHA 2017 §11.2（高血压危象）', 'ACC/AHA 2017 §11.2 (hypertensive crises)'],
  ['ACC/AHA 2017（家庭血压监测方法）', 'ACC/AHA 2017 (home BP monitoring procedures)'],
  ['ACC/AHA 2017（白大衣性高血压与隐蔽性高血压）', 'ACC/AHA 2017 (white-coat and masked hypertension)'],
  ['ACC/AHA 2017（降压目标；图4）', 'ACC/AHA 2017 (BP goals; Figure 4)'],
  ['ACC/AHA 2017（家庭血压监测：每周测量）', 'ACC/AHA 2017 (home BP monitoring: weekly readings)'],
  [
    'ACC/AHA 2017（家庭血压监测：早晚各≥2次，最好连续一周）',
    'ACC/AHA 2017 (home BP monitoring: ≥2 readings morning and evening, ideally a week)',
  ],
  ['同 ESH 2023 舍弃第1天', 'first day discarded as in ESH 2023'],
  ['ACC/AHA 2017 表15（非药物干预）', 'ACC/AHA 2017 Table 15 (nonpharmacological interventions)'],
  ['ESH 2023（诊室血压分类）', 'ESH 2023 (office BP classification)'],
  ['ESH 2023（高血压急症）', 'ESH 2023 (hypertensive emergencies)'],
  ['ESH 2023（诊室外高血压阈值）', 'ESH 2023 (out-of-office hypertension thresholds)'],
  ['ESH 2023 诊室外血压阈值', 'ESH 2023 out-of-office thresholds'],
  ['ESH 2023（家庭血压监测）', 'ESH 2023 (home BP monitoring)'],
  ['ESH 2023（白大衣性高血压与隐蔽性高血压）', 'ESH 2023 (white-coat and masked hypertension)'],
  ['ESH 2023（诊室血压目标）', 'ESH 2023 (office BP targets)'],
  ['ESH 2023（生活方式干预）', 'ESH 2023 (lifestyle interventions)'],
  ['ESH 2023（药物治疗策略）', 'ESH 2023 (drug treatment strategy)'],
  ['ESH 2023（3级高血压；高血压急症）', 'ESH 2023 (grade 3 hypertension; hypertensive emergencies)'],
  [
    'ESH 2023 未规定维持期频率：每周测量（医生判断）',
    'ESH 2023 gives no maintenance rhythm: weekly readings (clinician judgement)',
  ],
  [
    'ESH 2023（家庭血压监测：7天，早晚各2次，舍弃第1天）',
    'ESH 2023 (home BP monitoring: 7 days, morning + evening, 2 readings, first day discarded)',
  ],
  ['动态血压标准杓型分类（医生判断）', 'standard ABPM dipping categories (clinician judgement)'],
  ['血压变异性（无指南阈值，不设切点）', 'BP variability reported without cut-offs (no guideline threshold)'],
  [
    '汇总队列方程 PCE（2013 ACC/AHA 心血管风险指南，Goff 等）',
    'Pooled Cohort Equations (2013 ACC/AHA cardiovascular risk guideline, Goff et al.)',
  ],
  ['AHA PREVENT 方程（Khan 等，Circulation 2024）', 'AHA PREVENT equations (Khan et al., Circulation 2024)'],
  ['CKD-EPI 2021（Inker 等，NEJM 2021）', 'CKD-EPI 2021 (Inker et al., NEJM 2021)'],
  [
    'KDIGO 2012 CKD 指南（GFR 分期，KDIGO 2024 沿用）',
    'KDIGO 2012 CKD guideline (GFR categories, retained in KDIGO 2024)',
  ],
  [
    'Cockcroft–Gault 公式（Cockcroft 与 Gault，Nephron 1976）',
    'Cockcroft–Gault (Cockcroft & Gault, Nephron 1976)',
  ],
  // The names citations.ts gives the reference's sections (a source written as "REFERENCE §…")
  ['ACC/AHA 2017 表6', 'ACC/AHA 2017 Table 6'],
  ['ESH 2023 诊室血压分类', 'ESH 2023 office BP classification'],
  ['中国高血压防治指南 2018（血压分类）', 'Chinese Hypertension Guidelines 2018 (BP classification)'],
  ['中国高血压防治指南 2018（高血压急症）', 'Chinese Hypertension Guidelines 2018 (hypertensive crisis)'],
  [
    '中国高血压防治指南 2018（诊室外血压阈值）',
    'Chinese Hypertension Guidelines 2018 (out-of-office thresholds)',
  ],
  ['中国高血压防治指南 2018（家庭血压监测）', 'Chinese Hypertension Guidelines 2018 (home BP monitoring)'],
  ['中国高血压防治指南 2018（诊室外血压）', 'Chinese Hypertension Guidelines 2018 (out-of-office BP)'],
  ['ESH 动态血压立场文件（O’Brien 2013）', 'ESH ABPM position paper (O’Brien 2013)'],
  [
    'AHA/ACC 2025 表9（白大衣性高血压与隐蔽性高血压）',
    'AHA/ACC 2025 Table 9 (white-coat and masked hypertension)',
  ],
  ['血压变异性（标准定义）', 'BP variability (standard definitions)'],
  ['汇总队列方程 PCE（Goff 2014）', 'Pooled Cohort Equations (Goff 2014)'],
  ['AHA PREVENT 方程（Khan 2024）', 'AHA PREVENT equations (Khan 2024)'],
  ['China-PAR（Yang 2016）', 'China-PAR (Yang 2016)'],
  [
    '中国高血压防治指南 2018（心血管风险分层）',
    'Chinese Hypertension Guidelines 2018 (cardiovascular risk stratification)',
  ],
  ['CKD-EPI 2021（Inker 2021）', 'CKD-EPI 2021 (Inker 2021)'],
  ['Cockcroft–Gault 公式（1976）', 'Cockcroft–Gault 1976'],
  ['KDIGO 2012/2024 CKD 分期', 'KDIGO 2012/2024 CKD categories'],
  ['美国药品说明书（剂量范围）', 'US product labels (dose range)'],
  [
    '中国高血压防治指南 2018（药物类别与剂量）',
    'Chinese Hypertension Guidelines 2018 (drug classes and doses)',
  ],
  ['中国高血压防治指南 2018（禁忌证）', 'Chinese Hypertension Guidelines 2018 (contraindications)'],
  ['药品说明书（肾功能不全剂量）', 'Product labels (renal dosing)'],
  ['中国高血压防治指南 2018（降压药物）', 'Chinese Hypertension Guidelines 2018 (antihypertensive drugs)'],
  [
    '重要药物相互作用（Phansalkar 2012）及药品说明书',
    'High-priority drug interactions (Phansalkar 2012) and product labels',
  ],
  ['ACC/AHA 2017 图4', 'ACC/AHA 2017 Figure 4'],
  ['ESH 2023（治疗）', 'ESH 2023 (treatment)'],
  ['中国高血压防治指南 2018（治疗）', 'Chinese Hypertension Guidelines 2018 (treatment)'],
  ['中国高血压防治指南 2018（降压目标）', 'Chinese Hypertension Guidelines 2018 (targets)'],
  ['临床指南', 'clinical guidelines'],
];

const BY_ZH = new Map(PARTS.map(([zh, en]) => [zh, en]));
const BY_EN = new Map(PARTS.map(([zh, en]) => [en, zh]));

/** "中国高血压防治指南 2018 (家庭血压监测)" → "Chinese Hypertension Guidelines 2018 (home BP monitoring)". */
function chinaToEnglish(part: string): string {
  const m = part.match(/^中国高血压防治指南\s*(\d{4})\s*(?:\((.+)\)|（(.+)）|(\S.*))?$/);
  if (!m) return part;
  const section = m[2] ?? m[3] ?? m[4];
  const name = `${CHINA_EN} ${m[1]}`;
  if (!section) return name;
  const en = BY_ZH.get(section.trim());
  return en ? `${name} (${en})` : name;
}

/** Product-label dose sources ("US label: amlodipine 5 mg qd (2.5 mg elderly/fragile), max 10 mg"), word by word. */
const LABEL_WORDS: [RegExp, string][] = [
  [/^US label start doses of the components \((.+)\)$/, '美国说明书各组分起始剂量（$1）'],
  [/\bUS label:\s*/, '美国说明书：'],
  [/\s*\bif small, fragile or elderly \(age ≥75 or frail\)/, '（体型小、体弱或老年：≥75 岁或衰弱）'],
  [/\s*\((\d[\d.]* mg) elderly\/fragile\)/, '（老年/体弱 $1）'],
  [/\s*\((\d[\d.]* mg) if on a diuretic\)/, '（合用利尿剂时 $1）'],
  [/\s*if on a diuretic/, '（合用利尿剂时）'],
  [/CrCl <10 or haemodialysis, start/, 'CrCl <10 或血液透析：起始'],
  [/CrCl 10–30, start/, 'CrCl 10–30：起始'],
  [/\bpregnancy:/, '妊娠：'],
  [/\bpractical max\b/, '实际最大'],
  [/\busual\b/, '常用'],
  [/\bmax\b/, '最大'],
  [/ qd\b/, ' 每日一次'],
  [/ bid\b/, ' 每日两次'],
  [/mg\/d\b/, 'mg/日'],
];

function labelToChinese(part: string): string {
  let out = part;
  for (const [from, to] of LABEL_WORDS) out = out.replace(from, to);
  return out.replace(/, /g, '，');
}

/** An English part in Chinese: the table, else the guideline's name and table/figure numbers. */
function englishToChinese(part: string): string {
  const known = BY_EN.get(part);
  if (known !== undefined) return known;
  if (/\bUS label\b/.test(part)) return labelToChinese(part);
  return part
    .replace(new RegExp(`${CHINA_EN} (\\d{4})`, 'g'), `${CHINA} $1`)
    .replace(/Chinese hypertension guideline (\d{4})/g, `${CHINA} $1`)
    .replace(/\bTable (\d+)/g, '表$1')
    .replace(/\bFigure (\d+)/g, '图$1');
}

/** The engines' shorthand for a source, as the table above says it in words. */
const SHORTHAND: Record<string, string> = {
  'ACC/AHA 2017 Table 11 equivalence':
    'ACC/AHA 2017 Table 11 (home BP values corresponding to office targets)',
  'ACC/AHA 2017 表11 对应值': 'ACC/AHA 2017 表11（诊室血压目标对应的家庭血压值）',
};

/** A source (one part or a "; "- or "；"-list) named in `lang`. */
export function sourceIn(source: string, lang: SourceLanguage): string {
  const whole = lang === 'zh' ? BY_EN.get(source) : BY_ZH.get(source);
  if (whole) return whole;
  // "ACC/AHA 2017 (BP goals; Figure 4)": a semicolon inside brackets does not separate sources; the engines write
  // a Chinese list with "；" ("中国高血压防治指南 2018 诊室外血压标准；ACC/AHA 2017 Table 11 equivalence").
  const parts = source.split(/[;；]\s*(?![^()（）]*[)）])/);
  const named = parts.map((p) => {
    const part = SHORTHAND[p.trim()] ?? p.trim();
    const known = lang === 'zh' ? BY_EN.get(part) : BY_ZH.get(part);
    if (known) return known;
    if (lang === 'en') return /\p{Script=Han}/u.test(part) ? chinaToEnglish(part) : part;
    return /\p{Script=Han}/u.test(part) ? part : englishToChinese(part);
  });
  return named.join(lang === 'zh' ? '；' : '; ');
}

/** A care plan's sources (target, monitoring, lifestyle goals, follow-up) named in `lang`. */
export function carePlanIn<
  P extends {
    target: { source: string };
    monitoring: { source?: string };
    goals: { source: string }[];
    followUp: { source: string; sourceText?: { zh: string; en: string } };
  },
>(plan: P, lang: SourceLanguage): P {
  return {
    ...plan,
    target: { ...plan.target, source: sourceIn(plan.target.source, lang) },
    monitoring: {
      ...plan.monitoring,
      ...(plan.monitoring.source !== undefined ? { source: sourceIn(plan.monitoring.source, lang) } : {}),
    },
    goals: plan.goals.map((g) => ({ ...g, source: sourceIn(g.source, lang) })),
    followUp: {
      ...plan.followUp,
      source: plan.followUp.sourceText?.[lang] ?? sourceIn(plan.followUp.source, lang),
    },
  };
}

/**
 * A treatment proposal's sources named in `lang` (target, orders, stops, avoided and preferred classes, the
 * urgent check); the notes quote the target's source in both halves, each named in its own language.
 */
export function proposalIn<
  P extends {
    source: string;
    target: { source: string };
    orders: { source: string }[];
    stops?: { source: string }[];
    avoided: { source: string }[];
    preferred?: { source: string }[];
    notes: { zh: string; en: string }[];
    urgent?: { source: string };
  },
>(p: P, lang: SourceLanguage): P {
  const named = <T extends { source: string }>(x: T): T => ({ ...x, source: sourceIn(x.source, lang) });
  const quoted = p.target.source;
  return {
    ...p,
    source: sourceIn(p.source, lang),
    target: named(p.target),
    orders: p.orders.map(named),
    ...(p.stops ? { stops: p.stops.map(named) } : {}),
    avoided: p.avoided.map(named),
    ...(p.preferred ? { preferred: p.preferred.map(named) } : {}),
    notes: p.notes.map((n) => ({
      zh: quoted ? n.zh.split(quoted).join(sourceIn(quoted, 'zh')) : n.zh,
      en: quoted ? n.en.split(quoted).join(sourceIn(quoted, 'en')) : n.en,
    })),
    ...(p.urgent ? { urgent: named(p.urgent) } : {}),
  };
}

const ACC_AHA_ZH = '美国心脏病学会/美国心脏协会';

/**
 * A named source as a patient reads it (issue 20): the ACC/AHA guideline by its full name and its section in
 * words — "美国心脏病学会/美国心脏协会 2017 高血压指南 第 11.2 节", "ACC/AHA 2017 guideline, section 11.2" —
 * not the "§11.2" / "Table 11" shorthand a clinician reads. `named` is already in `lang` (sourceIn).
 */
function patientWording(named: string, lang: SourceLanguage): string {
  if (lang === 'zh')
    return named
      .replace(/ACC\/AHA (\d{4})(?:\s*高血压指南)?/g, `${ACC_AHA_ZH} $1 高血压指南`)
      .replace(/高血压指南\s*§\s*(\d+(?:\.\d+)*)/g, '高血压指南 第 $1 节')
      .replace(/高血压指南\s*表\s*(\d+)/g, '高血压指南 表 $1')
      .replace(/高血压指南\s*图\s*(\d+)/g, '高血压指南 图 $1');
  return named
    .replace(/ACC\/AHA (\d{4}) §\s*(\d+(?:\.\d+)*)/g, 'ACC/AHA $1 guideline, section $2')
    .replace(/ACC\/AHA (\d{4}) (Table|Figure) (\d+)/g, 'ACC/AHA $1 guideline, $2 $3');
}

/** A source (one part or a "; "-list) named for a patient in `lang`: sourceIn, then the guideline in words. */
export function patientSourceIn(source: string, lang: SourceLanguage): string {
  return patientWording(sourceIn(source, lang), lang);
}

/** A care plan's sources (carePlanIn) and its home target's, named for a patient in `lang`. */
export function patientCarePlanIn<
  P extends {
    target: { source: string };
    homeTarget?: { source: string };
    monitoring: { source?: string };
    goals: { source: string }[];
    followUp: { source: string; sourceText?: { zh: string; en: string } };
  },
>(plan: P, lang: SourceLanguage): P {
  const named = carePlanIn(plan, lang);
  const words = <T extends { source: string }>(x: T): T => ({ ...x, source: patientWording(x.source, lang) });
  return {
    ...named,
    target: words(named.target),
    ...(plan.homeTarget
      ? { homeTarget: { ...plan.homeTarget, source: patientSourceIn(plan.homeTarget.source, lang) } }
      : {}),
    monitoring: {
      ...named.monitoring,
      ...(named.monitoring.source !== undefined
        ? { source: patientWording(named.monitoring.source, lang) }
        : {}),
    },
    goals: named.goals.map(words),
    followUp: words(named.followUp),
  };
}
