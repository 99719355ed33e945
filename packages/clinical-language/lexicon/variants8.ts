/**
 * More surface forms for the emergency rows (part 8, issue 16, round 9; classes found as missed emergencies of tuning
 * part 23, formerly held-out 18). Merged into the rows by lexicon/index.ts; tests with fresh sentences and near misses
 * in classes15.test.ts.
 * - Face (BE-FAST "Face", 中风120 "1 看脸"; sources of the row: befast, stroke120): the mouth pulled to one side with
 *   words between (嘴巴有点往左边歪), water running out of one corner of the mouth (水从左边嘴角往外流), one side of the
 *   face numb (左边脸木木的), one eyebrow that will not lift (眉毛抬不起来 — the upper face of a facial palsy).
 * - Consciousness (REFERENCE §1.5 encephalopathy: confusion, reduced consciousness): called many times before answering
 *   (喊好几遍才答应), answers that are wrong (答的也不对), muddled all along since a time (一直迷糊).
 * - Fit (REFERENCE §1.5 seizure; epilepsy first aid): eyes rolled up white (眼反白, Cantonese 眼仲反白), the jaw clenched
 *   (牙咬得紧紧的), a child who "抽了" (a child's fit in lay words; not 抽筋 cramp, not smoking or drawing lots), the whole
 *   body stiff right after a jerk (抽筋，成个人硬晒).
 * - Chest (REFERENCE §1.5, AHA heart-attack warning signs: pressure or pain in the centre of the chest): a place in the
 *   chest between the chest and the pain (胸口正中间一阵阵压着疼), a correction of the kind of pain (胸口不是刺痛，是…压着).
 * - Breath (REFERENCE §1.5 pulmonary oedema; AHA acute heart failure: breathless lying flat, waking breathless):
 *   "couldn't breathe" (past tense of the row's "can't breathe"; not through the nose), waking "drowning" or gasping,
 *   breathless lying down.
 * - Sight (REFERENCE §1.5 visual disturbance; BE-FAST "Eyes"): an English eye in a Chinese sentence (right eye 看不见了),
 *   half of what one looks at gone on one side (a field defect), double in Cantonese or lay words (睇嘢变咗两个,
 *   一个人变两个人).
 */
import type { Variants } from './variants.ts';

/** A gap inside a phrase: no clause break and no negation character (as in the rows). */
const G = '[^,.。!?;:\\n不没无未别但却和及与、]';
const SIDE = '(?:左边|右边|一边|半边|一侧|左|右)';

export const VARIANTS_8: Readonly<Record<string, Variants>> = {
  'facial-droop': {
    patterns: [
      `(?:嘴|嘴巴|嘴角|口角|脸)${G}{0,3}?往${SIDE}${G}{0,2}?(?:歪|斜|偏|扯)`,
      `(?:饭|水|汤|口水|粥)从${G}{0,3}?(?:嘴角|嘴边|口角)${G}{0,2}?(?:往外)?(?:漏|流|淌|掉)`,
      `(?:左边|右边|半边|一边)(?:脸|面)${G}{0,2}?(?:木|麻)`,
      `(?:${SIDE})?眉毛${G}{0,2}?(?:抬不起|抬不动|挑不起|动不了)`,
    ],
  },
  unresponsive: {
    patterns: [`(?:叫|喊)${G}{0,8}?(?:好几|好多|几|很多|半天)(?:遍|声|次|下)才(?:答应|应|醒|睁眼|有反应)`],
  },
  confusion: {
    patterns: [
      // (Answers to a person's questions, not a quiz: 问她在哪答得不对, not 答题答得不对.)
      '(?<=(?:问|叫|喊)[^。!?\\n]{0,16})答(?:的|得)(?:也|都)?(?:不对|牛头不对马嘴|乱七八糟|驴唇不对马嘴)',
      `(?:一直|整天|一下午|一上午|一晚上)${G}{0,1}?迷糊(?!了?一会)`,
    ],
  },
  seizure: {
    zh: ['牙咬得紧紧', '牙齿咬得紧紧'],
    patterns: [
      `眼(?:睛|珠)?${G}{0,2}?(?:反白|翻白)`,
      '(?:娃|娃娃|孩子|小孩|宝宝|宝贝|儿子|女儿|崽|仔|闺女)(?:突然|又|刚才|刚刚)?抽(?:了|起来了?)(?![烟血水根支口筋签奖屉])',
      `抽(?:筋)?[,，]\\s*(?:成个人|整个人|全身|浑身|身子)${G}{0,2}?(?:硬|僵|绷直|挺直)`,
    ],
  },
  'chest-pain': {
    patterns: [
      `(?:胸|心口)(?:口|部)?(?:正中间?|中间|正中|当中|中央|里面|里头|前面)${G}{0,6}?(?:痛|疼|压|闷|紧|堵|憋)`,
      `(?:胸|心口)(?:口|部)?不是${G}{0,4}?[,，]\\s*(?:是|而是)${G}{0,6}?(?:闷|压|紧|堵|憋|痛|疼)`,
    ],
  },
  dyspnoea: {
    patterns: [
      "\\b(?:couldn'?t|could not) breathe\\b(?! (?:through|out of) (?:my|his|her|the) nose)",
      '\\bwoke (?:up )?(?:drowning|gasping|choking|suffocating|unable to breathe|fighting for (?:breath|air))\\b',
      "\\b(?:can'?t|cannot|couldn'?t|could not) (?:breathe|lie) (?:when |while |if )?(?:i |he |she )?(?:lying|lie|lay) (?:down|flat)\\b",
    ],
  },
  'sudden-vision-loss': {
    patterns: [
      `\\beye\\s*${G}{0,3}?看不(?:见|到)`,
      '\\bhalf (?:of )?(?:everything|what|things) (?:i|he|she) (?:look at|see|looks at|sees)\\b[^.;!?]{0,24}\\b(?:gone|missing|disappeared|dark|black|blank)\\b',
      `(?:睇嘢|睇人|看东西|看人|看字)${G}{0,4}?变(?:咗|了|成)?(?:两个|两份|重影|双)`,
      '一个人变(?:成|咗|了)?两个(?:人)?',
    ],
  },
};
