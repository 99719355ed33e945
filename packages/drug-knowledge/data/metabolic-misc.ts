import type { DrugEntry } from '../types.ts';
import { drug, mg, renal } from './helpers.ts';

/** Antidiabetics, potassium, lithium, PDE-5 inhibitors. ATC: WHO index; renal limits per cited US labels. */
export const METABOLIC_MISC_DRUGS: DrugEntry[] = [
  // FDA 2016 metformin: contraindicated eGFR <30; initiation not recommended eGFR 30–45; US IR label max 2550 mg/day
  drug('metformin', 'metformin', '二甲双胍', ['biguanide'], { atc: ['A10BA02'], rxnorm: ['6809'] }, {
    salts: [{ en: 'hydrochloride', zh: '盐酸', zhName: '盐酸二甲双胍' }],
    brands: [{ en: 'Glucophage', zh: '格华止' }],
    strengths: ['500 mg', '850 mg', '1000 mg'],
    dose: mg([500, 2000], 2550, [1, 2, 3], 'label-metformin'),
    renal: [
      renal('metformin-egfr30', 'eGFR', 30, 'contraindicated', 'eGFR <30: metformin contraindicated (lactic acidosis)', 'eGFR<30：禁用二甲双胍（乳酸酸中毒）', 'label-metformin'),
      renal('metformin-egfr45', 'eGFR', 45, 'caution', 'eGFR 30–45: do not start; if already taking, reassess benefit and consider dose reduction', 'eGFR 30–45：不建议起始；已在用者评估获益并考虑减量', 'label-metformin', { atLeast: 30 }),
    ],
    hepatic: [{ id: 'metformin-hepatic', from: 'moderate', action: 'avoid', text: { en: 'Hepatic impairment: not recommended (lactic acidosis)', zh: '肝功能不全：不推荐（乳酸酸中毒）' }, source: 'label-metformin' }],
    lactation: { level: 'compatible', text: { en: 'Compatible with breastfeeding', zh: '哺乳期可用' }, source: 'label-metformin' },
    source: 'who-atc',
  }),
  drug('empagliflozin', 'empagliflozin', '恩格列净', ['sglt2i'], { atc: ['A10BK03'], rxnorm: ['1545653'] }, { brands: [{ en: 'Jardiance', zh: '欧唐静' }], dose: mg([10, 25], 25, [1], 'label-sglt2i'), renal: [renal('empagliflozin-egfr20', 'eGFR', 20, 'avoid', 'eGFR <20: initiation not recommended', 'eGFR<20：不建议起始', 'label-sglt2i')], source: 'who-atc' }),
  drug('dapagliflozin', 'dapagliflozin', '达格列净', ['sglt2i'], { atc: ['A10BK01'], rxnorm: ['1488564'] }, { salts: [{ en: 'propanediol', zh: '丙二醇', zhName: '达格列净' }], brands: [{ en: 'Farxiga' }, { en: 'Forxiga', zh: '安达唐' }], dose: mg([5, 10], 10, [1], 'label-sglt2i'), renal: [renal('dapagliflozin-egfr25', 'eGFR', 25, 'avoid', 'eGFR <25: initiation not recommended', 'eGFR<25：不建议起始', 'label-sglt2i')], source: 'who-atc' }),
  drug('canagliflozin', 'canagliflozin', '卡格列净', ['sglt2i'], { atc: ['A10BK02'], rxnorm: ['1373458'] }, { brands: [{ en: 'Invokana', zh: '怡可安' }], dose: mg([100, 300], 300, [1], 'label-sglt2i'), renal: [renal('canagliflozin-egfr30', 'eGFR', 30, 'avoid', 'eGFR <30: initiation not recommended', 'eGFR<30：不建议起始', 'label-sglt2i')], source: 'who-atc' }),
  drug('glimepiride', 'glimepiride', '格列美脲', ['sulfonylurea'], { atc: ['A10BB12'], rxnorm: ['25789'] }, { brands: [{ en: 'Amaryl', zh: '亚莫利' }], dose: mg([1, 8], 8, [1], 'label-antidiabetic'), source: 'who-atc' }),
  drug('gliclazide', 'gliclazide', '格列齐特', ['sulfonylurea'], { atc: ['A10BB09'] }, { brands: [{ en: 'Diamicron', zh: '达美康' }], dose: mg([30, 120], 120, [1], 'label-antidiabetic', { note: 'modified-release' }), source: 'who-atc' }),
  drug('glipizide', 'glipizide', '格列吡嗪', ['sulfonylurea'], { atc: ['A10BB07'], rxnorm: ['4815'] }, { brands: [{ en: 'Glucotrol', zh: '瑞易宁' }], dose: mg([5, 40], 40, [1, 2], 'label-antidiabetic'), source: 'who-atc' }),
  // Glibenclamide (glyburide): WHO ATC A10BB01, a sulfonylurea — REFERENCE §6 row 18 reaches it by class. No dose
  // or renal facts: REFERENCE gives none and no label is cited here yet. RxCUI left absent (not confirmed).
  drug('glibenclamide', 'glibenclamide', '格列本脲', ['sulfonylurea'], { atc: ['A10BB01'] }, { synonyms: ['glyburide', '优降糖'], brands: [{ en: 'Daonil' }, { en: 'DiaBeta' }, { en: 'Micronase' }, { en: 'Glynase' }], source: 'who-atc' }),
  drug('sitagliptin', 'sitagliptin', '西格列汀', ['dpp4i'], { atc: ['A10BH01'], rxnorm: ['593411'] }, { salts: [{ en: 'phosphate', zh: '磷酸', zhName: '磷酸西格列汀' }], brands: [{ en: 'Januvia', zh: '捷诺维' }], dose: mg([100, 100], 100, [1], 'label-antidiabetic'), renal: [renal('sitagliptin-egfr45', 'eGFR', 45, 'reduce-dose', 'eGFR 30–45: 50 mg once daily', 'eGFR 30–45：50 mg每日一次', 'label-antidiabetic', { atLeast: 30, maxDaily: 50 }), renal('sitagliptin-egfr30', 'eGFR', 30, 'reduce-dose', 'eGFR <30: 25 mg once daily', 'eGFR<30：25 mg每日一次', 'label-antidiabetic', { maxDaily: 25 })], source: 'who-atc' }),
  // Potassium, lithium
  drug('potassium-chloride', 'potassium chloride', '氯化钾', ['potassium-supplement'], { atc: ['A12BA01'], rxnorm: ['8591'] }, { synonyms: ['kcl'], brands: [{ en: 'K-Dur' }, { en: 'Klor-Con' }, { zh: '补达秀' }], source: 'who-atc' }),
  drug('potassium-citrate', 'potassium citrate', '枸橼酸钾', ['potassium-supplement'], { atc: ['A12BA02'] }, { source: 'who-atc' }),
  drug('lithium', 'lithium carbonate', '碳酸锂', ['lithium'], { atc: ['N05AN01'], rxnorm: ['42351'] }, { synonyms: ['lithium', '锂盐'], brands: [{ en: 'Lithobid' }], renal: [renal('lithium-egfr30', 'eGFR', 30, 'avoid', 'Severe renal impairment: avoid or use with level monitoring', '重度肾功能不全：避免使用或严密监测血锂', 'label-lithium')], lactation: { level: 'avoid', text: { en: 'Avoid breastfeeding (BNF)', zh: '哺乳期避免（BNF）' }, source: 'bnf-lactation' }, source: 'who-atc' }),
  // PDE-5 inhibitors: US labels, max once daily
  drug('sildenafil', 'sildenafil', '西地那非', ['pde5i'], { atc: ['G04BE03'], rxnorm: ['136411'] }, { salts: [{ en: 'citrate', zh: '枸橼酸', zhName: '枸橼酸西地那非' }], brands: [{ en: 'Viagra', zh: '万艾可' }, { en: 'Revatio' }], dose: mg([25, 100], 100, [1], 'label-pde5', { maxSingle: 100, note: 'erectile dysfunction; Revatio (PAH) 20 mg tid' }), source: 'who-atc' }),
  drug('tadalafil', 'tadalafil', '他达拉非', ['pde5i'], { atc: ['G04BE08'], rxnorm: ['358263'] }, { brands: [{ en: 'Cialis', zh: '希爱力' }], dose: mg([5, 20], 20, [1], 'label-pde5', { maxSingle: 20 }), source: 'who-atc' }),
  drug('vardenafil', 'vardenafil', '伐地那非', ['pde5i'], { atc: ['G04BE09'], rxnorm: ['306674'] }, { brands: [{ en: 'Levitra', zh: '艾力达' }], dose: mg([5, 20], 20, [1], 'label-pde5', { maxSingle: 20 }), source: 'who-atc' }),
];
