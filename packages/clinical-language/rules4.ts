/**
 * Context-modifier rules, part 4 (issue 16; classes of modifier errors and false emergencies of independent tuning
 * parts 7, 8 and 9), merged into the rule lists of rules.ts: no recurrence (不再发作, 没有再疼),
 * "his last seizure was in May", a deficit left by a past stroke or facial palsy and unchanged (…一直, 没变), family-history
 * shorthand of clinical notes (FHx), and a kind of patient that may be the writer
 * (房颤病人, 透析病人). Operational cue lists, not clinical numbers.
 */
import { CHRONIC, FAMILY_EN, FAMILY_ZH, type ScopeRule, type TriggerRule } from './rules.ts';

/** Past events that leave a deficit (stroke and its kin, facial palsy). */
const LEAVES_DEFICIT =
  "(?:中风|中过风|脑梗塞|脑梗死|脑梗|卒中|脑出血|脑溢血|面瘫|面神经炎|\\bstroke\\b|\\bcva\\b|bell'?s palsy)";
/** Diagnoses a hedge may govern ("可能中风了", "could it be a mini stroke"). */
const DIAGNOSES = [
  'stroke',
  'stroke-now',
  'tia',
  'myocardial-infarction',
  'mi-now',
  'aortic-dissection',
  'epilepsy',
];
const EVENTS = ['stroke', 'tia', 'myocardial-infarction'];
const MONTH = '(?:january|february|march|april|june|july|august|september|october|november|december)';
const NUM = '(?:\\d+|[一二两三四五六七八九十几半多]+)';

const TRIGGERS_4A: readonly TriggerRule[] = [
  // No recurrence after the term ("胸痛已经一周不再发作", "这两天都没有再疼"): the episode is over. Not for stroke or
  // sight signs (one that went away today is a TIA: BE-FAST, 中风120), which the past-day rule of rules.ts dates.
  {
    category: 'historical',
    direction: 'backward',
    re: `^[^,.。!?;\\n]{0,12}?(?:已经|都)?(?:${NUM}(?:天|周|个?星期|个月|年)|好几天|好久|很久)?(?:都|也)?(?:不再|没再|没有再|未再)(?:发作|犯|出现|疼|痛|闷|喘|来)`,
    notRedFlags: ['neuro-deficit', 'vision-loss'],
    notConcepts: CHRONIC,
    window: 12,
  },
  // "Her last seizure was in May", "his last fit was 3 months ago": the last episode is past.
  {
    category: 'historical',
    direction: 'forward',
    re: '\\blast (?=(?:seizure|fit|attack|episode|bleed|nosebleed|bout|one)s?\\b[^.!?;,]{0,4}\\b(?:was|were|happened)\\b)',
    window: 2,
  },
  // A deficit left by a past stroke or facial palsy and carried on since, in the same sentence ("前年中风过然后左手一直不太
  // 灵活", "两年前面瘫，现在嘴角还有点歪，一直没变"): 一直 (all along) or 还…没变 after the past event, never with a new
  // cue (突然, 今天, 刚, 又, suddenly, new, today).
  {
    category: 'historical',
    direction: 'forward',
    re: `(?<=(?:年前|去年|前年|(?:19|20)\\d{2}|过)[^。!?;\\n]{0,3}${LEAVES_DEFICIT}(?:过)?(?:以后|之后|后|然后)?[^。!?;\\n]{0,12})(?:一直|到现在|至今|还是|还有)(?![^。!?;\\n]{0,16}?(?:突然|今天|刚|又|加重|更|新))`,
    redFlags: ['neuro-deficit', 'vision-loss'],
    sentence: true,
    window: 10,
  },
  {
    category: 'historical',
    direction: 'backward',
    re: `^[^。!?;\\n]{0,20}?(?<=(?:年前|去年|前年|(?:19|20)\\d{2})[^。!?;\\n]{0,3}${LEAVES_DEFICIT}[^。!?\\n]{0,40})(?:一直|始终|都)?没(?:有|什么|啥)?变(?:化|过)?(?![^。!?;\\n]{0,3}(?:突然|今天|刚|又))`,
    redFlags: ['neuro-deficit', 'vision-loss'],
    sentence: true,
    window: 20,
  },
  // Family-history shorthand ("FHx stroke (father)", "FHx: mother CVA"): someone else's, over the sentence.
  {
    category: 'experiencer',
    direction: 'forward',
    re: '\\b(?:fhx|fh|f/h)\\b\\s*[:]?',
    sentence: true,
    window: 12,
  },
  // "Does bisoprolol make you short of breath?", "can statins give people …": a general question about a drug.
  {
    category: 'hypothetical',
    direction: 'forward',
    re: '\\b(?:can|could|does|do|will|would) (?:[a-z-]+ ){1,3}(?:make|give|cause) (?:you|people|someone|one|patients|anyone)\\b',
    window: 8,
  },
  // A patient in a clinician's note (随访记录：高血压患者…, 急诊分诊：糖尿病患者…), whatever kind of patient.
  {
    category: 'experiencer',
    direction: 'forward',
    re: '(?<=(?:随访|记录|交班|交接|分诊|门诊|急诊|护士|转|通知)[^。!?\\n]{0,12})(?:患者|病人|病患)',
  },
  // A clinician's patient reporting ("高血压患者诉…", "房颤患者诉…"): someone else, even after a condition (the kinds of
  // patient of rules2.ts are left to the writer only when the message does not say 诉/主诉/述).
  {
    category: 'experiencer',
    direction: 'forward',
    re: '(?:患者|病人)(?=[,\\s]*(?:本人)?(?:诉|主诉|自诉|述|自述|否认))',
  },
];

