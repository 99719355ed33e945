import { describe, expect, it } from 'vitest';
import {
  bootstrapMeanCi,
  mcnemarExact,
  mulberry32,
  nearestRank,
  pairedBootstrap,
  proportionIncreaseTest,
} from './stats.ts';
import { labelF1, lcsLength, parseMieLabels, rougeL, tokenF1 } from './text-metrics.ts';

describe('statistics', () => {
  it('mulberry32 is deterministic per seed and uniform-ish', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / 1000 - 0.5)).toBeLessThan(0.05);
  });

  it('nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 1000 }, (_, i) => i);
    expect(nearestRank(sorted, 0.025)).toBe(24); // 25th smallest
    expect(nearestRank(sorted, 0.975)).toBe(974); // 975th smallest
  });

  it('bootstrap CI: degenerate samples and a hand-replicated resampling', () => {
    expect(bootstrapMeanCi([1, 1, 1])).toEqual({ lower: 1, upper: 1 });
    const values = [1, 0, 1, 1, 0, 1, 0, 1];
    const rng = mulberry32(7);
    const means: number[] = [];
    for (let b = 0; b < 200; b++) {
      let sum = 0;
      for (let i = 0; i < values.length; i++) sum += values[Math.floor(rng() * values.length)]!;
      means.push(sum / values.length);
    }
    means.sort((x, y) => x - y);
    expect(bootstrapMeanCi(values, { seed: 7, resamples: 200 })).toEqual({
      lower: means[4],
      upper: means[194],
    });
  });

  it('McNemar exact: 0 vs 5 discordant pairs → p = 2 × (1/2)^5', () => {
    expect(mcnemarExact(0, 5)).toBeCloseTo(0.0625, 12);
    expect(mcnemarExact(3, 3)).toBe(1);
    expect(mcnemarExact(0, 0)).toBe(1);
    // n = 10, k = 1: 2 × (1 + 10) / 1024
    expect(mcnemarExact(1, 9)).toBeCloseTo(22 / 1024, 12);
  });

  it('paired bootstrap: identical runs differ by 0 with p = 1', () => {
    const r = pairedBootstrap([1, 0, 1], [1, 0, 1]);
    expect(r).toMatchObject({ difference: 0, lower: 0, upper: 0, pValue: 1 });
  });

  it('two-proportion test flags a clear increase only', () => {
    expect(proportionIncreaseTest(2, 100, 20, 100)).toBeLessThan(0.001);
    expect(proportionIncreaseTest(20, 100, 2, 100)).toBeGreaterThan(0.99);
  });
});

describe('text metrics', () => {
  it('ROUGE-L by hand', () => {
    // candidate: the cat sat on mat (5); reference: the cat is on the mat (6); LCS = the cat on mat = 4
    expect(lcsLength(['a', 'b', 'c'], ['a', 'c'])).toBe(2);
    const r = rougeL('the cat sat on mat', 'the cat is on the mat');
    expect(r.precision).toBeCloseTo(4 / 5, 12);
    expect(r.recall).toBeCloseTo(4 / 6, 12);
    expect(r.f1).toBeCloseTo((2 * (4 / 5) * (4 / 6)) / (4 / 5 + 4 / 6), 12);
    expect(rougeL('胸痛两小时', '胸痛2小时').f1).toBeCloseTo((2 * 0.8 * 0.8) / 1.6, 12);
  });

  it('token F1 and label F1 by hand', () => {
    expect(tokenF1('a b b', 'b c').f1).toBeCloseTo((2 * (1 / 3) * (1 / 2)) / (1 / 3 + 1 / 2), 12);
    const labels = parseMieLabels('症状:头晕-状态:阳性\n检查：心电图-状态：阴性\n其他');
    expect(labels).toEqual(['症状:头晕-状态:阳性', '检查:心电图-状态:阴性']);
    const f = labelF1(labels, ['症状:头晕-状态:阳性', '症状:胸闷-状态:阳性', '检查:心电图-状态:阴性']);
    expect(f).toMatchObject({ hits: 2, precision: 1 });
    expect(f.recall).toBeCloseTo(2 / 3, 12);
  });
});
