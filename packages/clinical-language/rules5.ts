/**
 * Context-modifier rules, part 5 (issue 16; classes of modifier errors and false emergencies of independent tuning
 * parts 10 and 11), merged into the rule lists by context.ts: a comparison with a past event (跟上次一样, "same as my
 * heart attack"), a deficit left by a past stroke and still there, an episode that is over (back to normal, fine now,
 * nothing since, 几秒就过去了, 睡了一觉好了), family history phrased as "my family has a history of", people named
 * without "my" (Diabetic father…, baby is…, Mrs H, my 3 year old), "think"/"reckon" as hedges, and "X的人有什么表现".
 * Operational cue lists, not clinical numbers.
 */
import { CHRONIC, type ScopeRule, type TriggerRule } from './rules.ts';

const EVENTS = ['stroke', 'tia', 'myocardial-infarction'];
const NUM = '(?:\\d+|[一二两三四五六七八九十几半多]+)';
/** Past events that leave a deficit (stroke and its kin). */
const STROKE_ZH = '(?:中风|中过风|脑梗塞|脑梗死|脑梗|卒中|脑出血|脑溢血|\\bstroke\\b|\\bcva\\b)';
const STROKE_EN = '(?:stroke|cva|brain bleed|bleed on the brain|brain haemorrhage|brain hemorrhage)';
/** A new or sudden sign ends a long-standing reading. */
const NEW_ZH = '(?:突然|今天|今早|刚|又|加重|更|新|这会儿|现在(?:突然|又|完全))';
const NEW_EN =
  "(?:sudden|today|tonight|this morning|just now|new|worse|again|now (?:can'?t|cannot|unable|won'?t)|started)";
const COMPARED = '(?:跟|和|像|同)(?:上次|上回|那次|那回|以前|之前|原来)(?:的)?';
/** A past day or time of day (the episode happened then). */
const PAST_TIME_EN =
  '(?:yesterday|last (?:night|week|month|weekend)|this morning|earlier|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend)|at the weekend|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|\\b(?:days|weeks|months) ago|the other day)';

