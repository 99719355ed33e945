/**
 * Probe pairs for the relation lexicon and modifier scope: a maximum ("tops out at", "should not go above", "不超过",
 * "最多"), a target ("asks … to reach", "happy with anything under", "控制在…即可"), the first / if-tolerated
 * qualifiers ("initial goal", "首先", "如能耐受") and a switch interval ("隔…就可以"), each said plainly and denied.
 * Facts: maximum daily doses (REFERENCE §5.1, drug-knowledge `dose.maxDaily`: losartan 100, valsartan 320, irbesartan
 * 300, enalapril 40 mg); targets (REFERENCE §7: ACC/AHA 2017 <130/80; China 2018 <140/90 then <130/80 if tolerated,
 * ≥80 years <150/90); intervals (REFERENCE §6 row 14: 36 h after
 * the last ACE-inhibitor dose before sacubitril/valsartan; row 12: 24 h after sildenafil, 48 h after tadalafil).
 */
import type { ProbePair } from './probe.ts';

export const RELATION_PAIRS: readonly ProbePair[] = [
  // Maximum.
  { id: 'r01-max-en', ok: 'Losartan tops out at 100 mg a day.', bad: 'Losartan tops out at 200 mg a day.' },
  {
    id: 'r02-max-en',
    ok: 'The valsartan dose should not go above 320 mg daily.',
    bad: 'The valsartan dose should not go above 640 mg daily.',
  },
  { id: 'r03-max-zh', ok: '氯沙坦每天最多吃100 mg。', bad: '氯沙坦每天最多吃150 mg。' },
  { id: 'r04-max-zh', ok: '缬沙坦一天的量不超过320 mg。', bad: '缬沙坦一天的量不超过480 mg。' },
  {
    id: 'r05-max-en',
    ok: 'Irbesartan is capped at 300 mg per day.',
    bad: 'Irbesartan is capped at 600 mg per day.',
  },
  { id: 'r06-max-zh', ok: '厄贝沙坦每日剂量的上限是300 mg。', bad: '厄贝沙坦每日剂量的上限是450 mg。' },
  {
    id: 'r07-max-en',
    ok: 'Nobody should take more than 40 mg of enalapril in a day.',
    bad: 'Nobody should take more than 80 mg of enalapril in a day.',
  },
  // Target.
  {
    id: 'r08-target-en',
    ok: 'ACC/AHA 2017 asks most adults with hypertension to reach a pressure below 130/80.',
    bad: 'ACC/AHA 2017 asks most adults with hypertension to reach a pressure below 140/90.',
  },
  {
    id: 'r09-target-en',
    ok: 'For a 55-year-old, the Chinese 2018 guideline is happy with anything under 140/90.',
    bad: 'For a 55-year-old, the Chinese 2018 guideline is happy with anything under 150/90.',
  },
  {
    id: 'r10-target-zh',
    ok: '按中国2018指南，55岁患者血压控制在140/90以下即可。',
    bad: '按中国2018指南，55岁患者血压控制在150/90以下即可。',
  },
  {
    id: 'r11-target-zh',
    ok: 'ACC/AHA 2017 要求一般成人把血压降到130/80以下。',
    bad: 'ACC/AHA 2017 要求一般成人把血压降到140/90以下。',
  },
  {
    id: 'r12-target-zh',
    ok: '对85岁的老人，中国2018指南只要求血压低于150/90。',
    bad: '对85岁的老人，中国2018指南只要求血压低于160/100。',
  },
  // First / if tolerated.
  {
    id: 'r13-first-en',
    ok: 'Under the Chinese 2018 guideline the initial goal for a 50-year-old is below 140/90, then below 130/80 if tolerated.',
    bad: 'Under the Chinese 2018 guideline the initial goal for a 50-year-old is below 130/80.',
  },
  {
    id: 'r14-first-en',
    ok: 'The Chinese 2018 guideline sets 140/90 as the first aim for most treated 50-year-olds.',
    bad: 'The Chinese 2018 guideline sets 130/80 as the first aim for most treated 50-year-olds.',
  },
  {
    id: 'r15-first-zh',
    ok: '按中国2018指南，50岁患者首先应把血压降到140/90以下，如能耐受再降到130/80以下。',
    bad: '按中国2018指南，50岁患者首先应把血压降到130/80以下。',
  },
  {
    id: 'r16-first-zh',
    ok: '中国2018指南：一般患者首先降至140/90以下，如能耐受可进一步降至130/80以下。',
    bad: '中国2018指南：一般患者首先降至150/90以下，如能耐受可进一步降至140/90以下。',
  },
  {
    id: 'r17-first-en',
    ok: 'Under the Chinese 2018 guideline a 50-year-old should first get below 140/90; if tolerated, 130/80 comes next.',
    bad: 'Under the Chinese 2018 guideline a 50-year-old should first get below 150/90; if tolerated, 140/90 comes next.',
  },
  // Switch interval.
  {
    id: 'r18-interval-zh',
    ok: '停用依那普利后隔36小时就可以开始沙库巴曲缬沙坦。',
    bad: '停用依那普利后隔12小时就可以开始沙库巴曲缬沙坦。',
  },
  {
    id: 'r19-interval-zh',
    ok: '服用他达拉非后，隔48小时就可以用硝酸甘油。',
    bad: '服用他达拉非后，隔一天就可以用硝酸甘油。',
  },
  {
    id: 'r20-interval-en',
    ok: 'Once 24 hours have passed since the sildenafil, nitroglycerin may be used.',
    bad: 'Once 6 hours have passed since the sildenafil, nitroglycerin may be used.',
  },
  {
    id: 'r21-interval-zh',
    ok: '西地那非服用满24小时后才能用硝酸甘油。',
    bad: '西地那非服用后隔6小时就能用硝酸甘油。',
  },
  {
    id: 'r22-interval-en',
    ok: 'Give sacubitril/valsartan no sooner than 36 hours after the last ramipril dose.',
    bad: 'Give sacubitril/valsartan as soon as 12 hours after the last ramipril dose.',
  },
  // Negation and hedge over the relation.
  {
    id: 'r23-denied-zh',
    ok: '中国2018指南并没有要求一般患者降到120/80以下。',
    bad: '中国2018指南要求一般患者降到120/80以下。',
  },
  {
    id: 'r24-denied-en',
    ok: 'The Chinese 2018 guideline does not ask an 85-year-old to get below 130/80.',
    bad: 'The Chinese 2018 guideline asks an 85-year-old to get below 130/80.',
  },
];
