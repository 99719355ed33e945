/**
 * More surface forms for the emergency rows (part 3, issue 16; classes found as misses of independent tuning part
 * 3): toneless pinyin written by patients without a Chinese input method ("xiong kou hao tong", "zui wai le",
 * "我妈zhongfeng了"), Wu (Shanghainese) negation inside a sign (讲勿清爽 speech not clear, 伸勿起来 cannot lift),
 * Cantonese sight loss (睇唔到), jerking that does not stop (又开始抽了，停不下来), sudden inability to speak
 * (突然不能说话, 说不出字), and lay English ("can hardly breathe", "lost the vision in my right eye"). Each form is a
 * lay wording of a sign the row's sources list: BE-FAST / 中风120 (face, arm, speech, eyes), AHA heart-attack warning
 * signs (chest pain; shortness of breath), REFERENCE §1.5 (seizure). Merged into the rows by lexicon/index.ts; near
 * misses in classes3.test.ts.
 */
import type { Variants } from './variants.ts';

/** A gap inside a phrase: no clause break and no negation character. */
const G = '[^,.。!?;:\\n不没无未别但却和及与、]';
/** A gap inside a sentence (commas allowed). */
const S = '[^。!?;\\n]';
/** Pinyin syllable separator: none, a space or a hyphen. */
const P = '[\\s-]?';

export const VARIANTS_3: Readonly<Record<string, Variants>> = {
  'chest-pain': {
    patterns: [
      // A current angina attack named by the condition ("心绞痛又犯了"): the chest-pain red flag (AHA warning signs).
      `心绞痛${G}{0,2}?(?:又犯|又发作|(?:犯|发作|发)了)(?!过|时|的时候)`,
      `\\bangina\\b[^,.;!?\\n]{0,12}?\\b(?:flaring up|playing up|is back|came back|attack now)\\b`,
      `\\bxiong${P}kou${P}(?:hao${P}|hen${P}|you${P}dian${P}|te${P}bie${P})?(?:tong|teng|men)\\b`,
    ],
  },
  'facial-droop': { patterns: [`\\bzui${P}(?:ba${P})?wai${P}(?:le|la)\\b`] },
  'speech-difficulty': {
    patterns: [
      `\\bshuo${P}hua${P}(?:bu${P}qing|han${P}hu|bu${P}li${P}suo|da${P}she${P}tou)`,
      // Wu: 讲(闲话)勿清爽 / 讲弗清爽 (speech not clear).
      `(?:讲|说)(?:闲话)?${G}{0,3}?[勿弗](?:清爽|清楚|出)`,
      // Sudden loss of speech: "突然不能说话了", "嘴巴张着就是说不出字" (BE-FAST "Speech").
      `(?<=(?:突然|一下子|忽然)${G}{0,2})(?:不能|没法|讲不了|说不了)说话`,
      `说不出(?:字|一个字|一句话|一句)`,
    ],
  },
  dyspnoea: {
    en: [
      'can hardly breathe',
      'can hardly breath',
      'can barely breathe',
      'can barely breath',
      'hardly breathing',
    ],
    patterns: [`\\bchuan${P}bu${P}(?:shang|guo|dong)${P}(?:qi|lai)\\b`, `\\bhu${P}xi${P}kun${P}nan\\b`],
  },
  // Typo "stroak" (two edits from "stroke", under the 8-letter limit of the general corrector).
  stroke: { en: ['stroak'] },
  'stroke-now': {
    en: ['having a stroak', 'had a stroak just now'],
    patterns: [`\\bzhong${P}feng${P}le\\b|\\bzhong${P}feng(?=了)`],
  },
  // Walking drifts to one side (BE-FAST "Balance"): "走路也往一边歪".
  'balance-loss': { patterns: [`(?:走路|站着|人)${G}{0,3}?往(?:一边|一侧)(?:倒|歪|偏)`] },
  headache: { patterns: [`(?:脑瓜子?|脑壳)${G}{0,3}?(?:疼|痛)`] },
  'severe-headache': { en: ['sudden bad headache'] },
  'limb-weakness': {
    // Wu: 左手伸勿起来 / 抬弗起来 (cannot lift).
    patterns: [`(?:左|右|一只|一边)?(?:手|脚|胳膊|腿)${G}{0,2}?[伸抬举拎][勿弗]起`],
  },
  'sudden-vision-loss': {
    patterns: [
      // Cantonese 睇唔到(嘢) / 睇唔见: cannot see (BE-FAST "Eyes", with a side or sudden onset in the sentence).
      `(?<=(?:左|右|一只|一边)${S}{0,6})睇唔(?:到|见|清)|(?<=(?:突然|一下子|忽然)${G}{0,3})睇唔(?:到|见)`,
      '\\blost (?:part of |half of |half |some of )?(?:the |my |his |her )?(?:vision|sight)\\b[^.;!?\\n]{0,20}?\\b(?:right|left|one) eye\\b',
    ],
  },
  seizure: {
    // Jerking again or now that does not stop (not 抽烟/抽血/抽筋 — smoking, a blood test, a cramp).
    patterns: [
      // A current attack named by the condition ("羊癫疯又犯了", "癫痫发作了"): the seizure red flag, not only the
      // diagnosis (REFERENCE §1.5; a past or controlled epilepsy stays the condition: "十几年没发作了", "犯过").
      `(?:癫痫|羊癫疯|羊角风|羊羔疯)${G}{0,2}?(?:又犯|又发作|(?:犯|发作|发|犯病)了)(?!过|时|的时候)`,
      `(?:开始|又|在|正在|还在)抽(?![烟血筋空时奖屉水签])(?:了|起来|搐)?${S}{0,8}?(?:停不下来|止不住|停不住)`,
    ],
  },
};
