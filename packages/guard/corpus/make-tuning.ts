/**
 * Writes tuning.txt: the guard's tuning answers, built from REFERENCE tables written out here independently of
 * the engines (so the corpus does not inherit an engine bug). Deterministic (no randomness): every fact
 * carries the REFERENCE section it comes from. Run: node bin/run-ts.mjs packages/guard/corpus/make-tuning.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CI, CIT, DOSES, INTER } from './tuning-drugs.ts';
import { MIX, VARIED } from './tuning-varied.ts';

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
for (const [lang, expect, source, answer, patient] of INTER)
  add({ lang, expect, source, answer, ...(patient ? { patient } : {}) });

// ── §5.2 contraindications ───────────────────────────────────────────────────────────────────────────────
for (const [lang, expect, answer] of CI) add({ lang, expect, source: '§5.2', answer });

// ── citations with passages (passages.txt) ───────────────────────────────────────────────────────────────
for (const [lang, expect, source, answer] of CIT) add({ lang, expect, source, answer });

// ── plain advice and multi-claim answers ─────────────────────────────────────────────────────────────────
for (const [lang, expect, source, answer, patient] of MIX)
  add({ lang, expect, source, answer, ...(patient ? { patient } : {}) });

// ── varied phrasing (hand-written; each fact from the REFERENCE section named) ─────────────────────────────
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
