/* eslint-disable no-restricted-globals -- a training script, not engine code: it reads the tuning corpus (and its arguments) and writes the weights; the engine module recall-net.ts stays pure. */
/**
 * Experiment (issue 16): does a learned "recall net" (logistic regression over character/word n-grams,
 * recall-net-lib.ts) add emergency catches to the rule engine on a NEW writer's text without pushing false
 * emergencies over 5 %? Leave-one-part-out over the independent tuning parts (each written by a different
 * engineer): the net is trained on every other TUNING part and evaluated on the left-out one. Held-out parts are
 * never read (readTuningParts reads role 'tuning' only).
 *
 * Two engines are measured on each left-out part:
 * - the current engine (tuned on every tuning part, so 100 % by construction: only the net's added false
 *   emergencies are informative there);
 * - the engine as it was when that part was added as a held-out file (`--old DIR`: DIR/<commit>/packages/clinical-language,
 *   extracted by `git archive <commit> packages/clinical-language`), i.e. the engine meeting that writer's
 *   wording fresh: its misses are the "fresh misses" the net is meant to catch.
 *
 * Run: node bin/run-ts.mjs packages/clinical-language/train/recall-net-cv.ts [--old /tmp/cl-old] [--gate G --thr T]
 *
 * CV printout (2026-12-07; options {"epochs":200,"l2":0.0003,"posWeight":1,"minCount":2}; mean over the 11 left-out
 * independent parts; "now" = current engine, "fresh" = the engine that had never seen the part):
 *   gate            thr | now: sens eng→comb  FE eng→comb | fresh: sens eng→comb  FE eng→comb
 *   none            0.70 | 100.0→100.0  0.2→0.7         | 85.8→95.0  5.5→5.9
 *   none            0.80 | 100.0→100.0  0.2→0.2         | 85.8→92.1  5.5→5.5
 *   none            0.92 | 100.0→100.0  0.2→0.2         | 85.8→87.2  5.5→5.5
 *   concept         0.80 | 100.0→100.0  0.2→0.2         | 85.8→87.4  5.5→5.5
 *   judged+explain  0.60 | 100.0→100.0  0.2→0.9         | 85.8→94.7  5.5→6.3
 *   judged+explain  0.70 | 100.0→100.0  0.2→0.4         | 85.8→92.9  5.5→5.7
 *   judged+explain  0.80 | 100.0→100.0  0.2→0.2         | 85.8→90.6  5.5→5.5
 *   judged+explain  0.92 | 100.0→100.0  0.2→0.2         | 85.8→86.8  5.5→5.5   ← wired (recall-net.ts)
 * Per left-out part, gate judged+explain, fresh engine: sensitivity engine → combined at 0.80 / at 0.92; false
 * emergencies unchanged at both thresholds on every part (now: 0.0–0.9 %; fresh: 0.0–9.4 %, as the engine alone):
 *   tuning-independent     78.4 → 84.0 / 80.8     tuning-independent-7   82.4 → 85.8 / 82.4
 *   tuning-independent-2   67.2 → 76.0 / 68.8     tuning-independent-8   84.6 → 90.4 / 85.6
 *   tuning-independent-3   88.8 → 94.1 / 91.2     tuning-independent-9   87.0 → 91.0 / 87.0
 *   tuning-independent-4   93.7 → 94.9 / 93.7     tuning-independent-10  92.7 → 96.7 / 93.3
 *   tuning-independent-5   86.0 → 93.5 / 87.1     tuning-independent-11  94.9 → 96.8 / 94.9
 *   tuning-independent-6   88.4 → 93.8 / 90.4
 * 0.80 adds no false emergency on any left-out part but raises five near-miss sentences of the package's tests
 * (e.g. "拔了牙以后嘴巴突然怪怪的" 0.913, "后背的衣服突然撕开了" 0.889); 0.92 is the lowest threshold that leaves all.
 * Raw-text gates (recall-net-gate.ts; 2026-12-07, same options; fresh engine, mean sensitivity gain / added FE):
 *   gate                    0.80        0.85        0.92
 *   judged+explain          +4.8 / 0    +3.5 / 0    +1.0 / 0
 *   j+e+neg1 (anchor ctx)   +4.6 / 0    +3.3 / 0    +1.0 / 0
 *   j+e+unless (rules)      +3.8 / 0    +2.7 / 0    +0.9 / 0
 *   j+e+strip (negation)    +4.6 / 0    +3.2 / 0    +1.0 / 0
 *   j+e+neg1+unless+strip   +3.1 / 0    +2.1 / 0    +0.8 / 0   ← wired at 0.92 (recall-net.ts)
 * At 0.80 the full gate still raises "my chest does not feel like an elephant is sitting on it and I am not sweating"
 * (0.859 on the message without the denied clauses): 0.92 is wired until that negation is read.
 * Fourth session (2026-12-07): part 12 (formerly held-out 14, engine 2306733) added; the net retrained on every tuning
 * part; function words (and, my, 我, 的, 不 …) are no longer evidence the gate reads (recall-net-gate.ts STOP_EN/ZH).
 * Mean over the 12 left-out parts, fresh engine, sensitivity (FE unchanged on every part at every row):
 *   gate                    0.70        0.80        0.85        0.92
 *   j+e+neg1+unless+strip   85.9→90.5   85.9→88.7   85.9→87.8   85.9→86.7   (stop words still anchors: elephant raised)
 *   j+e+neg3+unless+strip   85.9→89.7   85.9→88.4   85.9→87.6   85.9→86.6   ← wired at 0.80 (recall-net.ts)
 * With function words aside, the three strongest features of "my chest does not feel like an elephant is sitting on
 * it and I am not sweating" are chest/sitting/like and the negation is read: 0.80 raises no near miss of the tests.
 * Part 12 at 0.80: 86.2 → 87.5 % (fresh), FE 9.6 → 9.6 %.
 * Round 5 (sixth session, 2026-12-07, engine after round 5; 20 left-out parts: parts 13–20 added with the engines that
 * met them fresh, MEASURED_BY; `--gates` picks rows). Mean fresh sensitivity engine → combined / FE engine → combined:
 *   gate                         0.60        0.65        0.70        0.75        0.80        0.85
 *   j+e+neg3+unless+strip        91.9 / 5.6  91.7 / 5.6  91.2 / 5.5  90.8 / 5.5  90.3 / 5.5  89.6 / 5.5  (engine 88.6 / 5.5)
 *   …+body (BODY_OR_SYMPTOM)     91.8 / 5.6  91.7 / 5.6  91.1 / 5.5  90.7 / 5.5  90.2 / 5.5  89.5 / 5.5
 *   …+len (≥ 12 characters)      91.8 / 5.6  91.7 / 5.6  91.2 / 5.5  90.7 / 5.5  90.3 / 5.5  89.6 / 5.5
 * A body or symptom word guard (or a minimum length) keeps everyday text ("今天天气不错" 0.69, "我爸今天去公园了" 0.64) from
 * the net and costs ≤ 0.1 point on CV, but it does not make a lower threshold safe: at 0.70 (+0.9 point fresh on CV)
 * the current engine raises two tuning messages that name a body word ("my right hand is sore from typing all day"
 * 0.70, "气死我了 my BP must be like 300 now 哈哈" 0.78), so tuning FE counts rise (parts 3 and 19: 0 → 1); at 0.75 the
 * second stays. Not adopted: 0.80 stays wired, without the guard (package README, recall net).
 * Round 6 (seventh session, 2026-12-07, engine after round 6 rules; 21 left-out parts: part 21 added with the engine
 * of 23b81de that met it fresh as held-out 17; the fold nets trained on every other tuning part, parts 18–21 now among
 * them). Gate j+e+neg3+unless+strip, mean over parts, sensitivity engine → combined / FE engine → combined:
 *   thr    now (today's engine)            fresh (the engine that met the part)
 *   0.65   99.3→99.9 / 0.1→0.2             88.7→91.8 / 5.5→5.5
 *   0.70   99.3→99.9 / 0.1→0.1             88.7→91.4 / 5.5→5.5
 *   0.75   99.3→99.9 / 0.1→0.1             88.7→91.0 / 5.5→5.5   (part 19: FE 0.0→0.5 now, 4.3→4.9 fresh)
 *   0.80   99.3→99.8 / 0.1→0.1             88.7→90.5 / 5.5→5.5   (no added FE on any part) ← wired
 * At 0.70 the net trained on every part also raises one tuning message ("my right hand is sore from typing all day").
 * Caveat: the gates use today's context rules on the old engines' text; the "fresh" engines are older and weaker than today's; today's misses on new text are the harder tail.
 */
