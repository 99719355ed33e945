/**
 * More surface forms for symptom and condition rows (part 9, issue 16, round 9: lexicon coverage, the largest root cause
 * of modifier errors — docs/notes/cl-modifiers-study-2026-12-08.md §1, docs/notes/cl-round9-2026-12-08.md). Lay,
 * Cantonese, Wu and mixed wording of the tuning parts' labelled concepts that were never found. Symptoms and a
 * condition only: none is a red flag, none changes an emergency call by itself. English forms are patterns, not list
 * words, so that no real English word becomes a typo target (match.ts builds the typo vocabulary from list words).
 * Sources of the rows: `intake` (patient wording recorded at intake) and `patient-education` (lay names of symptoms).
 * - nausea ("feel sick", 孕吐, morning sickness) and vomiting in lay words (一直吐, 吐得, 吃什么吐什么, 吐了两次,
 *   "throw up") — not 吐槽 (complain), 吐字 (articulation), 吐痰/吐血/吐口气; the corpus labels both as the `nausea`
 *   group (decision 0030, point 5);
 * - pregnancy and the weeks after birth (孕32周, 孕晚期, 产后, 生完孩子, 剖腹产, 坐月子; "gave birth", postpartum,
 *   "I'm 28 wks") — the row the obstetric warning-sign compositions (compose4.ts) read by their own gate;
 * - fatigue (提不起劲, 累得不行, 累成狗, 浑身不得劲, Cantonese 攰; knackered, washed out, "dead on my feet");
 * - oedema (mixed "脚有点 swollen", "ankles swelled", "puffier", 下肢肿, 全身肿, 眼皮早上有点肿; never 肿瘤);
 * - insomnia (睡不踏实, 睡眠差, Wu 睏勿着, Cantonese 睡唔着; "can't get off to sleep", "lying awake", "keeps me awake");
 * - palpitations (心突突的, 心砰砰跳, 心跳很重, 咚咚响; "skip a beat", "does a little flip", "heart beat very fast").
 */
import type { Variants } from './variants.ts';

/** A gap inside a phrase: no clause break and no negation character (as in the rows). */
const G = '[^,.。!?;:\\n不没无未别但却和及与、]';

export const VARIANTS_9: Readonly<Record<string, Variants>> = {
  nausea: {
    zh: ['孕吐'],
    patterns: [
      '\\b(?:feel(?:s|ing)?|felt)\\s+(?:a bit |a little |slightly |really |very |so |quite )?(?:sick|queasy)\\b(?!\\s+(?:of|and tired|about))',
      '\\b(?:morning sickness|seasick)\\b',
    ],
  },
  vomiting: {
    zh: ['吃什么吐什么', '喝口水都吐', '喝水都吐'],
    patterns: [
      '(?<![吞呕谈])吐(?:了|得|个不停|起来)(?![槽字痰血]|[一两几]?口)',
      '(?:一直|还|就|又|老|总|狂|猛|在)吐(?![槽字痰血口气舌])',
      '(?:呕|吐)(?:了)?(?:两|几|好几|三|四|\\d{1,2})次',
      '\\b(?:vomit(?:s)?|throw up|puking)\\b',
    ],
  },
  pregnancy: {
    zh: ['产后', '剖腹产', '剖宫产', '坐月子', '月子里', '产妇', '孕早期', '孕中期', '孕晚期'],
    patterns: [
      '孕\\s?\\d{1,2}\\s?(?:周|w\\b)',
      '生完(?:孩子|娃|宝宝|小孩|二胎|老二|宝贝)',
      '\\b(?:gave birth|postpartum|post-partum|had (?:the|a|our|my|her) baby (?:\\d+|a|two|three|four|five|six) (?:days?|weeks?) ago)\\b',
      // (The person stays outside the mention, so that "my wife is 36 weeks" finds her as the experiencer.)
      "(?<=\\b(?:i'?m|im|i am|she'?s|she is|wife is|now)\\s+)\\d{1,2}\\s*(?:weeks|wks|w)\\b(?!\\s+(?:old|ago|later))",
      '^\\s*\\d{2}\\s?(?:w|wks|weeks)\\b(?!\\s+(?:old|ago|later))',
    ],
  },
  fatigue: {
    zh: [
      '提不起劲',
      '提不起精神',
      '累得不行',
      '累得要死',
      '累成狗',
      '浑身没有力气',
      '全身没劲',
      '浑身不得劲',
      '乏得很',
      '有啲攰',
      '好攰',
    ],
    patterns: [
      '(?:老是|总是|老|总|最近|一直)(?:觉得|说)?(?:有点|很|好)?(?:乏|累|没劲)(?![了的]?(?:吧|死人))',
      '\\b(?:knackered|washed out|dead on my feet|always tired|tired all the time|wiped out)\\b',
    ],
  },
  oedema: {
    zh: ['全身肿', '下肢肿', '双下肢肿', '腿杆杆有点肿'],
    patterns: [
      '(?:脚|腿|脚踝|下肢|手|脸|眼皮|ankles?|legs?|feet)\\s*(?:有点|少少|都|也)?\\s*(?:a bit |slightly )?(?:swollen|swelling|swell)',
      '\\b(?:ankles?|feet|legs?|face|hands?)\\b[^,.;!?]{0,16}\\b(?:swell(?:ed|s|ing)?(?: up)?|puffi(?:er|ness))\\b',
      `(?:眼皮|脚|腿|脚踝)${G}{0,4}?肿(?!瘤)`,
    ],
  },
  insomnia: {
    zh: ['睡不踏实', '睡眠差', '睡眠很差', '睡眠不好', '睏勿着', '睡唔着', '睏不去', '睡眠全乱'],
    patterns: [
      "\\b(?:can'?t|cannot|couldn'?t|struggling to|unable to) (?:get off to |fall |get to )?sleep\\b",
      "\\b(?:lying awake|keeps? me awake|sleep is (?:poor|bad|terrible)|haven'?t slept (?:properly|well)|hardly sleeps?|not sleeping (?:well|properly))\\b",
    ],
  },
  palpitations: {
    zh: ['心突突的', '心砰砰跳', '心跳很重', '心跳得咚咚响', '心会漏跳'],
    patterns: [
      '\\b(?:skip(?:s|ped)? a beat|does a (?:little )?flip|heart beat (?:very |so )?fast|heart (?:going|at) \\d{3}|felt it pounding)\\b',
      '心跳[^,.。!?;:\\n]{0,4}?(?:咚咚|很重|砰砰)',
    ],
  },
};
