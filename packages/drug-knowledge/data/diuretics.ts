import { CONDITIONS } from '../conditions.ts';
import type { DrugEntry } from '../types.ts';
import { drug, mg, renal } from './helpers.ts';

/** Diuretics. Names/ATC: REFERENCE §5.1; doses §5.1/§5.1a; renal §5.2/§5.3. */
const thiazideRenal = renal('thiazide-egfr30', 'eGFR', 30, 'caution', 'eGFR <30: thiazides lose efficacy — prefer a loop diuretic', 'eGFR<30：噻嗪类疗效下降，宜改用袢利尿剂', 'ref-5.3');

export const DIURETIC_DRUGS: DrugEntry[] = [
  // REFERENCE §5.1a: HCTZ max 50 mg/d for hypertension
  drug('hydrochlorothiazide', 'hydrochlorothiazide', '氢氯噻嗪', ['thiazide'], { atc: ['C03AA03'], rxnorm: ['5487'] }, { synonyms: ['HCTZ', '双氢克尿噻', '双克'], brands: [{ en: 'Microzide' }], strengths: ['12.5 mg', '25 mg', '50 mg'], dose: mg([12.5, 50], 50, [1], 'ref-5.1a'), renal: [thiazideRenal] }),
  // REFERENCE §5.1a: chlorthalidone label 25 → 100 mg; remains effective at eGFR 15–30 (CLICK) → no renal caution
  drug('chlorthalidone', 'chlorthalidone', '氯噻酮', ['thiazide-like'], { atc: ['C03BA04'], rxnorm: ['2409'] }, { synonyms: ['chlortalidone'], brands: [{ en: 'Thalitone' }], dose: mg([12.5, 25], 100, [1], 'ref-5.1a') }),
  // REFERENCE §5.1a: indapamide max 5 mg/d
  drug('indapamide', 'indapamide', '吲达帕胺', ['thiazide-like'], { atc: ['C03BA11'], rxnorm: ['5764'] }, { brands: [{ en: 'Natrilix', zh: '纳催离' }], strengths: ['1.5 mg', '2.5 mg'], dose: mg([1.25, 5], 5, [1], 'ref-5.1a'), renal: [thiazideRenal] }),
  drug('metolazone', 'metolazone', '美托拉宗', ['thiazide-like'], { atc: ['C03BA08'] }, { dose: mg([2.5, 10], undefined, [1], 'ref-5.1') }),
  drug('furosemide', 'furosemide', '呋塞米', ['loop'], { atc: ['C03CA01'], rxnorm: ['4603'] }, { synonyms: ['frusemide', '速尿'], brands: [{ en: 'Lasix' }], strengths: ['20 mg', '40 mg'], dose: mg([20, 80], undefined, [2], 'ref-5.1') }),
  drug('torsemide', 'torsemide', '托拉塞米', ['loop'], { atc: ['C03CA04'], rxnorm: ['38413'] }, { synonyms: ['torasemide'], brands: [{ en: 'Demadex' }], dose: mg([5, 10], undefined, [1], 'ref-5.1') }),
  drug('bumetanide', 'bumetanide', '布美他尼', ['loop'], { atc: ['C03CA02'], rxnorm: ['1808'] }, { brands: [{ en: 'Bumex' }], dose: mg([0.5, 4], undefined, [2], 'ref-5.1') }),
  // REFERENCE §5.2/§5.3: spironolactone — do not start if eGFR <30 or K⁺ >5.0; Addison disease
  drug('spironolactone', 'spironolactone', '螺内酯', ['mra'], { atc: ['C03DA01'], rxnorm: ['9997'] }, {
    synonyms: ['安体舒通'],
    brands: [{ en: 'Aldactone' }],
    strengths: ['20 mg', '25 mg'],
    dose: mg([25, 100], undefined, [1, 2], 'ref-5.1a'),
    renal: [renal('spironolactone-egfr30', 'eGFR', 30, 'avoid', 'eGFR <30: avoid spironolactone (hyperkalaemia)', 'eGFR<30：避免使用螺内酯（高钾风险）', 'label-spironolactone')],
    contraindications: [{ id: 'spironolactone-addison', condition: CONDITIONS.addison, severity: 'contraindicated', text: { en: 'Addison disease', zh: '艾迪生病' }, source: 'label-spironolactone' }],
    pregnancy: { level: 'avoid', text: { en: 'Stop when pregnancy is planned or detected (anti-androgenic)', zh: '计划妊娠或妊娠时应停用（抗雄激素作用）' }, source: 'ref-5.2-pregnancy' },
  }),
  // REFERENCE §5.3: eplerenone HTN label — CrCl ≤50 contraindicated (UNVERIFIED numbers)
  drug('eplerenone', 'eplerenone', '依普利酮', ['mra'], { atc: ['C03DA04'], rxnorm: ['298869'] }, { brands: [{ en: 'Inspra' }], dose: mg([50, 100], 100, [1, 2], 'ref-5.1'), renal: [renal('eplerenone-crcl50', 'CrCl', 51, 'contraindicated', 'Hypertension: contraindicated at CrCl ≤50 mL/min', '高血压适应证：CrCl≤50 mL/min禁用', 'label-eplerenone')] }),
  drug('amiloride', 'amiloride', '阿米洛利', ['k-sparing'], { atc: ['C03DB01'], rxnorm: ['644'] }, { brands: [{ en: 'Midamor' }], dose: mg([5, 10], undefined, [1, 2], 'ref-5.1'), renal: [renal('ksparing-egfr30', 'eGFR', 30, 'avoid', 'Significant renal impairment: avoid (hyperkalaemia)', '明显肾功能不全：避免使用（高钾风险）', 'ref-5.3')] }),
  drug('triamterene', 'triamterene', '氨苯蝶啶', ['k-sparing'], { atc: ['C03DB02'], rxnorm: ['10763'] }, { dose: mg([50, 100], undefined, [1, 2], 'ref-5.1'), renal: [renal('ksparing-egfr30', 'eGFR', 30, 'avoid', 'Significant renal impairment: avoid (hyperkalaemia)', '明显肾功能不全：避免使用（高钾风险）', 'ref-5.3')] }),
];
