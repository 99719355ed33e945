/**
 * More surface forms for the emergency rows (part 2, issue 16; found as misses of the independent tuning parts):
 * Cantonese (讲唔清楚, 举唔起, 心口好翳, 咬到条脷), Shanghainese (讲闲话弗清爽, 一只脚拖了走), Hokkien/Taiwanese (喘袂过来,
 * 痛甲欲死), Sichuan (没得反应), and lay English (dragging my foot, "like drowning", "came on in seconds"). Each form
 * is a lay wording of a sign the row's sources list: BE-FAST / 中风120 (face, arm, speech, eyes, balance), AHA
 * heart-attack warning signs (chest pressure, squeezing; shortness of breath), REFERENCE §1.5 target-organ
 * damage (confusion, seizure, sudden severe headache), patient-education texts on seizures and on the
 * "worst-ever" (thunderclap) headache with neck stiffness and vomiting. Merged into the rows by lexicon/index.ts;
 * every form is tested like the row's own (lexicon.test.ts), near misses in lexicon2.test.ts.
 */
import type { Variants } from './variants.ts';

/** A gap inside a phrase: no clause break and no negation character. */
const G = '[^,.。!?;:\\n不没无未别但却和及与、]';
/** A gap inside a sentence (commas allowed): for a simile or a second clause about the same part. */
const S = '[^。!?;\\n]';

