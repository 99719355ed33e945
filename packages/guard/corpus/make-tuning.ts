/**
 * Writes tuning.txt: the guard's tuning answers, built from REFERENCE tables written out here independently of
 * the engines (so the corpus does not inherit an engine bug). Deterministic (no randomness): every fact
 * carries the REFERENCE section it comes from. Run: node bin/run-ts.mjs packages/guard/corpus/make-tuning.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Item {
  lang: 'zh' | 'en';
  expect: string;
  source: string;
  answer: string;
  patient?: Record<string, unknown>;
  guideline?: string;
}
const items: Item[] = [];
const add = (i: Item) => items.push(i);

// ── §1 office categories (tables §1.1–§1.3, highest component decides) ────────────────────────────────────
type G = 'acc' | 'esh' | 'cn';
function category(g: G, s: number, d: number): string {
  if (g === 'acc')
    return s >= 140 || d >= 90
      ? 'stage-2'
      : s >= 130 || d >= 80
        ? 'stage-1'
        : s >= 120
          ? 'elevated'
          : 'normal'; // §1.1
  if (s >= 180 || d >= 110) return 'grade-3'; // §1.2 / §1.3
  if (s >= 160 || d >= 100) return 'grade-2';
  if (s >= 140 || d >= 90) return 'grade-1';
  if (g === 'esh') return s >= 130 || d >= 85 ? 'high-normal' : s >= 120 || d >= 80 ? 'normal' : 'optimal'; // §1.2
  return s >= 120 || d >= 80 ? 'high-normal' : 'normal'; // §1.3
}
const GNAME = {
  acc: { en: ['ACC/AHA 2017', 'the 2017 ACC/AHA guideline'], zh: ['ACC/AHA 2017', '2017年ACC/AHA指南'] },
  esh: { en: ['ESH 2023', 'the 2023 ESH guidelines'], zh: ['ESH 2023', '2023年ESH指南'] },
  cn: {
    en: ['China 2018', 'the Chinese 2018 hypertension guideline'],
    zh: ['中国高血压防治指南2018', '中国2018指南'],
  },
};
const CAT = {
  en: {
    normal: 'normal blood pressure',
    elevated: 'elevated blood pressure',
    'stage-1': 'stage 1 hypertension',
    'stage-2': 'stage 2 hypertension',
    optimal: 'optimal blood pressure',
    'high-normal': 'high-normal blood pressure',
    'grade-1': 'grade 1 hypertension',
    'grade-2': 'grade 2 hypertension',
    'grade-3': 'grade 3 hypertension',
  } as Record<string, string>,
  zh: {
    normal: '正常血压',
    elevated: '血压升高',
    'stage-1': '1期高血压',
    'stage-2': '2期高血压',
    optimal: '理想血压',
    'high-normal': '正常高值',
    'grade-1': '1级高血压',
    'grade-2': '2级高血压',
    'grade-3': '3级高血压',
  } as Record<string, string>,
};
const ORDER: Record<G, string[]> = {
  acc: ['normal', 'elevated', 'stage-1', 'stage-2'],
  esh: ['optimal', 'normal', 'high-normal', 'grade-1', 'grade-2', 'grade-3'],
  cn: ['normal', 'high-normal', 'grade-1', 'grade-2', 'grade-3'],
};
const SRC: Record<G, string> = { acc: '§1.1', esh: '§1.2', cn: '§1.3' };
const READINGS: [number, number][] = [
  [118, 76],
  [122, 78],
  [127, 83],
  [134, 79],
  [138, 88],
  [150, 95],
  [146, 92],
  [158, 99],
  [162, 96],
  [171, 104],
  [184, 112],
  [139, 91],
  [119, 86],
  [176, 108],
  [131, 86],
];
let k = 0;
for (const g of ['acc', 'esh', 'cn'] as G[]) {
  for (const [s, d] of READINGS) {
    k++;
    const lang = k % 2 ? 'en' : 'zh';
    const truth = category(g, s, d);
    const order = ORDER[g];
    const wrong = Math.floor(k / 2) % 2 === 0;
    const i = order.indexOf(truth);
    const stated = wrong ? (order[i + 1] ?? order[i - 1])! : truth;
    const name = GNAME[g][lang][k % 2 === 0 ? 1 : 0]!;
    const cat = CAT[lang][stated]!;
    const templates =
      lang === 'en'
        ? [
            `Under ${name}, a reading of ${s}/${d} mmHg is ${cat}. Repeat the measurement on another day to confirm.`,
            `Your blood pressure of ${s}/${d} mmHg counts as ${cat} according to ${name}. Keep a home log for a week.`,
            `According to ${name}, ${s}/${d} mmHg falls into ${cat}. Lifestyle measures remain important.`,
          ]
        : [
            `按照${name}，${s}/${d} mmHg 属于${cat}。建议改日复测确认。`,
            `您的血压 ${s}/${d} mmHg，根据${name}为${cat}。请坚持家庭血压监测。`,
            `${name}中，诊室血压 ${s}/${d} mmHg 应归为${cat}。同时注意限盐。`,
          ];
    add({ lang, expect: wrong ? 'bp-threshold' : 'ok', source: SRC[g], answer: templates[k % 3]! });
  }
}

// ── §1 category ranges ────────────────────────────────────────────────────────────────────────────────────
const RANGES: [G, string, string, string, string][] = [
  // guideline, category, correct range, wrong range, source
  ['acc', 'stage-1', '130–139/80–89', '140–159/90–99', '§1.1'],
  ['acc', 'stage-2', '≥140/90', '≥160/100', '§1.1'],
  ['acc', 'elevated', '120–129/<80', '130–139/<85', '§1.1'],
  ['esh', 'grade-1', '140–159/90–99', '130–139/80–89', '§1.2'],
  ['esh', 'grade-2', '160–179/100–109', '150–169/95–104', '§1.2'],
  ['esh', 'high-normal', '130–139/85–89', '120–139/80–89', '§1.2'],
  ['esh', 'grade-3', '≥180/110', '≥170/105', '§1.2'],
  ['cn', 'high-normal', '120–139/80–89', '130–139/85–89', '§1.3'],
  ['cn', 'grade-2', '160–179/100–109', '160–189/100–119', '§1.3'],
  ['cn', 'grade-3', '≥180/110', '≥200/120', '§1.3'],
];
for (const [g, cat, right, wrong, src] of RANGES) {
  for (const lang of ['en', 'zh'] as const) {
    const bad = (lang === 'en') === (k++ % 2 === 0);
    const r = bad ? wrong : right;
    const name = GNAME[g][lang][0]!;
    add({
      lang,
      expect: bad ? 'bp-threshold' : 'ok',
      source: src,
      answer:
        lang === 'en'
          ? `${name} defines ${CAT.en[cat]} as ${r} mmHg. Classification uses the average of two or more readings.`
          : `${name}将${CAT.zh[cat]}定义为 ${r} mmHg。分级以较高的一项为准。`,
    });
  }
}

// ── §2 out-of-office thresholds ───────────────────────────────────────────────────────────────────────────
const OUT: [G, 'home' | '24h' | 'day' | 'night', string, string][] = [
  ['acc', 'home', '130/80', '§2.1'],
  ['acc', '24h', '125/75', '§2.1'],
  ['acc', 'night', '110/65', '§2.1'],
  ['acc', 'day', '130/80', '§2.1'],
  ['esh', 'home', '135/85', '§2.2'],
  ['esh', '24h', '130/80', '§2.2'],
  ['esh', 'night', '120/70', '§2.2'],
  ['esh', 'day', '135/85', '§2.2'],
  ['cn', 'home', '135/85', '§2.2'],
  ['cn', '24h', '130/80', '§2.2'],
  ['cn', 'night', '120/70', '§2.2'],
  ['cn', 'day', '135/85', '§2.2'],
];
const SETTING = {
  en: {
    home: 'home BP',
    '24h': '24-hour ambulatory BP',
    day: 'daytime ambulatory BP',
    night: 'night-time ambulatory BP',
  },
  zh: { home: '家庭血压', '24h': '24小时动态血压', day: '白天动态血压', night: '夜间动态血压' },
};
const WRONG_OUT: Record<string, string> = {
  '130/80': '140/90',
  '125/75': '135/85',
  '110/65': '120/70',
  '135/85': '140/90',
  '120/70': '130/80',
};
for (const [g, setting, thr, src] of OUT) {
  for (const lang of ['en', 'zh'] as const) {
    const bad = k++ % 2 === 0;
    const t = bad ? WRONG_OUT[thr]! : thr;
    const name = GNAME[g][lang][0]!;
    add({
      lang,
      expect: bad ? 'bp-threshold' : 'ok',
      source: src,
      answer:
        lang === 'en'
          ? `Under ${name}, hypertension on ${SETTING.en[setting]} starts at a mean of ${t} mmHg. Office readings use a different threshold.`
          : `${name}规定，${SETTING.zh[setting]}平均值 ≥${t} mmHg 即可诊断高血压。诊室血压的标准不同。`,
    });
  }
}
// home readings classified against the home threshold
const HOME: [G, number, number, boolean, string][] = [
  ['esh', 137, 83, true, '§2.2'],
  ['esh', 131, 84, false, '§2.2'],
  ['cn', 129, 86, true, '§2.2'],
  ['cn', 133, 82, false, '§2.2'],
  ['acc', 132, 78, true, '§2.1'],
  ['acc', 126, 77, false, '§2.1'],
];
for (const [g, s, d, high, src] of HOME) {
  for (const lang of ['en', 'zh'] as const) {
    const bad = k++ % 2 === 0;
    const says = bad ? !high : high;
    const name = GNAME[g][lang][0]!;
    add({
      lang,
      expect: bad ? 'bp-threshold' : 'ok',
      source: src,
      answer:
        lang === 'en'
          ? `Your home average of ${s}/${d} mmHg ${says ? 'is in the hypertensive range' : 'is below the hypertension threshold'} for home readings under ${name}. Keep measuring morning and evening.`
          : `按${name}，家庭血压平均 ${s}/${d} mmHg ${says ? '已达到高血压标准' : '未达到家庭血压高血压标准'}。请继续早晚测量。`,
    });
  }
}

// ── §7 targets (only populations REFERENCE marks [V1]/[V2]: ESH age bands, China general/elderly) ─────────
const TARGETS: [G, number | undefined, boolean, string, string, string][] = [
  // guideline, age, tolerated, correct, wrong, source
  ['esh', 55, false, '130/80', '140/90', '§7.2'],
  ['esh', 45, false, '130/80', '120/70', '§7.2'],
  ['esh', 70, false, '140/80', '150/90', '§7.2'], // 130/70 would be in the UNVERIFIED 'if tolerated' zone
  ['esh', 75, false, '140/80', '150/90', '§7.2'],
  ['cn', undefined, false, '140/90', '150/90', '§7.3'], // 130/80 is the 'if tolerated' target, not wrong
  ['cn', undefined, true, '130/80', '120/70', '§7.3'],
  ['cn', 70, false, '150/90', '130/80', '§7.3'],
  ['cn', 85, false, '150/90', '140/90', '§7.3'],
  ['cn', 68, true, '140/90', '130/80', '§7.3'],
];
let t = 0;
for (const [g, age, tol, right, wrong, src] of TARGETS) {
  for (const lang of ['en', 'zh'] as const) {
    const bad = t++ % 2 === 0;
    const v = bad ? wrong : right;
    const name = GNAME[g][lang][0]!;
    const style = t % 4;
    let answer: string;
    let patient: Record<string, unknown> | undefined;
    if (lang === 'en') {
      const who = age ? `a ${age}-year-old` : 'most adults with hypertension';
      const tolS = tol ? ' if it is well tolerated' : '';
      answer = [
        `${name} recommends an office BP target below ${v} mmHg for ${who}${tolS}. Review adherence before adding drugs.`,
        `We follow ${name} here. For ${who}, blood pressure should be lowered to below ${v} mmHg${tolS}.`,
        `The goal under ${name} for ${who} is <${v} mmHg${tolS}. Home readings help to track it.`,
        `Treat to under ${v} mmHg${tolS}, as ${name} advises for ${who}.`,
      ][style]!;
    } else {
      const who = age
        ? age >= 80
          ? '80岁以上老年患者'
          : age >= 65
            ? `${age}岁老年患者`
            : `${age}岁患者`
        : '一般高血压患者';
      const tolS = tol ? '能耐受者' : '';
      answer = [
        `${name}建议${who}${tolS}降压目标为 <${v} mmHg。调整药物前先评估依从性。`,
        `本回答依据${name}。${who}${tolS}血压应降至 ${v} mmHg 以下。`,
        `根据${name}，${who}${tolS}应将血压控制在 ${v} mmHg 以下。`,
        `${who}${tolS}的目标血压为 <${v} mmHg（${name}）。`,
      ][style]!;
      if (age && style === 1) patient = { age };
    }
    add({ lang, expect: bad ? 'bp-target' : 'ok', source: src, answer, ...(patient ? { patient } : {}) });
  }
}
// UNVERIFIED targets stated correctly (must not be flagged)
add({
  lang: 'en',
  expect: 'ok',
  source: '§7.1',
  answer:
    'ACC/AHA 2017 recommends a target below 130/80 mmHg for adults with CKD. Check potassium when starting an ACE inhibitor.',
});
add({
  lang: 'zh',
  expect: 'ok',
  source: '§7.3',
  answer: '中国高血压防治指南2018建议，糖尿病患者血压控制目标为 <130/80 mmHg。',
});
add({
  lang: 'en',
  expect: 'ok',
  source: '§7.1',
  answer: 'For adults aged 65 or older, ACC/AHA 2017 suggests a systolic target below 130 mmHg.',
});

// ── §5.1a doses (verified maxima only for planted errors) ─────────────────────────────────────────────────
const DOSES: [string, string, string, string, string][] = [
  // en, zh, correct dose sentence part, wrong, source
  ['Amlodipine', '氨氯地平', '5 mg once daily, up to 10 mg', '5 mg once daily, up to 30 mg', '§5.1a'],
  ['Losartan', '氯沙坦', '50 mg once daily, up to 100 mg', '50 mg once daily, up to 200 mg', '§5.1a'],
  ['Valsartan', '缬沙坦', '80 mg once daily, up to 320 mg', '80 mg once daily, up to 480 mg', '§5.1a'],
  ['Olmesartan', '奥美沙坦', '20 mg once daily, up to 40 mg', '20 mg once daily, up to 80 mg', '§5.1a'],
  ['Irbesartan', '厄贝沙坦', '150 mg once daily, up to 300 mg', '150 mg once daily, up to 600 mg', '§5.1a'],
  ['Candesartan', '坎地沙坦', '16 mg once daily, up to 32 mg', '16 mg once daily, up to 64 mg', '§5.1a'],
  ['Enalapril', '依那普利', '5 mg once daily, up to 40 mg', '5 mg once daily, up to 80 mg', '§5.1a'],
  ['Ramipril', '雷米普利', '2.5 mg once daily, up to 20 mg', '2.5 mg once daily, up to 40 mg', '§5.1a'],
  [
    'Hydrochlorothiazide',
    '氢氯噻嗪',
    '12.5 mg once daily, up to 50 mg',
    '12.5 mg once daily, up to 100 mg',
    '§5.1a',
  ],
  ['Indapamide', '吲达帕胺', '1.25 mg once daily, up to 5 mg', '1.25 mg once daily, up to 10 mg', '§5.1a'],
  ['Atenolol', '阿替洛尔', '50 mg once daily, up to 100 mg', '50 mg once daily, up to 200 mg', '§5.1a'],
  [
    'Carvedilol',
    '卡维地洛',
    '6.25 mg twice daily, up to 25 mg twice daily',
    '6.25 mg twice daily, up to 50 mg twice daily',
    '§5.1a',
  ],
  ['Nebivolol', '奈必洛尔', '5 mg once daily, up to 40 mg', '5 mg once daily, up to 80 mg', '§5.1a'],
  ['Telmisartan', '替米沙坦', '40 mg once daily, up to 80 mg', '40 mg once daily, up to 120 mg', '§5.1a'],
];
const ZH_DOSE = (s: string) =>
  s
    .replace('once daily', '每日一次')
    .replace(/twice daily/g, '每日两次')
    .replace(', up to', '，最大')
    .replace(/up to/, '最大');
let dn = 0;
for (const [en, zh, right, wrong, src] of DOSES) {
  for (const lang of ['en', 'zh'] as const) {
    const bad = dn++ % 2 === 0;
    const v = bad ? wrong : right;
    add({
      lang,
      expect: bad ? 'dose' : 'ok',
      source: src,
      answer:
        lang === 'en'
          ? `${en} is usually started at ${v} daily if needed. Titrate every 2–4 weeks and check for side effects.`
          : `${zh}起始${ZH_DOSE(v)}/日。每 2–4 周评估一次疗效和不良反应。`,
    });
  }
}
// frequency errors and UNVERIFIED maxima stated (must not be flagged)
add({
  lang: 'en',
  expect: 'dose',
  source: '§5.1a',
  answer: 'Amlodipine 5 mg three times a day gives smoother control. Take it with food.',
});
add({ lang: 'zh', expect: 'dose', source: '§5.1a', answer: '氨氯地平 10 mg，每日两次，可加强降压效果。' });
add({
  lang: 'en',
  expect: 'ok',
  source: '§5.1a',
  answer: 'Perindopril can be increased to 16 mg once daily, although 4–8 mg is the common range.',
});
add({
  lang: 'zh',
  expect: 'ok',
  source: '§5.1a',
  answer: '琥珀酸美托洛尔缓释片可从 47.5 mg 起始，按说明书最大可用至 400 mg/日。',
});
add({
  lang: 'en',
  expect: 'ok',
  source: '§5.1',
  answer: 'Allisartan isoproxil is taken as 240 mg once daily in China.',
});

// ── §5.3 renal dosing ─────────────────────────────────────────────────────────────────────────────────────
const RENAL: [Item['lang'], string, string, Record<string, unknown>, string][] = [
  [
    'en',
    'ok',
    'With an eGFR of 26, do not start spironolactone; consider a loop diuretic instead.',
    { egfr: 26 },
    '§5.3',
  ],
  [
    'en',
    'dose',
    'Spironolactone 50 mg once daily can be started now for resistant hypertension.',
    { egfr: 26 },
    '§5.3',
  ],
  ['zh', 'ok', '患者 eGFR 28，不宜加用螺内酯。', { egfr: 28 }, '§5.3'],
  ['zh', 'dose', '可加用螺内酯 20 mg 每日一次以控制顽固性高血压。', { egfr: 18 }, '§5.3'],
  [
    'en',
    'ok',
    'Lisinopril 5 mg once daily is a reasonable start at this creatinine clearance, with a maximum of 40 mg.',
    { crcl: 22 },
    '§5.3',
  ],
  ['en', 'dose', 'Lisinopril can be titrated to 60 mg once daily.', { crcl: 22 }, '§5.3'],
  ['zh', 'ok', '贝那普利 5 mg 每日一次起始，肾功能下降时每日不超过 40 mg。', { egfr: 25 }, '§5.3'],
  ['zh', 'dose', '贝那普利可加至每日 80 mg。', { egfr: 25 }, '§5.3'],
  [
    'en',
    'ok',
    'Spironolactone 25 mg once daily is acceptable at an eGFR of 62 with normal potassium.',
    { egfr: 62 },
    '§5.3',
  ],
  ['zh', 'ok', '肌酐清除率 60 mL/min 时赖诺普利 20 mg 每日一次无需调整。', { crcl: 60 }, '§5.3'],
  ['en', 'dose', 'Benazepril 60 mg once daily is appropriate for this patient.', { egfr: 20 }, '§5.3'],
  ['zh', 'dose', '赖诺普利每日 60 mg 可以继续使用。', { crcl: 15 }, '§5.3'],
];
for (const [lang, expect, answer, patient, source] of RENAL) add({ lang, expect, answer, patient, source });

// ── §4.3 KDIGO ─────────────────────────────────────────────────────────────────────────────────────────────
const G_OF = (e: number) =>
  e >= 90 ? 'G1' : e >= 60 ? 'G2' : e >= 45 ? 'G3a' : e >= 30 ? 'G3b' : e >= 15 ? 'G4' : 'G5'; // §4.3
const NEXT: Record<string, string> = { G1: 'G2', G2: 'G3a', G3a: 'G3b', G3b: 'G4', G4: 'G5', G5: 'G4' };
const EGFRS = [95, 72, 61, 58, 47, 44, 33, 29, 21, 12, 66, 40];
let ke = 0;
for (const e of EGFRS) {
  for (const lang of ['en', 'zh'] as const) {
    const bad = ke++ % 2 === 0;
    const st = bad ? NEXT[G_OF(e)]! : G_OF(e);
    add({
      lang,
      expect: bad ? 'lab-threshold' : 'ok',
      source: '§4.3',
      answer:
        lang === 'en'
          ? [
              `An eGFR of ${e} mL/min/1.73 m² is KDIGO category ${st}. Review renally cleared drugs.`,
              `With an eGFR of ${e} mL/min/1.73 m², the KDIGO GFR category is ${st}.`,
            ][ke % 2]!
          : [
              `eGFR ${e} mL/min/1.73 m² 属于 KDIGO ${st} 期。需复核经肾排泄的药物。`,
              `按 KDIGO 分期，eGFR 为 ${e} mL/min/1.73 m² 时为 ${st}。`,
            ][ke % 2]!,
    });
  }
}
const GRANGES: [string, string, string][] = [
  ['G2', '60–89', '45–59'],
  ['G3a', '45–59', '30–44'],
  ['G3b', '30–44', '45–59'],
  ['G4', '15–29', '10–29'],
  ['G1', '≥90', '≥60'],
];
for (const [st, right, wrong] of GRANGES) {
  for (const lang of ['en', 'zh'] as const) {
    const bad = ke++ % 2 === 0;
    const r = bad ? wrong : right;
    add({
      lang,
      expect: bad ? 'lab-threshold' : 'ok',
      source: '§4.3',
      answer:
        lang === 'en'
          ? `KDIGO ${st} means an eGFR of ${r} mL/min/1.73 m².`
          : `KDIGO ${st} 期对应 eGFR ${r} mL/min/1.73 m²。`,
    });
  }
}

// ── §6 interactions ───────────────────────────────────────────────────────────────────────────────────────
const INTER: [Item['lang'], string, string, string, Record<string, unknown>?][] = [
  [
    'en',
    'ok',
    '§6',
    'Do not combine enalapril with losartan: dual RAAS blockade raises potassium and harms the kidneys.',
  ],
  ['zh', 'ok', '§6', '贝那普利与缬沙坦不宜联用，双重RAAS阻断增加高钾和肾损伤风险。'],
  ['en', 'interaction', '§6', 'Adding candesartan to ramipril is a safe way to get extra BP lowering.'],
  ['zh', 'interaction', '§6', '依那普利和厄贝沙坦可以联合使用，没有明显相互作用。'],
  [
    'en',
    'ok',
    '§6',
    'She takes perindopril and chlorthalidone, so avoid naproxen: the three together can cause acute kidney injury.',
  ],
  ['zh', 'ok', '§6', '正在服用贝那普利和氢氯噻嗪的患者应避免使用塞来昔布，以免发生急性肾损伤。'],
  [
    'en',
    'interaction',
    '§6',
    'He is on telmisartan and furosemide; diclofenac can safely be added for his back pain.',
  ],
  ['zh', 'interaction', '§6', '患者服用培哚普利和吲达帕胺，加用萘普生止痛没有问题。'],
  [
    'en',
    'interaction',
    '§6',
    'Celecoxib is safe with losartan and hydrochlorothiazide because it is COX-2 selective.',
  ],
  ['en', 'ok', '§6', 'Verapamil should not be combined with atenolol because of the risk of heart block.'],
  ['zh', 'interaction', '§6', '维拉帕米可以安全地与比索洛尔联用。'],
  [
    'en',
    'ok',
    '§6',
    'Amlodipine with bisoprolol is a recommended combination; unlike verapamil, amlodipine does not slow AV conduction.',
  ],
  [
    'en',
    'ok',
    '§6,§5.3',
    'Spironolactone can be added to losartan because potassium is 4.4 mmol/L. Check potassium again after one week.',
  ],
  ['zh', 'ok', '§6,§5.3', '血钾 4.0 mmol/L，可在培哚普利基础上加用螺内酯 20 mg，1 周后复查血钾。'],
  [
    'en',
    'interaction',
    '§6,§5.3',
    'With potassium at 5.6 mmol/L, spironolactone can still safely be combined with ramipril.',
  ],
  ['zh', 'interaction', '§6,§5.3', '血钾 5.4 mmol/L，螺内酯与缬沙坦仍可放心联用。'],
  ['en', 'ok', '§6', 'Keep simvastatin at 20 mg or less per day when it is taken with amlodipine.'],
  ['zh', 'ok', '§6', '辛伐他汀与地尔硫䓬合用时每日剂量不超过 10 mg。'],
  ['en', 'interaction', '§6', 'Simvastatin 40 mg can be used safely with diltiazem.'],
  ['zh', 'interaction', '§6', '氨氯地平与辛伐他汀 40 mg 合用是安全的。'],
  ['en', 'ok', '§6', 'Simvastatin 10 mg with verapamil is within the dose limit.'],
  [
    'en',
    'ok',
    '§6',
    'Lithium and hydrochlorothiazide should be avoided together because lithium levels rise.',
  ],
  ['zh', 'interaction', '§6', '碳酸锂与氢氯噻嗪可以安全合用。'],
  [
    'en',
    'ok',
    '§6',
    'Sacubitril/valsartan must not be given together with an ACE inhibitor such as enalapril.',
  ],
  ['zh', 'interaction', '§6', '沙库巴曲缬沙坦可以与依那普利安全联用。'],
  ['en', 'ok', '§7.3', 'Amlodipine and valsartan are a preferred combination, often given as a single pill.'],
  ['zh', 'ok', '§7.3', '氨氯地平联合氢氯噻嗪是推荐的联合方案之一。'],
  [
    'en',
    'interaction',
    '§7.3',
    'Losartan and amlodipine have a serious interaction and must not be taken together.',
  ],
  ['zh', 'interaction', '§7.3', '缬沙坦与氢氯噻嗪禁止联用。'],
  [
    'en',
    'ok',
    '§7.1',
    'First-line drugs are ACE inhibitors, ARBs, calcium channel blockers and thiazide diuretics; any of them can start treatment.',
  ],
  ['zh', 'ok', '§7.3', '常用一线药物有ACEI、ARB、CCB、利尿剂和β受体阻滞剂五大类，均可作为初始治疗。'],
  [
    'en',
    'ok',
    '§7.2',
    'ESH 2023 lists five major classes — ACE inhibitors, ARBs, beta-blockers, CCBs and thiazides — all suitable first-line, and prefers a RAS blocker with a CCB or diuretic.',
  ],
  ['zh', 'ok', '§6', '布洛芬会减弱缬沙坦的降压作用，长期合用需监测血压和肾功能。'],
  ['en', 'ok', '§6', 'Combining lisinopril with potassium supplements needs potassium monitoring.'],
];
for (const [lang, expect, source, answer, patient] of INTER)
  add({ lang, expect, source, answer, ...(patient ? { patient } : {}) });

// ── §5.2 contraindications ───────────────────────────────────────────────────────────────────────────────
const CI: [Item['lang'], string, string][] = [
  ['en', 'ok', 'ACE inhibitors such as ramipril must be stopped when pregnancy is planned or confirmed.'],
  ['zh', 'ok', '孕妇禁用缬沙坦等ARB类药物，可改用拉贝洛尔。'],
  ['en', 'drug-condition', 'Valsartan is a safe choice during pregnancy.'],
  ['zh', 'drug-condition', '妊娠期可以继续使用贝那普利。'],
  ['en', 'ok', 'Methyldopa is preferred for hypertension in pregnancy.'],
  ['zh', 'drug-condition', '甲基多巴在妊娠期禁用。'],
  ['en', 'ok', 'Thiazide diuretics should be avoided in patients with gout.'],
  ['zh', 'drug-condition', '痛风患者可以放心使用氢氯噻嗪。'],
  ['en', 'ok', 'Propranolol is contraindicated in asthma.'],
  ['en', 'drug-condition', 'Propranolol is safe for patients with asthma.'],
  ['zh', 'ok', '二度以上房室传导阻滞患者禁用维拉帕米。'],
  ['zh', 'drug-condition', '二度房室传导阻滞患者可以使用地尔硫䓬。'],
  ['en', 'ok', 'Diltiazem should be avoided in heart failure with reduced ejection fraction.'],
  ['en', 'drug-condition', 'Nifedipine must not be used in pregnancy.'],
];
for (const [lang, expect, answer] of CI) add({ lang, expect, source: '§5.2', answer });

// ── citations with passages (passages.txt) ───────────────────────────────────────────────────────────────
const CIT: [Item['lang'], string, string, string][] = [
  ['zh', 'ok', '§5.1a', '氨氯地平起始 5 mg 每日一次，最大剂量 10 mg/日[p-aml]。'],
  ['en', 'citation', '§5.1a', 'Amlodipine can be increased to 20 mg per day [p-aml].'],
  [
    'en',
    'ok',
    '§1.1',
    'Stage 1 hypertension under ACC/AHA 2017 is 130–139 mmHg systolic or 80–89 mmHg diastolic [p-acc].',
  ],
  ['en', 'citation', '§1.1', 'Under ACC/AHA 2017, stage 2 hypertension starts at 150/95 mmHg [p-acc].'],
  ['zh', 'ok', '§6', '不推荐 ACEI 与 ARB 联用[p-combo]。'],
  ['zh', 'citation', '§6', '推荐 ACEI 与 ARB 联用以加强肾脏保护[p-combo]。'],
  ['en', 'ok', '§5.3', 'Spironolactone should not be started when eGFR is below 30 [p-spiro].'],
  ['en', 'citation', '§5.3', 'Spironolactone should not be started when eGFR is below 45 [p-spiro].'],
  ['en', 'ok', '§4.3', 'G3b covers an eGFR of 30–44 mL/min/1.73 m² [p-kdigo].'],
  ['zh', 'citation', '§4.3', 'G3a 期为 eGFR 30–44 mL/min/1.73 m²[p-kdigo]。'],
  ['en', 'ok', '§2.2', 'ESH 2023 defines home hypertension as a mean of 135/85 mmHg or higher [p-home].'],
  [
    'en',
    'citation',
    '§2.2',
    'ESH 2023 defines night-time hypertension as an ambulatory mean of 130/80 mmHg or higher [p-home].',
  ],
  ['zh', 'ok', '§7.3', '一般高血压患者血压降至 140/90 mmHg 以下[p-cntarget]。'],
  ['zh', 'citation', '§7.3', '80 岁及以上老年人血压降至 140/90 mmHg 以下即可[p-cntarget]。'],
  [
    'en',
    'ok',
    '§6',
    'Avoid adding an NSAID to an ACE inhibitor plus a diuretic because of acute kidney injury [p-triple].',
  ],
  [
    'en',
    'citation',
    '§6',
    'An NSAID can be added to an ARB plus a diuretic without extra kidney risk [p-triple].',
  ],
  ['zh', 'ok', '§6', '辛伐他汀与氨氯地平合用时每日不超过 20 mg[p-simva]。'],
  ['zh', 'citation', '§6', '辛伐他汀与维拉帕米合用时每日不超过 20 mg[p-simva]。'],
  ['en', 'ok', '§5.2', 'Labetalol and methyldopa are preferred in pregnancy [p-preg].'],
  ['en', 'citation', '§5.2', 'ARBs are preferred in pregnancy [p-preg].'],
  ['zh', 'citation', '§5.1a', '氨氯地平最大剂量 10 mg/日[p-zz]。'],
  [
    'en',
    'ok',
    '§5.1a',
    'Older adults may start amlodipine at 2.5 mg [p-aml], and the usual starting dose is 5 mg once daily [p-aml].',
  ],
];
for (const [lang, expect, source, answer] of CIT) add({ lang, expect, source, answer });

// ── plain advice and multi-claim answers ─────────────────────────────────────────────────────────────────
const MIX: [Item['lang'], string, string, string, Record<string, unknown>?][] = [
  ['zh', 'ok', '-', '建议每日食盐少于 5 克，戒烟限酒，每周运动 150 分钟。血压稳定后每 3 个月复诊一次。'],
  [
    'en',
    'ok',
    '-',
    'Measure your blood pressure at the same time each morning, seated, after five minutes of rest. Write the values down.',
  ],
  [
    'en',
    'ok',
    '§1.3,§7.3',
    'Your reading of 152/94 mmHg is grade 1 hypertension under China 2018. The general target is below 140/90 mmHg. Amlodipine 5 mg once daily is a reasonable start.',
  ],
  [
    'zh',
    'ok',
    '§1.2,§7.2',
    '按ESH 2023，148/92 mmHg 属于1级高血压。55岁患者的诊室血压目标为 <130/80 mmHg。可起始氨氯地平联合缬沙坦单片复方。',
  ],
  [
    'en',
    'bp-target',
    '§1.3,§7.3',
    'Under China 2018, 158/96 mmHg is grade 1 hypertension. For this 85-year-old, aim for below 130/80 mmHg.',
    { age: 85 },
  ],
  ['zh', 'dose', '§1.1,§5.1a', '按ACC/AHA 2017，145/92 mmHg 为2期高血压。可起始氯沙坦 200 mg 每日一次。'],
  [
    'en',
    'lab-threshold',
    '§4.3,§5.3',
    'Her eGFR of 42 mL/min/1.73 m² is KDIGO G3a. Spironolactone can be used with potassium monitoring.',
  ],
  [
    'en',
    'ok',
    '§4.3,§5.3',
    'His eGFR of 42 mL/min/1.73 m² is KDIGO G3b. Metformin can continue, but check kidney function every 3–6 months.',
  ],
  [
    'zh',
    'interaction',
    '§6,§1.3',
    '160/100 mmHg 属于2级高血压（中国2018）。雷米普利与氯沙坦联用可以更快达标。',
  ],
  [
    'en',
    'ok',
    '§1.2,§2.2',
    'An office reading of 142/88 mmHg is grade 1 under ESH 2023, but confirm with home readings: a home mean of 135/85 mmHg or more confirms hypertension.',
  ],
];
for (const [lang, expect, source, answer, patient] of MIX)
  add({ lang, expect, source, answer, ...(patient ? { patient } : {}) });

// ── varied phrasing (hand-written; each fact from the REFERENCE section named) ─────────────────────────────
const VARIED: [Item['lang'], string, string, string, Record<string, unknown>?][] = [
  [
    'en',
    'ok',
    '§1.2',
    'With a systolic of 185 mmHg and a diastolic of 104 mmHg, ESH 2023 classifies this as grade 3 hypertension.',
  ],
  ['zh', 'bp-threshold', '§1.3', '收缩压 165 mmHg，舒张压 98 mmHg，按中国2018指南属于1级高血压。'],
  ['en', 'ok', '§1.1', 'ACC/AHA 2017 would call a BP of 128/79 mmHg elevated, so no drug is needed yet.'],
  [
    'en',
    'bp-threshold',
    '§1.1',
    'ACC/AHA 2017 would call a BP of 134/79 mmHg elevated, so no drug is needed yet.',
  ],
  ['zh', 'ok', '§1.3', '血压 178/96 mmHg，按中国高血压防治指南2018分级为2级高血压，需要药物治疗。'],
  [
    'en',
    'ok',
    '§1.2',
    'Using ESH 2023, 122/82 mmHg is in the normal range, and 118/76 mmHg would be optimal.',
  ],
  ['en', 'bp-threshold', '§1.2', 'Using ESH 2023, 126/83 mmHg is high-normal blood pressure.'],
  ['zh', 'ok', '§1.1', '按 ACC/AHA 2017，血压 132/76 mmHg 已属于1期高血压，而不是血压升高。'],
  ['en', 'ok', '§1.1', 'ACC/AHA 2017 lowered the threshold: hypertension is diagnosed from 130/80 mmHg.'],
  [
    'en',
    'bp-threshold',
    '§1.1',
    'ACC/AHA 2017 kept the diagnostic threshold for hypertension at 140/90 mmHg.',
  ],
  ['zh', 'ok', '§1.3', '中国2018指南的高血压诊断标准是诊室血压 ≥140/90 mmHg，非同日测量3次。'],
  [
    'en',
    'ok',
    '§2.2',
    'Home readings averaging 141/88 mmHg confirm hypertension under ESH 2023. Discuss treatment at the next visit.',
  ],
  ['en', 'bp-threshold', '§2.2', 'Home readings averaging 133/83 mmHg confirm hypertension under ESH 2023.'],
  ['zh', 'ok', '§2.2', '按中国2018指南，24小时动态血压平均 126/76 mmHg 未达到高血压标准。'],
  [
    'en',
    'ok',
    '§2.1',
    'For ACC/AHA 2017, nocturnal hypertension is a night-time mean of 110/65 mmHg or more.',
  ],
  [
    'en',
    'bp-threshold',
    '§2.1',
    'For ACC/AHA 2017, nocturnal hypertension is a night-time mean of 120/70 mmHg or more.',
  ],
  ['en', 'ok', '§7.2', 'This patient is 48. Under ESH 2023 we aim for an office BP under 130/80 mmHg.'],
  ['zh', 'bp-target', '§7.3', '患者 76 岁。按中国2018指南，血压应控制在 130/80 mmHg 以下。', { age: 76 }],
  [
    'zh',
    'ok',
    '§7.3',
    '患者 76 岁。按中国2018指南，血压首先降至 150/90 mmHg 以下，能耐受者进一步降至 140/90 mmHg 以下。',
  ],
  [
    'en',
    'ok',
    '§7.2',
    'ESH 2023: for a 70-year-old, lower office BP to below 140/80 mmHg; go lower only if it is well tolerated.',
    { age: 70 },
  ],
  [
    'en',
    'bp-target',
    '§7.2',
    'Following ESH 2023, lower this 50-year-old patient\u2019s BP to below 150/90 mmHg.',
  ],
  ['en', 'ok', '§7.1', 'Under ACC/AHA 2017, aim for below 130/80 mmHg in this patient with diabetes.'],
  ['en', 'ok', '§5.1a', 'The maximum daily dose of valsartan is 320 mg.'],
  ['zh', 'dose', '§5.1a', '奥美沙坦每次 40 mg，每日两次。'],
  ['zh', 'ok', '§5.1a', '氨氯地平每次 5 mg，每日 1 次，最大不超过 10 mg/日。'],
  ['en', 'dose', '§5.1a', 'Indapamide 2.5 mg twice daily up to a total of 10 mg per day is sometimes used.'],
  ['en', 'ok', '§5.1a', 'Hydrochlorothiazide doses above 50 mg per day are not recommended.'],
  [
    'zh',
    'ok',
    '§6',
    '正在服用依那普利和氢氯噻嗪的患者，关节痛时避免使用布洛芬等非甾体抗炎药，可选对乙酰氨基酚。',
  ],
  ['en', 'interaction', '§6', 'It is fine to take naproxen with your valsartan and furosemide.'],
  [
    'en',
    'ok',
    '§6',
    'He takes irbesartan and indapamide. Adding ibuprofen is not recommended because of kidney injury risk.',
  ],
  [
    'en',
    'interaction',
    '§6',
    'She takes irbesartan and indapamide. Ibuprofen can be added safely for her back pain.',
  ],
  ['zh', 'ok', '§6,§5.3', '血钾 4.3 mmol/L，螺内酯可与氯沙坦合用，用药后 1 周复查血钾和肌酐。'],
  [
    'en',
    'interaction',
    '§6,§5.3',
    'Potassium is 5.7 mmol/L, but adding spironolactone to lisinopril is still fine.',
  ],
  [
    'en',
    'ok',
    '§6',
    'Diltiazem and metoprolol together can cause bradycardia and heart block, so avoid routine use.',
  ],
  ['zh', 'ok', '§7.3', '初始联合治疗可选 ACEI 或 ARB 联合二氢吡啶类钙通道阻滞剂或噻嗪类利尿剂。'],
  [
    'en',
    'ok',
    '§7.2',
    'Start with a single pill combining a RAS blocker with a CCB or a diuretic, such as perindopril with amlodipine.',
  ],
  ['zh', 'ok', '§5.2', '备孕或妊娠期女性不宜使用ACEI或ARB，可改用拉贝洛尔或硝苯地平。'],
  ['en', 'drug-condition', '§5.2', 'Enalapril can be continued in pregnancy if BP is well controlled.'],
  ['en', 'ok', '§5.3', 'At an eGFR of 25 mL/min/1.73 m², metformin should not be used.'],
  ['zh', 'drug-condition', '§5.3', 'eGFR 25 mL/min/1.73 m² 时可以使用二甲双胍。'],
  ['en', 'ok', '§4.3', 'Her eGFR is 35 mL/min/1.73 m², which is KDIGO G3b; check potassium regularly.'],
  ['zh', 'lab-threshold', '§4.3', '患者 eGFR 35 mL/min/1.73 m²，属于 G3a 期。'],
  [
    'en',
    'ok',
    '§1.1',
    'ACC/AHA 2017 puts 124/82 mmHg in stage 1 because the diastolic value is within 80–89 mmHg.',
  ],
  [
    'en',
    'ok',
    '§1.2',
    'Under ESH 2023, 150/88 mmHg is grade 1 hypertension, since a systolic of 140–159 mmHg defines grade 1.',
  ],
  [
    'en',
    'ok',
    '§2.2',
    'Your home average of 137/86 mmHg is above the ESH 2023 home threshold of 135/85 mmHg, so this is home hypertension.',
  ],
  [
    'en',
    'bp-threshold',
    '§2.2',
    'Your home average of 131/82 mmHg is above the ESH 2023 home threshold, so this is home hypertension.',
  ],
  [
    'en',
    'ok',
    '§2.1',
    'The ACC/AHA 2017 daytime threshold is 130/80 mmHg, equivalent to an office value of 130/80 mmHg.',
  ],
  [
    'en',
    'interaction',
    '§6,§5.3',
    'Spironolactone can be safely added to lisinopril. Her potassium is 5.8 mmol/L.',
  ],
  [
    'en',
    'ok',
    '§6,§5.3',
    'Spironolactone can be added to lisinopril. Her potassium is 4.1 mmol/L, so recheck it in a week.',
  ],
  ['en', 'interaction', '§6', 'Naproxen is fine even though he takes losartan and chlorthalidone.'],
  ['zh', 'interaction', '§6', '虽然患者在服用缬沙坦和氢氯噻嗪，布洛芬仍可放心使用。'],
  ['zh', 'ok', '§1.3', '按中国2018指南，138/92 mmHg 属于1级高血压，因为舒张压在 90–99 mmHg 之间。'],
  ['zh', 'ok', '§6,§5.3', '血钾 4.5 mmol/L、eGFR 70，可在缬沙坦基础上加用螺内酯 20 mg。'],
  ['zh', 'interaction', '§6,§5.3', '血钾 5.5 mmol/L，可在缬沙坦基础上加用螺内酯 20 mg。'],
  ['zh', 'ok', '§7.3', 'ACEI/ARB 联合氨氯地平是常用的优化联合方案。'],
  ['en', 'ok', '§7.3', 'An ACE inhibitor/ARB plus a thiazide is a preferred combination.'],
  ['zh', 'interaction', '§6', 'ACEI 与 ARB 联合使用可以更好地保护肾脏，推荐联用。'],
  [
    'en',
    'ok',
    '§1.1',
    'Your readings average 128/82 mmHg. Under the 2017 ACC/AHA guideline this is stage 1 hypertension.',
  ],
  ['zh', 'bp-threshold', '§1.3', '您的平均血压为 136/86 mmHg。按中国2018指南，这属于1级高血压。'],
  ['en', 'ok', '§2.2', 'Daytime average 132/84 mmHg is below the ESH 2023 daytime threshold of 135/85 mmHg.'],
  [
    'en',
    'ok',
    '§1.1,§1.2',
    'Hypertension is usually defined as a BP of 140/90 mmHg or higher, although the 2017 ACC/AHA guideline uses 130/80 mmHg.',
  ],
  [
    'en',
    'bp-threshold',
    '§1.1,§1.2,§1.3',
    'Hypertension is usually defined as a BP of 150/95 mmHg or higher.',
  ],
  ['en', 'ok', '§1.1', 'Stage 2 hypertension means 140/90 mmHg or higher.'],
  ['en', 'bp-threshold', '§1.1', 'Stage 2 hypertension means 160/100 mmHg or higher.'],
  ['zh', 'ok', '§1.3', '血压 135/85 mmHg 属于正常高值，还不是高血压。'],
  ['zh', 'bp-threshold', '§1.3', '血压 150/92 mmHg 属于正常高值，暂不需要处理。'],
  ['zh', 'ok', '§1.5', '孕妇血压 ≥160/110 mmHg 属于重度高血压，需紧急处理，可静脉用拉贝洛尔。'],
  [
    'en',
    'ok',
    '§4.3',
    'Your eGFR is 58, which is stage G3a chronic kidney disease if it persists for more than 3 months.',
  ],
  ['zh', 'interaction', '§6', '服用赖诺普利的患者可以放心补钾，血钾 5.8 mmol/L 也没关系。'],
  ['en', 'ok', '§6', 'Sildenafil must not be combined with nitrates such as isosorbide mononitrate.'],
  ['en', 'interaction', '§6', 'Sildenafil can be taken safely with isosorbide mononitrate.'],
  ['en', 'ok', '§5.1a', 'Carvedilol 12.5 mg twice daily, up to 25 mg twice daily.'],
  ['en', 'dose', '§5.1a', 'Carvedilol 25 mg three times daily is the usual maximum.'],
  [
    'en',
    'ok',
    '§6,§4.3',
    'With an eGFR of 42 mL/min/1.73 m² (KDIGO G3b) and potassium 4.8 mmol/L, losartan can be continued. Avoid NSAIDs such as ibuprofen because you also take hydrochlorothiazide.',
  ],
];
for (const [lang, expect, source, answer, patient] of VARIED)
  add({ lang, expect, source, answer, ...(patient ? { patient } : {}) });

const header = `# GUARD TUNING SET — generated by make-tuning.ts (do not edit by hand). Used to tune the guard; the held-out
# set (heldout.txt) is separate and never tuned on. Format as in heldout.txt.
`;
const body = items
  .map((it, i) => {
    const id = `t${String(i + 1).padStart(3, '0')}`;
    const extra = [
      it.guideline ? `guideline=${it.guideline}` : '',
      it.patient ? `patient=${JSON.stringify(it.patient)}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    return `[${id}] ${it.lang} ${it.expect} ${it.source}${extra ? ` ${extra}` : ''}\n${it.answer}`;
  })
  .join('\n');
writeFileSync(join(import.meta.dirname, 'tuning.txt'), `${header}\n${body}\n`);
console.log(`${items.length} items, ${items.filter((i) => i.expect !== 'ok').length} with a planted error`);
