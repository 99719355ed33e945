/**
 * Compositional rules, part 5 (issue 16; classes of misses of independent tuning parts 10 and 11): the same body
 * part or function × abnormal state idea as compose.ts, for wordings the earlier rules did not compose — a chest
 * pain with a time phrase between ("胸口从早上…就开始痛"), a weight simile ("像压了个东西"), an English body word with a
 * Chinese state ("chest 突然好痛"), pain spreading to the left arm, a sudden bang in the head, a person called who
 * does not answer, English confusion ("making no sense", "can't tell me her name"), a mouth pulled to one side, a fit
 * that does not stop in known epilepsy, an infarct just diagnosed and being transferred, too breathless for a full
 * sentence, blue round the mouth. Each rule yields an existing concept id (so codes, red flags and the context
 * modifiers apply unchanged) and names its sources: AHA heart-attack warning signs (chest pressure, pain spreading to
 * the arm, shortness of breath), BE-FAST and 中风120 (face, arm), REFERENCE §1.5 (sudden severe headache, altered
 * consciousness, seizure, pulmonary oedema), patient education on seizures (a fit of 5 minutes is an emergency).
 */
import type { ComposeRule } from './compose.ts';
import {
  SUDDEN,
  EYE,
  CHEST,
  CHEST_UNLESS,
  E,
  EXERTION,
  EYE_UNLESS,
  G,
  HEAD,
  HEAD_CUE,
  HEAD_UNLESS,
  HEAD_UNLESS_NOT,
} from './cues.ts';

/** A chest word in Chinese or English, earlier in the sentence (for similes and radiation). */
const CHEST_ANY = `(?:${CHEST}|\\bchest\\b)`;
/** Sulking, a game, headphones or sleep explain a person who does not answer (not altered consciousness). */
const NO_ANSWER_UNLESS =
  '(?:游戏|生气|闹脾气|赌气|耳机|看电视|玩手机|写作业|睡着了|睡得(?:太|很|好)?(?:死|沉|香|熟)|睡熟|午睡|sulk|game|headphones|asleep)';

/** A story of back then (当年, 那年, 那时候, years ago), recalled now. */
const PAST_STORY = '(?:当年|那年|那时候?|那次|年前|去年|前年|想起来|回想|后怕|心有余悸)';

