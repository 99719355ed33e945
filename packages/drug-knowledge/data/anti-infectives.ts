import type { DrugEntry } from '../types.ts';
import { drug, mg, renal } from './helpers.ts';

/** Antibiotics and azole antifungals. ATC: WHO index; renal rules: cited US labels. */
const compatible = { level: 'compatible', text: { en: 'Generally considered compatible', zh: '一般认为可用' }, source: 'label-beta-lactam' } as const;

export const ANTI_INFECTIVE_DRUGS: DrugEntry[] = [
  // Amoxicillin US label §2: GFR 10–30 → 250–500 mg q12h (≤1000 mg/day); <10 → q24h
  drug('amoxicillin', 'amoxicillin', '阿莫西林', ['penicillin'], { atc: ['J01CA04'], rxnorm: ['723'] }, { synonyms: ['amoxycillin', '羟氨苄青霉素'], salts: [{ en: 'trihydrate', zh: '三水', zhName: '阿莫西林' }, { en: 'sodium', zh: '钠', zhName: '阿莫西林钠' }], brands: [{ en: 'Amoxil', zh: '阿莫仙' }], strengths: ['250 mg', '500 mg', '875 mg'], dose: mg([750, 3000], undefined, [2, 3], 'label-amoxicillin'), renal: [renal('amoxicillin-gfr30', 'eGFR', 30, 'reduce-dose', 'GFR 10–30: 250–500 mg every 12 h; do not use 875 mg tablets', 'GFR 10–30：250–500 mg q12h；勿用875 mg片', 'label-amoxicillin', { atLeast: 10, maxDaily: 1000 }), renal('amoxicillin-gfr10', 'eGFR', 10, 'reduce-dose', 'GFR <10: 250–500 mg every 24 h', 'GFR<10：250–500 mg q24h', 'label-amoxicillin', { maxDaily: 500 })], pregnancy: compatible, lactation: compatible, source: 'who-atc' }),
  // β-lactamase inhibitors: listed so combination products resolve to their combination entry.
  drug('clavulanic-acid', 'clavulanic acid', '克拉维酸', [], { rxnorm: ['48203'] }, { synonyms: ['clavulanate', '克拉维酸钾'], salts: [{ en: 'potassium', zh: '钾', zhName: '克拉维酸钾' }], source: 'who-atc' }),
  drug('tazobactam', 'tazobactam', '他唑巴坦', [], {}, { salts: [{ en: 'sodium', zh: '钠', zhName: '他唑巴坦钠' }], source: 'who-atc' }),
  drug('ampicillin', 'ampicillin', '氨苄西林', ['penicillin'], { atc: ['J01CA01'] }, { synonyms: ['氨苄青霉素'], salts: [{ en: 'sodium', zh: '钠', zhName: '氨苄西林钠' }], source: 'who-atc' }),
  drug('benzylpenicillin', 'benzylpenicillin', '青霉素', ['penicillin'], { atc: ['J01CE01'], rxnorm: ['7980'] }, { synonyms: ['penicillin g', 'penicillin', '青霉素g', '苄青霉素', '青霉素钠', '青霉素钾'], salts: [{ en: 'sodium', zh: '钠', zhName: '青霉素钠' }, { en: 'potassium', zh: '钾', zhName: '青霉素钾' }, { en: 'benzathine', zh: '苄星', zhName: '苄星青霉素' }], source: 'who-atc' }),
  drug('phenoxymethylpenicillin', 'phenoxymethylpenicillin', '青霉素V', ['penicillin'], { atc: ['J01CE02'], rxnorm: ['7984'] }, { synonyms: ['penicillin v', '青霉素v钾'], salts: [{ en: 'potassium', zh: '钾', zhName: '青霉素V钾' }], source: 'who-atc' }),
  drug('piperacillin', 'piperacillin', '哌拉西林', ['penicillin'], { atc: ['J01CA12'] }, { source: 'who-atc' }),
  // Cephalosporins. Cephalexin and cefadroxil share the amoxicillin R1 side chain (AAAAI/ACAAI 2022).
  drug('cefalexin', 'cephalexin', '头孢氨苄', ['cephalosporin'], { atc: ['J01DB01'], rxnorm: ['2231'] }, { synonyms: ['cefalexin'], brands: [{ en: 'Keflex' }], tags: ['r1-aminopenicillin-like'], allergyGroups: ['cephalosporin-r1'], dose: mg([1000, 4000], 4000, [2, 4], 'label-cephalexin'), renal: [renal('cephalexin-crcl30', 'CrCl', 30, 'reduce-dose', 'CrCl <30: reduce dose / extend interval', 'CrCl<30：减量或延长给药间隔', 'label-cephalexin')], pregnancy: compatible, source: 'who-atc' }),
  drug('cefadroxil', 'cefadroxil', '头孢羟氨苄', ['cephalosporin'], { atc: ['J01DB05'] }, { tags: ['r1-aminopenicillin-like'], allergyGroups: ['cephalosporin-r1'], source: 'who-atc' }),
  drug('cefaclor', 'cefaclor', '头孢克洛', ['cephalosporin'], { atc: ['J01DC04'] }, { brands: [{ en: 'Ceclor', zh: '希刻劳' }], tags: ['r1-aminopenicillin-like'], allergyGroups: ['cephalosporin-r1'], source: 'who-atc' }),
  drug('cefuroxime', 'cefuroxime', '头孢呋辛', ['cephalosporin'], { atc: ['J01DC02'], rxnorm: ['2194'] }, { salts: [{ en: 'axetil', zh: '酯', zhName: '头孢呋辛酯' }, { en: 'sodium', zh: '钠', zhName: '头孢呋辛钠' }], brands: [{ en: 'Zinnat' }, { en: 'Zinacef', zh: '西力欣' }], dose: mg([500, 1000], 1000, [2], 'label-cephalexin', { note: 'oral cefuroxime axetil' }), pregnancy: compatible, source: 'who-atc' }),
  drug('ceftriaxone', 'ceftriaxone', '头孢曲松', ['cephalosporin'], { atc: ['J01DD04'], rxnorm: ['2193'] }, { salts: [{ en: 'sodium', zh: '钠', zhName: '头孢曲松钠' }], brands: [{ en: 'Rocephin', zh: '罗氏芬' }], dose: { unit: 'mg', usualDaily: [1000, 2000], maxDaily: 4000, timesPerDay: [1, 2], source: 'label-beta-lactam' }, pregnancy: compatible, source: 'who-atc' }),
  drug('cefixime', 'cefixime', '头孢克肟', ['cephalosporin'], { atc: ['J01DD08'] }, { brands: [{ en: 'Suprax', zh: '世福素' }], dose: mg([400, 400], 400, [1, 2], 'label-beta-lactam'), source: 'who-atc' }),
  // Macrolides. Clarithromycin US label: CrCl <30 halve dose; strong CYP3A4 inhibitor.
  drug('azithromycin', 'azithromycin', '阿奇霉素', ['macrolide'], { atc: ['J01FA10'], rxnorm: ['18631'] }, { brands: [{ en: 'Zithromax', zh: '希舒美' }], dose: mg([250, 500], undefined, [1], 'label-macrolide'), source: 'who-atc' }),
  drug('clarithromycin', 'clarithromycin', '克拉霉素', ['macrolide'], { atc: ['J01FA09'], rxnorm: ['21212'] }, { brands: [{ en: 'Biaxin' }, { en: 'Klacid', zh: '克拉仙' }], tags: ['cyp3a4-strong-inhibitor'], dose: mg([500, 1000], 1000, [2], 'label-macrolide'), renal: [renal('clarithromycin-crcl30', 'CrCl', 30, 'reduce-dose', 'CrCl <30: halve the dose', 'CrCl<30：剂量减半', 'label-macrolide', { maxDaily: 500 })], source: 'who-atc' }),
  drug('erythromycin', 'erythromycin', '红霉素', ['macrolide'], { atc: ['J01FA01'], rxnorm: ['4053'] }, { tags: ['cyp3a4-strong-inhibitor'], source: 'who-atc' }),
  // Fluoroquinolones (renal adjustments per US labels)
  drug('ciprofloxacin', 'ciprofloxacin', '环丙沙星', ['fluoroquinolone'], { atc: ['J01MA02'], rxnorm: ['2551'] }, { salts: [{ en: 'hydrochloride', zh: '盐酸', zhName: '盐酸环丙沙星' }, { en: 'lactate', zh: '乳酸', zhName: '乳酸环丙沙星' }], brands: [{ en: 'Cipro' }], dose: mg([500, 1500], 1500, [2], 'label-fq'), renal: [renal('cipro-crcl50', 'CrCl', 50, 'reduce-dose', 'CrCl 30–50: 250–500 mg q12h; <30: q18h', 'CrCl 30–50：250–500 mg q12h；<30：q18h', 'label-fq', { maxDaily: 1000 })], source: 'who-atc' }),
  drug('levofloxacin', 'levofloxacin', '左氧氟沙星', ['fluoroquinolone'], { atc: ['J01MA12'], rxnorm: ['82122'] }, { salts: [{ en: 'hydrochloride', zh: '盐酸', zhName: '盐酸左氧氟沙星' }, { en: 'lactate', zh: '乳酸', zhName: '乳酸左氧氟沙星' }], brands: [{ en: 'Levaquin' }, { en: 'Cravit', zh: '可乐必妥' }], dose: mg([250, 750], 750, [1], 'label-fq'), renal: [renal('levo-crcl50', 'CrCl', 50, 'reduce-dose', 'CrCl <50: extend interval (e.g. 750 mg q48h)', 'CrCl<50：延长给药间隔（如750 mg q48h）', 'label-fq')], source: 'who-atc' }),
  drug('moxifloxacin', 'moxifloxacin', '莫西沙星', ['fluoroquinolone'], { atc: ['J01MA14'], rxnorm: ['139462'] }, { salts: [{ en: 'hydrochloride', zh: '盐酸', zhName: '盐酸莫西沙星' }], brands: [{ en: 'Avelox', zh: '拜复乐' }], dose: mg([400, 400], 400, [1], 'label-fq'), source: 'who-atc' }),
  // Trimethoprim (WHO ATC J01EA01) and sulfamethoxazole (J01EC01, a sulfonamide: the sulfa allergy group). REFERENCE
  // §6 row 3 names trimethoprim with ACEi/ARB/aliskiren (hyperkalaemia); the rule selects it by id. Doses and renal
  // rules absent (REFERENCE gives none); RxCUIs left absent (not confirmed).
  drug('trimethoprim', 'trimethoprim', '甲氧苄啶', [], { atc: ['J01EA01'] }, { synonyms: ['甲氧苄氨嘧啶'], source: 'who-atc' }),
  drug('sulfamethoxazole', 'sulfamethoxazole', '磺胺甲噁唑', [], { atc: ['J01EC01'] }, { synonyms: ['sulphamethoxazole', '磺胺甲恶唑', '新诺明'], allergyGroups: ['sulfonamide'], source: 'who-atc' }),
  // Azole antifungals (CYP3A4 inhibitors; REFERENCE §6 row 16)
  drug('ketoconazole', 'ketoconazole', '酮康唑', ['azole-antifungal'], { atc: ['J02AB02'], rxnorm: ['6135'] }, { tags: ['cyp3a4-strong-inhibitor'], source: 'who-atc' }),
  drug('itraconazole', 'itraconazole', '伊曲康唑', ['azole-antifungal'], { atc: ['J02AC02'] }, { brands: [{ en: 'Sporanox', zh: '斯皮仁诺' }], tags: ['cyp3a4-strong-inhibitor'], source: 'who-atc' }),
  drug('voriconazole', 'voriconazole', '伏立康唑', ['azole-antifungal'], { atc: ['J02AC03'] }, { brands: [{ en: 'Vfend', zh: '威凡' }], tags: ['cyp3a4-strong-inhibitor'], source: 'who-atc' }),
  drug('fluconazole', 'fluconazole', '氟康唑', ['azole-antifungal'], { atc: ['J02AC01'], rxnorm: ['4450'] }, { brands: [{ en: 'Diflucan', zh: '大扶康' }], tags: ['cyp3a4-moderate-inhibitor'], source: 'who-atc' }),
];
