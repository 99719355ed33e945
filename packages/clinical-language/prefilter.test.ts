import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPOSE_RULES } from './compose.ts';
import { normalize } from './normalize.ts';
import { Filtered, filtered, requiredLiterals, TextIndex } from './prefilter.ts';
import { PSEUDO, TERMINATORS, TRIGGERS } from './rules.ts';

const sorted = (c: string[][]) => c.map((x) => [...x].sort());

describe('requiredLiterals (issue 16, speed only)', () => {
  it('takes literal runs, alternatives and their products', () => {
    expect(sorted(requiredLiterals('(?:胸|心口)(?:痛|疼)'))).toEqual([['心口疼', '心口痛', '胸疼', '胸痛']]);
    expect(requiredLiterals('右手[^,]{0,6}?没劲')).toEqual([['右手'], ['没劲']]);
    expect(requiredLiterals('\\bchest\\s+pain\\b')).toEqual([['chest'], ['pain']]);
  });

  it('keeps the words of a positive lookaround, none of a negative one or an optional part', () => {
    expect(sorted(requiredLiterals('(?<=(?:昨天|前天)[^。]{0,9})好了'))).toEqual([
      ['好了'],
      ['前天', '昨天'],
    ]);
    expect(requiredLiterals('(?<!不)头疼(?!药)')).toEqual([['头疼']]);
    expect(requiredLiterals('(?:非常)?疼')).toEqual([['疼']]);
  });

  it('drops a string that contains another one of its clause', () => {
    expect(requiredLiterals('胸(?:的)?')).toEqual([['胸']]);
  });

  it('knows nothing of classes too large, optional alternatives and case-insensitive expressions', () => {
    expect(requiredLiterals('[^,]+')).toEqual([]);
    expect(requiredLiterals('(?:a|b?)c?')).toEqual([]);
    expect(requiredLiterals('chest', 'i')).toEqual([]);
    expect(requiredLiterals('(')).toEqual([]);
  });
});

describe('TextIndex', () => {
  it('finds exactly the strings of the text', () => {
    const idx = new TextIndex('胸口疼 chest pain');
    for (const s of ['胸', '胸口', '疼 c', 'pain', 'chest pain']) expect(idx.has(s)).toBe(true);
    for (const s of ['心', '口胸', 'pains', 'chest  pain', 'x']) expect(idx.has(s)).toBe(false);
  });

  it('works out the literals on first use, from the source as written, and keeps them (nothing parsed at load)', () => {
    const f = filtered('(?<=突然)(?:左|右)手没劲/x', 'g');
    expect(Object.values(f).filter((v) => Array.isArray(v))).toEqual([]);
    const need = f.need;
    expect(need).toEqual(requiredLiterals('(?<=突然)(?:左|右)手没劲/x', 'g'));
    expect(f.need).toBe(need);
    const g = new Filtered(/胸(?:口|部)疼/g);
    expect(g.need).toEqual(requiredLiterals('胸(?:口|部)疼'));
    expect(new TextIndex('胸部疼').test(new Filtered(/胸(?:口|部)疼/))).toBe(true);
  });

  it('skips an expression only when it cannot match', () => {
    const f = filtered('(?<=突然)(?:左|右)手没劲', 'g');
    expect([...new TextIndex('右手没劲').matchAll(f)]).toEqual([]);
    expect([...new TextIndex('突然右手没劲').matchAll(f)].map((m) => m[0])).toEqual(['右手没劲']);
    expect(new TextIndex('头晕').test(filtered('胸'))).toBe(false);
  });

  // Soundness on real data: wherever a rule's expression matches a corpus message, its literals are all there.
  it('never filters out an expression that matches (rules, compositions × every corpus message)', () => {
    const dir = join(import.meta.dirname, 'corpus');
    const texts = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\r?\n/))
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => normalize(l.split('|').slice(2).join('|')).norm);
    const sources = [...TRIGGERS, ...PSEUDO, ...TERMINATORS, ...COMPOSE_RULES].map((r) =>
      r.re.replace(/^\^/, ''),
    );
    let checked = 0;
    for (const src of sources) {
      const f = filtered(src);
      for (const t of texts)
        if (f.re.test(t)) {
          checked++;
          expect(new TextIndex(t).may(f.need), `${src} on ${t}`).toBe(true);
        }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
