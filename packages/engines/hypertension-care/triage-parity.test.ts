/**
 * The product decides as the benchmark measures: triage's emergency level on a message alone equals the
 * clinical-language package's `emergencyCall`, which `bench/clinical-language.ts` scores. Before 2026-12-07 triage
 * read red flags itself and skipped the package's raise-only recall model, so "My chest feels like a stone is pressing
 * on it and I'm in a cold sweat" was an emergency for `text analyze` and "none" for `care triage` and the consultation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, emergencyCall } from '@qihuang/clinical-language';
import { parseCorpus, tuningParts } from '@qihuang/clinical-language/corpus';
import { describe, expect, it } from 'vitest';
import { triage } from './triage.ts';

const NOW = '2026-12-07T10:00:00Z';
const level = (text: string) => triage({ text, now: NOW, guideline: 'china-2018', readings: [] }).level;
const corpusDir = join(import.meta.dirname, '../../clinical-language/corpus');

describe('triage and the package emergency call agree', () => {
  it('an emergency only the recall model recognises is an emergency in triage, named in words', () => {
    const text = "My chest feels like a stone is pressing on it and I'm in a cold sweat";
    expect(emergencyCall(analyze(text)).emergency).toBe(true);
    const r = triage({ text, now: NOW, guideline: 'china-2018', readings: [] });
    expect(r.level).toBe('emergency');
    expect(r.stop).toBe(true);
    expect(r.display.en).toBe('Emergency: the symptoms described may be an emergency');
    expect(r.display.zh).toBe('紧急：所描述的症状可能是急症');
    expect(r.rule).toMatch(/recall model \(raise-only/);
  });

  it('a message with nothing urgent stays none (the raise is the recall model, not every symptom)', () => {
    expect(level('今天有点累，晚上睡不好，想问问降压药能不能晚上吃')).toBe('none');
    expect(level('Mild headache since yesterday after a long day at work, otherwise fine')).not.toBe(
      'emergency',
    );
  });

  it('on every tuning message, triage says emergency exactly when emergencyCall does', () => {
    const disagree: string[] = [];
    let n = 0;
    for (const part of tuningParts()) {
      for (const item of parseCorpus(readFileSync(join(corpusDir, part.file), 'utf8'))) {
        n++;
        const call = emergencyCall(analyze(item.text)).emergency;
        if (call !== (level(item.text) === 'emergency')) disagree.push(`${part.file}:${item.line}`);
      }
    }
    expect(n).toBeGreaterThan(3000);
    expect(disagree).toEqual([]);
  }, 120_000);
});
