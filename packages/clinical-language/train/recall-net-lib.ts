/* eslint-disable no-restricted-imports -- a training script, not engine code: it reads the tuning corpus (and its arguments) and writes the weights; the engine module recall-net.ts stays pure. */
/**
 * Training of the recall net (issue 16): L2-regularised logistic regression over `recallFeatures`, full-batch
 * gradient descent with Adam, deterministic (no random draws: fixed order, zero start). Reads nothing itself: the
 * callers (`recall-net-cv.ts`, `recall-net-train.ts`) read the TUNING parts only (corpus/parts.ts role 'tuning').
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tuningParts } from '../corpus/parts.ts';
import { parseCorpus, type CorpusItem } from '../eval.ts';
import { recallFeatures } from '../recall-features.ts';

export interface NetWeights {
  bias: number;
  w: Map<string, number>;
}

export interface TrainOptions {
  epochs: number;
  l2: number;
  /** Weight of an emergency example relative to a non-emergency one. */
  posWeight: number;
  /** A feature must occur in at least this many training messages. */
  minCount: number;
}

export const DEFAULT_TRAIN: TrainOptions = { epochs: 200, l2: 3e-4, posWeight: 1, minCount: 2 };

export interface Part {
  file: string;
  items: CorpusItem[];
}

/** The tuning parts only — never a held-out part. */
export function readTuningParts(): Part[] {
  const dir = join(import.meta.dirname, '../corpus');
  return tuningParts().map((p) => ({
    file: p.file,
    items: parseCorpus(readFileSync(join(dir, p.file), 'utf8')),
  }));
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function train(items: readonly CorpusItem[], o: TrainOptions = DEFAULT_TRAIN): NetWeights {
  const feats = items.map((i) => recallFeatures(i.text));
  const count = new Map<string, number>();
  for (const f of feats) for (const g of f) count.set(g, (count.get(g) ?? 0) + 1);
  const vocab = [...count.keys()].filter((g) => (count.get(g) ?? 0) >= o.minCount).sort();
  const index = new Map(vocab.map((g, i) => [g, i]));
  const rows = feats.map((f) => f.map((g) => index.get(g)).filter((i): i is number => i !== undefined));
  // Each message's features are scaled by 1/sqrt(count) so that long messages do not dominate.
  const scale = rows.map((r) => 1 / Math.sqrt(Math.max(1, r.length)));
  const y = items.map((i) => (i.emergency ? 1 : 0));
  const cw = items.map((i) => (i.emergency ? o.posWeight : 1));
  const totalW = cw.reduce((a, b) => a + b, 0);
  const n = vocab.length;
  const w = new Float64Array(n);
  let b = 0;
  const m = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const lr = 0.05;
  const [b1, b2, eps] = [0.9, 0.999, 1e-8];
  const grad = new Float64Array(n + 1);
  for (let t = 1; t <= o.epochs; t++) {
    grad.fill(0);
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k] as number[];
      const s = scale[k] as number;
      let z = b;
      for (const i of r) z += (w[i] as number) * s;
      const e = ((sigmoid(z) - (y[k] as number)) * (cw[k] as number)) / totalW;
      for (const i of r) grad[i] = (grad[i] as number) + e * s;
      grad[n] = (grad[n] as number) + e;
    }
    for (let i = 0; i < n; i++) grad[i] = (grad[i] as number) + o.l2 * (w[i] as number);
    for (let i = 0; i <= n; i++) {
      const g = grad[i] as number;
      m[i] = b1 * (m[i] as number) + (1 - b1) * g;
      v[i] = b2 * (v[i] as number) + (1 - b2) * g * g;
      const step =
        (lr * ((m[i] as number) / (1 - b1 ** t))) / (Math.sqrt((v[i] as number) / (1 - b2 ** t)) + eps);
      if (i < n) w[i] = (w[i] as number) - step;
      else b -= step;
    }
  }
  const out = new Map<string, number>();
  vocab.forEach((g, i) => out.set(g, w[i] as number));
  return { bias: b, w: out };
}

export function score(net: NetWeights, text: string): number {
  const f = recallFeatures(text);
  let z = 0;
  let k = 0;
  for (const g of f) {
    const x = net.w.get(g);
    if (x !== undefined) {
      z += x;
      k++;
    }
  }
  return sigmoid(net.bias + z / Math.sqrt(Math.max(1, k)));
}
