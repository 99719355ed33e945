/**
 * `npm run bench -- clinical-language`: the clinical-language package on its own labelled corpus (tuning and
 * held-out parts reported separately): emergency sensitivity (target ≥98 %), false-emergency rate (≤5 %),
 * modifier F1 (≥0.95), and analysis time p95 per 200-character message (≤1 ms). `--errors` lists the tuning
 * part's misses (never the held-out parts').
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { analyze } from '@qihuang/clinical-language';
import { evaluate, parseCorpus, type EvalReport } from '../packages/clinical-language/eval.ts';

const dir = join(import.meta.dirname, '../packages/clinical-language/corpus');
const showErrors = process.argv.includes('--errors');
// `--tuning-only`: the tuning parts alone (while tuning, so that no held-out figure is seen before the end).
const tuningOnly = process.argv.includes('--tuning-only');
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function report(name: string, r: EvalReport, isTuning: boolean): boolean {
  const m = r.modifier;
  console.log(
    `${name}: ${r.messages} messages (zh ${r.byLang.zh}, en ${r.byLang.en}, mixed ${r.byLang.mixed}); ` +
      `emergency sensitivity ${r.caught}/${r.emergencies} = ${pct(r.sensitivity)}; ` +
      `false emergencies ${r.falseEmergencies}/${r.nonEmergencies} = ${pct(r.falseEmergencyRate)}; ` +
      `modifier F1 ${m.micro.f1.toFixed(3)} (neg ${m.neg.f1.toFixed(3)}, hist ${m.hist.f1.toFixed(3)}, hyp ${m.hyp.f1.toFixed(3)}, ` +
      `experiencer ${m.fam.f1.toFixed(3)}, unc ${m.unc.f1.toFixed(3)}); labelled concepts found ${r.conceptsFound}/${r.labelledConcepts}`,
  );
  // Errors are listed for the tuning part only: the held-out parts are never used to tune.
  if (showErrors && isTuning)
    for (const e of r.errors) console.log(`  line ${e.line}: ${e.what} — ${e.text}`);
  return r.sensitivity >= 0.98 && r.falseEmergencyRate <= 0.05 && m.micro.f1 >= 0.95;
}

const read = (file: string) => parseCorpus(readFileSync(join(dir, file), 'utf8'));
const tuningParts: { name: string; file: string }[] = [
  { name: 'tuning', file: 'tuning.txt' },
  // Tuning part 2 (issue 16): effect-style messages written for the compositional rules (compose.ts).
  { name: 'tuning 2 (effect style)', file: 'tuning-2.txt' },
  // Tuning part 3: a second effect-style batch, written after tuning-2 had been used.
  { name: 'tuning 3 (effect style, second batch)', file: 'tuning-3.txt' },
  // Tuning part 4: a third effect-style batch (regional, mixed, abbreviations), written after parts 2 and 3.
  { name: 'tuning 4 (effect style, third batch)', file: 'tuning-4.txt' },
  // Tuning part 5: a fourth effect-style batch (long messages, elderly wording, clinician shorthand).
  { name: 'tuning 5 (effect style, fourth batch)', file: 'tuning-5.txt' },
  // Written independently as held-out part 3, evaluated twice as held out (83.2 % then 84.8 % sensitivity,
  // 2026-12-06), then moved to tuning so that its misses can be studied.
  { name: 'tuning independent (formerly held-out 3)', file: 'tuning-independent.txt' },
  // Written independently as held-out part 4, measured once (76.8 % sensitivity, 5.1 % false emergencies,
  // modifier F1 0.700, 2026-12-06), then moved to tuning.
  { name: 'tuning independent 2 (formerly held-out 4)', file: 'tuning-independent-2.txt' },
  // Written independently as held-out part 5, measured once (91.2 % sensitivity, 5.7 % false emergencies,
  // modifier F1 0.864, 2026-12-06), then moved to tuning.
  { name: 'tuning independent 3 (formerly held-out 5)', file: 'tuning-independent-3.txt' },
  // Written independently as held-out part 6, measured once (94.9 % sensitivity, 2.9 % false emergencies,
  // modifier F1 0.856), then moved to tuning (2026-12-07).
  { name: 'tuning independent 4 (formerly held-out 6)', file: 'tuning-independent-4.txt' },
  // Written independently as held-out part 7, measured once (86.0 % sensitivity, 5.7 % false emergencies,
  // modifier F1 0.779), then moved to tuning (2026-12-07).
  { name: 'tuning independent 5 (formerly held-out 7)', file: 'tuning-independent-5.txt' },
  // Written independently as held-out part 8, measured once (89.7 % sensitivity, 3.2 % false emergencies,
  // modifier F1 0.826), then moved to tuning (2026-12-07).
  { name: 'tuning independent 6 (formerly held-out 8)', file: 'tuning-independent-6.txt' },
  // Written independently as held-out parts 9, 10 and 11, measured as held out (9: twice, 83.1 % sensitivity,
  // 5.5 % false emergencies, modifier F1 0.680; 10: 84.6 % / 8.5 % / 0.832; 11: 87.0 % / 4.5 % / 0.715), then
  // moved to tuning (2026-12-07, second session) so that their misses can be studied.
  { name: 'tuning independent 7 (formerly held-out 9)', file: 'tuning-independent-7.txt' },
  { name: 'tuning independent 8 (formerly held-out 10)', file: 'tuning-independent-8.txt' },
  { name: 'tuning independent 9 (formerly held-out 11)', file: 'tuning-independent-9.txt' },
];
let okT = true;
const tuningItems = tuningParts.map((p) => {
  const items = read(p.file);
  okT = report(p.name, evaluate(items), true) && okT;
  return items;
});
const parts: { name: string; file: string }[] = [
  { name: 'held-out', file: 'heldout.txt' },
  // Written after the first evaluation round; never used to tune.
  { name: 'held-out 2', file: 'heldout-2.txt' },
  // Written independently by other engineers after held-out 9, 10 and 11 had been moved to tuning (2026-12-07);
  // never opened to tune; aggregate figures only; skipped while absent.
  { name: 'held-out 12', file: 'heldout-12.txt' },
  { name: 'held-out 13', file: 'heldout-13.txt' },
  { name: 'held-out 14', file: 'heldout-14.txt' },
  { name: 'held-out 15', file: 'heldout-15.txt' },
];
const held = tuningOnly ? [] : parts.filter((p) => existsSync(join(dir, p.file)));
let okH = true;
const heldItems = held.map((p) => {
  const items = read(p.file);
  okH = report(p.name, evaluate(items), false) && okH;
  return items;
});

// Timing: messages of 200 characters built from the corpus texts, each analysed many times.
const texts = [...tuningItems.flat(), ...heldItems.flat()].map((i) => i.text);
const messages: string[] = [];
for (let i = 0; i < 200; i++) {
  let s = '';
  for (let k = i; s.length < 200; k++) s += `${texts[k % texts.length]}。`;
  messages.push(s.slice(0, 200));
}
for (let r = 0; r < 3; r++) for (const m of messages) analyze(m); // warm-up (JIT)
// Per message: the median of 9 runs, so that a preemption of this process on a shared machine does not count
// as analysis time; then p50/p95 across the 200 messages. The raw per-run p95 is printed as well.
const perMessage: number[] = [];
const raw: number[] = [];
for (const m of messages) {
  const runs: number[] = [];
  for (let r = 0; r < 9; r++) {
    const t0 = performance.now();
    analyze(m);
    runs.push(performance.now() - t0);
  }
  raw.push(...runs);
  runs.sort((a, b) => a - b);
  perMessage.push(runs[4] as number);
}
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * p)] ?? 0;
const p95 = q(perMessage, 0.95);
console.log(
  `analysis time per 200-character message: p50 ${q(perMessage, 0.5).toFixed(3)} ms, p95 ${p95.toFixed(3)} ms ` +
    `(median of 9 runs per message, 200 messages; raw per-run p95 ${q(raw, 0.95).toFixed(3)} ms; ` +
    `load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores; target p95 ≤ 1 ms)`,
);
console.log(okT && okH && !tuningOnly && p95 <= 1 ? 'targets met' : 'targets NOT met');
