/**
 * Compositional rules, part 8 (issue 16; classes of missed emergencies of training parts 18–19, written as classes
 * and tested with fresh sentences in classes11.test.ts): lost or wrong speech in lay words (不会说话了, 张嘴说不出来,
 * 只会啊啊, 舌头大, 说出来的不是想说的字, "lost his speech", "words come out wrong"); unrousable in carers' and
 * clinicians' words (眼睛睁一下又闭上, 问话不答, "unrousable", "cannot be woken", "responds to pain only"); sudden
 * confusion (一下子糊涂了, 连家里地址都想不起来, "drowsy and muddled"); the chest squeezed or wrung (像有只手攥着我的心,
 * 心口像被人拧着, "like a hand squeezing my heart"); chest pain that nitroglycerin does not relieve and the pain of an
 * earlier heart attack come back (又是那种疼，跟上回一样); repeated fits (抽了第三回, "fitted twice in the last hour");
 * one eye gone dim suddenly (右眼突然 blurry); a side's limb in mixed zh/en (左腿 weakness, "right hand 没劲", 右手垂着);
 * flashing before the eyes in pregnancy. Each yields an existing concept id, so negation, history, hypothesis and
 * experiencer apply unchanged; near misses are the `unless` lists. Operational cue lists, not clinical numbers.
 */
import type { ComposeRule } from './compose.ts';
import { PREGNANT, EARLY_PREGNANCY } from './compose4.ts';
import { CHEST, CHEST_UNLESS, E, G, LIMB_UNLESS, SPEECH_UNLESS } from './cues.ts';

/** Acute onset (as safety.ts, with clinicians' "since <time>"). */
const ACUTE =
  '(?:突然|忽然|猛然|一下子|刚刚|刚才|半(?:个)?小时前|几分钟前|十分钟前|分钟前|早上还好|还好好的|还正常|\\bsuddenly\\b|\\bjust now\\b|\\bnew\\b|\\bmin(?:ute)?s? ago\\b|\\bsince\\b|\\ball of a sudden\\b)';
/** "I can't put it into words", a baby not talking yet, a shy or sulking person: no lost speech. */
const NOT_APHASIA =
  '(?:哪里|哪儿|什么感觉|是什么|怎么形容|描述|形容|宝宝|婴儿|个月大|还不会说话|害羞|生气|赌气|不想说|不愿意说|不好意思|嗓子|感冒|' +
  '\\bshy\\b|\\bupset\\b|\\bsulk|\\bdescribe\\b|\\bput (?:it )?into words\\b|\\blaryngitis\\b|\\bvoice\\b|\\bnotes\\b|\\btoast\\b|\\bwedding\\b|\\bpresentation\\b|\\bdraft\\b)';
/** Asleep after a late night, a teenager, a phone or an app: no unrousable person. */
const NOT_UNROUSABLE =
  '(?:熬夜|夜班|青春期|手机|电脑|\\bapp\\b|\\bphone\\b|\\bteen|\\bnight shift\\b|\\blie[- ]?in\\b|\\bhangover\\b|\\bwon\\x27t get up for school\\b)';
/** Muddled by work, an exam, a late night or drink: no acute confusion. */
const NOT_CONFUSED =
  '(?:考试|复习|作业|工作|加班|熬夜|项目|报表|学习|喝|醉|睡醒|刚醒|麻药|\\bexam|\\bwork\\b|\\bdeadline|\\bdrunk|\\bwoke\\b|\\bhomework)';
/** The heart squeezed in feeling, not in the chest: grief, a film, missing someone. */
const NOT_CHEST =
  '(?:伤心|难过|哭|想他|想她|想你|心疼(?:他|她|你|孩子)|感动|电影|电视剧|歌|舍不得|\\bsad\\b|\\bcry|\\bmiss\\b|\\bmovie|\\bsong|\\bgrief|\\bheartbreak)';
/** A chest symptom still going on: pain, breath, sweat, duration, at rest. */
const CHEST_NOW =
  '(?:疼|痛|喘|气|汗|不走|一直|分钟|半小时|坐着|躺着|\\bpain|\\bbreath|\\bsweat|\\bminutes\\b|\\bsitting\\b|\\blying\\b|\\bwon\\x27t go\\b)';
/** Nitroglycerin (GTN spray, 速效救心丸 as patients use it). */
const NITRO = '(?:硝酸甘油|救心丸|消心痛|\\bnitro\\w*|\\bgtn\\b|\\bntg\\b)';

