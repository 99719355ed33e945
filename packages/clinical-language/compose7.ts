/**
 * Compositional rules, part 7 (issue 16; classes of missed emergencies of training parts 15–17): the surface forms of
 * a fit in lay words (抽了一下/一阵/三次, 倒下抽, 发高烧抽筋, 手脚一直抖, "gone rigid", "jerking on the floor") in a fit
 * context; altered consciousness after a knock on the head, drink or a fever (叫他只会哼哼, 眼睛睁不开, 反复问同一个
 * 问题, 反应很慢, 眼神不对, "won't wake properly", "just groans", "keeps asking what day it is"); a heart attack or a
 * dissection told without the usual words (捂着胸口蹲下, "tight band round his chest", "something tore in his back");
 * facial weakness in daily terms (脸木了, 喝水从嘴角漏, 口角流水, "food falling out of one side"); and a baby's
 * breathing distress (呼吸特别快, 鼻翼扇动, grunting). Each rule yields an existing concept id and names its sources
 * (REFERENCE §1.5 seizure, impaired consciousness, respiratory distress; AHA heart-attack and dissection warning
 * signs; BE-FAST / 中风120 face; patient education on seizures, head injury and a sick baby). The modifiers (first
 * fit, fever, a child, awake again — rules7.ts) decide whether a stopped fit is still an emergency. Near misses are
 * part of the rules (`unless`) and of classes10.test.ts.
 */
import type { ComposeRule } from './compose.ts';
import { E, G } from './cues.ts';

/** What else 抽 means: smoking, drawing blood, a raffle, a drawer, liposuction, a muscle cramp, shivering. */
export const NOT_FIT =
  '(?:抽烟|抽根|抽支|抽血|抽空|抽时间|抽奖|抽签|抽屉|抽水|抽脂|抽查|抽样|抽痰|抽积液|抽腹水|抽胸水|抽卡|腿抽筋|小腿|(?<!手)脚抽筋|脚趾|腓肠肌|游泳|缺钙|补钙|寒战|打摆子|发冷|冷(?!汗)|冻得|被子|盖了|盖着|裹着|紧张|害怕|帕金森|\\bcramps?\\b|\\bchills\\b|\\bshiver|\\brigors?\\b|parkinson|\\btremor|\\bcold\\b|\\bnervous\\b|\\bgym\\b|\\bworkout\\b)';
/** A fit context: a fever, a child, epilepsy, a fall, not woken, pregnancy, the eyes or the limbs. */
const FIT_CONTEXT =
  '(?:发烧|高烧|发热|体温|很烫|3[89](?:\\.\\d)?|40(?:\\.\\d)?|宝宝|孩子|小孩|个月|岁|孙|娃|婴|癫痫|羊[癫角]|倒|没醒|醒|叫不|怀孕|孕|产后|口吐|白沫|白眼|眼睛|手脚|全身|浑身|四肢|不省人事|意识|\\bjerk|\\bshak|\\bfever|\\bbaby\\b|\\bfloor\\b)';
/** A knock on the head, a fall, drink or a fever: what makes drowsiness or slowness an emergency. */
const HEAD_CONTEXT =
  '(?:摔|撞|磕|碰到头|碰了头|打到头|跌|车祸|踢球|头撞|撞头|喝了?(?:点|些|很多|不少)?酒|喝多|醉|发烧|高烧|发热|体温|\\bknock|\\bbang|\\bhit (?:his|her|my|their) head|\\bfell\\b|\\bfall\\b|\\bconcuss|\\bdrunk|\\bdrinking|\\bfever|\\btemp(?:erature)?\\b)';
/** Sleepy from a late night, a sore eye, a slow phone: no altered consciousness. */
const NOT_DROWSY =
  '(?:困|熬夜|没睡|加班|太阳|刺眼|眼屎|过敏|花粉|结膜|麦粒肿|针眼|痒|网|电脑|手机|系统|\\bapp\\b|游戏|\\bsleepy\\b|\\btired\\b|\\bphone\\b|\\bwifi\\b)';
/** A baby or a small child. */
const BABY =
  '(?:宝宝|婴儿|新生儿|小孩|孩子|娃|(?:[一二两三四五六七八九十\\d]+)(?:个多?月|岁)|月龄|\\bbaby\\b|\\binfant\\b|\\btoddler\\b|\\bnewborn\\b|\\b\\d+[- ]?(?:month|week)[- ]old\\b)';