import { analyze, emergencyCall, type EmergencyCall } from '../analyze.ts';
import type { CorpusItem } from '../eval.ts';
import { normalize } from '../normalize.ts';
import { NOT_BREATH_BEFORE } from '../cues.ts';
import { anchorsCovered, RULE_EXPLAINS, withoutNegated } from '../recall-net-gate.ts';
import { recallGate } from '../recall-net.ts';
import {
  DEFAULT_TRAIN,
  readTuningParts,
  score,
  train,
  type NetWeights,
  type TrainOptions,
} from './recall-net-lib.ts';

/**
 * A body part, a bodily function or a symptom word (issue 16, round 5; an experiment, not wired): the net's evidence
 * read only in a message that names one. Short everyday messages ("今天天气不错" 0.69, "我爸今天去公园了" 0.64) carry weight in the net only
 * through the messages they stand in; with no body or symptom word there is nothing the net could have recognised.
 */
const BODY_OR_SYMPTOM = new RegExp(
  [
    `(?<![${NOT_BREATH_BEFORE}])气(?![温候味球色质])`,
    '[头脑胸心背腰肚腹胃手脚腿臂膊肢指脸面嘴喙唇舌眼睭耳颈脖喉嗓身喘憋疼痛麻晕昏醒抽抖吐汗紫瘫歪斜糊涂胡尿孕烧倒站企摔认窒]',
    '说话|讲话|话|说不|讲不|呼吸|视|看不|看东西|看人|重影|双影|两个|一半|意识|反应|叫不|不应|答不|嘢|血压|发作|中风|心梗|脑梗',
    '\\b(?:head\\w*|chest|heart|arms?|legs?|hands?|foot|feet|fingers?|face|smile|mouth|lips?|tongue|eyes?|vision|sight|see\\w*|double|diplopia|speech|speak\\w*|talk\\w*|words?|sense|nonsense|gibberish|breath\\w*|gasp\\w*|suffocat\\w*|air|body|side|back|shoulders?|neck|pain\\w*|hurt\\w*|ache\\w*|numb\\w*|tingl\\w*|weak\\w*|faint\\w*|dizz\\w*|spin\\w*|walk\\w*|fits?|fitted|fitting|seiz\\w*|convuls\\w*|shak\\w*|jerk\\w*|conscious\\w*|unconscious|unresponsive|wake|woke|waking|rous\\w*|drows\\w*|respon\\w*|confus\\w*|muddled|recogni\\w*|blue|sweat\\w*|vomit\\w*|sick|collaps\\w*|fell|fall\\w*|floor|passed|droop\\w*|slur\\w*|stroa?ke?|stoke|attack|thunderclap|pregnan\\w*|bp|pressure|sats?|spo2|gcs|sob|cp|xiong|tou|zui|shuo|hua|chuan|kan)\\b',
  ].join('|'),
);

