/**
 * Context-modifier rules, part 4 (issue 16; classes of modifier errors and false emergencies of independent tuning
 * parts 7, 8 and 9), merged into the rule lists of rules.ts: no recurrence (不再发作, 没有再疼),
 * "his last seizure was in May", a deficit left by a past stroke or facial palsy and unchanged (…一直, 没变), family-history
 * shorthand of clinical notes (FHx), and a kind of patient that may be the writer
 * (房颤病人, 透析病人). Operational cue lists, not clinical numbers.
 */
import type { ScopeRule, TriggerRule } from './rules.ts';

/** Chronic conditions: a resolution or "not again" in their sentence speaks of a bout, not of the condition. */
export const CHRONIC: readonly string[] = [
  'hypertension',
  'diabetes',
  'ckd',
  'coronary',
  'heart-failure',
  'gout',
  'asthma',
  'hyperlipidemia',
  'atrial-fibrillation',
  'epilepsy',
];

/** Past events that leave a deficit (stroke and its kin, facial palsy). */
const LEAVES_DEFICIT =
  "(?:中风|中过风|脑梗塞|脑梗死|脑梗|卒中|脑出血|脑溢血|面瘫|面神经炎|\\bstroke\\b|\\bcva\\b|bell'?s palsy)";
const NUM = '(?:\\d+|[一二两三四五六七八九十几半多]+)';

export const TRIGGERS_4: readonly TriggerRule[] = [
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
  // A clinician's patient reporting ("高血压患者诉…", "房颤患者诉…"): someone else, even after a condition (the kinds of
  // patient of rules2.ts are left to the writer only when the message does not say 诉/主诉/述).
  {
    category: 'experiencer',
    direction: 'forward',
    re: '(?:患者|病人)(?=(?:本人)?(?:诉|主诉|自诉|述|自述|否认))',
  },
];

export const PSEUDO_4: readonly ScopeRule[] = [
  // A kind of patient after a condition or treatment (房颤病人, 透析病人, 心衰患者) may be the writer describing themselves,
  // unless the sentence reports what the patient says (诉, rule above).
  {
    categories: ['experiencer'],
    re: '(?<=(?:房颤|透析|心衰|糖尿病|高血压|冠心病|肾病|癫痫|哮喘|术后|支架|搭桥|中风|脑梗)(?:的)?(?:老)?)(?:患者|病人|病患)(?!(?:本人)?(?:诉|主诉|自诉|述|自述|否认))',
  },
  // A general population rule (高血压患者 …) does not cover a clinician's patient who reports (高血压患者诉头晕).
  { categories: ['hypothetical'], re: '(?:患者|病人)(?=(?:本人)?(?:诉|主诉|自诉|述|自述|否认))' },
  // An answer "no, just …" / "no same as usual" denies the question, not what the answer says.
  { categories: ['negated'], re: '\\b(?:no|nope)\\b(?=,?\\s*(?:just|only|same as|but|apart from)\\b)' },
];
