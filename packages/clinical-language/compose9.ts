/**
 * Compositional rules, part 9 (issue 16, round 5; classes of missed emergencies of tuning part 20, written as classes
 * and tested with fresh sentences in classes12.test.ts): a headache that struck like a blow or burst open all at once
 * (头像被人敲了一锤, 一下子炸开的; "sudden severe occipital headache", "headache … worst ever"); sight gone misty, dim or
 * fogged in one eye (一只眼像蒙了层纱, 看东西 blurry, "my left eye has gone dim"), sight lost suddenly in clinical words
 * (视力突然丧失) and half of everything gone missing; breathless after a few words (说两句话就喘), sleeping sitting up at
 * night, mixed "breathing 困难", a child's tummy sucking in under the ribs; a side's arm or leg weak in a relative clause
 * ("my right leg, which has been weak since lunch") or in mixed zh/en (左边 arm 没劲); an unwitnessed fit told by its
 * marks (舌头咬破, 尿了裤子) with 抽了; a familiar fact got wrong all of a sudden (连自己名字都说错了, 刚才还好好的).
 * Each yields an existing concept id, so negation, history, hypothesis and experiencer apply unchanged; near misses
 * are the `unless` lists. Operational cue lists, not clinical numbers.
 */
import type { ComposeRule } from './compose.ts';
import { NOT_FIT } from './compose7.ts';
import { EYE_UNLESS, G, HEAD, HEAD_UNLESS, HEAD_UNLESS_NOT } from './cues.ts';

/** A head pain named in the sentence. */
const HEAD_PAIN = `(?:${HEAD}(?:部)?[^。!?;\\n]{0,3}?(?:痛|疼)|头痛|头疼|\\bheadache\\b)`;
/** Acute onset (as compose8.ts). */
const ACUTE =
  '(?:突然|忽然|猛然|一下子|刚刚|刚才|半(?:个)?小时前|几分钟前|分钟前|早上还好|还好好的|还正常|\\bsuddenly\\b|\\bjust now\\b|\\ball of a sudden\\b)';
/** Sight words for the mixed and English rules. */
const EYE_EN =
  '(?:(?:left|right|one|my|his|her)\\s+eye|看东西|看字|看人|看手机|眼睛|左眼|右眼|一只眼睛?|单眼|\\bvision\\b|\\bsight\\b)';
/** Misty, dim, fogged, hazy. */
const DIM_EN = '(?:blurry|blurred|misty|dim|hazy|foggy|cloudy|fuzzy|murky)';
/** A screen, glasses, drops, tiredness or an eye condition: no sign. */
const NOT_SIGHT = `(?:${EYE_UNLESS}|眼镜|镜片|屏幕|手机屏|隐形|眼药水|近视|老花|白内障|\\bglasses\\b|\\bscreen\\b|\\bcontacts?\\b|\\bdrops\\b|\\bcataract|\\bshort[- ]sighted)`;
/** Marks of an unwitnessed fit: a bitten tongue, wetting, foam at the mouth, waking on the floor. */
const FIT_MARKS =
  '(?:舌头(?:被)?(?:咬|嗑)(?:破|伤|烂|出血|到)|咬(?:破|伤|到|烂)(?:了)?(?:自己的?)?舌头|尿(?:了)?(?:一)?裤子|裤子(?:也|都)?(?:湿|尿)|小便失禁|尿失禁|口吐白沫|吐白沫|\\bbit (?:my|his|her) tongue\\b|\\bwet (?:my|him|her)self\\b)';

