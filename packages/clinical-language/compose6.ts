/**
 * Compositional rules, part 6 (issue 16; classes of missed emergencies of independent tuning part 12): clinical
 * shorthand for a patient too breathless to talk (说话只能蹦单字, "talking in single words", with SpO2, RR or a breath
 * word), an acute infarct on the ECG or just diagnosed with a transfer under way (心电图报急性前壁心梗, 120到了, 医师,
 * mixed "heart attack … 导管室"), a sudden headache said twice (头突然好痛好痛), shaking that will not stop in known
 * epilepsy, and Cantonese "called and barely responds" (叫佢都唔太应). Each rule yields an existing concept id and names
 * its sources (REFERENCE §1.5, AHA heart-attack warning signs, patient education on seizures); near misses are part of
 * the rules (`unless`) and of classes8.test.ts.
 */
import type { ComposeRule } from './compose.ts';
import { E, EXERTION, G, HEAD, HEAD_NEVER, HEAD_UNLESS, NOT_HEAD_PART } from './cues.ts';

/** Oxygen, respiratory-rate and breath words of a clinical note or a worried relative. */
const BREATH_CONTEXT =
  '(?:血氧|氧饱和|饱和度|spo2|sp02|\\bsats?\\b|desat|\\brr\\b|resp(?:iratory)? rate|呼吸|喘|气促|气急|憋|哮喘|慢阻肺|copd|asthma|wheez|oxygen|吸氧|\\bo2\\b|\\bnrb\\b|三凹|发绀|紫)';
/** Urgent transfer or reperfusion under way (an ambulance, 120, the cath lab, a bigger hospital). */
const TRANSFER =
  '(?:救护车|120|跟车|导管室|cath lab|转院|转上级|大医院|送医|急诊|溶栓|放支架|胸痛中心|绿色通道|ambulance|taking (?:him|her|them)|on the way)';
/** Now or just now. */
const NOW = '(?:刚才|刚刚|刚做|马上|立即|立刻|正在|路上|现在|赶紧|到了|\\bnow\\b|right away|just)';
/** An old or past infarct: no acute event. */
const OLD_MI =
  '(?:陈旧|以前|那次|年前|去年|前年|当年|多年|history of|\\bold (?:mi|infarct|heart attack)|years? ago|last year|in (?:19|20)\\d\\d)';

export const COMPOSE_RULES_6: readonly ComposeRule[] = [
  {
    // REFERENCE §1.5 pulmonary oedema / AHA shortness of breath: too breathless to speak more than a word or two.
    name: 'speaks only single words or cannot talk, with oxygen or breath words',
    gate: '(?:字|话|句|words?|sentences?)',
    concept: 'dyspnoea',
    re:
      '(?:只能|只会)(?:蹦|说|讲)(?:单字|单个字|几个字|[一二两三]{1,2}个字)|一次只能(?:说|讲)(?:[一二两三]{1,3}个字|几个字)|' +
      '(?:讲|说)不出话|说不完(?:一|整)句话|讲不完(?:一|整)句话|' +
      '\\b(?:talking|speaking|answering|speech)\\s+(?:only\\s+)?(?:in|with)\\s+(?:single|one|two)[- ]words?\\b|' +
      "\\b(?:unable to|can'?t|cannot|couldn'?t|not able to)\\s+(?:complete|finish)\\s+(?:a |full |whole |complete )*sentences?\\b",
    needs: BREATH_CONTEXT,
    unless: `(?:${EXERTION}|跑完|刚跑|八百米|crying|sobbing|laughing|shy)`,
    sources: ['ref-1.5', 'aha-heart-attack'],
  },
  {
    // AHA: a heart attack on the ECG or just named by a doctor (医师, mixed English) while the transfer is under way.
    name: 'acute infarct on the ECG or just diagnosed × transfer under way',
    gate: '(?:梗|heart attack|stemi)',
    concept: 'mi-now',
    re:
      `(?:心电图|ecg|ekg)${G}{0,3}?(?:提示|示|报|显示|是|考虑)?${G}{0,8}?(?:心梗|心肌梗死|心肌梗塞)|` +
      `(?:医生|大夫|医师)${G}{0,3}?(?:说|讲|诊断|判断)${G}{0,8}?(?:心梗|心肌梗死|心肌梗塞|heart attack|\\bstemi\\b)|` +
      `\\b(?:doctors?|dr|paramedics?|ecg|ekg)\\b${E}{0,30}?\\b(?:heart attack|stemi)\\b`,
    needs: `^(?=.*${TRANSFER})(?=.*${NOW})`,
    unless: OLD_MI,
    sources: ['aha-heart-attack'],
  },
  {
    // REFERENCE §1.5 / patient education: a headache said later in the sentence to be the worst ever (从来没这么疼过,
    // 头疼得前所未有, "never hurt like this"), whatever lies between, unless another body part is the one meant.
    name: 'head pain × never this painful, later in the sentence',
    gate: '(?:没有?(?:这么|这样|如此)(?:疼|痛)过|前所未有|最(?:疼|痛)的一次|never)',
    concept: 'thunderclap-headache',
    re:
      `${HEAD}[^。!?;\\n]{0,3}?(?:痛|疼)[^。!?;\\n${NOT_HEAD_PART}]{0,30}?${HEAD_NEVER}|` +
      `\\bhead(?:ache)?\\b${E}{0,60}?\\bnever\\s+(?:hurt|ached|been this (?:bad|painful))\\b${E}{0,6}?\\b(?:like this|this (?:bad|much))`,
    unless: HEAD_UNLESS,
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    // REFERENCE §1.5 / AHA stroke: a sudden headache said twice over (头突然好痛好痛) is a severe one.
    name: 'head × sudden × pain said twice',
    gate: '(?:痛|疼){1}(?:好|很)?(?:痛|疼)',
    concept: 'thunderclap-headache',
    re: `${HEAD}${G}{0,3}?(?:突然|忽然|一下子)${G}{0,3}?(?:好痛好痛|好疼好疼|很痛很痛|很疼很疼|痛痛痛|疼疼疼)`,
    unless: HEAD_UNLESS,
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    // REFERENCE §1.5 seizure; patient education: a fit that does not stop — shaking that will not stop in epilepsy.
    name: 'epilepsy × shaking that will not stop',
    gate: '(?:癫痫|羊癫疯|羊角风|羊癫风)',
    concept: 'seizure',
    re: `(?:抖|抽|颤)${G}{0,3}?(?:个不停|停不下来|停不住|止不住|控制不住)`,
    unless:
      '(?:副作用|吃了.{0,6}(?:以后|后)|天冷|太冷|好冷|冷得|冻得|紧张|帕金森|\\bcold\\b(?! sweat)|side effect)',
    sources: ['ref-1.5', 'patient-education'],
  },
  {
    // REFERENCE §1.5 altered consciousness: Cantonese 叫佢都唔(太)应 — called and (barely) responds.
    name: 'called and barely responds (Cantonese)',
    gate: '叫',
    concept: 'confusion',
    re: `叫${G}{0,4}?(?:唔|不)(?:太|大|点|系好)?应`,
    unless: '(?:游戏|打紧|玩紧|耳机|嬲|扭计|game|headphones|sulk)',
    sources: ['ref-1.5'],
  },
];
