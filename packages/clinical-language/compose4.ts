/**
 * Compositional rules, part 4 (issue 16; classes of misses of independent tuning parts 7, 8 and 9): pre-eclampsia
 * warning signs (a pregnancy from 20 weeks × a severe headache or a visual disturbance), clinician shorthand (L/R arm
 * weakness, diplopia, unsteady gait veering to one side), breathlessness at rest, lying flat or in mid-sentence, a
 * torn-open back (背脊), two shadows seen (兩個影子), a head that bursts all of a sudden (頭突然爆痛, tt欲裂), an acute
 * event named by its condition (医生刚说是脑梗, 癫痫今天发作了两次) or by failed nitrates, someone not answering or
 * still shaking, bouts of chest pain and chest discomfort "without words", and a part of the sight lost in one eye.
 * Each rule yields an existing concept id and names its sources (ACOG pre-eclampsia, BE-FAST, 中风120, AHA warning
 * signs, REFERENCE §1.5); near misses are part of the rules (`unless`) and of classes6.test.ts.
 */
import type { ComposeRule } from './compose.ts';
import {
  AT_REST,
  CHEST,
  CHEST_STATE,
  CHEST_UNLESS,
  DISMISSED,
  E,
  EXERTION,
  EYE_UNLESS,
  G,
  HEAD,
  HEAD_CUE,
  HEAD_UNLESS,
  HEAD_UNLESS_NOT,
  LIMB,
  LIMB_UNLESS,
  SIDE,
} from './cues.ts';

/**
 * Pregnancy named in the sentence (怀孕, 孕32周, Cantonese 有咗34个礼拜, "pregnant", obstetric G1 34/40, a gestation at
 * the start of a sentence: "36 weeks, …").
 */
export const PREGNANT =
  '(?:怀孕|孕(?:期|妇|晚期|中期|\\s?\\d|[一二三四五六七八九十])|妊娠|有咗\\s?(?:\\d+|[一二三四五六七八九十]+)\\s?个?(?:礼拜|星期|周|月)|' +
  // Round 9: the weeks after birth — ACOG FAQ "Preeclampsia and High Blood Pressure During Pregnancy": postpartum
  // pre-eclampsia, most often within 48 hours, up to six weeks after delivery. Not in REFERENCE: UNVERIFIED here (a
  // clinician's sign-off is pending); the six weeks only bounds which words open the gate (产后两个月 does not).
  '产后|生完(?:孩子|娃|宝宝|小孩|二胎|老二|宝贝)|剖(?:腹|宫)?产(?:完|后)|坐月子|月子里|\\bgave birth\\b|\\bpost-?partum\\b|' +
  '\\bpregnant\\b|\\b(?:i.?m|im|i am|she.?s|she is|is|at|now)\\s+\\d{2}\\s*(?:weeks|wks)\\b(?!\\s+old)|\\bg\\d\\s*(?:p\\d\\s*)?\\d{2}\\s?/\\s?40\\b|^\\s*\\d{2}\\s*(?:weeks|wks)\\b|\\b\\d{2}\\s*(?:weeks|wks)\\s+(?:pregnant|gestation|along)\\b)';
/**
 * ACOG: pre-eclampsia develops after 20 weeks of pregnancy — a gestation under 20 weeks named in the sentence is no
 * such sign (ACOG "Preeclampsia and High Blood Pressure During Pregnancy").
 */
export const EARLY_PREGNANCY =
  // (Round 9: and long after birth — 产后两个月, 生完孩子两年了, "gave birth 3 months ago" — past ACOG's six weeks.)
  '(?:(?:产后|生完\\S{0,3}?|gave birth\\s)\\s?(?:[两二三四五六七八九十几]|[2-9]|\\d{2})\\s?(?:个多?月|年|months?|years?)|孕\\s?(?:[1-9]|1\\d)\\s?周|怀孕\\s?(?:[1-9]|1\\d)\\s?周|孕(?:[一二三四五六七八九]|十[一二三四五六七八九]?)周|怀孕[一二三四]个月|' +
  '\\b(?:[1-9]|1\\d)\\s*(?:weeks|wks)\\b|\\bg\\d\\s*(?:p\\d\\s*)?(?:[1-9]|1\\d)\\s?/\\s?40\\b|早孕|孕早期)';