export const COMPOSE_RULES_9: readonly ComposeRule[] = [
  {
    // REFERENCE §1.5 / patient education (thunderclap headache): the head struck as by a blow, the pain at its worst.
    name: 'head struck as by a blow (simile) with severe pain',
    gate: '像',
    concept: 'thunderclap-headache',
    re: `${HEAD}(?:部)?[^。!?;\\n]{0,8}?像(?:是)?(?:被(?:人)?|挨了|让人|给人)${G}{0,6}?(?:猛击|重击|击中|打|砸|敲|锤|劈|抡|踢)`,
    needs: '(?:剧痛|剧烈|从来没|从没|没这么|最痛|最疼|疼得要命|痛得要命|受不了|突然|一下子|忽然)',
    unless: HEAD_UNLESS,
    unlessNot: HEAD_UNLESS_NOT,
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    // Thunderclap onset: a headache that burst open all at once (不是慢慢疼起来的，是一下子炸开的), not an uproar (炸开了锅).
    name: 'headache burst open all at once',
    gate: '(?:炸|爆)',
    concept: 'thunderclap-headache',
    re: '(?:一下子|突然|忽然|猛地|瞬间)(?:就)?(?:炸开|炸裂|爆开|炸了一样|像炸开)(?!了?锅)',
    needs: HEAD_PAIN,
    unless: `(?:${HEAD_UNLESS}|锅|群里|气球|轮胎|爆米花|鞭炮)`,
    unlessNot: HEAD_UNLESS_NOT,
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    // AHA stroke warning sign "sudden severe headache" with a site between (clinicians: "sudden severe occipital
    // headache"); a headache called the worst ever in a clinician's list ("headache …, worst ever").
    name: 'sudden severe headache with a site; headache, worst ever',
    gate: 'headache',
    concept: 'thunderclap-headache',
    re:
      '\\bsudden(?:ly)?(?:[- ]onset)?(?:,?\\s+(?:severe|intense|violent|excruciating|explosive|terrible|awful|crushing)){1,2}\\s+(?:[\\w-]+\\s+){0,2}?headache\\b|' +
      "\\bheadache\\b(?:(?!\\b(?:nothing|not|no|never|isn'?t|wasn'?t|mild)\\b)[^.!?\\n]){0,60}?\\bworst (?:ever|of (?:my|his|her) life)\\b",
    unless: HEAD_UNLESS,
    unlessNot: HEAD_UNLESS_NOT,
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    // Thunderclap simile in mixed zh/en or English: a sudden headache "like exploding" (Sudden 头痛 like exploding).
    name: 'sudden headache like exploding (mixed, English)',
    gate: '(?:explo|burst|bomb)',
    concept: 'thunderclap-headache',
    re: "(?:头痛|头疼|头|\\bheadache|\\bhead)\\s?(?:is\\s+|feels\\s+)?(?:like\\s+)(?:it'?s\\s+|it is\\s+)?(?:exploding|bursting|an explosion|a bomb)",
    needs: '(?:\\bsudden|突然|一下子|\\bworst\\b)',
    unless: HEAD_UNLESS,
    unlessNot: HEAD_UNLESS_NOT,
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    // REFERENCE §1.5 visual disturbance: one eye fogged or veiled (一只眼像蒙了层纱/有层雾), sight gone misty or dim in mixed
    // zh/en or English ("看东西 blurry", "my right eye has gone misty and dim") — a red flag (with a crisis reading an
    // emergency), not an emergency alone.
    name: 'one eye veiled or fogged; sight gone misty or dim (mixed, English)',
    gate: '(?:层|blur|mist|dim|haz|fog|cloud|fuzz|murk)',
    concept: 'blurred-vision',
    re:
      `(?:一只眼|一边眼|单眼|左眼|右眼)(?:睛)?${G}{0,4}?(?:像|好像|跟)(?:是)?(?:有|蒙了?|隔了?|罩了?|糊了?)(?:一)?层(?:雾|纱|膜|水汽|毛玻璃)|` +
      `${EYE_EN}\\s?(?:(?:is|are|has|have|'s|had)\\s+)?(?:gone|going|become|becoming|getting|got|turned|went|all|very|really|suddenly|有点|有些|很|突然|都)?\\s?${DIM_EN}\\b`,
    unless: NOT_SIGHT,
    sources: ['ref-1.5'],
  },
  {
    // BE-FAST "Eyes": sight lost suddenly in clinical words (右眼视力突然丧失, 突然视力下降).
    name: 'sight lost suddenly (clinical zh)',
    gate: '视力',
    concept: 'sudden-vision-loss',
    re: `视力${G}{0,3}?(?:突然|骤然|急剧)${G}{0,2}?(?:丧失|消失|下降|减退|没了)|(?:突然|骤然|急性)${G}{0,3}?视力(?:丧失|消失|下降|减退)`,
    unless: `(?:${NOT_SIGHT}|近视|度数)`,
    sources: ['befast', 'ref-1.5'],
  },
  {
    // BE-FAST "Eyes": half of everything gone ("the right half of everything has gone missing").
    name: 'half of everything gone missing (English)',
    gate: 'half',
    concept: 'sudden-vision-loss',
    re: '\\b(?:left|right) half of (?:everything|what i see|things|my vision)\\b[^.!?\\n]{0,15}?\\b(?:gone|missing|disappeared|vanished|black|dark|blank)\\b',
    unless: '(?:screen|phone|monitor|\\btv\\b|page|photo|picture)',
    sources: ['befast'],
  },
  {
    // REFERENCE §1.5 / AHA shortness of breath: breathless after a few words (说两句话就喘), sleeping sitting up at night.
    name: 'breathless after a few words; sleeps sitting up at night',
    gate: '(?:喘|睡)',
    concept: 'dyspnoea',
    re: '说(?:一|两|几)?句话(?:都|也|就)(?:喘|上不来气|接不上气)|(?:夜里|晚上|夜间|半夜|整夜)(?:只能|都|得)?坐(?:起来|着)睡',
    needs: '(?:喘|气|呼吸|憋)',
    unless: '(?:颈椎|腰|反酸|反流|胃|伤口|刀口|手术|咳嗽|打鼾|呼噜|(?<![心])累|累了)',
    sources: ['ref-1.5', 'aha-heart-attack'],
  },
  {
    // Mixed zh/en breathing difficulty ("breathing 困难", "呼吸 difficult") and a voice-to-text slip ("short of breast").
    name: 'breathing difficulty in mixed zh/en; "short of breast"',
    gate: '(?:breath|breast|呼吸)',
    concept: 'dyspnoea',
    re: '\\bbreathing\\s?(?:有点|有些|很|好|都)?(?:困难|费劲|吃力)|呼吸\\s?(?:is\\s+|very\\s+|so\\s+)?(?:difficult|hard|laboured|labored)\\b|\\b(?:really\\s+|very\\s+|so\\s+)?short of breast\\b',
    unless: '(?:cancer|lump|feeding|milk|乳|\\bbra\\b|nipple)',
    sources: ['ref-1.5', 'aha-heart-attack'],
  },
  {
    // Chest indrawing in a child, parents' English ("his tummy is sucking in under the ribs"; WHO IMCI severe pneumonia).
    name: "child's tummy or skin sucking in under the ribs",
    gate: '(?:suck|pull|cav|sink)',
    concept: 'dyspnoea',
    re: '\\b(?:tummy|belly|stomach|skin|chest|ribs)\\b[^.!?\\n]{0,12}?\\b(?:sucking|sucks|sucked|pulling|pulls|caving|sinking)\\s+in\\b(?:[^.!?\\n]{0,10}?\\b(?:under|between|below|beneath)\\s+(?:the|his|her|its)?\\s*ribs\\b)?',
    needs: '(?:breath|ribs)',
    unless: '(?:\\bexercise|\\bworkout|\\bpilates|\\babs\\b|\\bcore\\b|\\bposture\\b)',
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    // BE-FAST "Arm": a side's arm or leg weak in a relative clause ("my left arm, which has been weak and clumsy").
    name: "a side's limb, which has been weak (English)",
    gate: 'which',
    concept: 'limb-weakness',
    re: "\\b(?:left|right)\\s+(?:arm|leg|hand)\\b,?\\s+which\\s+(?:has|had|is|was|'s)?\\s*(?:been|gone|felt|feels|become)?\\s*(?:weak|numb|heavy|clumsy|useless|dead|floppy)\\b",
    unless: '(?:\\bslept on\\b|\\bgym\\b|\\bsprain|\\bfracture|\\bbroke|\\binjur|\\bcast\\b|\\bsling\\b)',
    sources: ['befast'],
  },
  {
    // BE-FAST "Arm": a side's arm and leg in mixed zh/en (右边 arm 和 leg 没力, 左侧 hand 麻了).
    name: "a side's arm or leg in mixed zh/en × no power",
    gate: '(?:arm|leg|hand)',
    concept: 'limb-weakness',
    re: `(?:左|右)(?:边|侧)?\\s?(?:的\\s?)?(?:arm|leg|hand)(?:\\s?(?:和|跟|and|&)\\s?(?:arm|leg|hand))?\\s?(?:都|也|有点|突然)?\\s?(?:没力|没劲|无力|没有力气?|没力气|动不了|抬不起来?)`,
    unless: '(?:健身|练|扭|摔|骨折|石膏|压麻|睡麻|\\bgym\\b)',
    sources: ['befast'],
  },
  {
    // REFERENCE §1.5 seizure: an unwitnessed fit told by its marks (舌头咬破了，裤子也湿了，旁边人说我好像抽了).
    name: 'fit told by its marks (bitten tongue, wetting) with 抽了',
    gate: '抽',
    concept: 'seizure',
    re: '(?<![腿脚趾肚胃肠心皮角嘴筋])抽(?:了|过去了|搐了|起来了)(?=[,，。!?！？\\s]|$)',
    needs: FIT_MARKS,
    unless: NOT_FIT,
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    // REFERENCE §1.5 confusion: a familiar fact got wrong of a sudden (连自己家地址都说错了，早上还好好的).
    name: 'a familiar fact got wrong all of a sudden',
    gate: '连',
    concept: 'confusion',
    re: '连(?:自己|家里|自己家|家)?的?(?:地址|住址|门牌|电话|名字|叫什么|生日|儿子|女儿|老伴)(?:都|也)(?:说错|说不对|搞错|答错|叫错|认错)了?',
    needs: ACUTE,
    unless: '(?:考试|复习|紧张|喝|醉|开玩笑|口误|痴呆|老年痴呆)',
    sources: ['ref-1.5'],
  },
];