export const COMPOSE_RULES_8: readonly ComposeRule[] = [
  {
    // BE-FAST / 中风120 speech: lost or wrong speech in lay words ("不太会说话了", "张嘴半天说不出来", "说不出来了", "只会啊啊",
    // "舌头大", "说出来的都不是我想说的字").
    name: 'lost or wrong speech in lay words (zh)',
    gate: '(?:说|讲|啊啊|舌头)',
    concept: 'speech-difficulty',
    re:
      '(?<![还都])不(?:太|怎么)?会(?:说话|讲话)了|(?:张嘴|张着嘴|张开嘴)[^,。!?\\n]{0,6}?说不出|(?<=^|[,，。\\s—-]|了)说不出(?:来|话)了|' +
      '只会(?:啊啊|嗯嗯|呜呜|咿咿)|(?:说话|讲话)?舌头(?:发)?(?:大|硬|僵)了?(?![小概])|' +
      '(?:说|讲)(?:出来)?的(?:话|字)?(?:都|全)?不是(?:我|他|她)?想(?:说|讲)的',
    unless: `(?:${SPEECH_UNLESS}|${NOT_APHASIA})`,
    sources: ['befast', 'stroke120'],
  },
  {
    // BE-FAST speech (en): "lost his speech", "words come out wrong", "can't get the words out", "speech garbled".
    name: 'lost or wrong speech in lay words (en)',
    gate: '(?:speech|words|talk)',
    concept: 'speech-difficulty',
    re:
      '\\b(?:lost|losing|loss of)\\s+(?:(?:his|her|my|their|the)\\s+)?speech\\b|\\bwords\\s+(?:are\\s+|keep\\s+)?(?:come|came|coming)\\s+out\\s+(?:all\\s+)?(?:wrong|jumbled|muddled|garbled|as nonsense)\\b|' +
      "\\b(?:not|is not|isn'?t|was not|wasn'?t)\\s+able\\s+to\\s+(?:talk|speak)\\s+(?:properly|clearly|normally|right)\\b|" +
      "\\b(?:can'?t|cannot|couldn'?t|could not)\\s+(?:get|find)\\s+(?:the|his|her|my|any)?\\s*words\\s+out\\b|\\bspeech\\s+(?:is\\s+|was\\s+|has gone\\s+)?(?:garbled|jumbled|gibberish)\\b",
    unless: `(?:${SPEECH_UNLESS}|${NOT_APHASIA})`,
    sources: ['befast', 'stroke120'],
  },
  {
    // REFERENCE §1.5 impaired consciousness: not rousable in a carer's or clinician's words.
    name: 'not rousable (zh, carers and clinicians)',
    gate: '(?:睁|问话|呼之|叫)',
    concept: 'unresponsive',
    re: `叫${G}{0,4}?睁(?:一下|开一下|了一下|开)又闭(?:上)?|(?:问话|问他话|问她话|呼之|呼唤)(?:也)?不(?:答|应|回答|回应)|叫(?:他|她)?(?:也)?不答应`,
    unless: NOT_UNROUSABLE,
    sources: ['ref-1.5'],
  },
  {
    // REFERENCE §1.5 impaired consciousness (en): "unrousable", "cannot be woken", "responds to pain only".
    name: 'not rousable (en, carers and clinicians)',
    gate: '(?:rous|wok|pain only|eyes)',
    concept: 'unresponsive',
    re:
      "\\bun-?rous(?:e)?able\\b|\\b(?:cannot|can'?t|can not|couldn'?t|could not|won'?t)\\s+be\\s+(?:woken|roused|wakened|awakened|woke)\\b|" +
      '\\bresponds?\\s+(?:only\\s+)?to\\s+pain(?:\\s+only)?\\b|\\beyes\\s+(?:are\\s+|were\\s+)?not\\s+opening\\b',
    unless: NOT_UNROUSABLE,
    sources: ['ref-1.5'],
  },
  {
    // REFERENCE §1.5 confusion: sudden confusion (一下子糊涂了), disorientation (连家里地址都想不起来), "drowsy and muddled".
    name: 'sudden confusion and disorientation',
    gate: '(?:糊涂|迷糊|浆糊|想不起|记不起|muddled|disorient)',
    concept: 'confusion',
    re:
      '(?:突然|忽然|猛然|一下子)(?:就|变得|变)?(?:犯)?(?:糊涂|迷糊)了|脑子一团浆糊|' +
      '连(?:家里|自己家|家)?的?(?:地址|住址|门牌|电话|自己(?:的)?名字|自己叫什么|自己在哪)(?:都|也)(?:想不起来|记不起来|说不出来|不知道|忘了)|' +
      '\\b(?:drowsy|sleepy|confused|disorient(?:at)?ed)\\s+and\\s+(?:muddled|disorient(?:at)?ed)\\b|\\b(?:suddenly\\s+(?:very\\s+)?muddled|muddled\\s+since)\\b',
    unless: NOT_CONFUSED,
    sources: ['ref-1.5'],
  },
  {
    // AHA heart-attack warning signs: squeezing or pressure — the chest or heart squeezed, wrung, gripped by a hand.
    name: 'chest or heart squeezed or wrung (simile)',
    gate: '(?:拧|攥|捏|挤|揪|掐|squeez|crush|grip|vice|wrung|wring)',
    concept: 'chest-pain',
    re:
      `(?:${CHEST}|心脏|心)${G}{0,6}?(?:被人?|有只手|有人|一只手)${G}{0,3}?(?:拧|攥|捏|挤|揪|掐|squeez\\w*)|` +
      `(?:有只手|有人|一只手|被人?)\\s?${G}{0,3}?(?:拧|攥|捏|挤|揪|掐|squeez\\w*)\\s?(?:着|住)?\\s?(?:我的|他的|她的)?\\s?(?:心|胸)|` +
      '\\b(?:squeez\\w*|crush\\w*|gripp?\\w*|wring\\w*|clamp\\w*)\\b[^,.;!?\\n]{0,15}?\\b(?:my|his|her|the)\\s+(?:heart|chest)\\b|' +
      '\\b(?:heart|chest)\\b[^,.;!?\\n]{0,15}?\\b(?:in a vice|being (?:squeezed|crushed|wrung))\\b',
    needs: CHEST_NOW,
    unless: `(?:${CHEST_UNLESS}|${NOT_CHEST})`,
    sources: ['aha-heart-attack'],
  },
  {
    // AHA heart-attack warning signs: chest pain not relieved by nitroglycerin (call an ambulance), and the pain of an
    // earlier heart attack come back ("又是那种疼，跟上回一模一样", "same pain as my heart attack").
    name: 'chest pain nitroglycerin does not relieve, or the old heart-attack pain back',
    gate: '(?:硝酸甘油|救心丸|消心痛|nitro|gtn|ntg|那种|上回|上次|last time|same pain)',
    concept: 'chest-pain',
    re:
      `${NITRO}${G}{0,8}?(?:没用|没有用|不管用|没效果?|无效|不见好|也不行|还疼|还是疼|缓解不了|不缓解)|` +
      `${NITRO}${E}{0,25}?\\b(?:didn'?t|did not|hasn'?t|has not|not|doesn'?t|does not)\\s+(?:help|work|touch|relieve|ease)\\w*|` +
      '(?:又是|又来了|又犯了?|还是)那种(?:疼|痛|感觉|闷)|跟上(?:回|次)(?:心梗|犯病|发病|放支架)?(?:时)?(?:一模)?一样|' +
      '\\bsame\\s+(?:pain|feeling|tightness)\\s+as\\s+(?:my|his|her|the|when)\\b|\\blike\\s+(?:my|his|her)\\s+(?:last\\s+)?heart attack\\b',
    needs: `(?:${NITRO}|心梗|心肌梗|支架|搭桥|冠心病|心绞痛|heart attack|stent|bypass|angina|\\bmi\\b)`,
    unless: '(?:头疼|头痛|牙|胃|肚子|腰|腿|headache|tooth|stomach|back pain)',
    sources: ['aha-heart-attack'],
  },
  {
    // REFERENCE §1.5 seizure; epilepsy first aid (call when one fit follows another): the fits counted again.
    name: 'repeated fits (第三回, "fitted twice")',
    gate: '(?:抽|发作|fit|seiz)',
    concept: 'seizure',
    re:
      '抽了?第[二三四五六七八九几]+(?:回|次|下)|第[二三四五六七八九几]+(?:回|次)(?:抽|发作)|' +
      '(?:一|半)(?:个)?(?:小时|上午|下午|晚上|天)(?:内|里|之内)?(?:已经|都)?(?:抽|发作)了?(?:两|三|四|几|好几)(?:次|回)|' +
      '\\b(?:fitted|fitting|seized|had (?:two|three|several|multiple|repeated) (?:fits|seizures))\\b[^,.;!?\\n]{0,20}?\\b(?:twice|three times|again|\\d+ times|in the last hour|back to back)\\b|' +
      '\\b(?:fits|seizures)\\s+back\\s+to\\s+back\\b',
    needs:
      '(?:抽|发作|癫痫|\\bepilep|\\bseizure|\\bfits?\\b|\\bjerk|\\bshak|\\brigid|\\bunconscious|\\bfloor\\b|\\bwok|\\bwake|\\bhour\\b|\\bminutes\\b)',
    unless:
      '(?:kitchen|carpet|door|window|tyre|tire|bathroom|shel(?:f|ves)|wardrobe|dress|suit|clothes|sheet|glasses|lens)',
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    // BE-FAST eyes: one eye gone dim or blurred suddenly (mixed "右眼突然 blurry 看不清").
    name: 'one eye dim or blurred, acute',
    gate: '(?:左眼|右眼|一只眼|一边眼|left eye|right eye|one eye)',
    concept: 'sudden-vision-loss',
    re:
      '(?:左眼|右眼|一只眼睛?|一边眼睛?)[^,。!?\\n]{0,6}?(?:模糊|看不清|看不见|黑了|发黑|blurry|blurred|dim|dark)|' +
      '\\b(?:left|right|one)\\s+eye\\b[^,.;!?\\n]{0,15}?\\b(?:blurry|blurred|dim|dark|black|gone)\\b',
    needs: ACUTE,
    unless:
      '(?:眼镜|手机|电脑|屏幕|看久|太久|近视|老花|眼屎|痒|揉|进了|沙子|screen|glasses|itch|rubb|grit|dust)',
    sources: ['befast'],
  },
  {
    // BE-FAST arm/leg: a side's limb with a weakness word in the other language (左腿 weakness, right hand 没劲),
    // a hand hanging (右手也垂着), a leg dragged (走路拖).
    name: 'one side limb weak, mixed zh/en or hanging',
    gate: '(?:左|右|left|right)',
    concept: 'limb-weakness',
    re:
      '(?:左|右)(?:腿|脚|手|胳膊|手臂|边|侧)\\s?(?:weakness|weak|numb|numbness|dragging|heavy|can\\x27?t move)\\b|' +
      '\\b(?:left|right)\\s+(?:leg|arm|hand|side)\\s?(?:无力|没劲|没力气?|发麻|麻了|拖着?)|' +
      '(?:左|右)(?:手|胳膊|手臂)(?:也|都)?(?:垂着|垂下来|耷拉着)',
    unless: LIMB_UNLESS,
    sources: ['befast', 'stroke120'],
  },
  {
    // ACOG pre-eclampsia warning signs (changes in vision): flashing before the eyes in pregnancy (眼睛前面一闪一闪).
    name: 'pregnancy × flashing before the eyes',
    gate: '(?:孕|妊娠|pregnan|weeks|wks|产|生完|月子|birth|partum)',
    concept: 'preeclampsia-vision',
    re: '(?:眼睛|眼前|看东西)[^,。!?\\n]{0,6}?(?:一闪一闪|闪光|闪亮|冒星星|有星星|亮点|金星)|\\b(?:flashes|flashing|sparkl\\w*|zig-?zags?)\\b',
    needs: PREGNANT,
    unless: `(?:${EARLY_PREGNANCY}|手机|屏幕|灯|screen|lights? (?:on|in) the)`,
    sources: ['preeclampsia'],
  },
  {
    // BE-FAST eyes / AHA crisis (change in vision): "vision is also blurring", "blurring of my vision".
    name: 'vision blurring (en progressive form)',
    gate: 'blurring',
    concept: 'blurred-vision',
    re: '\\b(?:vision|eyesight|sight)\\b[^,.;!?\\n]{0,15}?\\bblurring\\b|\\bblurring\\s+(?:of\\s+)?(?:my|his|her|the)?\\s*(?:vision|eyesight|sight)\\b',
    unless: '(?:screen|reading|glasses|tired eyes|dry eyes)',
    sources: ['befast'],
  },
];