/**
 * A severe headache (degree words, bursting, "won't go away"; round 7: 要裂开, graded very bad — 头很痛 — and worse and
 * worse or not relieved by medicine — 越来越重, 吃药也不管用 — as ACOG's "headache that does not go away").
 */
const SEVERE_HEAD =
  `(?:${HEAD}[^。!?;\\n]{0,3}?(?:痛|疼)(?:得|的|到)?(?:很|好|特别|非常|太)?(?:厉害|历害|利害|要命|受不了|欲裂|难忍|爆|炸|要裂|要炸)|` +
  `${HEAD}(?:也|都|真的?|突然)?(?:很|好|超|太|特别|非常)(?:痛|疼)|` +
  `${HEAD}[^。!?;\\n]{0,3}?(?:痛|疼)[^。!?;\\n]{0,12}?(?:越来越(?:重|厉害|痛|疼)|吃(?:了)?药(?:也|都)?(?:不管用|没用|不顶用)|止痛药(?:也|都)?(?:不管用|没用))|` +
  `${HEAD}(?:痛|疼)?(?:欲裂|要炸|要裂)|(?:剧烈|严重)的?(?:头痛|头疼)|头剧痛|(?<![a-z])tt(?:得|的)?(?:很|好|特别|非常)?(?:厉害|历害|利害|欲裂|要命)|` +
  '\\b(?:severe|splitting|terrible|pounding|worst|awful|blinding|excruciating|horrible|horrendous|agonising|agonizing|unbearable|intense|massive|really bad|very bad|killer|crushing|bad)\\s+headache\\b|' +
  "\\bheadache\\b[^.;!?\\n]{0,30}?\\b(?:won'?t go|will not go|not going away|won'?t shift|will not shift|doesn'?t go|not shifting|unrelieved|not relieved))";
/** A visual disturbance (ACOG: changes in vision — blurred, flashing lights, spots). */
const VISION_CHANGE =
  `(?:(?:眼睛|看东西|视物|视力|眼前|看)${G}{0,4}?(?:模糊|花了|发花|有点花|冒金星|发黑|看不清|矇|朦)|冒金星|睇嘢(?:矇|朦|蒙)|` +
  '\\b(?:flashing lights|seeing spots|spots (?:in|before) (?:my|her|the) (?:eyes|vision)|blurred vision|blurry vision|vision (?:is |was )?(?:blurred|blurry)|seeing stars)\\b)';

/**
 * A general statement or question about a sign (health education, "what causes …"), not a report of it: 孕妇出现…时应及时
 * 就医, 是什么原因, 要注意什么, 是不是…的表现, "warning signs", "watch for", "what causes".
 */
const GENERAL =
  '(?:孕妇(?:出现|如果|若)|时应|时要|时需|应及时|要及时|应立即|需警惕|要警惕|是什么原因|什么原因引起|要注意什么|注意什么|的表现|的症状|' +
  'should (?:see|call|seek)|warning signs?|watch (?:out )?for|what causes|a sign of|a symptom of)';

/** Acute onset, including clinical 突发 (operational cue list, not a clinical number). */
const ACUTE_4 =
  '(?:突然|突发|忽然|猛然|一下子|刚才|刚刚|\\bsudden(?:ly)?\\b|\\bacute\\b|\\ball of a sudden\\b|\\babrupt\\w*\\b)';
/** A headache word (Chinese, and voice-input "tt" for 头疼). */
const HEADACHE_ZH = `(?:(?<![a-z])tt(?![a-z])|${HEAD}[^。!?;\\n]{0,3}?(?:痛|疼))`;

/** Explanations of an unsteady gait: a knee, an operation, crutches, drink, standing up fast, ice, a car drifting. */
const GAIT_UNLESS =
  '(?:膝|术后|手术|拐|腿疼|腰|崴|扭|喝|醉|酒|蹲|站起|起身|路滑|冰|knee|surgery|operation|crutch|drunk|alcohol|stood up|standing up|ice|icy|boat|车道|开车|方向盘|steering|\\bcar\\b)';