export const COMPOSE_RULES_7: readonly ComposeRule[] = [
  {
    // REFERENCE §1.5 seizure; patient education: a fit in lay words (抽了一下/一阵/三次, 倒下抽, 又抽, 发高烧抽筋) in a
    // fit context; 抽 of smoking, blood, a raffle or a leg cramp is not.
    name: 'fit verb (抽 + a count, a fall or a fever) in a fit context',
    gate: '抽',
    concept: 'seizure',
    re:
      `(?<![腿脚趾肚胃肠心皮角嘴])抽(?:了|着|起来)?(?:一下|一阵子?|一会儿?|几下|[一二两三四五六七八九几好多]+(?:次|回|下))(?![烟血水空签奖脂样查号卡痰])|` +
      `(?:倒下|倒地|在地上|地上|突然|第一次|头一次|首次|又|开始|正在|一直|还在)(?:就)?抽(?:搐|筋|风)?(?![烟血水空签奖脂样查号卡痰根支时])|` +
      `(?:发烧|高烧|发热|烧到|惊厥)${G}{0,12}?抽筋`,
    needs: FIT_CONTEXT,
    unless: NOT_FIT,
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    // REFERENCE §1.5 seizure: the limbs shaking without stop (手脚一直抖, mixed "手脚一直 jerking"), not shivering or cold.
    name: 'limbs shaking without stop',
    concept: 'seizure',
    re: `(?:手脚|全身|浑身|四肢|身子|身体)${G}{0,3}?(?:一直|不停地?|还在|停不下来地?)\\s?(?:抖|抽|颤|jerking|shaking|twitching)`,
    unless: NOT_FIT,
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    // REFERENCE §1.5 seizure: "gone rigid and is jerking", "went stiff and started shaking", "jerking on the floor".
    name: 'gone rigid or jerking (en)',
    gate: '(?:rigid|stiff|jerk|shaking|twitching)',
    concept: 'seizure',
    re:
      `\\b(?:gone|went|going|turned|goes|is|was)\\s+(?:all\\s+|completely\\s+)?(?:rigid|stiff)\\b(?=${E}{0,40}?\\b(?:jerk|shak|twitch|convuls|fitting|foam))|` +
      `\\b(?:jerking|shaking|twitching|convulsing)\\s+(?:all over|uncontrollably|on the (?:\\w+\\s)?floor|and (?:won'?t|will not|can'?t|doesn'?t) stop)\\b|` +
      `\\b(?:arms?|legs?|limbs?|whole body)\\s+(?:keep|keeps|are|is|were|was|still)\\s+(?:jerking|twitching)\\b`,
    unless: NOT_FIT,
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    // REFERENCE §1.5 impaired consciousness; patient education on head injury: after a knock on the head, drink or a
    // fever — only groans when called, cannot open the eyes, asks the same thing again and again, slow, a wrong look.
    name: 'drowsy, repeating or slow after a knock, drink or a fever',
    concept: 'confusion',
    re:
      `叫${G}{0,4}?(?:只会|只是|就|光|只)(?:哼哼|哼|嗯嗯|嗯|哼唧|呻吟)|眼睛${G}{0,3}?睁不开|` +
      `(?:一直|反复|不停地?|老是|总是|重复|翻来覆去)${G}{0,2}?(?:重复)?(?:问|说)${G}{0,8}?(?:同一|一样|刚才|同样|今天|现在|几点|哪里|哪儿|几号|星期几|比分)|` +
      `反应(?:很|特别|非常|有点|变得?|明显)?(?:慢|迟钝|迟缓)|眼神(?:不对|发直|发呆|呆滞|涣散|不对劲|怪怪)|` +
      `\\bkeeps?\\s+(?:asking|repeating|saying)\\s+(?:the same|what day|what time|where (?:he|she|they|i) (?:is|am|are)|what happened)\\b|` +
      `\\b(?:slow to (?:answer|respond)|not making sense|staring blankly)\\b`,
    needs: HEAD_CONTEXT,
    unless: NOT_DROWSY,
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    // REFERENCE §1.5 impaired consciousness: someone who will not wake properly or only groans (no context needed).
    name: "won't wake properly or just groans (en)",
    gate: '(?:wake|woken|groan|moan)',
    concept: 'unresponsive',
    re:
      "\\b(?:won'?t|will not|can'?t|cannot|doesn'?t|does not|isn'?t|is not|not)\\s+(?:be\\s+)?(?:wake|waking|woken|waken)\\s+(?:up\\s+)?(?:properly|fully|right)\\b|" +
      '\\b(?:only|just)\\s+(?:groans|moans|grunts|mumbles|groaning|moaning)\\b',
    unless: '(?:\\balarm\\b|\\bphone\\b|\\bapp\\b|\\bcomputer\\b|\\blaptop\\b|\\bmornings?\\b|\\bearly\\b)',
    sources: ['ref-1.5'],
  },
  {
    // REFERENCE §1.5 / AHA stroke: a sudden violent headache (头突然剧烈疼痛), or one unlike any before (跟以前的头疼
    // 完全不一样); a knock or a fall explains it (head injury is read by its own signs).
    name: 'head × sudden violent pain, or unlike any headache before',
    gate: '头',
    concept: 'thunderclap-headache',
    re:
      `头${G}{0,3}?(?:突然|忽然|一下子)${G}{0,3}?剧烈(?:地)?(?:疼痛|疼|痛)|` +
      `(?:头痛|头疼)${G}{0,2}?(?:跟|和|与)以前${G}{0,6}?(?:完全|都|很)不一样`,
    unless: '(?:撞|磕|摔|碰到|打到|宿醉|喝多)',
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    // AHA heart-attack warning signs: holding the chest (捂着胸口蹲下, "clutching his chest"), with pain, pallor or a fall.
    name: 'clutching the chest × pain, pallor or a fall',
    gate: '(?:捂|揪|攥|抓|clutch)',
    concept: 'chest-pain',
    re:
      '(?:捂着|捂住|捂|揪着|抓着|攥着)(?:胸口|心口|胸前|左胸|胸)|' +
      '\\bclutching\\s+(?:at\\s+)?(?:his|her|my|their|the)\\s+chest\\b',
    needs:
      '(?:疼|痛|白|汗|喘|倒|蹲|说不出|\\bpain|\\bpale|\\bgrey|\\bgray|\\bsweat|\\bclammy|\\bcollaps|\\bfell\\b|\\bdown\\b)',
    unless: '(?:按着疼|一按就疼|戳|咳嗽|笑|\\bcough|\\blaugh)',
    sources: ['aha-heart-attack'],
  },
  {
    // AHA heart-attack warning signs: pressure, squeezing or tightness ("a tight band round his chest").
    name: 'tight band or weight round the chest (en)',
    gate: 'chest',
    concept: 'chest-pain',
    re: `\\b(?:tight|heavy)\\s+(?:band|belt|strap|vice|vise)\\s+(?:round|around|across|over)\\s+(?:his|her|my|their|the)\\s+chest\\b`,
    sources: ['aha-heart-attack'],
  },
  {
    // AHA aortic dissection: a sudden tearing or ripping pain — "something tore in his back", "like something ripped".
    name: 'something tore in the back or chest (en)',
    gate: '(?:tore|torn|ripped|tearing|ripping|snapped)',
    concept: 'tearing-pain',
    re: `\\b(?:something|like (?:something|it))\\s+(?:has\\s+|had\\s+|just\\s+)?(?:tore|torn|ripped|snapped|tearing|ripping)\\b(?=${E}{0,30}?\\b(?:back|chest|shoulder blades?)\\b)`,
    unless:
      '(?:\\bgym\\b|\\blifting\\b|\\bweights?\\b|\\bdeadlift|\\bsquat|\\bmuscle\\b|\\bhamstring|\\bligament|\\bshirt\\b|\\bbag\\b|\\bpaper\\b)',
    sources: ['aha-dissection'],
  },
  {
    // BE-FAST / 中风120 face: water or food running out of one corner of the mouth (喝水从嘴角漏, 口角流水), one side
    // of the face gone numb (右边脸木了); a dentist's anaesthetic or sleep dribble explains it.
    name: 'drink leaking from the mouth corner or one side of the face numb',
    gate: '(?:嘴角|口角|嘴边|脸|面)',
    concept: 'facial-droop',
    re:
      `(?:喝水|喝汤|喝的水|喝茶|喝粥|水|饭|食物|吃的|饭菜|口水|汤)${G}{0,6}?(?:从|顺着)?(?:一边|一侧|左边|右边|左侧|右侧)?(?:的)?(?:嘴角|口角|嘴边)${G}{0,3}?(?:漏|流|掉|淌|出来)|` +
      `(?:嘴角|口角)${G}{0,2}?(?:漏水|流水|流口水|淌口水|漏)|` +
      `(?:左|右|半|一)(?:边|侧)(?:的)?(?:脸|面部|面|脸颊)${G}{0,2}?(?:木了|发木|木木|麻木了|僵了|不会动)`,
    unless: '(?:牙|麻药|麻醉|口腔|溃疡|睡觉|睡着|睡梦|冷风|吹风|冻|面瘫好几年|以前)',
    sources: ['befast', 'stroke120'],
  },
  {
    // BE-FAST face (en): food or drink falling or dribbling out of one side of the mouth.
    name: 'food or drink falling out of one side (en)',
    gate: 'side',
    concept: 'facial-droop',
    re: `\\b(?:food|drink|water|tea|soup|dribbl\\w*|drool\\w*)\\b${E}{0,30}?\\b(?:falling|falls|fell|dribbling|leaking|running|coming|spilling)\\s+out\\s+(?:of\\s+)?(?:one|the (?:left|right)|his|her|my)\\s+(?:side|corner)`,
    unless: '(?:\\bdentist|\\banaesthe|\\banesthe|\\bnumbing\\b|\\basleep\\b|\\bsleep)',
    sources: ['befast'],
  },
  {
    // REFERENCE §1.5 respiratory distress in a baby: nasal flaring (鼻翼扇动), grunting, very fast breathing with a
    // baby named and another sign (not feeding, flaring, indrawing, a rate of 60 or more).
    name: "baby's nasal flaring or grunting",
    concept: 'dyspnoea',
    re:
      `鼻翼${G}{0,4}?(?:扇动|一扇一扇|扇|煽动|一张一张)|` +
      `\\b(?:nostrils?\\s+(?:are\\s+)?flaring|flaring\\s+(?:his|her|its|the)?\\s*nostrils?|grunting\\s+(?:with|on|at)\\s+(?:each|every)\\s+breath)\\b`,
    needs: BABY,
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    // REFERENCE §1.5 respiratory distress (三凹征 in lay words): the ribs or the neck pulled in with each breath
    // (肋骨下面一吸一凹, 锁骨上面陷进去); a chest shaped so from birth (漏斗胸) is not.
    name: 'chest indrawing in lay words',
    gate: '凹|陷',
    concept: 'dyspnoea',
    re: `(?:肋骨|肋下|肋间|锁骨|胸骨|胸口|脖子|喉咙下面)${G}{0,4}?(?:一吸一凹|一凹一凹|凹进去|陷进去|往里凹|往里陷|凹陷)`,
    needs: '(?:呼吸|喘|吸气|一吸|憋)',
    unless: '(?:漏斗胸|鸡胸|天生|从小|生下来就)',
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    // REFERENCE §1.5 respiratory distress in a baby: breathing very fast with a feeding or distress sign.
    name: "baby's very fast breathing × not feeding or indrawing",
    concept: 'dyspnoea',
    re: `呼吸${G}{0,2}?(?:特别|非常|很|好|超级|明显)?(?:快|急促|急)|\\bbreathing\\s+(?:very\\s+|really\\s+|so\\s+)?(?:fast|quickly|rapidly)\\b`,
    needs: `^(?=.*${BABY})(?=.*(?:吃不进奶|不吃奶|吃奶|喂不进|鼻翼|三凹|凹陷|呻吟|哼哼|一分钟[六七八]十|发紫|嘴唇|\\bnot feeding|\\bwon'?t feed|\\bflaring|\\bgrunt|\\bsucking in|\\bblue\\b))`,
    unless: '(?:哭完|刚哭|跑完|玩完|\\bcrying\\b|\\bafter playing)',
    sources: ['ref-1.5', 'patient-education'],
  },
];
