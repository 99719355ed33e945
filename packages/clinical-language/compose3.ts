/**
 * Compositional rules, part 3 (issue 16; classes of misses of independent tuning part 6): half of what is seen gone
 * (一半东西看不见, "lost the left half of everything"), double vision without a sudden cue, a person who cannot be
 * woken properly or roused (and "reduced GCS" in a clinician note), a limb that "isn't working", "gone wobbly on my
 * feet" all of a sudden, and mixed zh/en wording where an English adverb or state stands between a Chinese body part
 * and its state ("右眼 suddenly 看不到了", "右手 no power", "头疼 worst ever", "背 suddenly 撕裂"). Each rule yields an
 * existing concept id and names its sources (BE-FAST, 中风120, AHA warning signs, REFERENCE §1.5); near misses are
 * part of the rules (`unless`).
 */
import type { ComposeRule } from './compose.ts';
import {
  CHEST,
  CHEST_STATE,
  CHEST_UNLESS,
  DISMISSED,
  E,
  EYE_UNLESS,
  G,
  HEAD_UNLESS,
  LIMB,
  LIMB_UNLESS,
  SIDE,
} from './cues.ts';

/** An English time or degree word written between Chinese words in mixed messages. */
const ADV = '(?:suddenly|all of a sudden|just now|again|now|really|very|so|totally|completely)';
/** Acute onset (operational cue list, as safety.ts). */
const ACUTE_EN =
  '(?:\\bsuddenly\\b|\\ball of a sudden\\b|\\bjust now\\b|\\bout of nowhere\\b|\\bout of the blue\\b)';

