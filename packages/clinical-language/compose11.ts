/**
 * Compositional rules, part 11 (issue 16, round 7; classes of missed emergencies of tuning part 22, formerly held-out
 * 25, written as classes of wording and tested with fresh sentences and near misses in classes14.test.ts):
 * - words that will not come (说不出要说的词, 就是想不起要说的词; "not finding my words") — BE-FAST "Speech";
 * - speech like a drunk's in someone who has not been drinking (话说得跟喝醉了一样, "talking like he's drunk") —
 *   BE-FAST "Speech", slurred speech; not when the sentence says they drank;
 * - a mouth or face gone crooked in Malaysian/Singapore English (mouth senget) and "talk cannot clear";
 * - a first fit recognised by its traces: woke up on the floor with a bitten tongue or wet clothes (epilepsy
 *   first-aid pages: a first seizure needs an ambulance), and a fit told in English inside Chinese (fit 了两次);
 * - too breathless to talk: only a couple of words at a time, 话都说不全 with a breath word (REFERENCE §1.5,
 *   respiratory distress; asthma action plans: cannot finish a sentence);
 * - a child's chest drawing in with each breath (肋骨下面一吸一吸往里陷, "ribs sucking in"): chest indrawing, the sign
 *   of severe respiratory distress in children (WHO IMCI), as 三凹征 in the lexicon;
 * - not knowing the day or calling family by the wrong name, new today (想不起来今天星期几, 叫孙子的名字也叫错，以前不这样)
 *   — REFERENCE §1.5 acute confusion; never a dementia of years, a holiday joke or a slip of the tongue.
 * Each yields an existing concept id, so negation, history, hypothesis and experiencer apply unchanged. Operational
 * cue lists, not clinical numbers.
 */
import type { ComposeRule } from './compose.ts';
import { E, G, SPEECH_UNLESS } from './cues.ts';

/** A new onset, Chinese (today, suddenly, since noon, after a nap, "not like this before"). */
const NEW_ZH =
  '(?:突然|忽然|一下子|今天|今早|刚才|刚刚|从[^,，。!?]{0,4}开始|午睡|睡醒|醒来|起来就|以前不这样|平时不这样|从来不这样|以前(?:都)?好好的)';
/** Long-standing or harmless: dementia of years, a joke about holidays, a slip of the tongue. */
const CONFUSION_UNLESS_ZH =
  '(?:痴呆|认知障碍|阿尔茨海默|好几年|好多年|一直(?:都)?这样|老是|经常|口误|开玩笑|放假|假期|过年|熬夜|忙(?:得|晕)|喝多|喝醉)';

