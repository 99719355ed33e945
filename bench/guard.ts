/**
 * Grounding-guard benchmark: precision and recall on the planted-error set (packages/guard/fixtures/planted.ts)
 * at answer level (an answer is flagged when any claim is contradicted) and at claim level (the planted kind
 * is contradicted), plus p95 latency per answer (target ≤ 20 ms).
 *   node bin/run-ts.mjs bench/guard.ts [iterations]
 */
import { performance } from 'node:perf_hooks';
import { checkAnswer } from '@qihuang/guard';
import { PASSAGES, PLANTED } from '../packages/guard/fixtures/planted.ts';

const iterations = Number(process.argv[2] ?? 200);
let tp = 0;
let fp = 0;
let fn = 0;
let tn = 0;
let kindHits = 0;
let kindTotal = 0;
const misses: string[] = [];
for (const c of PLANTED) {
  const r = await checkAnswer({
    answer: c.answer,
    passages: PASSAGES,
    patient: c.patient,
    guideline: c.guideline,
  });
  const contradicted = r.claims.filter((x) => x.verdict === 'contradicted');
  const flagged = contradicted.length > 0;
  const planted = c.errors.length > 0;
  if (planted && flagged) tp++;
  else if (!planted && flagged) {
    fp++;
    misses.push(`false alarm: ${c.name}`);
  } else if (planted && !flagged) {
    fn++;
    misses.push(`missed: ${c.name}`);
  } else tn++;
  for (const k of c.errors) {
    kindTotal++;
    if (contradicted.some((x) => x.kind === k)) kindHits++;
  }
}
const precision = tp / Math.max(1, tp + fp);
const recall = tp / Math.max(1, tp + fn);
console.log(
  `guard: ${PLANTED.length} answers (${tp + fn} with a planted error, ${tn + fp} correct): precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%, planted kind found ${kindHits}/${kindTotal}, correct answers passed ${tn}/${tn + fp}`,
);
for (const m of misses) console.log(`  ${m}`);

// Latency: every answer, many times (the drug name index is built on first use — warm up first).
for (const c of PLANTED) await checkAnswer({ answer: c.answer, passages: PASSAGES, patient: c.patient });
const long = PLANTED.map((c) => c.answer).join('\n');
const times: number[] = [];
const longTimes: number[] = [];
for (let i = 0; i < iterations; i++) {
  for (const c of PLANTED) {
    const t0 = performance.now();
    await checkAnswer({ answer: c.answer, passages: PASSAGES, patient: c.patient, guideline: c.guideline });
    times.push(performance.now() - t0);
  }
  const t0 = performance.now();
  await checkAnswer({ answer: long, passages: PASSAGES });
  longTimes.push(performance.now() - t0);
}
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] as number;
const p95 = pct(times, 95);
console.log(
  `guard latency: per answer p50 ${pct(times, 50).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms; whole set as one ${long.length}-character answer p50 ${pct(longTimes, 50).toFixed(2)} ms, p95 ${pct(longTimes, 95).toFixed(2)} ms (target ≤ 20 ms) ${p95 <= 20 && pct(longTimes, 95) <= 20 ? 'OK' : 'SLOW'}`,
);
