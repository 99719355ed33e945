/**
 * Probe pairs for claim scope (which drugs are the members of a drug claim): the patient's current medicines enter
 * only through an explicit reference ("these", "your medicines", "当前处方", "这两个药"); a negated, bracketed-absent or
 * switched-away drug is no member; a rule about a pair outside the claim never contradicts it; a citation is compared
 * with the passage's statement about the same pair. Facts: REFERENCE §6 rows 1–4 (dual RAAS blockade, potassium,
 * triple whammy), 5 (non-DHP CCB + β-blocker), 6–7 (simvastatin caps: 20 mg with amlodipine, 10 mg with
 * verapamil/diltiazem), 12 (nitrate: 24 h after sildenafil, 48 h after tadalafil).
 */
import type { GuardPassage } from '../types.ts';
import type { ProbePair } from './probe.ts';

const STATIN_EN: GuardPassage = {
  id: 'p-statin',
  text: 'Simvastatin with amlodipine: do not exceed 20 mg a day. Simvastatin with verapamil or diltiazem: do not exceed 10 mg a day.',
};
const STATIN_ZH: GuardPassage = {
  id: 'p-statin-zh',
  text: '辛伐他汀与氨氯地平合用时每日不超过20 mg；与维拉帕米或地尔硫䓬合用时每日不超过10 mg。',
};
const PDE_EN: GuardPassage = {
  id: 'p-pde5',
  text: 'No nitrate within 24 hours of sildenafil or within 48 hours of tadalafil; the combination causes severe hypotension.',
};
const PDE_ZH: GuardPassage = {
  id: 'p-pde5-zh',
  text: '西地那非服用后24小时内、他达拉非服用后48小时内不得使用硝酸酯类药物，合用可致严重低血压。',
};