export const COMPOSE_RULES_5: readonly ComposeRule[] = [
  {
    // AHA: chest pain that lasts more than a few minutes — the time it started between the chest and the pain.
    name: 'chest × since a time × started or kept hurting',
    gate: '[胸心]',
    concept: 'chest-pain',
    // (The gap is a time phrase: no pain word, no space or reply between — "胸口疼 我说是的 一直疼" is two mentions.)
    re: `${CHEST}(?:(?![疼痛闷说问答\\s])${G}){0,14}?(?:开始|一直)(?:就)?(?:痛|疼|闷|发闷|压|憋|难受)`,
    unless: CHEST_UNLESS,
    sources: ['aha-heart-attack', 'ref-1.5'],
  },
  {
    // AHA: "uncomfortable pressure" — a weight simile (像压了个东西, 像被压住一样) after a chest word.
    name: 'chest × weight simile (像压了个东西)',
    gate: '压',
    concept: 'chest-pain',
    re: `(?<=${CHEST_ANY}[^。.!?\\n]{0,12}?)像${G}{0,4}?(?:压了|压着|压住|压上|压在)(?:一|个|一个|块|一块|了)?(?:东西|重物|石头|大石头|什么)?`,
    unless: CHEST_UNLESS,
    sources: ['aha-heart-attack'],
  },
  {
    // Mixed writing: the English word "chest" with a Chinese state ("chest 突然好痛", "chest 好闷").
    name: 'mixed: English chest × Chinese state',
    gate: 'chest',
    concept: 'chest-pain',
    re: `\\bchest\\b\\s?(?:突然|忽然|一下子|好|很|有点|特别|非常|超)?\\s?(?:痛|疼|闷|紧|压|堵|难受|不舒服)`,
    unless: CHEST_UNLESS,
    sources: ['aha-heart-attack'],
  },
  {
    // AHA: pain spreading to the (left) arm, shoulder or jaw, with a chest word in the sentence.
    name: 'pain spreading to the left arm, shoulder or jaw (chest in the sentence)',
    gate: '(?:到|至).{0,2}?(?:左|下巴|下颌)',
    concept: 'chest-pain',
    re: `(?<=${CHEST_ANY}[^。.!?\\n]{0,20}?)(?:疼|痛|放射|窜|传)(?:到|至)${G}{0,2}?(?:左(?:边)?(?:手臂|胳膊|胳臂|臂|肩膀?|手)|下巴|下颌)`,
    unless: CHEST_UNLESS,
    sources: ['aha-heart-attack'],
  },
  {
    // REFERENCE §1.5 / AHA stroke: a sudden bang in the head with pain (thunderclap), or a severe headache with
    // words between the head and the pain, with a sudden or worst-ever cue.
    name: 'head × bang, bursting open, then pain (the bang is the sudden onset)',
    gate: '(?:头|脑)',
    concept: 'thunderclap-headache',
    re: `${HEAD}${G}{0,8}?(?:(?:嘣|砰|轰|咚|嘭)(?:的|地)?一(?:下|声)|炸开|爆开|炸裂|炸弹|爆炸|炸了|爆了)[^。!?;\\n]{0,8}?(?:痛|疼)`,
    unless: `(?:${HEAD_UNLESS}|撞(?!墙)|磕|碰|起了个包|鼓包)`,
    unlessNot: HEAD_UNLESS_NOT,
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    name: 'head × severe pain with words between, sudden or worst ever',
    gate: '(?:头|脑)',
    concept: 'thunderclap-headache',
    re: `${HEAD}${G}{0,10}?(?:痛|疼)(?:得|的|到)(?:要命|受不了|要死|不行|厉害)`,
    needs: `(?:${HEAD_CUE}|这辈子|一辈子)`,
    unless: `(?:${HEAD_UNLESS}|撞(?!墙)|磕|碰|起了个包|鼓包)`,
    unlessNot: HEAD_UNLESS_NOT,
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    // REFERENCE §1.5 altered consciousness: called or shaken, no answer (不吱声, 不吭声) or hardly wakes (叫不太醒).
    name: 'called and no answer, hardly wakes',
    gate: '(?:叫|喊|推|拍|摇)',
    concept: 'confusion',
    re: `(?:叫|喊|推|拍|摇)${G}{0,6}?(?:不太醒|不大醒|不怎么醒|不吱声|不吭声|不出声|不应声|不回话|不搭理|不睁眼)`,
    unless: NO_ANSWER_UNLESS,
    sources: ['ref-1.5'],
  },
  {
    // REFERENCE §1.5 altered consciousness in English: no sense made, one's own name not known.
    name: 'making no sense, cannot say her own name (English)',
    gate: '(?:sense|name)',
    concept: 'confusion',
    re:
      "\\b(?:is|she'?s|he'?s|they'?re|was|are|were|been)\\s+(?:awake but\\s+)?(?:making|talking) no sense\\b|\\bawake but making no sense\\b|" +
      "\\b(?:can'?t|cannot|couldn'?t|unable to|not able to|doesn'?t|does not|didn'?t)\\s+(?:tell (?:me |us )?|say |remember |know )(?:his|her|their) (?:own )?name\\b",
    unless: '(?:toddler|baby|months? old|years? old|yet\\b|learning|jargon|teacher|doctor was)',
    sources: ['ref-1.5'],
  },
  {
    // BE-FAST "Face": a mouth or face deviated or pulled to one side (learner and clinician English).
    name: 'mouth or face deviated to one side (English)',
    gate: '(?:deviat|pulled|drawn|twisted)',
    concept: 'facial-droop',
    re: `\\b(?:mouth|face|lips?|smile|angle of (?:the )?mouth)\\b${E}{0,12}?\\b(?:deviated|deviating|deviation|pulled|drawn|twisted)\\b${E}{0,6}?\\b(?:to|towards)\\s+(?:one|the (?:left|right)|left|right)\\b`,
    unless: '(?:dentist|tooth|botox|filler|bell)',
    sources: ['befast', 'stroke120'],
  },
  {
    // Patient education on seizures: in known epilepsy, a fit going on now or not stopping (status epilepticus).
    name: 'epilepsy × fit going on now or not stopping',
    gate: '发作',
    concept: 'seizure',
    re: `(?:正在|还在|一直在|现在|这会儿|这会)发作(?!过)|发作(?:了|起来)?(?:停不下来|停不住|止不住|不停|没停|还没停|一直不停)`,
    needs: '(?:癫痫|羊角风|羊癫疯|羊癫风|抽|惊厥)',
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    // AHA: a heart attack or stroke just diagnosed with an urgent transfer or procedure (转院放支架, 马上溶栓).
    name: 'infarct diagnosed × urgent transfer or reperfusion',
    gate: '(?:梗|中风|卒中)',
    concept: 'mi-now',
    re: '(?:急性)?(?:心梗|心肌梗死|心肌梗塞)(?![^,.。!?;\\n]{0,6}(?:年|个月)|后|过)',
    needs:
      '^(?=.*(?:放支架|做支架|溶栓|取栓|导管室|绿色通道|转上级|转院|救护车|抢救|急诊))(?=.*(?:马上|立即|立刻|正在|路上|现在|赶紧))',
    // A story of back then (当年, 那年, 那时候) recalled now (现在想起来) is no infarct now (classes of tuning part 12).
    unless: PAST_STORY,
    sources: ['aha-heart-attack'],
  },
  {
    name: 'stroke diagnosed × urgent transfer or reperfusion',
    gate: '(?:梗|中风|卒中)',
    concept: 'stroke-now',
    re: '(?:急性)?(?:脑梗塞|脑梗死|脑梗|中风|卒中|脑出血|脑溢血)(?![^,.。!?;\\n]{0,6}(?:年|个月)|后|过)',
    needs:
      '^(?=.*(?:溶栓|取栓|导管室|绿色通道|转上级|转院|救护车|抢救|急诊|手术))(?=.*(?:马上|立即|立刻|正在|路上|现在|赶紧))',
    unless: PAST_STORY,
    sources: ['befast', 'stroke120'],
  },
  {
    // REFERENCE §1.5 pulmonary oedema / AHA shortness of breath: too breathless to get a full sentence out.
    name: 'cannot get a full sentence out, with breath words (English)',
    gate: 'sentence',
    concept: 'dyspnoea',
    re: "\\b(?:can'?t|cannot|couldn'?t|unable to|not able to)\\s+(?:get|finish|say|complete)\\s+(?:a |one |her |his |my |the )?(?:full |whole |complete )?sentences?(?: out)?\\b",
    needs: '(?:breath|wheez|gasp|asthma|inhaler|puff|oxygen|\\bsats?\\b|blue)',
    unless: `(?:${EXERTION}|climbed|crying|sobbing|laughing)`,
    sources: ['ref-1.5', 'aha-heart-attack'],
  },
  {
    // Central cyanosis (hypoxia): blue or grey round the mouth or lips.
    name: 'blue round the mouth or lips (English)',
    gate: 'blue|grey|gray|purple',
    concept: 'dyspnoea',
    re: '\\b(?:blue|bluish|grey|gray|purple|dusky)\\s+(?:round|around|about)\\s+(?:the|his|her|my|their)\\s+(?:mouth|lips)\\b',
    unless: '(?:cold|swim|sea|lipstick|berr|ice|snow|freez)',
    sources: ['ref-1.5', 'aha-heart-attack'],
  },
  {
    // AHA shortness of breath: even breathing is uncomfortable (喘气都不舒服), not from a cold or exertion.
    name: 'breathing itself uncomfortable (喘气都不舒服)',
    gate: '(?:喘气|呼吸|出气)',
    concept: 'dyspnoea',
    re: '(?:喘气|呼吸|出气|喘口气)(?:都|也)(?:不舒服|难受|费劲|费力|不顺)',
    unless: `(?:${EXERTION}|感冒|鼻塞|鼻子|紧张|生气|着急|口罩)`,
    sources: ['ref-1.5', 'aha-heart-attack'],
  },
  {
    // AHA aortic dissection: a back pain, then what it is like — torn or cut open (后背贼疼，跟撕开了似的).
    name: 'back pain × torn-open simile after it',
    gate: '(?:撕|扯|劈|刀)',
    concept: 'tearing-pain',
    re: `(?:后背|背部|背心|背上|胸背|背脊|背)${G}{0,4}?(?:疼|痛)[^。!?;\\n]{0,4}?(?:跟|像|好像|好似|如同)${G}{0,3}?(?:被|让)?(?:有)?(?:人)?(?:撕开|撕裂|扯开|扯裂|劈开|刀割|刀划|拿刀(?:往下|在)?(?:划|割)|刀子(?:划|割))`,
    unless: '(?:衣服|裤|衬衫|外套|书包|包带|背包|带子|shirt|bag)',
    sources: ['aha-dissection', 'ref-1.5'],
  },
  {
    // BE-FAST "Eyes": part of the visual field gone (视野不见了一块, 右边视野没了), sudden or one side.
    name: 'visual field × gone, sudden or one side',
    gate: '(?:视野|视物|视线)',
    concept: 'sudden-vision-loss',
    re: `(?:视野|视物|视线)${G}{0,3}?(?:不见了|没了|缺了|少了一(?:半|块))`,
    needs: '(?:突然|忽然|一下子|刚才|刚刚|刚发生|左|右|一半|半边|一块|\\bhalf\\b|suddenly)',
    unless: `(?:${EYE_UNLESS}|检查)`,
    sources: ['befast'],
  },
  {
    // Toneless pinyin (as "shuo bu chu hua" for speech): xiongkou teng / tong / men — chest pain or tightness.
    name: 'pinyin chest pain (xiongkou teng)',
    gate: 'xiong',
    concept: 'chest-pain',
    re: '\\bxiong\\s?(?:kou|bu|qian)\\s?(?:teng|tong|men)\\w*',
    sources: ['aha-heart-attack'],
  },
  {
    // AHA: chest pressure or squeezing told as a simile — 像被人攥住一样揪着疼, 像拧毛巾一样绞着疼 (心脏 as chest).
    name: 'chest or heart × simile × squeezing pain',
    gate: '(?:像|跟|好似)',
    concept: 'chest-pain',
    re: `(?:${CHEST}|心脏)${G}{0,4}?(?:像|跟|好像|好似)${G}{0,8}?(?:一样|似的|一般)?(?:绞|揪|攥|拧|扎|剜|压|捏|抓|掐)(?:着|得|住)?[^。!?;\\n]{0,3}?(?:疼|痛)`,
    unless: CHEST_UNLESS,
    sources: ['aha-heart-attack'],
  },
  {
    // BE-FAST "Face": a smile gone wonky or uneven on one side.
    name: 'smile or face wonky on one side (English)',
    gate: '(?:wonky|uneven|skew|slant|droopy)',
    concept: 'facial-droop',
    re: `\\b(?:face|mouth|smile)\\b${E}{0,15}?\\b(?:wonky|uneven|skew\\w*|slanted|droopy)\\b`,
    needs: '(?:one side|\\bleft\\b|\\bright\\b|suddenly|all of a sudden|since|this morning|today|just now)',
    unless: '(?:photos?|pictures?|always|for years|since (?:birth|childhood)|dentist|tooth|bell)',
    sources: ['befast', 'stroke120'],
  },
  {
    // REFERENCE §1.5 / AHA stroke: a headache like a blow to the head, out of nowhere or with vomiting (thunderclap).
    name: 'headache like a blow to the head, sudden (English)',
    gate: 'headache',
    concept: 'thunderclap-headache',
    re: `\\bheadache\\b${E}{0,10}?\\blike\\b${E}{0,25}?\\b(?:hit|struck|smack\\w*|whack\\w*|kick\\w*|punch\\w*|clubbed)\\b`,
    needs: `(?:${HEAD_CUE}|out of nowhere|from nowhere)`,
    unless: `(?:${HEAD_UNLESS}|every (?:morning|day|night)|for years|always)`,
    unlessNot: HEAD_UNLESS_NOT,
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    // AHA aortic dissection: the back (or between the shoulder blades) torn or ripped apart.
    name: 'back × torn or ripped apart (English)',
    gate: '(?:apart|open|in two|in half)',
    concept: 'tearing-pain',
    re: `\\b(?:back|shoulder blades)\\b${E}{0,30}?\\b(?:ripp\\w*|torn|tear\\w*|split\\w*)\\s+(?:apart|open|in two|in half)\\b`,
    unless: '(?:pocket|jeans|trousers|pants|shirt|jacket|bag|seam|coat|book|page|paper)',
    sources: ['aha-dissection', 'ref-1.5'],
  },
  {
    // BE-FAST "Arm" (coordination): reaching past a cup or glass with one hand, new today.
    name: 'reaching past things with one hand, new (English)',
    gate: '(?:right|left)',
    concept: 'limb-weakness',
    re: `\\b(?:keeps?|kept)\\s+(?:missing|knocking over)\\b${E}{0,40}?\\b(?:right|left)\\s+(?:hand|arm)\\b`,
    needs: '(?:suddenly|started|since|today|this morning|an hour|at (?:lunch|breakfast|dinner)|just now)',
    unless: '(?:bus|train|shopping|full of|carrying|\\bgame\\b)',
    sources: ['befast', 'stroke120'],
  },
  {
    // BE-FAST "Face": half the face numb, drooping or not moving.
    name: 'half the face × numb, drooping or not moving (English)',
    gate: 'face',
    concept: 'facial-droop',
    re: `\\b(?:half|one side|side) (?:of )?(?:my|his|her|their|the) face\\b${E}{0,15}?\\b(?:won'?t move|not moving|can'?t move|droop\\w*|numb|dead|frozen|paralys\\w*|paralyz\\w*|fallen|dropped|sagg\\w*)\\b`,
    unless: '(?:dentist|injection|filling|tooth|botox|filler|anaesthe|anesthe|numbing)',
    sources: ['befast', 'stroke120'],
  },
  {
    // AHA aortic dissection: sudden severe pain in the upper back, between the shoulder blades.
    name: 'sudden severe pain between the shoulder blades (English)',
    gate: 'shoulder',
    concept: 'tearing-pain',
    re: '\\bbetween (?:my|his|her|their|the) shoulder ?blades\\b',
    needs:
      '^(?=.*\\b(?:sudden\\w*|out of nowhere|all of a sudden)\\b)(?=.*\\b(?:severe|agonis\\w*|agoniz\\w*|excruciating|ripping|tearing|terrible|unbearable|worst|awful)\\b)',
    unless: '(?:desk|posture|for weeks|for months|gym|lifting)',
    sources: ['aha-dissection', 'ref-1.5'],
  },
  {
    // REFERENCE §1.5 altered consciousness, Cantonese: 识唔到人 / 认唔到人 (does not know people), 讲嘢乱晒 (talk jumbled).
    name: 'does not know people, talk jumbled (Cantonese)',
    gate: '(?:唔到人|乱晒|乱咗)',
    concept: 'confusion',
    re: '(?:识|认)唔(?:到|出)人|讲嘢乱(?:晒|咗)',
    sources: ['ref-1.5'],
  },
  {
    // BE-FAST "Speech": words that are not coming out right (the negation is the sign, not a denial of it).
    name: 'words not coming out right (English)',
    gate: 'coming out|come out',
    concept: 'speech-difficulty',
    re: "\\bwords?\\b[^,.;!?\\n]{0,10}?\\b(?:aren'?t|are not|isn'?t|is not|won'?t|don'?t|not)\\s+(?:coming out|come out)\\s+(?:right|properly|correctly|clearly)\\b",
    unless:
      '(?:writ|essay|text|email|exam|interview|nervous|anxious|public speaking|presentation|english|language|accent)',
    sources: ['befast', 'stroke120'],
  },
  {
    // BE-FAST "Speech": what someone says no one can understand (谁都听不懂, 没人听得懂).
    name: 'speech that no one understands',
    gate: '听',
    concept: 'speech-difficulty',
    re: '(?:说话|讲话|说的话|讲的话|说的|讲的)(?:都|也)?(?:没人|谁都|谁也|大家都)(?:听得懂|听不懂|听不明白)',
    sources: ['befast', 'stroke120'],
  },
  {
    // BE-FAST "Speech" (language): cannot write one's own name or read known characters all of a sudden.
    name: 'sudden agraphia or alexia (名字都写不出来, 看不懂字了)',
    gate: '(?:写不|不会写|看不懂)',
    concept: 'speech-difficulty',
    re: `名字${G}{0,3}?(?:写不出|写不了|不会写)|看不懂${G}{0,6}?字`,
    needs: `(?:${SUDDEN}|明明|本来|以前都)`,
    unless: '(?:潦草|外语|英语|繁体|古文|草书|老花|眼镜)',
    sources: ['befast', 'stroke120'],
  },
  {
    // AHA aortic dissection: the back as if stabbed or cut (背后像被人拿刀捅了), pain named.
    name: 'back × as if stabbed or cut',
    gate: '刀',
    concept: 'tearing-pain',
    re: `(?:后背|背后|背部|背心|背上|背脊)${G}{0,4}?(?:像|跟|好像|好似)${G}{0,4}?(?:被|让)?(?:人)?(?:用|拿)?(?:刀|刀子)(?:捅|扎|割|划|劈)`,
    needs: '(?:疼|痛)',
    unless: '(?:衣服|裤|衬衫|外套|书包|包带|背包)',
    sources: ['aha-dissection', 'ref-1.5'],
  },
  {
    // REFERENCE §1.5 / AHA stroke: the head as if struck with a club or hammer, sudden or with vomiting (thunderclap).
    name: 'head × as if struck with a club or hammer',
    gate: '(?:棍|锤|榔头|砖)',
    concept: 'thunderclap-headache',
    re: `${HEAD}${G}{0,4}?(?:像|好像|跟)${G}{0,6}?(?:棍子|闷棍|铁锤|锤子|榔头|砖头)${G}{0,4}?(?:打|敲|砸|抡)`,
    needs: HEAD_CUE,
    unless: `(?:${HEAD_UNLESS}|真的被|被打|打架|摔)`,
    unlessNot: HEAD_UNLESS_NOT,
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    // REFERENCE §1.5 acute confusion: the same question again and again, new today.
    name: 'the same thing asked over and over — new today',
    gate: '(?:同一|一样的|同样的)',
    concept: 'confusion',
    re: `(?:反复|一直|老是|总是|重复)(?:地)?(?:问|说)${G}{0,3}?(?:同一个|同一件|一样的|同样的)${G}{0,2}?(?:问题|事|话)`,
    needs: `(?:${SUDDEN}|今天|上午还|早上还|刚才还|昨天还|好好的)`,
    unless: '(?:一直这样|好几年|多年|老年痴呆|痴呆)',
    sources: ['ref-1.5'],
  },
  {
    // BE-FAST "Eyes": one eye as if covered or inked, then black (像蒙了块黑布一样，全黑了).
    name: 'eye × simile × gone black',
    gate: '(?:一样|似的)',
    concept: 'sudden-vision-loss',
    re: `${EYE}${G}{0,10}?(?:一样|似的)[,，]?(?:一片黑|全黑|黑了|黑的|看不见|什么都看不)`,
    needs: `(?:${SUDDEN}|左|右|一只|一边)`,
    sources: ['befast'],
  },
  {
    // BE-FAST "Eyes": sudden blindness or loss of sight in one eye (English).
    name: 'sudden loss of sight in one eye (English)',
    gate: 'eye',
    concept: 'sudden-vision-loss',
    re: `\\b(?:blind(?:ness)?|lost (?:the )?(?:sight|vision)|loss of (?:sight|vision))\\b${E}{0,6}?\\bin (?:one|my|his|her|the) (?:left |right )?eye\\b`,
    needs: '(?:sudden|suddenly|just now|this morning|today|an hour|minutes ago)',
    unless: '(?:glaucoma|years ago|since (?:birth|childhood)|always)',
    sources: ['befast'],
  },
  {
    // AHA heart-attack warning signs: squeezing (the heart being squeezed or crushed), not grief.
    name: 'heart being squeezed or crushed (English)',
    gate: 'heart',
    concept: 'chest-pain',
    re: `\\bheart\\b${E}{0,15}?\\b(?:being squeezed|squeezing|squeezed|being crushed|crushed|in a vice|clenched)\\b`,
    unless:
      '(?:grief|sad|love|heartbroken|funeral|think(?:ing)? (?:of|about)|every time|miss (?:him|her|them)|emotion|break-?up|song|film|movie)',
    sources: ['aha-heart-attack'],
  },
  {
    // BE-FAST "Speech": speech that sounds drunk (slurred) without drink.
    name: 'speech sounds drunk (English)',
    gate: 'drunk',
    concept: 'speech-difficulty',
    re: "\\b(?:speech|talking|voice|words)\\b[^,.;!?\\n]{0,12}?\\b(?:sounds?|sounding|seems?)\\s+(?:like|as if)\\s+(?:he|she|they|i)(?:'s|'re|'m| is| are| was| were)?\\s+drunk\\b",
    unless: '(?:been drinking|had (?:a few|too many|some drinks)|\\bpub\\b|beers|wine|vodka|hangover)',
    sources: ['befast', 'stroke120'],
  },
];
