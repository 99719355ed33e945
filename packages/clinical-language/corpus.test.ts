import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { heldoutParts, tuningParts, type CorpusPart } from './corpus/parts.ts';
import { evaluate, parseCorpus } from './eval.ts';

// The labelled corpus (written for this package): sizes and format; the tuning part is a regression guard.
// Figures for both parts come from `npm run bench -- clinical-language` (an eval, not a timed test).
const dir = join(import.meta.dirname, 'corpus');
const read = (p: CorpusPart) =>
  p.optional && !existsSync(join(dir, p.file)) ? [] : parseCorpus(readFileSync(join(dir, p.file), 'utf8'));
// The parts, their roles and history: corpus/parts.ts. Held-out parts were written independently (or, for parts
// 1 and 2, after the first round) and are never opened to tune.
const held = heldoutParts().flatMap(read);
const tuningAll = tuningParts().flatMap(read);
// The first five tuning parts are own messages: a regression guard at the targets.
const tuningOwn = tuningParts()
  .filter((p) => /^tuning(-[2-5])?\.txt$/.test(p.file))
  .flatMap(read);

describe('labelled corpus', () => {
  const all = [...tuningAll, ...held];

  it('has ≥400 messages (zh ≥250, en ≥100, some mixed), no duplicates', () => {
    expect(all.length).toBeGreaterThanOrEqual(400);
    expect(all.filter((i) => i.lang === 'zh').length).toBeGreaterThanOrEqual(250);
    expect(all.filter((i) => i.lang === 'en').length).toBeGreaterThanOrEqual(100);
    expect(all.filter((i) => i.lang === 'mixed').length).toBeGreaterThan(5);
    expect(new Set(all.map((i) => i.text)).size).toBe(all.length);
  });

  // The quarter held out: corpus/parts.ts says which parts. Skipped only mid-rotation, while a new independent
  // held-out part (optional in parts.ts: held-out 20 and 21 after parts 15 and 16 moved to tuning) is still being
  // written; once every part is present the quarter is checked again.
  const pending = heldoutParts().filter((p) => p.optional && !existsSync(join(dir, p.file)));
  it.skipIf(pending.length > 0)('a quarter held out', () => {
    expect(held.length / all.length).toBeGreaterThanOrEqual(0.25);
  });

  it('tuning part: no missed emergency, false emergencies ≤5 %, modifier F1 ≥0.95', () => {
    const r = evaluate(tuningOwn);
    expect(r.errors.filter((e) => e.what === 'missed emergency')).toEqual([]);
    expect(r.falseEmergencyRate).toBeLessThanOrEqual(0.05);
    expect(r.modifier.micro.f1).toBeGreaterThanOrEqual(0.95);
  });

  // Every tuning part, once studied: a tuning round must not lose an emergency another round had caught.
  it.each(tuningParts().filter((p) => p.regression !== false))('$file: no missed emergency', (part) => {
    const missed = evaluate(read(part)).errors.filter((e) => e.what === 'missed emergency');
    expect(missed.map((e) => `line ${e.line}: ${e.text}`)).toEqual([]);
  });
});