export const MEMBER_PAIRS: readonly ProbePair[] = [
  {
    id: 'm01-outside-pair-en',
    patient: { drugs: ['simvastatin', 'amlodipine'] },
    ok: 'Amlodipine and bisoprolol make a sensible pairing for your blood pressure.',
    bad: 'Diltiazem and bisoprolol make a sensible pairing for your blood pressure.',
  },
  {
    id: 'm02-outside-pair-zh',
    patient: { drugs: ['辛伐他汀', '氨氯地平'] },
    ok: '氨氯地平联合缬沙坦降压效果好，是常用的搭配。',
    bad: '贝那普利联合缬沙坦降压效果好，是常用的搭配。',
  },
  {
    id: 'm03-your-medicines-en',
    patient: { drugs: ['lisinopril', 'hydrochlorothiazide'] },
    ok: 'Indapamide is not something to add to your current medicines, since you already take a diuretic.',
    bad: 'Ibuprofen is a safe painkiller to take alongside your current medicines.',
  },
  {
    id: 'm04-these-two-zh',
    patient: { drugs: ['缬沙坦', '氢氯噻嗪'] },
    ok: '您当前处方的这两个药可以继续一起服用。',
    bad: '您当前处方的这两个药和布洛芬一起用没有问题。',
  },
  {
    id: 'm05-bracket-absent-zh',
    ok: '贝那普利加氨氯地平（无利尿剂）是推荐的两药联合。',
    bad: '贝那普利加缬沙坦（无利尿剂）是推荐的两药联合。',
  },
  {
    id: 'm06-bracket-absent-en',
    ok: 'Losartan plus amlodipine (no diuretic) is a standard two-drug start.',
    bad: 'Losartan plus aliskiren (no diuretic) is a standard two-drug start.',
  },
  {
    id: 'm07-negated-en',
    ok: 'Perindopril and indapamide can be taken together; just do not add naproxen.',
    bad: 'Perindopril and indapamide can be taken together, and naproxen can be added as well.',
  },
  {
    id: 'm08-negated-zh',
    ok: '培哚普利和吲达帕胺可以一起吃，但不要再加布洛芬。',
    bad: '培哚普利和吲达帕胺可以一起吃，再加上布洛芬也没问题。',
  },
  {
    id: 'm09-switched-away-en',
    patient: { drugs: ['lisinopril'] },
    ok: 'Once you have switched from lisinopril to valsartan, valsartan can be combined with amlodipine.',
    bad: 'Once you have switched from lisinopril to valsartan, valsartan can be combined with aliskiren.',
  },
  {
    id: 'm10-switched-away-zh',
    patient: { drugs: ['依那普利'] },
    ok: '把依那普利换成氯沙坦以后，氯沙坦可以和氨氯地平合用。',
    bad: '把依那普利换成氯沙坦以后，氯沙坦可以和阿利吉仑合用。',
  },
  {
    id: 'm11-outside-add-en',
    patient: { drugs: ['simvastatin', 'amlodipine'] },
    ok: 'Losartan can safely be taken together with amlodipine.',
    bad: 'Verapamil can safely be taken together with bisoprolol.',
  },
  {
    id: 'm12-outside-add-zh',
    patient: { drugs: ['辛伐他汀', '氨氯地平'] },
    ok: '氯沙坦可以和氨氯地平一起服用。',
    bad: '维拉帕米可以和比索洛尔一起服用。',
  },
  {
    id: 'm13-these-potassium-en',
    patient: { drugs: ['spironolactone', 'ramipril'], potassium: 5.6 },
    ok: 'Amlodipine and indapamide work well as a pair when potassium is a concern.',
    bad: 'Amiloride is fine to add to these medicines at this potassium level.',
  },
  {
    id: 'm14-both-of-these-en',
    patient: { drugs: ['lisinopril', 'furosemide'] },
    ok: 'Both of these can be taken with amlodipine if your pressure stays high.',
    bad: 'Both of these can be taken with celecoxib for your knee pain.',
  },
  {
    id: 'm15-these-two-zh',
    patient: { drugs: ['厄贝沙坦', '氢氯噻嗪'] },
    ok: '这两个药都可以和氨氯地平同服。',
    bad: '这两个药都可以和塞来昔布同服。',
  },
  {
    id: 'm16-citation-pair-en',
    passages: [STATIN_EN],
    ok: 'With amlodipine, simvastatin should stay at or below 20 mg a day [p-statin].',
    bad: 'With amlodipine, simvastatin should stay at or below 40 mg a day [p-statin].',
  },
  {
    id: 'm17-citation-pair-zh',
    passages: [STATIN_ZH],
    ok: '与维拉帕米合用时，辛伐他汀每日不宜超过10 mg [p-statin-zh]。',
    bad: '与维拉帕米合用时，辛伐他汀每日不宜超过20 mg [p-statin-zh]。',
  },
  {
    id: 'm18-citation-interval-en',
    passages: [PDE_EN],
    ok: 'After tadalafil, a nitrate has to wait at least 48 hours [p-pde5].',
    bad: 'After tadalafil, a nitrate has to wait at least 24 hours [p-pde5].',
  },
  {
    id: 'm19-citation-interval-zh',
    passages: [PDE_ZH],
    ok: '服用西地那非后至少24小时内不能用硝酸酯类药物 [p-pde5-zh]。',
    bad: '服用他达拉非后至少24小时内不能用硝酸酯类药物 [p-pde5-zh]。',
  },
  {
    id: 'm20-irrelevant-current-zh',
    patient: { drugs: ['二甲双胍', '阿托伐他汀'] },
    ok: '可以在氨氯地平的基础上加用缬沙坦。',
    bad: '可以在赖诺普利的基础上加用缬沙坦。',
  },
  {
    id: 'm21-outside-contraindicated-en',
    patient: { drugs: ['clarithromycin', 'simvastatin'] },
    ok: 'Amlodipine and indapamide are a reasonable combination for her blood pressure.',
    bad: 'Enalapril and candesartan are a reasonable combination for her blood pressure.',
  },
  {
    id: 'm22-your-medicines-potassium-en',
    patient: { drugs: ['spironolactone'] },
    ok: 'Potassium chloride tablets should be avoided with your medicines.',
    bad: 'Potassium chloride tablets are fine to take with your medicines.',
  },
];