export const VARIANTS_2: Readonly<Record<string, Variants>> = {
  'chest-pain': {
    // Cantonese 翳: oppressive fullness (AHA: "uncomfortable pressure, squeezing, fullness").
    zh: ['心口好翳', '心口翳', '胸口好翳', '胸口翳'],
    patterns: [
      // Mixed writing: "chest 好痛".
      `\\bchest\\s*(?:好|很|特别|非常|有点)?(?:痛|疼|闷)`,
      // AHA "pressure": someone or something sitting or pressing on the chest ("胸口像有人坐在上面").
      `(?:胸口|胸前|心口)${G}{0,2}?像(?:是)?(?:有人|有东西|被人|什么东西)?(?:坐|压|踩|站)在(?:上面|上头|上边)`,
      // AHA "squeezing": the grip simile in the next clause about the same chest ("心口像针扎，又像被什么攥住了").
      `(?:心口|胸口|胸前|心脏)${S}{0,12}?像被${G}{0,3}?(?:攥住|攥紧|揪住|捏住|箍住)`,
    ],
  },
  'facial-droop': {
    zh: ['口歪眼斜', '嘴歪眼斜'],
    patterns: [`只有一边(?:嘴角|脸)${G}{0,2}?动`, `\\b(?:dribbl|drool)\\w*\\b[^,.;!?]{0,12}\\bone side\\b`],
  },
  'balance-loss': { patterns: [`(?:走路|站着|人)${G}{0,3}?往(?:左|右)(?:边|侧)?(?:倒|歪|偏)`] },
  'limb-weakness': {
    zh: ['举唔起', '抬唔起'],
    patterns: [
      // Shanghainese 一只脚拖了走: one foot dragged (BE-FAST arm/leg; 中风120 one-sided weakness).
      `(?:一只|一条|左|右)(?:边)?(?:脚|腿)${G}{0,4}?拖(?:了|着)?(?:走)?(?![鞋延])`,
      // A held object slipping from the hand, written object first ("笔也握不住", "勺子老是掉 … 没力气").
      `(?:笔|筷子|勺子|杯子|碗)${G}{0,2}?(?:握不住|拿不住|抓不住)`,
      `\\bdragging (?:my|his|her) (?:left |right )?(?:foot|leg)\\b`,
      `\\b(?:left|right) (?:leg|knee)\\b${'[^,.;!?]'}{0,15}\\b(?:giving way|giving out|gives way|gives out)\\b`,
      `\\b(?:hand|arm|leg)\\b[^,.;!?]{0,6}\\bwon'?t do what i tell\\b`,
      `\\b(?:arm|hand|leg)\\b[^,.;!?]{0,8}\\bflopped (?:down|to (?:her|his|my) side)\\b`,
    ],
  },
  'speech-difficulty': {
    zh: ['讲唔清楚', '讲嘢唔清楚', '讲闲话弗清爽', '讲话弗清爽', '讲弗出闲话', '讲弗出话'],
    patterns: [
      `讲(?:嘢|话|闲话)${G}{0,3}?(?:讲唔清|弗清爽)`,
      `舌头${G}{0,2}?(?:打不过弯|转不过弯|不打弯)`,
      `\\b(?:speak|speech|talk|words?)\\b[^,.;!?]{0,10}\\bslur\\b`,
      `\\btongue\\b[^,.;!?]{0,4}\\bfeels? (?:thick|heavy)\\b`,
    ],
  },
  // Denied blurring ("看东西挺清楚的，没模糊"): the bare word only right after the negation.
  // Retinal haemorrhage (REFERENCE §1.5: hypertensive retinopathy is target-organ damage): a vision red flag, an
  // emergency only with a crisis reading.
  'blurred-vision': { patterns: ['(?<=(?:没|不))模糊', `眼底${G}{0,2}?出(?:过|了)?血`] },
  'sudden-vision-loss': {
    zh: ['只看得到光', '只看得见光', '只能看到光', '只能看见光', '眼睛瞎'],
    en: ['go blind', 'going blind'],
    patterns: [
      // One eye half dark, whatever was tried in between ("右眼…擦了还是一半黑的").
      `(?:左眼|右眼|一只眼)[^。!;\\n]{0,30}?一半(?:是)?黑`,
      `眼前${G}{0,6}?(?:黑布|帘子|黑幕)`,
      `\\b(?:went|gone|going) (?:black|dark)\\b[^,.;!?]{0,12}\\b(?:left|right|one) side\\b`,
      `\\b(?:can'?t|cannot) see\\b[^,.;!?]{0,16}\\b(?:on|to) (?:my|that|the|his|her) (?:left|right|side)\\b`,
      `\\b(?:couldn'?t|could not|cannot|can'?t) see out of (?:my|his|her|one) (?:left |right )?eye\\b`,
    ],
  },
  dyspnoea: {
    // Hokkien 喘袂过来: cannot catch one's breath.
    zh: ['喘袂过来', '喘袂过'],
    // "有点喘" only where the sentence says it is over ("昨晚有点喘，今天早上已经好了"): recorded as past, never alone.
    // (Plain "有点喘" is too often exertion to be a red flag by itself.)
    patterns: [
      `\\blike (?:i'?m |i am )?drowning\\b`,
      `\\bbreath(?:ing)? is (?:very |so |really )?hard\\b`,
      `有点喘(?=${G}{0,2}?[,]${S}{0,10}?(?:已经好了|早就好了|没再喘|不喘了))`,
    ],
  },
  confusion: {
    zh: [
      '不知道自己要去哪',
      '不知道自己在哪',
      '门牌号都想不起来',
      '脑子转不动',
      '不认识回家的路',
      '认不得回家的路',
    ],
    patterns: [
      '不太认(?:人|得人|识人)',
      // Hokkien 毋知影家己佇佗位: does not know where he is.
      `(?:毋|不)知(?:影)?${G}{0,3}?佇佗位`, // 毋 is read as 不 (normalize.ts)
      // The bare word only where it reads as the person's state: denied (一点不糊涂), feared (会糊涂), or a past
      // episode (迷糊过一次) — the modifiers then say so.
      '(?<=(?:不|没|会))糊涂',
      '迷糊(?=过)',
      // (The writer's own "I don't know where he is" is about whereabouts, not a state: issue 16 round 6.)
      `\\b(?:doesn'?t|does not|didn'?t) know where (?:she|he|i) (?:is|am|was)\\b|\\b(?:i )?don'?t know where i (?:am|was)\\b|\\b(?<!\\bi )don'?t know where (?:she|he) (?:is|was)\\b`,
    ],
  },
  unresponsive: {
    // Sichuan 没得: 没有.
    patterns: [`(?:叫|喊)${G}{0,6}?没得(?:反应|动静)`],
  },
  seizure: {
    // Patient education (seizures): a bitten tongue, incontinence, eyes rolled up, jaw clenched.
    zh: ['咬到条脷', '成个人抽', '抽过去了', '抽个不停', '眼睛翻白', '牙关咬得紧紧', '发羊吊'],
    patterns: [
      `醒来${G}{0,4}?舌头咬破`,
      `(?:抽(?:筋)?${G}{0,3}?|发起抖来${G}{0,2}?)停不下来`,
      `倒在地上${G}{0,3}?抽(?![烟水血签奖屉])`,
      // Denied jerking ("烧到三十九度，没有抽"): the bare verb only right after the negation, at a clause end.
      '(?<=(?:没有|没))抽(?=[,.。!?;]|$)',
    ],
  },
  // Bursting severe headache (REFERENCE §1.5 / pre-eclampsia severe headache): a red flag with a crisis reading.
  'severe-headache': {
    zh: ['炸裂的头疼', '炸裂的头痛', '炸裂样头痛', '炸裂样头疼', '头疼得撞墙', '头痛得撞墙'],
  },
  'tearing-pain': {
    patterns: [
      `\\bback\\b[^,.;!?]{0,6}\\bfeels? like\\b[^,.;!?]{0,15}\\b(?:ripped|torn) (?:apart|open|in two)\\b`,
    ],
  },
  'thunderclap-headache': {
    patterns: [
      // Sudden worst headache: the blow similes and "worst ever" (patient education on thunderclap headache).
      `(?:头|后脑勺?|脑袋|脑壳)${S}{0,10}?像(?:被|让)(?:人)?(?:用)?(?:锤子|榔头|棍子|闷棍|雷)(?:砸|劈|打|敲)`,
      `\\bhead\\b[^.!?]{0,30}\\blike (?:being )?hit (?:with|by) (?:a )?(?:bat|hammer|brick)\\b`,
      `头壳${S}{0,6}?痛甲欲死`,
      // Severe headache with neck stiffness or vomiting (subarachnoid haemorrhage warning signs).
      `头(?:痛|疼)得(?:要裂开|快裂开|要炸)${S}{0,16}?(?:吐|呕|脖子${G}{0,2}?硬)`,
      `\\b(?:headache|head pain)\\b[^,.;!?]{0,8}\\b10/10\\b`,
      `\\bthunderclap\\b[^,.;!?]{0,20}\\b(?:head|headache)\\b|\\b(?:head|headache)\\b[^,.;!?]{0,20}\\bthunderclap\\b`,
      `\\bheadache\\b[^.!?]{0,50}\\b(?:never had anything like it|came on in seconds)\\b`,
    ],
  },
};
