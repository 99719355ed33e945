import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpusFile, CORPUS_DIR, markedPath } from './build-corpus.ts';
import type { CorpusFile } from './corpus-types.ts';
import { CORPUS_PARTS } from './parts.ts';
import { ratio, scoreCorpus } from './score.ts';

// An optional part still being written (a new held-out part) is stepped over until its files exist.
const present = CORPUS_PARTS.filter(
  (p) => !p.optional || (existsSync(markedPath(p.part)) && existsSync(join(CORPUS_DIR, `${p.part}.json`))),
);
const absentOptional = CORPUS_PARTS.filter((p) => !present.includes(p));
const load = (part: string) =>
  JSON.parse(readFileSync(join(CORPUS_DIR, `${part}.json`), 'utf8')) as CorpusFile;
const identifiers = (files: CorpusFile[]) =>
  files.reduce((n, f) => n + f.notes.reduce((m, note) => m + note.spans.length, 0), 0);

describe('de-identification corpus', () => {
  it.each(present.map((p) => p.part))(
    '%s.json is generated from its .marked.txt (run build-corpus.ts after editing)',
    (part) => {
      const built = buildCorpusFile(readFileSync(markedPath(part), 'utf8'), part);
      expect(load(part)).toEqual(built);
    },
  );

  it('every span is exact and the corpus is large enough (issue 18: ≥ 60 notes, zh ≥ 40, en ≥ 20, ≥ 500 identifiers)', () => {
    const notes = present.flatMap((p) => load(p.part).notes);
    for (const note of notes)
      for (const span of note.spans) expect(note.text.slice(span.start, span.end), note.id).toBe(span.text);
    expect(notes.length).toBeGreaterThanOrEqual(60);
    expect(notes.filter((n) => n.lang === 'zh').length).toBeGreaterThanOrEqual(40);
    expect(notes.filter((n) => n.lang === 'en').length).toBeGreaterThanOrEqual(20);
    expect(notes.reduce((n, note) => n + note.spans.length, 0)).toBeGreaterThanOrEqual(500);
    expect(new Set(notes.map((n) => n.id)).size).toBe(notes.length);
    for (const p of present.filter((x) => x.role === 'heldout'))
      expect(load(p.part).header.join(' '), p.part).toMatch(/never used for tuning/i);
    for (const p of present.filter((x) => x.role === 'tuning'))
      expect(load(p.part).header[0], p.part).toMatch(/^TUNING PART/);
  });

  // Held-out parts hold at least a quarter of the identifiers (eighth session: held-out + held-out-7 + held-out-8, 1,876 of 5,545).
  // Skipped only while an optional held-out part (being written independently) is absent: a rotation may leave
  // the share below a quarter until it is added.
  it.skipIf(absentOptional.length > 0)('held-out parts hold at least a quarter of the identifiers', () => {
    const heldOut = identifiers(present.filter((p) => p.role === 'heldout').map((p) => load(p.part)));
    const all = identifiers(present.map((p) => load(p.part)));
    expect(heldOut / all).toBeGreaterThanOrEqual(0.25);
  });

  // The goals are measured by `npm run bench -- deid`; these floors catch regressions.
  it.each(
    present.filter((p) => p.role === 'tuning' && p.regression).map((p) => [p.part, p.allowedMisses ?? 0]),
  )(
    'no identifier of tuning part %s is missed (beyond %i left on purpose) and precision stays ≥ 95 %%',
    (part, allowed) => {
      const s = scoreCorpus(load(part));
      if (allowed === 0) expect(s.misses).toEqual([]);
      else expect(s.misses.length).toBeLessThanOrEqual(allowed);
      expect(ratio(s.precision)).toBeGreaterThanOrEqual(0.95);
    },
  );

  it('the detector keeps its recall and precision on the first held-out part', () => {
    const heldOut = scoreCorpus(load('held-out'));
    expect(ratio(heldOut.recall)).toBeGreaterThanOrEqual(0.95);
    expect(ratio(heldOut.precision)).toBeGreaterThanOrEqual(0.9);
  });
});
