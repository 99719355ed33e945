/**
 * Benchmark: full assessment (HBPM protocol mean, classification, target check, variability, alerts) of one
 * patient with a year of synthetic home readings, 4 a day. Target ≤ 5 ms per assessment.
 * Run: node bin/run-ts.mjs bench/bp-assessment.ts [iterations]
 */
import { performance } from 'node:perf_hooks';
import { assessHomeSeries } from '@qihuang/engines/blood-pressure';
import { generateHomeBpSeries } from '@qihuang/demo';

const iterations = Number(process.argv[2] ?? 2000);
const series = generateHomeBpSeries({
  patientId: 'bench-1',
  seed: 42,
  profile: 'uncontrolled',
  endDate: '2026-11-25',
  days: 365,
});
const input = {
  readings: series.readings,
  guideline: 'china-2018' as const,
  now: '2026-11-25T23:00:00+08:00',
  utcOffsetMinutes: 480,
  population: { age: 62, diabetes: false },
  office: series.office,
  treated: true,
};

for (let i = 0; i < 200; i++) assessHomeSeries(input); // warm-up
const times: number[] = [];
for (let i = 0; i < iterations; i++) {
  const t0 = performance.now();
  assessHomeSeries(input);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] as number;
const p95 = pct(95);
console.log(
  `bp-assessment: ${series.readings.length} readings, ${iterations} iterations — p50 ${pct(50).toFixed(3)} ms, p95 ${p95.toFixed(3)} ms, max ${(times[times.length - 1] as number).toFixed(3)} ms (target ≤ 5 ms) ${p95 <= 5 ? 'OK' : 'SLOW'}`,
);