/** The commit that added each part as a held-out file (git log --diff-filter=A): its engine had never seen it. */
const MEASURED_BY: Record<string, string> = {
  'tuning-independent.txt': 'a619b4e', // heldout-3.txt added
  'tuning-independent-2.txt': '8f38884', // heldout-4
  'tuning-independent-3.txt': '7ec54b9', // heldout-5
  'tuning-independent-4.txt': 'a45a1ad', // heldout-6
  'tuning-independent-5.txt': '19e1c21', // heldout-7
  'tuning-independent-6.txt': '208653d', // heldout-8
  'tuning-independent-7.txt': '4ba15d8', // heldout-9
  'tuning-independent-8.txt': '5be7309', // heldout-10
  'tuning-independent-9.txt': '166b026', // heldout-11
  'tuning-independent-10.txt': '2306733', // heldout-12
  'tuning-independent-11.txt': '2306733', // heldout-13
  'tuning-independent-12.txt': '2306733', // heldout-14
  'tuning-independent-13.txt': '23b81de', // heldout-15
  'tuning-independent-14.txt': '23b81de', // heldout-16
  'tuning-independent-15.txt': 'e2720d8', // training parts 15–17: met fresh by the engine of e2720d8
  'tuning-independent-16.txt': 'e2720d8',
  'tuning-independent-17.txt': 'e2720d8',
  'tuning-independent-18.txt': '0cdcafb', // training parts 18–19: met fresh by the engine of 0cdcafb
  'tuning-independent-19.txt': '0cdcafb',
  'tuning-independent-20.txt': 'cb053c6', // heldout-19
  'tuning-independent-21.txt': '23b81de', // heldout-17
};

interface LooseMention {
  kind?: string;
  redFlag?: string;
  emergency?: boolean;
  modifiers: { negated: boolean; historical: boolean; hypothetical: boolean; remote?: boolean };
}
interface LooseAnalysis {
  text: string;
  mentions: LooseMention[];
}
type Gate = (a: LooseAnalysis, net: NetWeights) => boolean;
const covered = (m: LooseMention) =>
  m.modifiers.negated || m.modifiers.historical || m.modifiers.hypothetical || m.modifiers.remote === true;
