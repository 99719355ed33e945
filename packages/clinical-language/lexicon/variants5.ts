/**
 * More surface forms for the emergency rows (part 5, issue 16; classes found as misses of independent tuning part
 * 12): Hokkien and Taiwanese wordings (講話大舌 speech thick, 正手/倒手 攏無力 the right/left hand without strength, 喙歪去
 * the mouth gone crooked, 叫袂精神 / 叫攏無應 cannot be woken or does not answer, 目睭吊起來 eyes rolled up in a fit,
 * 目睭雄雄看無 the eye suddenly cannot see), sight doubled (看人變成兩個), toneless pinyin (kan dong xi chong ying, you
 * bian shou mei jin) and the clinician's 三凹征 (chest indrawing). Each form is a wording of a sign the row's sources
 * list: BE-FAST / 中风120 (face, arm, speech, eyes), REFERENCE §1.5 (seizure, impaired consciousness, respiratory
 * distress). Hokkien 袂 is read as 不 and traditional characters as simplified by normalize.ts before matching.
 * Merged into the rows by lexicon/index.ts; near misses in classes8.test.ts.
 */
import type { Variants } from './variants.ts';

/** A gap inside a phrase: no clause break and no negation character. */
const G = '[^,.。!?;:\\n不没无未别但却和及与、]';
/** Hokkien sides: 正 (right) and 倒 (left) hand, foot or side; 一爿 one side. */
const HOKKIEN_SIDE = '(?:正|倒)(?:手|跤|骹|脚|爿|边)';

export const VARIANTS_5: Readonly<Record<string, Variants>> = {
  // Hokkien 講話大舌 (speech gone thick, "big tongue"); the Mandarin row has 大舌头.
  'speech-difficulty': { patterns: ['(?:讲话|说话)(?:变|变得|有点|煞)?大舌(?!头)'] },
  // Hokkien 正手/倒手 攏無力 (the right/left hand has no strength at all), pinyin "you bian shou mei jin".
  'limb-weakness': {
    patterns: [
      `${HOKKIEN_SIDE}(?:攏|拢|嘛|也|都)?(?:无力|没力|软去|不振动|不动|提不起|举不起)`,
      '\\b(?:zuo|you)\\s?(?:bian|ce)\\s?(?:de\\s?)?(?:shou|jiao|tui|ge\\s?bo)\\s?(?:ye\\s?|dou\\s?)?(?:mei\\s?(?:jin|li(?:\\s?qi)?)|wu\\s?li|tai\\s?bu\\s?qi)\\b',
    ],
  },
  // Hokkien 喙 (mouth) 歪去 / 歪一爿 (gone crooked to one side).
  'facial-droop': { patterns: ['喙(?:嘛|也|都|角)?歪'] },
  // Hokkien 叫袂精神 (cannot be woken; 袂 → 不), 叫攏無應 (no answer at all when called).
  unresponsive: {
    // Learner English (tuning part 14): someone else "cannot wake up" (not "I cannot wake up early").
    patterns: [
      '叫不精神',
      `叫(?:攏|拢|都)(?:无应|不应)`,
      "(?<!\\bi\\s)\\b(?:cannot|can ?not|can'?t|could ?not|couldn'?t)\\s+wake\\s+up\\b(?!\\s+(?:early|on time|in the morning|for|before|at|when))",
    ],
    // "no longer responding", "stopped responding" (a person; an app or a device is explained in explain.ts).
    en: ['no longer responding', 'stopped responding', 'not responding anymore', 'no longer responsive'],
  },
  // Eyes rolled up in a fit (Hokkien 目睭吊起來, Mandarin 眼睛往上吊).
  // Learner English "eyes roll up" (present tense) as the row's "eyes rolled back".
  seizure: {
    patterns: [
      `(?:目睭|眼睛|眼珠)${G}{0,2}?(?:吊起来|吊上去|往上吊|上吊了)`,
      '\\beyes?\\s+(?:roll|rolls|rolling)\\s+(?:up|back)\\b',
    ],
  },
  // Hokkien 目睭雄雄看無 (the eye suddenly cannot see; 雄雄 = suddenly), one side (正爿/倒爿); sight doubled
  // (看人變成兩個, 字都变两个); pinyin "kan dong xi chong ying" (seeing double).
  'sudden-vision-loss': {
    patterns: [
      `(?:${HOKKIEN_SIDE}|一爿|一蕊)?目睭${G}{0,2}?雄雄${G}{0,2}?看无`,
      `${HOKKIEN_SIDE}目睭${G}{0,3}?看无(?!清)`,
      `(?:看东西|看人|看字|字|眼前)${G}{0,4}?(?:变成|变|成了)(?:了)?(?:两个|两份|俩|双的|重影)`,
      '\\bkan\\s?dong\\s?xi\\s?(?:chong\\s?ying|bian\\s?liang\\s?ge)\\b',
    ],
  },
  // 有/患有/得了 羊角风 (having the falling sickness): the condition epilepsy, not a fit now (the seizure row's 羊角风).
  epilepsy: { patterns: ['(?:有|患有|患|得了|得的是)(?:个)?(?:羊角风|羊癫疯|羊癫风|羊羔疯)'] },
  // Chest indrawing (三凹征): a clinician's sign of severe respiratory distress (REFERENCE §1.5 respiratory distress).
  dyspnoea: { zh: ['三凹征'] },
};
