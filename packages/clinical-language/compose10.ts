/**
 * Compositional rules, part 10 (issue 16, round 6; classes of missed emergencies of tuning parts 19 and 21, written as
 * classes of wording and tested with fresh sentences in classes13.test.ts):
 * - a head pain called the worst in a life or the worst one ever had, with the superlative's own morphology ("worst
 *   one he ever got in his life", "worst pain I've ever had", "worst pain ever") and a head word in the sentence;
 * - disorientation told as what someone no longer knows ("doesn't know what year it is / who I am / where she is")
 *   with a new or sudden onset;
 * - speech gone mumbled, garbled or slurred with words between ("her speech is all mumbled");
 * - a side's limb flopping or hanging limp ("her right arm flops", "his left hand just dangles"); the mouth or face
 *   named in Chinese with its droop in English (嘴角 droop 咗);
 * - chest pressure as something pressing on the chest: English similes ("like someone's kneeling on my chest") and
 *   mixed zh/en with an English object (胸口好像有块 brick 压着);
 * - breathlessness lying down with words between (一躺下就有 drowning 的感觉) or even sitting up (坐起来也喘), speech
 *   broken up by breathlessness (说话断断续续 with 喘).
 * Each yields an existing concept id, so negation, history, hypothesis and experiencer apply unchanged; near misses are
 * the `unless` lists. Operational cue lists, not clinical numbers.
 */
import type { ComposeRule } from './compose.ts';
import { CHEST, CHEST_UNLESS, HEAD_UNLESS, HEAD_UNLESS_NOT, SPEECH_UNLESS } from './cues.ts';

/** A new or sudden onset (English): suddenly, new, since a time of today, an hour ago. */
const NEW_EN =
  '(?:\\bsudden(?:ly)?\\b|\\ball of a sudden\\b|\\bout of nowhere\\b|\\bnew\\b|\\bsince (?:this morning|lunch|breakfast|dinner|tea|noon|last night|\\d)|\\b(?:an?|one|two|\\d+) (?:hours?|mins?|minutes?) ago\\b|\\bjust now\\b|\\btoday\\b|\\btonight\\b|\\bthis (?:morning|afternoon|evening)\\b|\\bstarted\\b|\\bnot (?:like )?(?:him|her)self\\b|\\busually\\b|\\bnormally\\b)';
/** A head named in the sentence (English). */
const HEAD_EN = "\\b(?:head|headache|head's|skull)\\b";
/** Pronouns of a person (the one the superlative speaks of). */
const WHO = "(?:i|i'?ve|he|he'?s|she|she'?s|they|they'?ve|we|you)";

