/**
 * Context-modifier rules, part 12 (issue 16, round 8: modifier classes of the tuning parts,
 * docs/notes/cl-modifiers-study-2026-12-08.md; tested with fresh sentences in modifiers16.test.ts), merged into the rule
 * lists by context.ts:
 * - a third person named by role as the subject of a report — a village doctor's or nurse's 老人 or 长辈, a
 *   pharmacy's 顾客, a classmate or roommate, a ward's "pt", a care home's "resident", a caller's relative — is the
 *   experiencer (README labelling conventions: `fam` is anyone other than the writer, "a patient described by a
 *   clinician or relay"). ConText's experiencer triggers are the persons of the clinical note (Harkema et al. 2009,
 *   J Biomed Inform 42:839, Table 2: "patient's mother", "family history"); a Chinese relay names them by role.
 *   Never the writer naming themself by role (我是孕妇, 作为老人, "I'm a patient"), never a general population (老年人,
 *   孕妇一般…, "patients with …" — a general statement is the hypothetical rules' case).
 * - a family history said in other words than 家族史 (家族有心梗史, 家里有…史) is another person's.
 * - a diagnosis the writer or a relay only believes ("pretty sure I'm having a heart attack", "I think I just had a
 *   TIA", "thinks she's having a stroke"), asks as one of two (是面瘫还是中风, 不知道是低血糖还是中风), fears (惊系中风,
 *   怕是心梗) or a clinician considers (考虑心梗可能, 可疑心梗) is uncertain — NegEx/ConText's "possible", "suspect",
 *   "consider" uncertainty triggers (Chapman et al. 2001; Harkema et al. 2009, Table 2), only on a diagnosis, since the
 *   labelling conventions read a hedge on what it governs (the observed signs after it stay affirmed).
 * - a symptom that has gone on for years — "migraines since I was a teenager", "for 40 yrs", "for a few years now",
 *   "since my 20s", "it's chronic", non-native "since many years", Cantonese 偏頭痛成十幾年, 脚麻好几年 — is long-standing
 *   (the labelling conventions' `hist`), never across a new-onset word (suddenly, today, now, worse, new); a chronic
 *   condition the person has stays current, however long.
 * Operational cue lists, not clinical numbers.
 */
import type { TriggerRule } from './rules.ts';

/** The writer naming themself by role right before (我是孕妇, 我也是病人, 作为老人). */
const NOT_SELF = '(?<!(?:我是|我也是|我就是|本人是|作为|我这个|我这种|我们|咱们)[^,，。!?;\\n]{0,3})';
/** Roles a relay names a third person by (Chinese). Not 老年人/孕产妇 (general populations). */
const ROLES_ZH =
  '(?:老人家?|长辈|顾客|客人|住户|院友|室友|(?<!小爱)同学|舍友|工友|乘客|中年(?:男|女)(?:性|人|的)?|老年(?:男|女)性|老汉|老头儿?|男的|女的)';
/** A role in a condition (万一老人…, 老人要是…) is anyone: the hypothetical rules' case, no person. */
const NOT_IF = '(?<!(?:万一|如果|要是|假如|假设)[^,，。!?;\n]{0,4})';
/**
 * What makes the role a general population, not a person: a general predicate right after it, or a general
 * question in its sentence (老人突然糊涂是怎么回事, 老人胸口疼要先吃…吗, 孕妇…是不是).
 */
const GENERAL_AFTER =
  '(?!(?:一般|通常|都|们|能不能|可不可以|可以|应该|要不要|是不是|容易|常见|需要注意|出现|如果|要是))(?![^。!?\\n]*?(?:怎么回事|什么原因|想了解|了解一下|正常吗|要先|是不是|会不会|如果|要是|吗\\s*$))';

/** Diagnoses a hedge governs (named conditions and their "happening now" forms). */
const DIAGNOSES = ['mi-now', 'stroke-now', 'myocardial-infarction', 'stroke', 'tia', 'seizure'];

export const TRIGGERS_12: readonly TriggerRule[] = [
  {
    category: 'uncertain',
    direction: 'forward',
    re: "\\b(?:pretty sure|fairly sure|quite sure|(?:i|he|she|we|they|mum|mom|dad) (?:really )?(?:think|thinks|reckon|reckons|believe|believes)|think (?:it'?s|she'?s|he'?s|i'?m|i)|thinks (?:it'?s|she'?s|he'?s))\\b",
    concepts: DIAGNOSES,
    sentence: true,
    window: 8,
  },
  {
    category: 'uncertain',
    direction: 'forward',
    re: '(?:(?<=是[^,，。!?;\\n]{1,8})还是|惊系|惊係|怕系|怕是|考虑(?:为|是)?|可疑)',
    concepts: DIAGNOSES,
    window: 4,
  },
  {
    category: 'uncertain',
    direction: 'backward',
    re: '^\\s*(?:可能|待排|待除外)(?=[,，。;!?\\s]|$)',
    concepts: DIAGNOSES,
    adjacent: true,
    window: 3,
  },
  // 村医：老人说手麻…, 居家老人双脚浮肿, 一个孕妇八个月突然抽搐, 药店顾客问…, 隔壁床的外国同学突然…
  {
    category: 'experiencer',
    direction: 'forward',
    re: `${NOT_SELF}${NOT_IF}${ROLES_ZH}${GENERAL_AFTER}`,
  },
  // "pt anxious and tachypnoeic", "resident in room 4", "elderly customer", "caller's husband", "colleague's face".
  {
    category: 'experiencer',
    direction: 'forward',
    re: "(?<!\\b(?:i'?m|i am|as) (?:a|an|the) )\\b(?:pt|resident|customer|client|passenger|caller'?s|colleague'?s?|coworker'?s?|co-worker'?s?|neighbou?r'?s)\\b(?!\\s+(?:with|who have|usually|often|generally)\\b)",
  },
  // 家族有心梗史, 家里有脑梗史: a family history (the condition named inside it).
  {
    category: 'experiencer',
    direction: 'forward',
    re: '(?:家族|家里|家中)(?:人)?(?:有|里有|中有)(?=[^,，。!?;\\n]{1,6}史)',
    window: 6,
  },
  {
    category: 'historical',
    direction: 'backward',
    re: "^(?:(?!\\b(?:suddenly|sudden|today|tonight|this morning|just|now|new|worse|worst)\\b)[^.!?;\\n]){0,30}?\\b(?:since (?:i was (?:a |an )?(?:teenager|teen|kid|child|boy|girl|young|little|small|student)|my (?:teens|twenties|thirties|20s|30s|40s|childhood|school days)|childhood|many years|years)|for (?:\\d+|a few|many|several|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty) (?:yrs|years)(?: now)?|(?:it'?s|is|been) chronic)\\b",
    kinds: ['symptom', 'red-flag'],
    sentence: true,
    window: 30,
  },
  {
    category: 'historical',
    direction: 'backward',
    adjacent: true,
    re: '^\\s*(?:成|有|都)?(?:十几|好几|好多|几十|\\d+|[一二两三四五六七八九十]+)年(?![前级纪])',
    kinds: ['symptom', 'red-flag'],
  },
];