export const GATES: Record<string, Gate> = {
  none: () => true,
  // No mention the engine found is negated, historical, hypothetical or remote.
  'no-cover': (a) => !a.mentions.some(covered),
  // The engine found a current red-flag or symptom concept (a system or body part it knows, not ruled out).
  concept: (a) => a.mentions.some((m) => (m.kind === 'red-flag' || m.kind === 'symptom') && !covered(m)),
  // No ruled-out mention, no red flag the engine judged not an emergency by itself (gate "judged").
  judged: (a) => !a.mentions.some((m) => covered(m) || (m.redFlag !== undefined && m.emergency === false)),
  // …and no explanation of a sign (cues.ts) in the text: the gate used by recall-net.ts.
  'judged+explain': (a) => recallGate(a.mentions as never, a.text),
  // …and the net's strongest feature not negated, past, hypothetical or remote by the package's context rules.
  'j+e+neg1': (a, n) => recallGate(a.mentions as never, a.text) && !anchorsCovered(a.text, n.w, 1),
  // …any of its three strongest features.
  'j+e+neg3': (a, n) => recallGate(a.mentions as never, a.text) && !anchorsCovered(a.text, n.w, 3),
  // …no explanation any compose or safety rule accepts for its sign (`unless`).
  'j+e+unless': (a) => recallGate(a.mentions as never, a.text) && !RULE_EXPLAINS.test(normalize(a.text).norm),
  'j+e+neg1+unless': (a, n) =>
    recallGate(a.mentions as never, a.text) &&
    !RULE_EXPLAINS.test(normalize(a.text).norm) &&
    !anchorsCovered(a.text, n.w, 1),
  'j+e+neg3+unless': (a, n) =>
    recallGate(a.mentions as never, a.text) &&
    !RULE_EXPLAINS.test(normalize(a.text).norm) &&
    !anchorsCovered(a.text, n.w, 3),
  // (+strip: the net must also reach the threshold on the message without what a negation cue denies.)
  'j+e+strip': (a) => recallGate(a.mentions as never, a.text),
  'j+e+unless+strip': (a) =>
    recallGate(a.mentions as never, a.text) && !RULE_EXPLAINS.test(normalize(a.text).norm),
  'j+e+neg3+unless+strip': (a, n) =>
    recallGate(a.mentions as never, a.text) &&
    !RULE_EXPLAINS.test(normalize(a.text).norm) &&
    !anchorsCovered(a.text, n.w, 3),
  // (round 5: …and a body part, bodily function or symptom word in the message, BODY_OR_SYMPTOM above.)
  'j+e+neg3+unless+body+strip': (a, n) =>
    recallGate(a.mentions as never, a.text) &&
    BODY_OR_SYMPTOM.test(normalize(a.text).norm) &&
    !RULE_EXPLAINS.test(normalize(a.text).norm) &&
    !anchorsCovered(a.text, n.w, 3),
  'j+e+neg3+unless+len+strip': (a, n) =>
    recallGate(a.mentions as never, a.text) &&
    normalize(a.text).norm.replace(/\s+/g, '').length >= 12 &&
    !RULE_EXPLAINS.test(normalize(a.text).norm) &&
    !anchorsCovered(a.text, n.w, 3),
  'j+e+neg1+unless+strip': (a, n) =>
    recallGate(a.mentions as never, a.text) &&
    !RULE_EXPLAINS.test(normalize(a.text).norm) &&
    !anchorsCovered(a.text, n.w, 1),
};

interface Scored {
  item: CorpusItem;
  p: number;
  /** The net's score on the message without what a negation cue denies (recall-net-gate.ts withoutNegated). */
  pS: number;
  engine: boolean;
  gateNow: Record<string, boolean>;
  old?: { engine: boolean; gate: Record<string, boolean> };
}

const args = process.argv.slice(2);
const oldDir = args.includes('--old') ? args[args.indexOf('--old') + 1] : undefined;
const opt: TrainOptions = { ...DEFAULT_TRAIN };
for (const k of ['epochs', 'l2', 'posWeight', 'minCount'] as const)
  if (args.includes(`--${k}`)) opt[k] = Number(args[args.indexOf(`--${k}`) + 1]);

/** The engine's own call, without the recall net's raise (which has no emergency mention and no crisis branch). */
const engineAlone = (c: EmergencyCall) =>
  c.emergencies.length > 0 ||
  (c.crisis.length > 0 && (c.redFlags.length > 0 || (c.crisisSigns?.length ?? 0) > 0));

const gateAll = (a: LooseAnalysis, net: NetWeights) =>
  Object.fromEntries(Object.entries(GATES).map(([k, g]) => [k, g(a, net)]));