export const COMPOSE_RULES_10: readonly ComposeRule[] = [
  {
    // REFERENCE §1.5 / AHA stroke warning sign "sudden severe headache"; patient education (thunderclap headache):
    // the worst of a life, or the worst one ever had, in the superlative's own words, with a head word in the sentence.
    name: 'head pain × worst ever had / worst of a life (English superlative)',
    gate: 'worst',
    concept: 'thunderclap-headache',
    re:
      `\\bworst\\s+(?:(?:head)?(?:pain|ache|one|headache|thing)\\s+)?(?:` +
      `${WHO}(?:\\s+(?:have|has|had|'ve))?\\s+(?:ever\\s+)?(?:had|got|gotten|felt|experienced|known)(?:\\s+in\\s+(?:my|his|her|their|your)\\s+(?:whole\\s+|entire\\s+)?life)?|` +
      `ever\\b|of\\s+(?:my|his|her|their|your)\\s+(?:whole\\s+|entire\\s+)?life|in\\s+(?:my|his|her|their|your)\\s+(?:whole\\s+|entire\\s+)?life)`,
    needs: HEAD_EN,
    unless: `(?:${HEAD_UNLESS}|\\b(?:tooth|teeth|back|period|labou?r|stomach|belly|knee|ear|neck) ?(?:pain|ache)|\\bday\\b|\\bweek\\b|\\bexam\\b|\\bhangover)`,
    unlessNot: HEAD_UNLESS_NOT,
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    // REFERENCE §1.5 confusion: what someone no longer knows — the year, who the carer is, where they are — new.
    name: 'does not know the year, who someone is or where they are, new (English)',
    gate: '(?:know|remember|recogni)',
    concept: 'confusion',
    re:
      "\\b(?:doesn'?t|does not|didn'?t|did not|can'?t|cannot|couldn'?t|don'?t|no longer|not)\\s+(?:even\\s+)?(?:know|remember|recogni[sz]e|tell)\\s+" +
      '(?:what (?:year|day|month|time) it is|where (?:he|she|they|i|we) (?:is|are|am|was|were|lives?)|who (?:i am|i was|he is|she is|we are|they are|anyone is|his (?:wife|son|daughter)|her (?:husband|son|daughter)))',
    needs: NEW_EN,
    unless:
      '(?:\\bfor (?:years|months)\\b|\\balways\\b|\\bas usual\\b|\\bjoke|\\bdrunk\\b|\\bjust woke\\b|\\bjet ?lag)',
    sources: ['ref-1.5'],
  },
  {
    // BE-FAST "Speech": speech gone mumbled, garbled or slurred, with a few words between (English).
    name: 'speech × mumbled, garbled or slurred, words between (English)',
    gate: '(?:mumbl|jumbl|garbl|muddl|slurr|mush|gibberish)',
    concept: 'speech-difficulty',
    re: "\\b(?:speech|words|talking|voice)\\b(?:\\s+(?:is|are|was|were|'s|has|have|had|sounds?|sounded|seems?|came|comes|coming|went|gone|getting|got|all|really|very|so|suddenly|a|bit|kind|of|kinda|out|just|now|completely))*\\s+(?:mumbled|mumbly|jumbled|garbled|muddled|slurred|slurry|slurring|mushy|gibberish)\\b",
    unless: `(?:${SPEECH_UNLESS}|\\bdentist|\\bnumbing|\\bmouth ?guard|\\bbraces\\b|\\bhalf asleep\\b|\\bsleep ?talk)`,
    sources: ['befast', 'stroke120'],
  },
  {
    // BE-FAST "Arm": a side's limb that flops, dangles or hangs limp (English).
    name: "a side's limb flops, dangles or hangs limp (English)",
    gate: '(?:flop|dangl|limp|hang)',
    concept: 'limb-weakness',
    re: '\\b(?:left|right)\\s+(?:arm|leg|hand|side)\\b(?:\\s+(?:just|is|has|keeps|kind of|sort of|all|now|suddenly|gone|went))*\\s+(?:flops?|flopped|flopping|floppy|dangles?|dangling|dangled|hangs?(?:\\s+down)?\\s+limp|hanging(?:\\s+down)?\\s+limp|limp|dead weight)\\b',
    unless:
      '(?:\\bslept on\\b|\\bsleeping on\\b|\\bgym\\b|\\bsprain|\\bfracture|\\bbroke|\\binjur|\\bcast\\b|\\bsling\\b|\\bpuppet|\\bdoll|\\bwalk(?:ed|ing)? with a limp|\\blimping)',
    sources: ['befast'],
  },
  {
    // BE-FAST "Face": the mouth or face in Chinese, its droop in English (嘴角 droop 咗, 半边脸 sagging).
    name: 'mouth or face (zh) × drooping (English)',
    gate: '(?:droop|sag|lopsided|crooked|slant)',
    concept: 'facial-droop',
    re: '(?:嘴角|口角|嘴巴?|半边脸|一边脸|脸)\\s?(?:有点|有些|突然|都|也)?\\s?(?:droop\\w*|sagg?\\w*|lopsided|crooked|slant\\w*)',
    unless: '(?:麻药|牙医|拔牙|补牙|dentist|numbing|面瘫好几年|bell)',
    sources: ['befast', 'stroke120'],
  },
  {
    // AHA heart-attack warning signs (pressure, squeezing): something pressing on the chest, as a simile (English).
    name: 'chest × something kneeling, sitting or pressing on it (English simile)',
    gate: 'chest',
    concept: 'chest-pain',
    re: '\\b(?:kneeling|knelt|sitting|sat|standing|stood|pressing|pushing|crushing|parked|lying|stepping|leaning|stamping|squatting)\\s+(?:down\\s+)?(?:on|onto|into|against)\\s+(?:my|his|her|the)\\s+chest\\b',
    needs: '\\b(?:like|as if|as though|feels?|felt|feeling)\\b',
    unless: `(?:${CHEST_UNLESS}|\\bcat\\b|\\bdog\\b|\\bpuppy\\b|\\bkitten\\b|\\btoddler\\b|\\bbaby\\b|\\bkids?\\b|\\bcpr\\b)`,
    sources: ['aha-heart-attack'],
  },
  {
    // AHA heart-attack warning signs: the chest pressed by something named in English (胸口好像有块 brick 压着).
    name: 'chest × pressed by an English-named object (mixed zh/en)',
    gate: '[a-z]',
    concept: 'chest-pain',
    re: `${CHEST}\\s?(?:好像|像|跟|似乎|感觉)(?:是)?(?:有|被)?(?:一)?(?:块|个|座|床|只|头|张|堆)?\\s?[a-z][a-z ]{1,24}?\\s?(?:压着|压住|压在|压得|顶着|堵着|坐在|踩着)`,
    unless: CHEST_UNLESS,
    sources: ['aha-heart-attack'],
  },
  {
    // REFERENCE §1.5 pulmonary oedema (orthopnoea): breathless as soon as lying down, with words between (一躺下就有
    // drowning 的感觉), or breathless even sitting up (坐起来也喘).
    name: 'lying down × breathless or drowning, words between; breathless even sitting up',
    gate: '(?:躺|坐起)',
    concept: 'dyspnoea',
    re: "(?:一|只要|每次)躺(?:下|平|下来)?(?:来)?(?:就|便)[^。!?;\\n,，]{0,14}?(?:喘|憋|透不过气|上不来气|喘不过气|喘不上气|drowning|溺水|淹|suffocat|窒息|can'?t breathe)|坐起来(?:也|都|还)(?:喘|憋|透不过气|上不来气|喘不过气)",
    unless: '(?:咳|反酸|反流|烧心|胃|打鼾|呼噜|鼻塞|reflux|heartburn|snor)',
    sources: ['ref-1.5', 'aha-heart-attack'],
  },
  {
    // REFERENCE §1.5 pulmonary oedema / AHA shortness of breath: speech broken up by breathlessness (说话断断续续 with 喘).
    name: 'speech broken up × breathless',
    gate: '(?:断断续续|一截一截|上气不接下气)',
    concept: 'dyspnoea',
    re: '(?:说话|讲话|说句话|说话都|讲话都)(?:都|也)?(?:断断续续|一截一截|上气不接下气)',
    needs: '(?:喘|憋|气急|气促|透不过气|上不来气|呼吸|drowning|breath)',
    unless: '(?:哭|紧张|结巴|口吃|跑完|爬楼|上楼|运动)',
    sources: ['ref-1.5', 'aha-heart-attack'],
  },
];
