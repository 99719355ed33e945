/**
 * Context-modifier rules, part 13 (issue 16, round 9: experiencer classes of the tuning parts' modifier errors; tested
 * with fresh sentences in classes15.test.ts), merged into the rule lists by context.ts:
 * - a counted person a relay or a clinician describes — 一个孕妇, 一位长辈, 一名…病人, 有个大爷, 一个糖尿病老人 — is
 *   the experiencer of what follows (README labelling conventions: `fam` is "a patient described by a clinician or
 *   relay"; ConText's experiencer triggers are the persons of the note: Harkema et al. 2009, J Biomed Inform 42:839).
 *   The cue is the count word alone (一个, 一位 …), so that a condition inside the description (一名下壁心梗病人)
 *   is after it. Never the writer counting themself (我是一个孕妇, 作为一名患者), never a condition (如果一个人…).
 * - a small child named without a possessive ("the little one", toddler, Malay anak): someone else.
 * - an event a clinician calls old ("old CVA", 陈旧性脑梗) or counts time after (脑梗后第十天, 中风后三年, 恢复期) is
 *   past; a bare 中风后 is not (it may be today's).
 * Operational cue lists, not clinical numbers.
 */
import type { TriggerRule } from './rules.ts';

/** The person nouns of a relay's description. */
const PERSON_NOUN =
  '(?:孕妇|产妇|病人|患者|老人家?|长辈|大叔|大爷|大妈|大娘|阿姨|阿伯|男子|女子|男性|女性|男的|女的|男生|女生|小孩|孩子|学生|小伙子?|姑娘|老太太?|老大爷|老先生|老头|工人|乘客|顾客|客人|住户|居民|游客|员工)';

/** The event-condition concepts an "old …" or "…后第十天" dates (never the happening-now forms). */
const EVENTS = ['stroke', 'myocardial-infarction', 'tia'];

export const TRIGGERS_13: readonly TriggerRule[] = [
  // A clinician's "old CVA", "old MI", 陈旧性脑梗: a past event (README: a past event is `hist`).
  {
    category: 'historical',
    direction: 'forward',
    re: '\\bold (?=(?:cva|stroke|mi|infarct|tia)\\b)|陈旧性(?=脑梗|心梗|脑梗死|心肌梗死|脑出血)',
    concepts: EVENTS,
    window: 1,
  },
  // Time counted after the event (脑梗后第十天, 中风后三年, 心梗后两个月, 恢复期): past. Never a bare 中风后 ("中风后送到医院").
  {
    category: 'historical',
    direction: 'backward',
    re: '^(?:后|以后|之后)(?:第[\\d一二三四五六七八九十两]+天|[\\d一二三四五六七八九十两几半]+(?:年|个月|周|个星期)|遗症|康复)|^恢复期',
    concepts: EVENTS,
    adjacent: true,
  },
  {
    category: 'experiencer',
    direction: 'forward',
    re: `(?<!(?:我是|我也是|我就是|本人是|作为|如果|要是|假如|万一)[^,，。!?;\\n]{0,2})(?:(?<![\\u4e00-\\u9fff])|(?<=[:：,，\\s]|有|来了|送来))(?:一|有)(?:个|位|名)(?=[^,，。!?;\\n]{0,8}?${PERSON_NOUN})`,
  },
  {
    category: 'experiencer',
    direction: 'forward',
    re: '\\b(?:the little one|the baby|(?:my|our) (?:toddler|little one|anak)|toddler|anak)\\b',
  },
];
