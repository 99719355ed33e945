/**
 * Second-wording probe (issue 18): 24 more pairs written after the mechanisms landed and measured once, before and
 * after, without changing the guard for them — a check that the mechanisms were not fitted to the first probe.
 * Facts as in members.ts and relations.ts (REFERENCE §5.1 maxima, §6 interaction rows 1–5, 7, 12, 14, §7 targets).
 */
import type { GuardPassage } from '../types.ts';
import type { ProbePair } from './probe.ts';

const STATIN: GuardPassage = {
  id: 'p-statin',
  text: 'Simvastatin with amlodipine: do not exceed 20 mg a day. Simvastatin with verapamil or diltiazem: do not exceed 10 mg a day.',
};
const STATIN_ZH: GuardPassage = {
  id: 'p-statin-zh',
  text: '辛伐他汀与氨氯地平合用时每日不超过20 mg；与维拉帕米或地尔硫䓬合用时每日不超过10 mg。',
};

export const BLIND_MEMBER_PAIRS: readonly ProbePair[] = [
  {
    id: 'bm01',
    patient: { drugs: ['simvastatin', 'verapamil'] },
    ok: 'Candesartan plus indapamide is a good combination for you.',
    bad: 'Candesartan plus lisinopril is a good combination for you.',
  },
  {
    id: 'bm02',
    patient: { drugs: ['氯沙坦', '氢氯噻嗪'] },
    ok: '您目前吃的这些药都可以和氨氯地平一起用。',
    bad: '您目前吃的这些药都可以和萘普生一起用。',
  },
  {
    id: 'bm03',
    ok: 'Bisoprolol and amlodipine work nicely together (no verapamil involved).',
    bad: 'Bisoprolol and verapamil work nicely together.',
  },
  {
    id: 'bm04',
    ok: '培哚普利与氨氯地平可以联合，不用再加阿利吉仑。',
    bad: '培哚普利与阿利吉仑可以联合使用。',
  },
  {
    id: 'bm05',
    patient: { drugs: ['enalapril'] },
    ok: 'Having changed from enalapril to losartan, she can use losartan with hydrochlorothiazide.',
    bad: 'Having changed from enalapril to losartan, she can use losartan with aliskiren.',
  },
  {
    id: 'bm06',
    patient: { drugs: ['依那普利'] },
    ok: '依那普利已经改成缬沙坦了，缬沙坦和氨氯地平合用没问题。',
    bad: '依那普利已经改成缬沙坦了，缬沙坦和阿利吉仑合用没问题。',
  },
  {
    id: 'bm07',
    patient: { drugs: ['lisinopril', 'furosemide'] },
    ok: 'Your current tablets are fine alongside amlodipine.',
    bad: 'Your current tablets are fine alongside naproxen.',
  },
  {
    id: 'bm08',
    patient: { drugs: ['螺内酯'], potassium: 5.3 },
    ok: '在目前用药的基础上，氯化钾不宜再加。',
    bad: '在目前用药的基础上再加氯化钾没有问题。',
  },
  {
    id: 'bm09',
    passages: [STATIN],
    ok: 'Per [p-statin], simvastatin taken with diltiazem is limited to 10 mg a day.',
    bad: 'Per [p-statin], simvastatin taken with diltiazem is limited to 20 mg a day.',
  },
  {
    id: 'bm10',
    passages: [STATIN_ZH],
    ok: '根据资料[p-statin-zh]，辛伐他汀和氨氯地平同用时每天最多20 mg。',
    bad: '根据资料[p-statin-zh]，辛伐他汀和氨氯地平同用时每天最多40 mg。',
  },
  {
    id: 'bm11',
    patient: { drugs: ['clarithromycin'] },
    ok: 'Amlodipine and valsartan can be started together.',
    bad: 'Enalapril and valsartan can be started together.',
  },
  {
    id: 'bm12',
    patient: { drugs: ['阿托伐他汀'] },
    ok: '硝苯地平和美托洛尔一起吃是可以的。',
    bad: '维拉帕米和美托洛尔一起吃是可以的。',
  },
];

export const BLIND_RELATION_PAIRS: readonly ProbePair[] = [
  {
    id: 'br01',
    ok: 'Irbesartan should never go beyond 300 mg a day.',
    bad: 'Irbesartan should never go beyond 450 mg a day.',
  },
  { id: 'br02', ok: '缬沙坦每日用量的天花板是320 mg。', bad: '缬沙坦每日用量的天花板是640 mg。' },
  {
    id: 'br03',
    ok: 'The most anyone should take of lisinopril is 80 mg daily.',
    bad: 'The most anyone should take of lisinopril is 160 mg daily.',
  },
  { id: 'br04', ok: '依那普利每日总量不能超过40 mg。', bad: '依那普利每日总量不能超过80 mg。' },
  {
    id: 'br05',
    ok: 'ACC/AHA 2017 would like a typical adult with hypertension under 130/80.',
    bad: 'ACC/AHA 2017 would like a typical adult with hypertension under 140/90.',
  },
  {
    id: 'br06',
    ok: '中国2018指南认为，60岁的高血压患者只要把血压降到140/90以下就达标了。',
    bad: '中国2018指南认为，60岁的高血压患者只要把血压降到150/90以下就达标了。',
  },
  {
    id: 'br07',
    ok: 'For someone aged 85, the Chinese 2018 guideline settles for under 150/90.',
    bad: 'For someone aged 85, the Chinese 2018 guideline settles for under 160/100.',
  },
  {
    id: 'br08',
    ok: '中国2018指南：一般高血压患者第一步先降到140/90以下，能耐受的再降到130/80以下。',
    bad: '中国2018指南：一般高血压患者第一步先降到150/90以下，能耐受的再降到140/90以下。',
  },
  {
    id: 'br09',
    ok: 'In the Chinese 2018 guideline, a 50-year-old starts with a goal under 140/90 and, if it is tolerated, moves to under 130/80.',
    bad: 'In the Chinese 2018 guideline, a 50-year-old starts with a goal under 150/90 and, if it is tolerated, moves to under 140/90.',
  },
  {
    id: 'br10',
    ok: '末次服用依那普利满36小时后，才可以换成沙库巴曲缬沙坦。',
    bad: '末次服用依那普利满12小时后，就可以换成沙库巴曲缬沙坦。',
  },
  {
    id: 'br11',
    ok: 'Leave 48 hours between the last tadalafil and any nitroglycerin.',
    bad: 'Leave 12 hours between the last tadalafil and any nitroglycerin.',
  },
  {
    id: 'br12',
    ok: '中国2018指南并不要求80岁以上的老人把血压降到130/80以下。',
    bad: '中国2018指南要求80岁以上的老人把血压降到130/80以下。',
  },
];