// ---- more classes (tuning parts 7–9, second round)
const TRIGGERS_4B: readonly TriggerRule[] = [
  // A query diagnosis: 疑TIA, 疑为脑梗, "r/o ACS", 排除脑卒中 (to be ruled out; 已排除/排除了 deny).
  {
    category: 'uncertain',
    direction: 'forward',
    re: '(?<![无可怀])疑(?:为|诊)?(?![似问惑])|\\br/o\\b|(?<![已经需要])排除(?!了|在外)',
    concepts: DIAGNOSES,
    window: 4,
  },
  // "怕是心梗", "我怕他是心梗了": the fear that it is so now is doubt, not a hypothetical future.
  { category: 'uncertain', direction: 'forward', re: '怕(?:他|她|我|它)?是', window: 6 },
  // "Could it be a mini stroke?", "is this a stroke?", "do I have diabetes?", "我觉得是中风了": doubt about a diagnosis.
  {
    category: 'uncertain',
    direction: 'forward',
    re: '\\b(?:could|might|can|is|was) (?:it|this|that) (?:be )?(?:a |an )?|\\bam i (?=(?:having|getting)\\b)|\\b(?:do|could|might|may) i (?:have|be having|have got)\\b|我觉得|我感觉|我看',
    concepts: [...DIAGNOSES, 'diabetes', 'hypertension', 'heart-failure', 'angina'],
    window: 4,
  },
  // "抽搐样动作": seizure-like, a hedge after the term.
  { category: 'uncertain', direction: 'backward', adjacent: true, re: '^样(?:的)?(?:动作|发作|表现|抽动)' },
  // 陈旧性脑梗 (an old infarct), 上月 (last month).
  { category: 'historical', direction: 'forward', re: '陈旧性?|上月|上年', window: 3 },
  // "had a TIA in March", "since my stroke last spring": an event dated by a month or season.
  {
    category: 'historical',
    direction: 'backward',
    re: `^[^.!?;\\n]{0,20}?\\b(?:last (?:spring|summer|autumn|fall|winter)|in ${MONTH})\\b`,
    concepts: [...EVENTS, 'seizure'],
    window: 8,
  },
  // "from 2018 stroke", "since my stroke", "after his heart attack": the event is past.
  {
    category: 'historical',
    direction: 'forward',
    re: '\\b(?:from|after|since) (?:(?:his|her|my|the|a|an|their) )?(?:(?:19|20)\\d{2} )?(?=(?:stroke|heart attack|mi|tia|cva)\\b)',
    concepts: EVENTS,
    window: 1,
  },
  // After an event: discharged, post-procedure, N months on ("脑梗出院三个月", "脑梗死后6个月", "心梗PCI术后").
  {
    category: 'historical',
    direction: 'backward',
    re: `^\\s*(?:pci|支架|溶栓|取栓|介入)?\\s*(?:术后|出院|(?:后|以后|之后)\\s*${NUM}\\s*(?:天|周|个?月|年))`,
    concepts: EVENTS,
    window: 6,
  },
  // Over later in the sentence: 今天完全好了, 已自行缓解, 已消失; "settled spontaneously", "is finally gone".
  {
    category: 'historical',
    direction: 'backward',
    re: '^[^。!?;\\n]{0,16}?(?:(?:完全|彻底|全)好了|(?:已|已经)?(?:自行|自己)缓解(?:了)?|(?:已|已经)消失)',
    notRedFlags: ['neuro-deficit', 'vision-loss'],
    notConcepts: CHRONIC,
    sentence: true,
    window: 16,
  },
  {
    category: 'historical',
    direction: 'backward',
    re: '^[^.!?;\\n]{0,30}?\\b(?:(?:settled|resolved|stopped|cleared) spontaneously|(?:is|was|are) (?:finally|now|completely|all) gone)\\b',
    notRedFlags: ['neuro-deficit', 'vision-loss'],
    notConcepts: CHRONIC,
    sentence: true,
    window: 14,
  },
  // Long-standing right after the symptom ("双足麻木多年，无变化").
  {
    category: 'historical',
    direction: 'backward',
    adjacent: true,
    re: '^\\s*(?:已经|都)?(?:多年|好多年|好几年)(?!前)',
    kinds: ['red-flag', 'symptom'],
  },
  // Cantonese 个仔/个女 (the son/daughter), 细路 (a child).
  { category: 'experiencer', direction: 'forward', re: '(?:个|阿)(?:仔|女)(?![人子])|细路(?:仔|女)?' },
  // "my pregnant wife", "my diabetic grandad": a relative after one or two words.
  {
    category: 'experiencer',
    direction: 'forward',
    re: `\\b(?:my|our|your) (?:[a-z-]+ ){1,2}(?:${FAMILY_EN}|grandad|granddad)s?\\b`,
  },
  // "What would a TIA feel like?"; "中风有什么早期症状".
  {
    category: 'hypothetical',
    direction: 'forward',
    re: '\\bwhat (?:a |an |the )?(?=[^,.;!?]{1,25} (?:would|does|do|will|might) (?:feel|look|sound) like)',
    window: 4,
  },
  {
    category: 'hypothetical',
    direction: 'backward',
    adjacent: true,
    re: '^\\s*(?:有)?(?:什么|哪些|啥)(?:早期|前期|早)?(?:症状|表现|征兆|信号|前兆)',
  },
];