export const COMPOSE_RULES_11: readonly ComposeRule[] = [
  {
    // BE-FAST "Speech" (difficulty speaking, trouble finding words); 中风120 "0 聆听语言 — 表达困难".
    name: 'words that will not come (Chinese)',
    gate: '说',
    concept: 'speech-difficulty',
    re: `(?:就是|突然|怎么也|总是|老是|一直)${G}{0,2}?(?:说不出|想不起|讲不出)(?:要|想)(?:说|讲)的(?:词|字|话)`,
    unless: `(?:${SPEECH_UNLESS}|心里|感情|表白|害羞|不好意思|尴尬|委屈|吵架|紧张|说不出口)`,
    sources: ['befast', 'stroke120'],
  },
  {
    // BE-FAST "Speech": trouble finding words (English).
    name: 'not finding words (English)',
    gate: 'words',
    concept: 'speech-difficulty',
    re: "\\b(?:not|couldn'?t|could not|can'?t|cannot|unable to|struggling to|trouble) (?:find|finding|get|getting) (?:my|his|her|the|their) words(?: out)?\\b",
    unless:
      '\\b(?:to (?:thank|describe|express|say how)|speechless|grateful|emotional|in english|in chinese|second language|interview|presentation)\\b',
    sources: ['befast'],
  },
  {
    // BE-FAST "Speech": slurred speech — told as sounding drunk when the person has not been drinking.
    name: 'speech like a drunk, no drink (zh/en)',
    gate: '(?:醉|喝多|drunk)',
    concept: 'speech-difficulty',
    re: `(?:说话|话|讲话|口齿|舌头)${G}{0,6}?(?:跟|像|和|好像)${G}{0,2}?喝(?:醉|多)了?(?:酒)?(?:一样|似的)|\\b(?:talking|talks|speech|speaking|sounds?|sounded|words)\\b${E}{0,20}?\\blike (?:he|she|i|they|he'?s|she'?s|i'?m|they'?re|he is|she is|he was|she was|i was) ?(?:is |was )?drunk\\b`,
    unless:
      '(?:喝了(?:点|些|几|不少|半)|喝多了(?![^,.。]{0,3}(?:一样|似的))|酒后|刚喝|聚餐|饭局|\\bhad (?:a few|some|too many|several|a couple)\\b|\\b(?:beers|pints|at the pub|at a party)\\b)',
    unlessNot:
      "(?:滴酒(?:没沾|未沾|不沾)|没(?:有)?喝酒|不喝酒|hasn'?t (?:had|been)|has not (?:had|been)|didn'?t (?:have|drink)|doesn'?t drink|sober|no alcohol)",
    sources: ['befast', 'stroke120'],
  },
  {
    // BE-FAST "Face": Malaysian/Singapore English "senget" (crooked, askew) of the mouth or face.
    name: 'mouth or face senget (Malaysian/Singapore English)',
    gate: 'senget',
    concept: 'facial-droop',
    re: `\\b(?:mouth|face|lips?|smile)\\b${E}{0,12}?\\bsenget\\b|\\bsenget\\b${E}{0,6}?\\b(?:mouth|face|smile)\\b`,
    sources: ['befast'],
  },
  {
    // BE-FAST "Speech": learner English "talk (also) cannot clear" ("talk not clear" is in compose2.ts).
    name: 'talk cannot clear (learner English)',
    gate: 'clear',
    concept: 'speech-difficulty',
    re: "\\b(?:talk|talking|speak|speaking|speech)\\b(?: (?:also|oso|already|suddenly|very|is))* (?:cannot|can'?t|cant|not) (?:be )?clear(?:ly)?\\b",
    unless: `(?:${SPEECH_UNLESS}|\\bphone\\b|\\bline\\b|\\bsignal\\b|\\bmic\\b)`,
    sources: ['befast'],
  },
  {
    // Epilepsy first aid (call an ambulance for a first seizure): the traces of an unwitnessed fit — woke on the floor
    // with a bitten tongue or wet clothes (English; Chinese 醒来在地上 … 咬破舌头/尿裤子).
    name: 'bitten tongue or incontinence on waking on the floor (first fit)',
    gate: '(?:tongue|舌头)',
    concept: 'seizure',
    re: `\\b(?:bitten (?:my |his |her )?tongue|bit (?:my|his|her) tongue|tongue (?:was |is )?bitten)\\b|咬(?:破|伤|烂)了?(?:自己的)?舌头`,
    needs:
      '(?:\\bfloor\\b|\\bwoke\\b|\\bcame (?:round|to)\\b|\\bfound (?:him|her|me)\\b|\\bwet (?:myself|himself|herself|trousers|pants|the bed)\\b|地上|醒来|醒过来|倒在|尿裤子|尿了)',
    unless: '(?:\\beating\\b|\\bchewing\\b|\\bfood\\b|\\bdinner\\b|\\blunch\\b|\\bgum\\b|吃饭|吃东西|嚼)',
    sources: ['ref-1.5'],
  },
  {
    // A fit told in English inside Chinese ("今天已经 fit 了两次"): REFERENCE §1.5 seizure.
    name: 'fit in English inside Chinese (fit 了两次)',
    gate: 'fit',
    concept: 'seizure',
    re: '(?<![a-z])fit(?:ted|ting)?\\s*(?:了|咗|过)?\\s*(?:[一二两三四五几\\d]+\\s*(?:次|回|下)|一阵)',
    needs: '(?:癫痫|epilep|seizure|抽|drowsy|醒|倒)',
    sources: ['ref-1.5'],
  },
  {
    // REFERENCE §1.5 respiratory distress; asthma action plans: too breathless to speak more than a few words.
    name: 'only a couple of words at a time, breathless (English)',
    gate: 'words',
    concept: 'dyspnoea',
    re: '\\b(?:can|could) only (?:say|get out|speak|manage|talk in|get) (?:a (?:couple of|few)|one|two|three|[1-3]|single) (?:words?|word at a time)\\b',
    needs: '(?:breath|asthma|inhaler|pump|puffer|wheez|air\\b|喘|气)',
    sources: ['ref-1.5'],
  },
  {
    // The same in Chinese: 话都说不全 / 说不成句 with a breath word in the sentence.
    name: 'cannot finish what is said, breathless (Chinese)',
    gate: '说不',
    concept: 'dyspnoea',
    re: '(?:话|说话|一句话)(?:都|也)?(?:说不全|说不完整|说不成句|说不完|说不了整句)',
    needs: '(?:喘|气|呼吸|憋)',
    unless: '(?:哭|激动|紧张|生气|吵)',
    sources: ['ref-1.5'],
  },
  {
    // WHO IMCI: chest indrawing (the lower chest wall going in with each breath) is severe respiratory distress in a
    // child, as 三凹征 (lexicon/variants5.ts). Never a chest shape since birth (漏斗胸, pectus).
    name: 'chest drawing in with each breath (zh/en)',
    gate: '(?:陷|凹|sucking|pulling|caving)',
    concept: 'dyspnoea',
    re: `(?:肋骨|肋间|肋下|锁骨|胸骨|胸口|心窝)(?:下面|下边|上面|上边|那里|这里|窝)?${G}{0,6}?(?:往里陷|往里凹|凹进去|陷进去|一吸一吸)|\\b(?:ribs?|chest|collarbones?|skin between (?:his|her|the) ribs)\\b${E}{0,15}?\\b(?:sucking|sucks|pulling|pulls|caving|caves|sinking|sinks) in\\b`,
    unless: '(?:漏斗胸|鸡胸|天生|生下来|从小|一直(?:都)?这样|\\bpectus\\b|\\bsince birth\\b|\\balways\\b)',
    sources: ['ref-1.5'],
  },
  {
    // REFERENCE §1.5 acute confusion: not knowing the day, new today (想不起来今天星期几).
    name: 'does not know the day or where they are, new (Chinese)',
    gate: '(?:星期|礼拜|几号|哪年|在哪)',
    concept: 'confusion',
    re: '(?:想不起来?|不知道|记不得|记不起来?|说不出|搞不清)(?:今天|现在|自己)?(?:是)?(?:星期几|礼拜几|几号|几月|哪年|哪一年|在哪儿?)',
    needs: NEW_ZH,
    unless: CONFUSION_UNLESS_ZH,
    sources: ['ref-1.5'],
  },
  {
    // REFERENCE §1.5 acute confusion: family called by the wrong name, not like before (叫他孙子的名字也叫错，以前不这样).
    name: 'family called by the wrong name, new (Chinese)',
    gate: '(?:叫错|认错|喊错|认不出)',
    concept: 'confusion',
    re: '(?:名字|人)(?:也|都)?(?:叫错|认错|喊错|认不出)|(?:叫错|认错|喊错)了?(?:名字|人)',
    needs: NEW_ZH,
    unless: CONFUSION_UNLESS_ZH,
    sources: ['ref-1.5'],
  },
];