export const COMPOSE_RULES_3: readonly ComposeRule[] = [
  {
    // Double negation by contrast ("胸口不是不疼，是越来越疼"): the chest state is affirmed (AHA warning signs).
    name: 'chest × not-not × pain (不是不疼)',
    concept: 'chest-pain',
    re: `${CHEST}${G}{0,2}?(?:并|倒|也)?不是不${CHEST_STATE}`,
    unless: CHEST_UNLESS,
    sources: ['aha-heart-attack', 'ref-1.5'],
  },
  {
    // BE-FAST "Eyes": one half of the visual field lost ("右边一半东西都看不见了").
    name: 'one side × half of what is seen × unseen',
    gate: '(?:一半|半边)',
    concept: 'sudden-vision-loss',
    re: `${SIDE}(?:一半|半边)(?:的)?(?:东西|视野)?${G}{0,4}?(?:看不见|看不到|看不清|黑了|是黑的|没了)`,
    unless: `(?:${EYE_UNLESS}|手机|电脑|电视|摔)`,
    sources: ['befast'],
  },
  {
    name: 'half of what is seen lost (English)',
    concept: 'sudden-vision-loss',
    re: "\\b(?:lost|losing|can'?t see|cannot see|missing)\\b(?: the| my)? (?:left|right) half of (?:everything|what|things|my vision|the world|whatever)\\b",
    unless: '(?:screen|phone|monitor|tv)',
    sources: ['befast'],
  },
  {
    // BE-FAST "Eyes": double vision (seen with both eyes open) is a sign itself; a long-standing cause explains it.
    name: 'double vision, without a sudden cue',
    concept: 'sudden-vision-loss',
    re: `(?:看|眼睛|眼)(?:东西|什么|啥|人)?${G}{0,4}?(?:都是|都)?(?:双的|成双|重影|双影|两个影)`,
    unless: `(?:${EYE_UNLESS}|喝多|喝醉|醉了|斜视|从小)`,
    sources: ['befast'],
  },
  {
    // REFERENCE §1.5 (impaired consciousness): someone who cannot be woken properly or roused.
    name: 'cannot be woken properly or roused (English)',
    concept: 'confusion',
    re: "\\b(?:can'?t|cannot|couldn'?t|can barely|can hardly|could barely|could hardly|unable to|struggling to)\\s+(?:wake|rouse|arouse)\\s+(?:him|her|them|my \\w+|mum|mom|dad|nan|gran|grandma|grandpa)\\b|\\b(?:barely|hardly) rous(?:e|able)\\b",
    unless: '(?:alarm|early|for work|for school)',
    sources: ['ref-1.5'],
  },
  {
    // Clinician shorthand: a reduced Glasgow Coma Scale is impaired consciousness (REFERENCE §1.5).
    name: 'reduced GCS (clinician shorthand)',
    concept: 'confusion',
    re: '\\b(?:reduced|decreased|low|lowered|dropping|dropped|falling|fluctuating)\\s+gcs\\b|\\bgcs\\s+(?:reduced|decreased|low|dropped|dropping|falling)\\b',
    sources: ['ref-1.5'],
  },
  {
    name: "one limb isn't working (English)",
    concept: 'limb-weakness',
    re: "\\b(?:left|right|one)\\s+(?:arm|hand|leg|foot|side)\\b(?: (?:just|really|suddenly))? (?:isn'?t|is not|wasn'?t|was not|stopped|won'?t|doesn'?t|does not|not) (?:working|work|moving|move|responding|do(?:ing)? what)\\b",
    unless: LIMB_UNLESS,
    unlessNot: DISMISSED,
    sources: ['befast', 'stroke120'],
  },
  {
    // BE-FAST "Balance": sudden loss of balance ("gone all wobbly on my feet", "wonky on my feet all of a sudden").
    name: 'wobbly on the feet, sudden (English idiom)',
    concept: 'balance-loss',
    re: `\\b(?:wobbly|wonky|unsteady|off balance|off-balance)\\b${E}{0,8}?\\bon (?:my|his|her|their) feet\\b|\\b(?:gone|went|going|gone all|went all) (?:wobbly|wonky)\\b`,
    needs: ACUTE_EN,
    unless: '(?:drunk|drink|stood up|standing up|boat|ship)',
    sources: ['befast'],
  },
  {
    name: 'mixed: Chinese side × limb × English loss ("右手 no power")',
    concept: 'limb-weakness',
    re: `(?:${SIDE}|\\b(?:left|right)\\b\\s?)${LIMB}\\s?(?:${ADV}\\s?)?(?:no power|no strength|no force|weak|numb|not working|can'?t move)\\b`,
    unless: LIMB_UNLESS,
    unlessNot: DISMISSED,
    sources: ['befast', 'stroke120'],
  },
  {
    name: 'mixed: one eye × English adverb × unseen ("右眼 suddenly 看不到了")',
    concept: 'sudden-vision-loss',
    re: `(?:左眼|右眼|一只眼|眼睛)\\s?${ADV}\\s?(?:看不见|看不到|黑了|什么都看不|看不清)`,
    unless: EYE_UNLESS,
    sources: ['befast'],
  },
  {
    // AHA stroke warning signs / REFERENCE §1.5: "worst ever" is itself the sign.
    name: 'mixed: headache × worst ever ("头疼 worst ever")',
    concept: 'thunderclap-headache',
    re: "(?:头疼|头痛|脑壳疼|headache)\\s?(?:is\\s)?(?:the\\s)?worst(?: ever| of my life| i'?ve ever had| in my life)\\b",
    unless: HEAD_UNLESS,
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    // IRAD / AHA dissection: sudden tearing back pain; 背 alone only with the English adverb or word after it.
    name: 'mixed: back × tearing ("背 suddenly 撕裂")',
    concept: 'tearing-pain',
    re: `(?:后背|背部|背上)\\s?(?:${ADV}\\s?)?(?:撕裂|tearing|ripping)|(?<![书双被])背\\s(?:${ADV}\\s?)?(?:撕裂|tearing|ripping)`,
    unless: '(?:衣服|裤|包|皮肤|伤口|bag|shirt|jacket)',
    sources: ['aha-dissection', 'ref-1.5'],
  },
];