// ---- third round
const TRIGGERS_4C: readonly TriggerRule[] = [
  // A condition of a clinician's patient ("随访：糖尿病患者…", "急诊分诊：糖尿病患者呼之不应", "心梗PCI术后患者诉…").
  {
    category: 'experiencer',
    direction: 'backward',
    re: '^[^,.。!?;\\n]{0,8}?(?<=(?:随访|记录|交班|交接|分诊|门诊|急诊|护士|转|通知)[^。!?\\n]{0,22})(?:的)?(?:患者|病人|病患)',
    kinds: ['condition'],
    window: 8,
  },
  {
    category: 'experiencer',
    direction: 'backward',
    re: '^[^,.。!?;\\n]{0,8}?(?:的)?(?:患者|病人|病患)(?=[,\\s]*(?:本人)?(?:诉|主诉|自诉|述|自述|否认))',
    kinds: ['condition'],
    window: 8,
  },
  // 患者本人 (the patient himself), in a clinician's note; 二舅, 三姨, 大伯 (a numbered relative).
  {
    category: 'experiencer',
    direction: 'forward',
    re: '(?:患者|病人)本人|[大二三四五小老](?:舅|姨|叔|伯|姑|爷)(?![子])',
  },
  // "my diabetic grandad", "our asthmatic son": a condition said of a relative.
  {
    category: 'experiencer',
    direction: 'backward',
    adjacent: true,
    re: `^(?<=\\b(?:my|our|your)\\s+(?:[a-z-]+\\s+)?[a-z-]+)\\s+(?:${FAMILY_EN}|grandad|granddad)s?\\b`,
    kinds: ['condition'],
  },
  // 俺家老人/我家老人 (the household's elder), "ma" opening a message (mum).
  { category: 'experiencer', direction: 'forward', re: '(?:俺|我)家(?:的)?老人|(?<=^|[.!?]\\s{0,2})ma\\b' },
  // An event N years on after its treatment ("心梗放支架两年了", "搭桥三年多了").
  {
    category: 'historical',
    direction: 'backward',
    re: `^\\s*(?:放(?:了)?(?:${NUM}个)?支架|做(?:了)?(?:支架|搭桥|溶栓|介入)|搭桥|溶栓)(?:已经|都)?(?:有)?${NUM}\\s*(?:年|个月)(?:多)?了`,
    concepts: EVENTS,
    window: 10,
  },
  // "I'm anxious I will have a stroke": a feared future.
  {
    category: 'hypothetical',
    direction: 'forward',
    re: "\\b(?:anxious|worried|scared|afraid|terrified|nervous)(?: that)? (?:i|he|she|we|they|my [a-z]+)(?:'ll| will| might| could| may|'m going to| am going to| is going to)\\b",
    window: 4,
  },
  // "疼不疼我也说不好", "说不清是不是疼": the writer cannot tell.
  {
    category: 'uncertain',
    direction: 'backward',
    re: '^[^。!?;\\n]{0,8}?(?:我)?(?:也)?(?:说不好|说不准|说不清|说不上来|讲不清)',
    window: 8,
  },
  // "had epilepsy as a teenager": a past life stage.
  {
    category: 'historical',
    direction: 'backward',
    re: '^[^.!?;\\n]{0,20}?\\bas an? (?:teenager|teen|student|young (?:man|woman|adult|person)|baby|toddler)\\b',
    window: 8,
  },
];