export const TRIGGERS_5: readonly TriggerRule[] = [
  // The event compared with is past ("跟上次心梗一样", "same as my heart attack"); the sign now is not (pseudo below).
  {
    category: 'historical',
    direction: 'backward',
    re: `^(?<=${COMPARED}[^,.。!?;\\n]{1,8})\\s*(?:一样|似的|那样|差不多)`,
    concepts: EVENTS,
    adjacent: true,
  },
  {
    category: 'historical',
    direction: 'forward',
    re: '\\b(?:same as|just like|similar to|like) (?:my|his|her|their|the|that)(?: last| previous| first| old)?\\b',
    concepts: EVENTS,
    window: 3,
  },
  // A deficit left by a past stroke and still there ("我中风过，右手一直不太灵活", "stroke 之后 right hand 一直…",
  // "had a stroke in 2019 and still has some weakness"): sentence scope, stroke-type and sight deficits, never with a
  // new or sudden sign after the cue (a TIA or a new stroke is current: BE-FAST, 中风120).
  {
    category: 'historical',
    direction: 'forward',
    re: `(?<=${STROKE_ZH}\\s?(?:过|以后|之后|后(?!背|面|来))[^。!?;\\n]{0,16})(?:一直|始终|至今|到现在|还是|留下)(?![^。!?;\\n]{0,16}?${NEW_ZH})`,
    redFlags: ['neuro-deficit', 'vision-loss'],
    sentence: true,
    window: 12,
  },
  {
    category: 'historical',
    direction: 'forward',
    re: `(?<=\\b(?:had|suffered|since|after) (?:a |an |his |her |my |the |their )?(?:(?:mild|minor|major|small|big|bad) )?${STROKE_EN}\\b[^.!?\\n]{0,40})\\b(?:still|ever since|since then|never (?:fully )?recovered|always)\\b(?![^.!?\\n]{0,30}?${NEW_EN})`,
    redFlags: ['neuro-deficit', 'vision-loss'],
    sentence: true,
    window: 12,
  },
  // An episode that is over, the person back to normal ("passed out this morning, back to his normal self", "had a
  // seizure on Tuesday and I'm fine now", "nothing since", "stopped with pressure"). Not a stroke or sight sign (one
  // that went away today is a TIA: BE-FAST, 中风120), not a chronic condition.
  {
    category: 'historical',
    direction: 'backward',
    re: `^[^.!?;\\n]{0,60}?\\b(?:back to (?:his|her|my|their|your) (?:normal|usual|old)(?: self| selves)?|back to normal|(?:i'?m|i am|he'?s|he is|she'?s|she is|they'?re|they are) (?:fine|ok|okay|alright|all right|well|normal|good) now|nothing since|none since|(?:hasn'?t|has not|haven'?t|have not) (?:happened|come back|returned|had (?:one|another|any)) since|stopped (?:with|after) (?:pressure|pinching|\\d+|a few|ten|five|two|three))\\b`,
    notRedFlags: ['neuro-deficit', 'vision-loss'],
    notConcepts: CHRONIC,
    sentence: true,
    window: 40,
  },
  // Chinese: "几秒钟就过去了", "睡了一觉好了", "今天没事", after a bout earlier in the sentence.
  {
    category: 'historical',
    direction: 'backward',
    re: `^[^。!?;\\n]{0,24}?(?:(?:${NUM}(?:秒钟?|分钟)|一会儿?|一下|很快|马上)(?:就)?过去了|睡了(?:一)?觉(?:起来|醒来)?(?:就)?好了|今天(?:就)?(?:没事了?|好了|不(?:疼|痛|闷|晕|喘)了))`,
    notRedFlags: ['neuro-deficit', 'vision-loss'],
    notConcepts: CHRONIC,
    sentence: true,
    window: 24,
  },
  // "中风的人都有什么表现", "心梗的人一般有什么症状": a question about the disease.
  {
    category: 'hypothetical',
    direction: 'backward',
    re: '^\\s*(?:的)?(?:人|患者|病人)(?:都|一般|通常|大多)?(?:会)?(?:有)?(?:什么|哪些)(?:表现|症状|征兆|先兆|感觉)',
    window: 10,
  },
  // People named without "my" at the start of a sentence ("Diabetic father, very drowsy", "baby is shaking", "Friend
  // collapsed"), a child by age ("my 3 year old"), a resident named by title ("Mrs H is unresponsive").
  {
    category: 'experiencer',
    direction: 'forward',
    re: '(?<=^|[.!?:]\\s{0,2})(?:(?:diabetic|elderly|old|older|teenager|teenage|teen|little|young|newborn|infant|frail|pregnant|best|baby)\\s+)?(?:baby|toddler|infant|newborn|kid|child|friend|mate|neighbou?r|son|daughter|father|mother|dad|mum|mom|husband|wife|grandad|granddad|grandpa|grandma|granny|nan|partner|boyfriend|girlfriend|brother|sister|flatmate|roommate|colleague|coworker)\\b(?! of\\b)|\\b(?:my|our|his|her) (?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[ -]?(?:yo|y/o|yrs? old|years? old|months? old|weeks? old|year-old|month-old)\\b|\\b(?:mrs|mr|ms|miss)\\.? [a-z]+\\b',
  },
  // Kin words of other Englishes after "my" (Filipino tatay/nanay/lola/lolo, Nigerian oga, "my old man", "my hubby").
  {
    category: 'experiencer',
    direction: 'forward',
    re: '\\b(?:my|our) (?:tatay|nanay|lola|lolo|tita|tito|kuya|ate|oga|old man|old lady|missus|missis|hubby|wifey|gramps|nonna|nonno|abuela|abuelo|mama|papa|ma|pa|pops)\\b',
  },
  // A condition named as the person's attribute ("Diabetic father", "epileptic son"): that person's.
  {
    category: 'experiencer',
    direction: 'backward',
    adjacent: true,
    re: '^\\s+(?:father|mother|dad|mum|mom|husband|wife|son|daughter|grandad|grandpa|grandma|nan|brother|sister|friend|neighbou?r|uncle|aunt|partner)\\b',
    kinds: ['condition'],
  },
  // A feared future with an intensifier ("worried sick my dad will have another stroke").
  {
    category: 'hypothetical',
    direction: 'forward',
    re: "\\b(?:worried|scared|afraid|terrified|anxious|nervous)(?: sick| stiff| to death| so much)(?: that)? (?:i|he|she|we|they|my [a-z]+)(?:'ll| will| might| could| may|'s going to| is going to)\\b",
    window: 4,
  },
  // "having a stroke??", "am I getting a heart attack?": a diagnosis asked about.
  {
    category: 'uncertain',
    direction: 'forward',
    re: '(?<=^|[.!?]\\s{0,2})(?:am i |is (?:he|she|it) |are (?:you|we) )?(?:having|getting)\\b(?=[^.!?]{0,25}\\?)',
    concepts: ['stroke', 'stroke-now', 'tia', 'myocardial-infarction', 'mi-now', 'aortic-dissection'],
    window: 4,
  },
  // A diagnosis asked about as the whole sentence ("having a stroke??"): doubt, not a general question.
  {
    category: 'uncertain',
    direction: 'backward',
    adjacent: true,
    re: '^(?<!(?:\\bif\\b|\\bwhen\\b|\\bwhat\\b|\\bhow\\b|\\bsigns?\\b)[^.!?]{0,40})\\s*\\?',
    concepts: ['stroke-now', 'mi-now'],
  },
  // A condition of a patient in a ward ("心衰病人7床"): the bed's patient, not the writer.
  {
    category: 'experiencer',
    direction: 'backward',
    adjacent: true,
    re: '^\\s*(?:的)?(?:患者|病人|病患)\\s*\\d+\\s*床',
    kinds: ['condition'],
  },
  // An event before "后/之后/以后" and what has gone on since is past ("脑梗后癫痫发作过", "stroke 之后 right hand 一直…");
  // "脑梗后马上送来了" is the event now.
  {
    category: 'historical',
    direction: 'backward',
    adjacent: true,
    re: '^\\s*(?:过)?(?:以后|之后|后(?!背|面|来|悔|天|果|遗症))(?=[^,。!?;\\n]{0,16}?(?:一直|过(?![去来])|至今|到现在|几年|多年|留下|遗留))',
    concepts: EVENTS,
  },
  // "Think mum had a mini stroke", "I reckon it's a heart attack": a hedge on what follows.
  {
    category: 'uncertain',
    direction: 'forward',
    re: '(?<=^|[.!?]\\s{0,2})think\\b|\\breckon\\b',
    window: 8,
  },
];

export const PSEUDO_5: readonly ScopeRule[] = [
  // "跟上次一样嘴歪了", "same as last time": a comparison, not a past date of the sign now.
  {
    categories: ['historical'],
    re: `${COMPARED}(?=[^,.。!?;\\n]{0,8}(?:一样|似的|那样|差不多))|\\b(?:same as|like|just like) (?:last time|the last time|before)\\b`,
  },
  // "Is it linked to my high blood pressure?", "是不是血压引起的": a question about a cause, no doubt of the condition.
  {
    categories: ['uncertain'],
    re: '\\b(?:is|could|can|might|would) (?:it|this|that) (?:be )?(?:linked|related|connected|due|caused|down) (?:to|by)\\b',
  },
  // "My family has a history of strokes": family history, no past event of the writer.
  {
    categories: ['historical'],
    re: '\\b(?:family|families|relatives) (?:has|have|had|with) (?:a |any )?(?:strong |long )?history of\\b',
  },
];

/** A past time of an episode, for the later "fine now" of scope3.ts. */
export const PAST_TIME = new RegExp(
  `\\b${PAST_TIME_EN}\\b|昨天|昨晚|前天|上周|上个?(?:星期|礼拜)|前几天|那天`,
);