const parts = readTuningParts();
const results: { file: string; rows: Scored[] }[] = [];
for (const left of parts.filter((p) => p.file.startsWith('tuning-independent'))) {
  const net = train(
    parts.filter((p) => p !== left).flatMap((p) => p.items),
    opt,
  );
  let old:
    | { analyze: (t: string) => LooseAnalysis; emergencyCall: (a: never) => { emergency: boolean } }
    | undefined;
  if (oldDir) old = await import(`${oldDir}/${MEASURED_BY[left.file]}/packages/clinical-language/analyze.ts`);
  const rows = left.items.map((item): Scored => {
    const a = analyze(item.text);
    const oa = old?.analyze(item.text);
    return {
      item,
      p: score(net, item.text),
      pS: score(net, withoutNegated(normalize(item.text).norm)),
      engine: engineAlone(emergencyCall(a)),
      gateNow: gateAll(a, net),
      ...(old && oa
        ? { old: { engine: old.emergencyCall(oa as never).emergency, gate: gateAll(oa, net) } }
        : {}),
    };
  });
  results.push({ file: left.file, rows });
}

const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '—').padStart(5);
function stats(rows: Scored[], which: 'now' | 'old', gate: string, t: number) {
  let pos = 0,
    neg = 0,
    eng = 0,
    comb = 0,
    engFe = 0,
    combFe = 0;
  for (const r of rows) {
    const e = which === 'now' ? r.engine : (r.old?.engine ?? false);
    const g = which === 'now' ? r.gateNow[gate] : r.old?.gate[gate];
    const c = e || (g === true && r.p >= t && (!gate.endsWith('+strip') || r.pS >= t));
    if (r.item.emergency) {
      pos++;
      if (e) eng++;
      if (c) comb++;
    } else {
      neg++;
      if (e) engFe++;
      if (c) combFe++;
    }
  }
  return { pos, neg, eng, comb, engFe, combFe };
}

// Grid: mean over left-out parts of sensitivity and false emergencies, engine alone vs combined.
console.log(`options ${JSON.stringify(opt)}`);
console.log(
  'gate               thr | now: sens eng→comb  FE eng→comb | fresh (old engine): sens eng→comb  FE eng→comb',
);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const gateList = args.includes('--gates')
  ? (args[args.indexOf('--gates') + 1] as string).split(',')
  : Object.keys(GATES);
for (const gate of gateList)
  for (const t of [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.92]) {
    const now = results.map((r) => stats(r.rows, 'now', gate, t));
    const od = oldDir ? results.map((r) => stats(r.rows, 'old', gate, t)) : [];
    const f = (xs: ReturnType<typeof stats>[], k: 'eng' | 'comb', d: 'pos' | 'neg') =>
      mean(xs.map((x) => (d === 'pos' ? x[k] / x.pos : (k === 'eng' ? x.engFe : x.combFe) / x.neg))) * 100;
    const line = (xs: ReturnType<typeof stats>[]) =>
      xs.length
        ? `${f(xs, 'eng', 'pos').toFixed(1)}→${f(xs, 'comb', 'pos').toFixed(1)}  ${f(xs, 'eng', 'neg').toFixed(1)}→${f(xs, 'comb', 'neg').toFixed(1)}`
        : '';
    console.log(`${gate.padEnd(18)} ${t.toFixed(2)} | ${line(now).padEnd(28)} | ${line(od)}`);
  }

const showGate = args.includes('--gate') ? (args[args.indexOf('--gate') + 1] as string) : 'no-cover';
const showT = args.includes('--thr') ? Number(args[args.indexOf('--thr') + 1]) : 0.8;
console.log(`\nper part, gate ${showGate}, threshold ${showT}:`);
console.log(
  'part                       | now sens eng/comb      FE eng/comb   | old sens eng/comb      FE eng/comb',
);
for (const r of results) {
  const n = stats(r.rows, 'now', showGate, showT);
  const o = oldDir ? stats(r.rows, 'old', showGate, showT) : undefined;
  const fmt = (s: typeof n) =>
    `${pct(s.eng, s.pos)} /${pct(s.comb, s.pos)} (${s.pos})  ${pct(s.engFe, s.neg)} /${pct(s.combFe, s.neg)} (${s.neg})`;
  console.log(`${r.file.padEnd(26)} | ${fmt(n)} | ${o ? fmt(o) : ''}`);
}
if (args.includes('--list'))
  for (const r of results)
    for (const x of r.rows)
      if (x.old && !x.old.engine && x.item.emergency === true)
        console.log(
          `${x.p >= showT && x.old.gate[showGate] ? 'CAUGHT' : 'missed'} ${x.p.toFixed(2)} ${r.file}:${x.item.line}`,
        );
