/**
 * Explanations that take a sign away, part 2 (issue 16; false emergencies of training parts 15–17), merged into
 * explain.ts's list: chest pain that a poke or a press brings on (一戳就疼, "tender to touch") or that a doctor named
 * as chest-wall pain (肋软骨炎, costochondritis), and a self-diagnosed heart attack over such pain; chest tightness
 * only before exams and wondered to be anxiety; breathlessness hedged as nerves with a normal oxygen reading (血氧98);
 * breathlessness on walking a little faster or climbing a few floors that passes with a rest. Each stays an emergency
 * when a heart-attack or hypoxia sign is named as well (AHA heart-attack warning signs: sweat, breathlessness, arm,
 * jaw, back; REFERENCE §1.5 pulmonary oedema: at rest, blue lips, cannot speak). Cue lists, not clinical numbers.
 */
import { AT_REST } from './cues.ts';

/** Pain a poke, a touch or a press brings on (chest wall). */
const PRESS =
  '(?:戳|一碰就|碰一下就|摸着疼|摸着痛|按着疼|按着痛|一按就|一压就|压一下就|按一下就|\\bpok(?:e|ed|ing)\\b|\\btender to (?:the )?touch\\b|\\bwhen i press\\b)';
/** A chest-wall diagnosis named by a doctor. */
const CHEST_WALL =
  '(?:医生|大夫|医师|诊断|确诊|查了|看了|\\bdoctor|\\bdr\\b|\\bgp\\b|diagnos)[^。!?]{0,20}?(?:肋软骨炎|肋间神经痛|胸壁痛|带状疱疹|costochondritis|intercostal|chest wall pain|shingles)';
/** Heart-attack warning signs besides the pain (AHA). */
const MI_SIGN =
  /汗|喘|气短|气促|胳膊|下巴|后背|突然|越来越|压榨|sweat|clammy|breathless|short of breath|\barm\b|jaw|\bback\b|sudden|worse|crushing/;

/** A pin-prick that lasts a second or seconds, coming and going for months (a pattern, not one episode). */
const FLEETING =
  /^(?=.*(?:针扎|针刺|扎一下|刺一下|戳一下|\bstab|\btwinge|\bpin ?prick))(?=.*(?:一秒|几秒|一两秒|\bseconds?\b))(?=.*(?:好几个月|几个月了|好几年|几年了|一天好几次|一天几次|\bfor (?:months|years)\b|\bseveral times a day\b|\bmonths now\b))/;

export const EXPLAINED_2: readonly { concept: string; unless: RegExp; unlessNot: RegExp }[] = [
  // A weight simile on another part or on the mind ("肩上像压了块石头", "心里像压着块石头"): no chest sign (issue 16, round 4)
  // — unless the chest or a heart-attack sign is named.
  {
    concept: 'chest-pain',
    unless: /(?:肩上|肩膀上?|背上|腿上|头上|身上|心里|心头|心上)[^,。!?\n]{0,3}像?(?:压|压了|压着)/,
    unlessNot: new RegExp(`${MI_SIGN.source}|胸|心口`),
  },
  { concept: 'chest-pain', unless: new RegExp(`${PRESS}|${CHEST_WALL}`), unlessNot: MI_SIGN },
  // A pin-prick lasting a second, over and over for months (针扎一下，一秒钟就过去): no heart-attack pain, which lasts more
  // than a few minutes (AHA warning signs) — round 5 — unless a heart-attack sign is named.
  { concept: 'chest-pain', unless: FLEETING, unlessNot: MI_SIGN },
  // "一按就疼不按不疼，我觉得我心梗了": a heart attack guessed over pain a press brings on.
  {
    concept: 'mi-now',
    unless: new RegExp(`^(?=.*${PRESS})(?=.*(?:我觉得|觉得|是不是|会不会|怕是|\\bi think\\b|\\bworried\\b))`),
    unlessNot: MI_SIGN,
  },
  // "最近胸口好像闷闷的，就考试前会这样，是焦虑吗": tightness only in a situation of stress, wondered to be anxiety.
  {
    concept: 'chest-pain',
    unless:
      /^(?=.*(?:焦虑|紧张|压力|anxiety|anxious|stress))(?=.*(?:考试前|考试的时候|开会前|面试前|一紧张就|会这样|一放松就好|before (?:exams?|meetings?|interviews?)|when i'?m (?:stressed|anxious|nervous|worried)|(?:goes|settles|eases) (?:away |off )?when i (?:relax|calm down)))/,
    unlessNot: MI_SIGN,
  },
  // "好像胸口有点不舒服但是他说没事又去下棋了": mild discomfort waved off and a pastime taken up again.
  {
    concept: 'chest-pain',
    unless:
      /^(?=.*(?:有点|有些|稍微|一点)(?:不舒服|闷))(?=.*(?:说没事|说没什么|说不要紧|说没关系|说没大碍))(?=.*(?:又去|接着|继续|照样|还去|又开始)(?:下棋|打牌|打麻将|干活|上班|遛弯|散步|看电视|玩|钓鱼))/,
    unlessNot: MI_SIGN,
  },
  // "好像有点喘不上气，又好像是紧张，量了血氧98": hedged as nerves, with a normal oxygen saturation.
  {
    concept: 'dyspnoea',
    unless:
      /^(?=.*(?:紧张|焦虑|慌|anxi|panic|nerves))(?=.*(?:血氧|氧饱和|饱和度|spo2|\bsats?\b|\bo2\b)[^0-9]{0,6}(?:9[5-9]|100))/,
    unlessNot: /嘴唇|发紫|发青|说不出话|憋醒|胸痛|胸口疼|\bblue\b|can'?t (?:speak|talk)|chest pain/,
  },
  // "走路稍微快一点就上气不接下气", "上三楼就喘得不行，歇一会就好了": breathless on a little exertion, fine at rest.
  {
    concept: 'dyspnoea',
    unless:
      /走(?:路)?(?:稍微|稍|一)?(?:快|急)(?:一)?(?:点|些)?就|(?:上|爬)[一二三四五六七八九两几\d]+(?:楼|层)(?:楼)?就|一(?:走|动|活动)就/,
    unlessNot: new RegExp(`${AT_REST}|嘴唇|发紫|发青|说不出话|憋醒|胸痛|胸口疼|突然|\\bblue\\b`),
  },
];

/**
 * True when one of these explanations holds for the whole message, with none of its warning signs (the recall net's
 * gate, recall-net.ts: the net is not asked to raise a sign the rules explained away, e.g. "胸口一压就疼").
 */
export function explainedMessage(norm: string): boolean {
  return EXPLAINED_2.some((x) => x.unless.test(norm) && !x.unlessNot.test(norm));
}