export const TRIGGERS_4: readonly TriggerRule[] = [...TRIGGERS_4A, ...TRIGGERS_4B, ...TRIGGERS_4C];

export const PSEUDO_4: readonly ScopeRule[] = [
  // A kind of patient after a condition or treatment (房颤病人, 透析病人, 心衰患者) may be the writer describing themselves,
  // unless the sentence reports what the patient says (诉, rule above).
  {
    categories: ['experiencer'],
    re: '(?<!(?:随访|记录|交班|交接|分诊|门诊|急诊|护士|转|通知)[^。!?\\n]{0,12})(?<=(?:房颤|透析|心衰|糖尿病|高血压|冠心病|肾病|癫痫|哮喘|术后|支架|搭桥|中风|脑梗|\\b(?:hf|ckd|copd|af|afib|dm|t2dm|htn|pci|cabg|cad|chf|esrd)\\s?)(?:的)?(?:老)?)(?:患者|病人|病患)(?![,\\s]*(?:本人)?(?:诉|主诉|自诉|述|自述|否认))(?![,\\s]*\\d+\\s*床)',
  },
  // A general population rule (高血压患者 …) does not cover a clinician's patient who reports (高血压患者诉头晕).
  { categories: ['hypothetical'], re: '(?:患者|病人)(?=[,\\s]*(?:本人)?(?:诉|主诉|自诉|述|自述|否认))' },
  // The fear that it is so now (怕是, 怕他是) is doubt, not a hypothetical.
  { categories: ['hypothetical'], re: '怕(?:他|她|我|它)?是' },
  // Someone who found the patient is not the experiencer ("被同事发现意识模糊").
  { categories: ['experiencer'], re: `被${FAMILY_ZH}(?=发现|看到|送)` },
  // A state, not a denial: 没劲, 没力气, 没精神.
  { categories: ['negated'], re: '没(?:有)?(?:劲|力气|精神|胃口)' },
  // Someone in a condition is anyone ("what happens if someone has a fit", "if an elderly person gets confused").
  {
    categories: ['experiencer'],
    re: '\\b(?:if|when|in case|whether) (?:someone|somebody|anyone|a person|an? (?:elderly|old|older|young) (?:person|man|woman))\\b',
  },
  // An answer "no, just …" / "no same as usual" denies the question, not what the answer says.
  { categories: ['negated'], re: '\\b(?:no|nope)\\b(?=,?\\s*(?:just|only|same as|but|apart from)\\b)' },
];
