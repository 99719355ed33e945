import type { DrugEntry } from '../types.ts';
import { drug, mg } from './helpers.ts';

/** Calcium channel blockers. Names/ATC: REFERENCE §5.1 (levamlodipine C08CA17 corrected there); doses §5.1/§5.1a. */
const preferredInPregnancy = { level: 'preferred', text: { en: 'Preferred antihypertensive in pregnancy (long-acting)', zh: '妊娠期首选降压药之一（长效制剂）' }, source: 'ref-5.2-pregnancy' } as const;
const nice = { level: 'compatible', text: { en: 'Usable while breastfeeding (NICE NG133)', zh: '哺乳期可用（NICE NG133）' }, source: 'nice-ng133' } as const;

export const CCB_DRUGS: DrugEntry[] = [
  // REFERENCE §5.1a: amlodipine start 5 mg qd (2.5 mg elderly/hepatic), max 10 mg qd (label text seen)
  drug('amlodipine', 'amlodipine', '氨氯地平', ['ccb-dhp'], { atc: ['C08CA01'], rxnorm: ['17767'] }, {
    salts: [{ en: 'besylate', zh: '苯磺酸', zhName: '苯磺酸氨氯地平' }, { en: 'besilate', zh: '苯磺酸', zhName: '苯磺酸氨氯地平' }, { en: 'maleate', zh: '马来酸', zhName: '马来酸氨氯地平' }, { en: 'mesylate', zh: '甲磺酸', zhName: '甲磺酸氨氯地平' }],
    brands: [{ en: 'Norvasc', zh: '络活喜' }],
    strengths: ['2.5 mg', '5 mg', '10 mg'],
    dose: mg([2.5, 10], 10, [1], 'label-amlodipine', { elderlyStart: 2.5, maxSingle: 10, adultStart: 5 }),
    hepatic: [{ id: 'amlodipine-hepatic', from: 'mild', action: 'reduce-dose', text: { en: 'Hepatic impairment: start 2.5 mg once daily', zh: '肝功能不全：起始2.5 mg每日一次' }, source: 'label-amlodipine' }],
    lactation: nice,
  }),
  drug('levamlodipine', 'levamlodipine', '左旋氨氯地平', ['ccb-dhp'], { atc: ['C08CA17'] }, { synonyms: ['左氨氯地平'], salts: [{ en: 'besylate', zh: '苯磺酸', zhName: '苯磺酸左旋氨氯地平' }, { en: 'maleate', zh: '马来酸', zhName: '马来酸左旋氨氯地平' }], brands: [{ zh: '施慧达' }, { en: 'Conjupri' }], strengths: ['2.5 mg', '5 mg'], dose: mg([2.5, 5], undefined, [1], 'ref-5.1', { note: 'China label 2.5–5 mg (UNVERIFIED)' }) }),
  drug('felodipine', 'felodipine', '非洛地平', ['ccb-dhp'], { atc: ['C08CA02'], rxnorm: ['4316'] }, { brands: [{ en: 'Plendil', zh: '波依定' }], strengths: ['2.5 mg', '5 mg', '10 mg'], dose: mg([2.5, 10], undefined, [1], 'ref-5.1') }),
  // REFERENCE §5.1a: nifedipine ER max 120 mg/d; avoid IR nifedipine for hypertension
  drug('nifedipine', 'nifedipine', '硝苯地平', ['ccb-dhp'], { atc: ['C08CA05'], rxnorm: ['7417'] }, { brands: [{ en: 'Adalat', zh: '拜新同' }, { en: 'Procardia' }], strengths: ['10 mg', '30 mg', '60 mg'], dose: mg([30, 120], 120, [1, 2], 'ref-5.1a'), pregnancy: preferredInPregnancy, lactation: nice }),
  drug('nicardipine', 'nicardipine', '尼卡地平', ['ccb-dhp'], { atc: ['C08CA04'], rxnorm: ['7396'] }, { salts: [{ en: 'hydrochloride', zh: '盐酸', zhName: '盐酸尼卡地平' }], brands: [{ en: 'Cardene' }], dose: mg([60, 120], undefined, [2], 'ref-5.1') }),
  drug('nitrendipine', 'nitrendipine', '尼群地平', ['ccb-dhp'], { atc: ['C08CA08'] }, { strengths: ['10 mg'], dose: mg([10, 40], undefined, [1, 2], 'ref-5.1', { note: 'J Clin Hypertens 2018 Table 2' }) }),
  drug('lacidipine', 'lacidipine', '拉西地平', ['ccb-dhp'], { atc: ['C08CA09'] }, { brands: [{ en: 'Lacipil', zh: '乐息平' }], strengths: ['4 mg'], dose: mg([2, 4], undefined, [1], 'ref-5.1') }),
  drug('lercanidipine', 'lercanidipine', '乐卡地平', ['ccb-dhp'], { atc: ['C08CA13'] }, { salts: [{ en: 'hydrochloride', zh: '盐酸', zhName: '盐酸乐卡地平' }], brands: [{ en: 'Zanidip', zh: '再宁平' }], strengths: ['10 mg'], dose: mg([10, 20], undefined, [1], 'ref-5.1') }),
  drug('benidipine', 'benidipine', '贝尼地平', ['ccb-dhp'], { atc: ['C08CA15'] }, { salts: [{ en: 'hydrochloride', zh: '盐酸', zhName: '盐酸贝尼地平' }], brands: [{ en: 'Coniel', zh: '可力洛' }] }),
  drug('cilnidipine', 'cilnidipine', '西尼地平', ['ccb-dhp'], { atc: ['C08CA14'] }, { brands: [{ en: 'Atelec' }] }),
  // Non-DHP: REFERENCE §5.1a diltiazem ER max 540 (LA-type), verapamil ER max 480
  drug('diltiazem', 'diltiazem', '地尔硫䓬', ['ccb-non-dhp'], { atc: ['C08DB01'], rxnorm: ['3443'] }, { synonyms: ['地尔硫卓'], salts: [{ en: 'hydrochloride', zh: '盐酸', zhName: '盐酸地尔硫䓬' }], brands: [{ en: 'Cardizem' }, { en: 'Herbesser', zh: '合贝爽' }], tags: ['cyp3a4-moderate-inhibitor'], dose: mg([120, 480], 540, [1, 2, 3], 'ref-5.1a') }),
  drug('verapamil', 'verapamil', '维拉帕米', ['ccb-non-dhp'], { atc: ['C08DA01'], rxnorm: ['11170'] }, { salts: [{ en: 'hydrochloride', zh: '盐酸', zhName: '盐酸维拉帕米' }], brands: [{ en: 'Calan' }, { en: 'Isoptin', zh: '异搏定' }], tags: ['cyp3a4-moderate-inhibitor'], strengths: ['40 mg', '120 mg', '240 mg'], dose: mg([120, 480], 480, [1, 2, 3], 'ref-5.1a') }),
];