export const COMPOSE_RULES_4: readonly ComposeRule[] = [
  {
    name: 'pregnancy (20 weeks on) × severe headache',
    gate: '(?:孕|妊娠|有咗|pregnan|/\\s?40|weeks|wks|产|生完|月子|birth|partum)',
    concept: 'preeclampsia-headache',
    re: SEVERE_HEAD,
    needs: PREGNANT,
    unless: `(?:${EARLY_PREGNANCY}|${GENERAL})`,
    sources: ['preeclampsia'],
  },
  {
    name: 'pregnancy (20 weeks on) × visual disturbance',
    gate: '(?:孕|妊娠|有咗|pregnan|/\\s?40|weeks|wks|产|生完|月子|birth|partum)',
    concept: 'preeclampsia-vision',
    re: VISION_CHANGE,
    needs: PREGNANT,
    unless: `(?:${EARLY_PREGNANCY}|${GENERAL}|老花|近视|眼镜|手机|屏幕|screen|glasses)`,
    sources: ['preeclampsia'],
  },
  {
    // Clinician shorthand L/R (lt/rt) for the side: "R arm weakness", "L leg 无力".
    name: 'L/R limb × weakness or numbness (clinician shorthand)',
    gate: '\\b(?:l|r|lt|rt)\\s?(?:arm|leg|hand|upper|lower|side)',
    concept: 'limb-weakness',
    re: '\\b(?:l|r|lt|rt)\\s?(?:arm|leg|hand|upper limb|lower limb|sided?)\\b\\s?(?:weakness|weak|numbness|numb|drift|paralysis|palsy|无力|没力气?|没劲|麻木?)',
    unless: LIMB_UNLESS,
    unlessNot: DISMISSED,
    sources: ['befast', 'stroke120'],
  },
  {
    // BE-FAST "Eyes": double vision (clinical "diplopia"); a long-standing squint explains it.
    name: 'diplopia (clinician wording)',
    gate: 'diplopia',
    concept: 'sudden-vision-loss',
    re: '\\bdiplopia\\b',
    unless:
      '(?:squint|strabismus|longstanding|long-standing|for years|childhood|chronic|glasses|prism|drunk)',
    sources: ['befast'],
  },
  {
    // BE-FAST "Eyes": two images seen (看东西有兩個影子), traditional characters as written in Taiwan and Hong Kong.
    name: 'two shadows seen (traditional 兩個影子)',
    gate: '影',
    concept: 'sudden-vision-loss',
    re: `(?:看|眼睛|眼)${G}{0,6}?[两兩](?:个|個)影`,
    unless: `(?:${EYE_UNLESS}|喝多|喝醉|醉了|斜视|从小)`,
    sources: ['befast'],
  },
  {
    // BE-FAST "Balance": gait unsteady all of a sudden or drifting to one side (行走不稳，向右侧偏斜; veering to L).
    name: 'unsteady gait — sudden or drifting to one side',
    gate: '(?:不稳|unsteady)',
    concept: 'balance-loss',
    re: `(?:行走|走路|步态|走)${G}{0,3}?不稳|\\bunsteady (?:gait|walking|on (?:his|her|my) feet)\\b|\\bgait\\b${E}{0,10}?\\bunsteady\\b`,
    needs: `(?:${ACUTE_4}|偏斜|倾斜|(?:向|往)(?:左|右)|\\bveer)`,
    unless: GAIT_UNLESS,
    sources: ['befast'],
  },
  {
    name: 'walking drifts to one side (向右侧偏斜, veering to L)',
    gate: '(?:偏|倾斜|倒|歪|veer)',
    concept: 'balance-loss',
    re: `(?:向|往)(?:左|右)(?:侧|边)?(?:偏斜|倾斜|偏|倒|歪)|\\bveer(?:ing|s|ed)?(?: off)? to (?:the )?(?:l|r|left|right)\\b`,
    needs: '(?:行走|走路|步态|走不|站不|站着|\\bgait\\b|\\bwalk|\\bunsteady\\b)',
    unless: GAIT_UNLESS,
    sources: ['befast'],
  },
  {
    // REFERENCE §1.5 acute pulmonary oedema: breathless lying flat, sleeping sitting up (orthopnoea).
    name: 'breathless lying flat, sleeps sitting up (orthopnoea)',
    concept: 'dyspnoea',
    re: "(?:不能|无法|没法)平卧|躺不平|睡不平|平躺不了|不能躺平|(?:要|得|只能)坐(?:起来|着)睡|一躺(?:下)?就喘|躺下(?:就|更|也)喘|\\bcan'?t lie (?:down )?flat\\b|\\b(?:have|had|has|need|needs) to sleep sitting up\\b",
    needs: '(?:喘|气|呼吸|憋|心衰|心力衰竭|心脏|breath|puff|heart failure|\\bhf\\b)',
    unless: `(?:${GENERAL}|颈椎|腰|背疼|背痛|反酸|反流|胃|肚子大|伤口|刀口|手术|咳|neck|back pain|reflux|heartburn|wound|cough)`,
    sources: ['ref-1.5', 'aha-heart-attack'],
  },
  {
    name: 'breathless sitting still or at rest',
    gate: '(?:喘|气短|气促|上不来气|透不过气)',
    concept: 'dyspnoea',
    re: `(?:坐着|坐著|躺着|躺著|不动|静静|静坐|休息)${G}{0,3}?(?:也|都|还)${G}{0,2}?(?:喘|气短|气促|上不来气|透不过气)`,
    sources: ['ref-1.5', 'aha-heart-attack'],
  },
  {
    // Too breathless to speak in sentences (REFERENCE §1.5 pulmonary oedema; AHA shortness of breath).
    name: 'breathless in mid-sentence, cannot finish a sentence',
    concept: 'dyspnoea',
    re: "说话(?:都|也|就)喘|说(?:不了|不完|不出)(?:一句)?整句话?|说(?:不了|不完|不出)一句(?:整|完整的?)话|喘[^,.。!?;:\\n不没无未别但却和及与、]{0,3}?像拉风箱|说不完一句话|一句话(?:都|也)?说不完|\\bcan'?t (?:finish|complete) (?:a |my |her |his |the )?sentences?\\b|\\bcan'?t (?:speak|talk) in (?:full|whole|complete) sentences\\b|\\btoo (?:breathless|short of breath|out of breath) to (?:talk|speak)\\b",
    // (A question whether it is a sign of something — 是不是心衰的表现 — is general: its 不是 would be read as a hedge.)
    needs:
      '^(?!.*(?:的表现|的症状|是什么原因))(?=.*(?:喘|气|呼吸|breath|oxygen|\\bsats?\\b|spo2|puff|inhaler|wheez))',
    gate: '(?:喘|气|呼吸|breath|oxygen|sat|spo2|puff|inhaler|wheez)',
    unless: `(?:${GENERAL}|${EXERTION}|climbed)`,
    sources: ['ref-1.5', 'aha-heart-attack'],
  },
  {
    name: 'breathless to the utmost (喘到不行, 喘得说不出话)',
    gate: '喘',
    concept: 'dyspnoea',
    re: '喘(?:得|的|到)(?:很|特别|非常)?(?:不行|厉害|历害|利害|要命|受不了|说不(?:了|出)话?)',
    unless: `(?:${EXERTION}|层楼|楼梯|爬了|跑了|走了很|干完活|运动完|climbed)`,
    unlessNot: AT_REST,
    sources: ['ref-1.5', 'aha-heart-attack'],
  },
  {
    name: 'air cannot be drawn in (吸不到气)',
    gate: '(?:吸不|air in)',
    concept: 'dyspnoea',
    re: "吸不(?:到|进|上|了)(?:[气氣]|空气)|\\bcan'?t get (?:any )?air in\\b",
    unless: '(?:鼻塞|鼻子|感冒|口罩|(?:是|因为)(?:焦虑|紧张)|焦虑引起|紧张引起|mask|blocked nose|stuffy)',
    sources: ['ref-1.5', 'aha-heart-attack'],
  },
  {
    // AHA aortic dissection: a back torn open ("背脊好似俾人撕开咁痛"); a question about back pain answered "撕裂一样".
    name: 'back × torn open with pain (背脊, answer to a back-pain question)',
    gate: '撕',
    concept: 'tearing-pain',
    re: `(?:背脊|脊背|后背|背部|背)(?:(?:痛|疼)[^。\\n不没无未]{0,16}?|${G}{0,8}?)(?:撕开|撕裂)`,
    needs: '(?:痛|疼)',
    unless: '(?:书包|包带|背包|带子|衣服|裤|衬衫|bag|strap|shirt)',
    sources: ['aha-dissection', 'ref-1.5'],
  },
  {
    // Sudden bursting headache (頭突然爆痛) and the "worst of my life" in a Chinese message, tt = 头疼 (voice input).
    name: 'head × bursting all of a sudden, tt (头疼) severe with a cue',
    gate: '(?:头|脑|tt)',
    concept: 'thunderclap-headache',
    re:
      `(?:${HEAD}|脑殼|(?<![a-z])tt(?![a-z]))${G}{0,2}?(?:突然|忽然|一下子)${G}{0,3}?爆(?:痛|疼|开|了)?|` +
      `${HEADACHE_ZH}(?:得|的)?${G}{0,3}?(?:厉害|历害|利害|欲裂|要命|受不了|爆|炸)`,
    needs: `(?:${HEAD_CUE}|突然|人生最|一辈子|这辈子)`,
    unless: HEAD_UNLESS,
    unlessNot: HEAD_UNLESS_NOT,
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    // AHA stroke warning sign "sudden severe headache" with any intensity word ("a sudden crazy headache").
    name: 'sudden × intense headache (English), thunderclap simile',
    gate: 'headache',
    concept: 'thunderclap-headache',
    re: "\\bsudden(?:ly)?\\b(?:\\s+(?:crazy|massive|huge|awful|terrible|horrible|intense|violent|splitting|blinding|excruciating|severe|insane|killer|explosive|agonising|agonizing)){1,2}\\s+headache\\b|\\bheadache\\b(?:(?!\\b(?:nothing|not|no|never|isn'?t|wasn'?t|mild)\\b)[^\\n]){0,60}?\\blike a thunderclap\\b",
    unless: HEAD_UNLESS,
    unlessNot: HEAD_UNLESS_NOT,
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    // A stroke or heart attack just diagnosed, on the way to hospital (医生刚说是脑梗，正在送医院).
    name: 'stroke just diagnosed, on the way in',
    concept: 'stroke-now',
    re: `(?:医生|大夫)${G}{0,2}?(?:说|讲|诊断|判断)${G}{0,4}?(?:是|为|可能是)?(?:脑梗塞|脑梗死|脑梗|中风|卒中|脑出血|脑溢血)`,
    needs: '(?:刚才|刚刚|正在|路上|救护车|急诊|送去|送医|抢救|转院|马上)',
    sources: ['befast', 'stroke120'],
  },
  {
    name: 'heart attack just diagnosed, on the way in',
    concept: 'mi-now',
    re: `(?:医生|大夫)${G}{0,2}?(?:说|讲|诊断|判断)${G}{0,4}?(?:是|为|可能是)?(?:心梗|心肌梗死|心肌梗塞)`,
    needs: '(?:刚才|刚刚|正在|路上|救护车|急诊|送去|送医|抢救|转院|马上)',
    sources: ['aha-heart-attack'],
  },
  {
    // AHA: chest pain not relieved by nitroglycerin — call 120/911 (含了三片还是痛, "the GTN isn't touching it").
    name: 'angina not relieved by nitrates',
    concept: 'chest-pain',
    re:
      `(?:含|吃|喷|用)(?:了)?${G}{0,8}?(?:还是|仍然|仍|依然|照样)${G}{0,2}?(?:痛|疼|闷|难受)|` +
      "\\b(?:gtn|nitro\\w*|spray|sprays|tablets?|puffs?)\\b[^.;!?\\n]{0,20}?\\b(?:isn'?t|is not|hasn'?t|has not|didn'?t|did not|doesn'?t|does not|won'?t|not)\\s+(?:touching|touched|helping|helped|working|worked|relieving|relieved|shifting|shifted|doing anything)\\b",
    needs: '(?:硝酸甘油|速效救心|救心丸|硝酸|心绞痛|angina|chest|\\bgtn\\b|nitro)',
    sources: ['aha-heart-attack'],
  },
  {
    // REFERENCE §1.5 seizure: a known epilepsy with a fit today or again, or fits without waking in between.
    name: 'epilepsy × a fit today or again; fits without waking in between',
    gate: '发作',
    concept: 'seizure',
    re:
      '(?:今天|今早|刚才|刚刚|又|早上|晚上|中午)(?<=(?:癫痫|羊角风|羊癫疯|羊癫风)[^。!?;\\n不没无未]{0,8}?(?:今天|今早|刚才|刚刚|又|早上|晚上|中午))[^。!?;\\n不没无未]{0,3}?发作(?!过|完)|' +
      '发作[^。!?;\\n]{0,8}?(?:中间|之间)[^。!?;\\n]{0,4}?(?:没|未)(?:有)?(?:完全)?(?:醒|清醒)',
    sources: ['ref-1.5'],
  },
  {
    name: 'still shaking or jerking (English)',
    gate: 'still',
    concept: 'seizure',
    re: '\\bstill (?:shaking|jerking|twitching|convulsing|fitting|seizing)\\b',
    unless:
      '(?:cold|freez|shiver|chill|fever|scared|fright|nervous|anxious|adrenaline|laugh|angry|rage|tremor|parkinson|hands? (?:are |is )?still shaking)',
    sources: ['ref-1.5'],
  },
  {
    // REFERENCE §1.5 impaired consciousness: someone not answering or responding (not a phone, a door, a message).
    name: 'someone not answering or responding (English)',
    gate: '(?:answering|responding)',
    concept: 'unresponsive',
    re: "\\bnot(?<=\\b(?:he|she|they|dad|mum|mom|mother|father|nan|gran|grandma|grandpa|husband|wife)(?:'s| is| was|'re| are)?\\snot)\\s+(?:answering|responding)\\b",
    unless: '(?:phone|call|text|messag|door|email|whatsapp|wechat|letter)',
    sources: ['ref-1.5'],
  },
  {
    // Voice input 晕到 for 晕倒 (fainted), and waking up on the floor (loss of consciousness).
    name: 'fainted (voice input 晕到), woke up on the floor',
    gate: '(?:到|醒)',
    concept: 'syncope',
    re: `(?:晕|昏)到(?:了|在)(?!家|现在|公司|学校)|醒(?:来|过来)${G}{0,4}?(?:躺|倒)?在地(?:上|下)`,
    unless: '(?:车|船|想吐|要吐|晕到家|晕到现在|晕到不行)',
    sources: ['ref-1.5', 'aha-heart-attack'],
  },
  {
    name: 'the person gone muddled (人都糊涂了)',
    gate: '糊涂',
    concept: 'confusion',
    re: '人(?:都|也|全|已经|一下)糊涂了',
    unless: '(?:说得|搞得|听得|讲得|看得|绕|被|弄得)',
    sources: ['ref-1.5'],
  },
  {
    // AHA warning signs: chest pain in bouts (一阵一阵的疼) and chest discomfort "without words" (说不出的难受).
    name: 'chest × pain in bouts, discomfort without words',
    gate: '(?:一阵|一下一下|时不时|说不出)',
    concept: 'chest-pain',
    re:
      `${CHEST}(?:那里|那儿|这里|这儿|这块|那块)?${G}{0,4}?(?:一阵一?阵|一下一下|时不时)(?:地|的)?${G}{0,2}?${CHEST_STATE}|` +
      `${CHEST}${G}{0,4}?说不出(?:来)?(?:的|地)${G}{0,2}?(?:难受|不舒服|滋味|闷|痛|疼)`,
    unless: CHEST_UNLESS,
    sources: ['aha-heart-attack', 'ref-1.5'],
  },
  {
    // AHA: chest pressure with pain spreading to the jaw or left arm ("middle of chest, heavy, going to my jaw").
    name: 'chest × heavy (apposition) or spreading to the jaw or arm (English)',
    gate: 'chest',
    concept: 'chest-pain',
    re: '\\bchest\\b,\\s*(?:heavy|tight|crushing|squeezing|pressing|like a weight)\\b|\\bchest\\b[^.;!?\\n]{0,30}?\\b(?:going|spreading|radiating|moving|shooting)\\s+(?:up\\s+)?(?:in)?to (?:my |his |her |the )?(?:jaw|left arm|neck)\\b',
    unless: CHEST_UNLESS,
    sources: ['aha-heart-attack'],
  },
  {
    // A state, then the one-sided part it affects after a comma ("还麻，右边脸和右手", "still numb, whole left arm").
    name: 'numb or weak, then the one-sided part (apposition)',
    gate: '(?:麻|力|劲|numb|weak|tingl)',
    concept: 'limb-weakness',
    re:
      `(?:麻木?|发麻|没力气?|无力|没劲)(?:了)?,\\s*(?:(?:左|右)(?:边|侧|半边)?(?:的)?(?:脸|手|胳膊|手臂|腿|脚|身子|上肢|下肢))|` +
      '\\b(?:numb|numbness|weak|weakness|tingling|tingly)\\b,\\s*(?:the |my |his |her )?(?:whole )?(?:left|right) (?:arm|leg|hand|side|face)\\b',
    unless: LIMB_UNLESS,
    unlessNot: DISMISSED,
    sources: ['befast', 'stroke120'],
  },
  {
    // A second side now affected ("左边本来就弱，今天右边也没力气了"): the new side is an acute deficit (BE-FAST).
    name: 'the other side also weak now',
    concept: 'limb-weakness',
    re: `(?:左边|右边|左侧|右侧|左半边|右半边)(?:也|又)${G}{0,1}?(?:没力气?|没劲|不能动|动不了|无力|没知觉)`,
    needs: `(?:今天|今早|早上|刚才|刚刚|突然|现在|${ACUTE_4})`,
    unless: LIMB_UNLESS,
    unlessNot: DISMISSED,
    sources: ['befast', 'stroke120'],
  },
  {
    // Mixed writing: an English intensifier between a Chinese chest word and its state ("胸口 super 痛").
    name: 'mixed: chest × English intensifier × state ("胸口 super 痛")',
    concept: 'chest-pain',
    gate: '[胸心]',
    re: `${CHEST}\\s?(?:super|really|very|so|totally|quite|kinda|a bit|abit|extremely)\\s?(?:好|很|特别|非常)?${CHEST_STATE}`,
    unless: CHEST_UNLESS,
    sources: ['aha-heart-attack', 'ref-1.5'],
  },
  {
    // Mixed writing: a Chinese headache with an English "never like this" or sudden onset ("头好痛 like never before").
    name: 'mixed: headache × English never-before or sudden',
    concept: 'thunderclap-headache',
    gate: '(?:头|脑)',
    re: `${HEAD}(?:好|很|特别|非常)?(?:痛|疼)\\s?(?:like never before|never (?:had|felt) (?:one |it )?like this|worst (?:ever|of my life|i'?ve ever had)|out of nowhere|out of the blue|all of a sudden)`,
    unless: HEAD_UNLESS,
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    // A one-sided limb's power graded below normal in a clinician note (肌力3级, "power 3/5"): weakness. Medical
    // Research Council muscle power scale (Aids to the examination of the peripheral nervous system, 1976): grade 5 is
    // normal power, 0–4 is weakness.
    name: 'one-sided limb × power graded below normal (MRC 0–4)',
    concept: 'limb-weakness',
    gate: '(?:肌力|power)',
    re: `${SIDE}${G}{0,3}?(?:肌力|上肢肌力|下肢肌力)${G}{0,2}?[0-4](?:\\+|-)?级|\\b(?:l|r|left|right)\\s?(?:arm|leg|upper limb|lower limb|sided?)\\b${E}{0,8}?\\bpower\\s?[0-4](?:\\+|-)?/5\\b`,
    unless: LIMB_UNLESS,
    sources: ['befast', 'stroke120'],
  },
  {
    // BE-FAST "Arm": "gone all floppy on her left side", "weak down one side".
    name: 'floppy or weak on one side (English)',
    concept: 'limb-weakness',
    gate: '\\bside\\b',
    re: `\\b(?:floppy|limp|weak|numb|heavy|paralysed|paralyzed|dead)\\b${E}{0,12}?\\b(?:on|down) (?:my|his|her|their|the|one) (?:left |right )?side\\b`,
    unless: LIMB_UNLESS,
    unlessNot: DISMISSED,
    sources: ['befast', 'stroke120'],
  },
  {
    // BE-FAST "Face": "her face has dropped on one side", "his mouth has slipped".
    name: 'face dropped or slipped (English)',
    concept: 'facial-droop',
    gate: '(?:face|mouth|smile)',
    re: `\\b(?:face|mouth|smile)\\b${E}{0,12}?\\b(?:dropped|drooped|sagg\\w*|slipped|fallen|lopsided|crooked)\\b`,
    needs: '(?:one side|\\bleft\\b|\\bright\\b|side of|suddenly|all of a sudden|droop)',
    unless: '(?:dentist|tooth|allerg|sunburn|bell|botox|filler|when (?:i|he|she|we) (?:heard|saw|found out))',
    sources: ['befast', 'stroke120'],
  },
  {
    // Mixed writing: Chinese side and limb, a Chinese adverb, an English state ("右手突然 numb 咗").
    name: 'mixed: side × limb × Chinese adverb × English state',
    concept: 'limb-weakness',
    gate: '(?:numb|weak|power|strength|move|working|dead)',
    re: `${SIDE}${LIMB}(?:突然|忽然|一下子|好|很|有点)\\s?(?:no power|no strength|weak|numb|not working|can'?t move|cannot move|dead)\\b`,
    unless: LIMB_UNLESS,
    unlessNot: DISMISSED,
    sources: ['befast', 'stroke120'],
  },
  {
    // Mixed writing: a face word in one language and crooked in the other ("我爸 face 歪咗", "嘴巴 suddenly 歪了").
    name: 'mixed: face × crooked across languages',
    concept: 'facial-droop',
    gate: '[歪斜垂]',
    re: `\\b(?:face|mouth|smile)\\b\\s?(?:suddenly\\s?|突然)?(?:歪|斜|垂)|(?:嘴巴|嘴角|嘴|脸)\\s?(?:suddenly|all of a sudden|just now)\\s?(?:歪|斜|垂)`,
    unless: '(?:牙|拔|dentist|tooth)',
    sources: ['befast', 'stroke120'],
  },
  {
    // Mixed writing: an English intensifier in a Chinese severe headache ("头 super 痛，从来没有过").
    name: 'mixed: head × English intensifier × pain, with a cue',
    concept: 'thunderclap-headache',
    gate: '(?:super|really|very|so|extremely)',
    re: `${HEAD}\\s?(?:super|really|very|so|extremely)\\s?(?:好|很)?(?:痛|疼)`,
    needs: HEAD_CUE,
    unless: HEAD_UNLESS,
    unlessNot: HEAD_UNLESS_NOT,
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    // BE-FAST "Eyes": part of the sight of an eye lost ("lost the bottom half of the vision in my left eye").
    name: 'part of the sight lost (English)',
    gate: 'half',
    concept: 'sudden-vision-loss',
    re: "\\b(?:lost|losing|can'?t see|cannot see|gone from)\\b[^.;!?\\n]{0,12}?\\b(?:top|bottom|upper|lower|left|right|outer|inner)\\s+half\\b[^.;!?\\n]{0,20}?\\b(?:vision|sight|eye|field)\\b",
    unless: '(?:screen|phone|monitor|tv|picture|page)',
    sources: ['befast'],
  },
  {
    // One eye named, gone dark after English words in between ("左眼突然 blurry 然后全黑了").
    name: 'one eye × gone dark, with words between',
    gate: '(?:左眼|右眼|一只眼)',
    concept: 'sudden-vision-loss',
    re: `(?:左眼|右眼|一只眼)${G}{0,16}?(?:全黑|黑了|看不见了|看不到了|什么都看不(?:见|到))`,
    unless: EYE_UNLESS,
    sources: ['befast'],
  },
];
