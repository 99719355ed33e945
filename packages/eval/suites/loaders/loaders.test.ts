import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_SUITES, FILE_FORMATS, loadBuiltinSuite, loadSuiteFile } from '../suite-files.ts';
import { SUITE_LOADERS } from './index.ts';
import { readCsvRecords as parseCsv } from '@qihuang/csv';
import type { DialogueRecordItem, MultipleChoiceItem } from '../suite-types.ts';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const shared = fileURLToPath(new URL('../../../../../shared/data/', import.meta.url));

describe('CSV', () => {
  it('handles quotes, escaped quotes and line breaks in fields', () => {
    expect(parseCsv('a,b\n"x, ""y""","1\n2"\n')).toEqual([{ a: 'x, "y"', b: '1\n2' }]);
  });
});

describe('the loader table', () => {
  it('gives the file formats (CLI --format, HTTP suite.format) in table order, then suite', () => {
    expect(FILE_FORMATS).toEqual(['cmexam', 'medqa', 'pubmedqa', 'jsonl', 'mie', 'aci', 'suite']);
    for (const loader of Object.values(SUITE_LOADERS)) expect(loader.description.length).toBeGreaterThan(10);
  });
  it('refuses a format that has no row', () => {
    expect(() => loadSuiteFile(join(fixtures, 'generic-sample.jsonl'), 'nope' as never)).toThrow(
      /Unknown suite format/,
    );
  });
});

describe('loaders on committed fixtures', () => {
  it('CMExam CSV: options split on literal \\n, multi-answer letters', () => {
    const suite = loadSuiteFile(join(fixtures, 'cmexam-sample.csv'), 'cmexam');
    const items = suite.items as MultipleChoiceItem[];
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({ id: 'cmexam-2', answer: ['A'], style: 'letters' });
    expect(items[0]!.options).toHaveLength(5);
    expect(items[0]!.options[2]).toEqual({ key: 'C', text: '肺栓塞' });
    expect(items[1]!.question).toContain('"肝阳上亢"');
    expect(items[2]).toMatchObject({ answer: ['A', 'C', 'E'] });
    expect(items[2]!.categories).toContain('multi-answer');
    expect(suite.version).toMatch(/^file-[0-9a-f]{12}$/);
  });

  it('MedQA JSONL', () => {
    const items = loadSuiteFile(join(fixtures, 'medqa-sample.jsonl'), 'medqa').items as MultipleChoiceItem[];
    expect(items.map((i) => i.answer[0])).toEqual(['C', 'B', 'C']);
    expect(items[1]!.categories).toEqual(['exam', 'medqa', 'step2&3']);
    expect(items[0]!.provenance.licence).toBe('MIT');
  });

  it('PubMedQA JSON → yes/no/maybe word options with contexts', () => {
    const items = loadSuiteFile(join(fixtures, 'pubmedqa-sample.json'), 'pubmedqa')
      .items as MultipleChoiceItem[];
    expect(items.map((i) => i.answer[0])).toEqual(['yes', 'no', 'maybe']);
    expect(items[0]).toMatchObject({ id: 'pubmedqa-90000001', style: 'words' });
    expect(items[0]!.context).toHaveLength(1);
  });

  it('generic JSONL: short multiple-choice form, option arrays, and full items with kind', () => {
    const items = loadSuiteFile(join(fixtures, 'generic-sample.jsonl'), 'jsonl').items;
    expect(items[0]).toMatchObject({ id: 'own-1', answer: ['C'], metadata: { sex: 'female', age: 71 } });
    expect((items[1] as MultipleChoiceItem).options[0]).toEqual({ key: 'A', text: '上臂' });
    expect(items[2]).toMatchObject({ kind: 'hallucination', probe: 'fake-question' });
  });

  it('MIE and ACI-BENCH dialogue → record', () => {
    const mie = loadSuiteFile(join(fixtures, 'mie-sample.jsonl'), 'mie').items as DialogueRecordItem[];
    expect(mie[0]).toMatchObject({
      task: 'labels',
      referenceLabels: ['症状:头晕-状态:阳性', '症状:胸闷-状态:阳性', '检查:心电图-状态:阴性'],
    });
    expect(mie[0]!.dialogue).toContain('患者：最近总是头晕');
    expect(mie[0]!.labelHint).toContain('症状: 头晕、胸闷、心慌');
    const aci = loadSuiteFile(join(fixtures, 'aci-sample.csv'), 'aci').items as DialogueRecordItem[];
    expect(aci).toHaveLength(2);
    expect(aci[0]).toMatchObject({ id: 'aci-F001', task: 'note', metadata: { sex: 'female', age: 34 } });
    expect(aci[0]!.referenceNote).toContain('CHIEF COMPLAINT');
  });

  it('built-in suites are versioned, hashed, with provenance; the red-team suite has ≥ 20 items in zh and en', () => {
    for (const name of Object.keys(BUILTIN_SUITES) as (keyof typeof BUILTIN_SUITES)[]) {
      const suite = loadBuiltinSuite(name);
      expect(suite.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(suite.hash).toMatch(/^[0-9a-f]{64}$/);
      for (const item of suite.items) expect(item.provenance.source).toBeTruthy();
    }
    const safety = loadBuiltinSuite('safety-redteam');
    expect(safety.items.length).toBeGreaterThanOrEqual(20);
    const langs = new Set(safety.items.map((i) => i.metadata?.language));
    expect(langs).toEqual(new Set(['zh', 'en']));
    const attacks = new Set(safety.items.map((i) => (i.kind === 'safety' ? i.attack : '')));
    expect(attacks.size).toBe(5);
  });
});

// The licensed data sets live in ../shared/data (not in this repository): checked only where present.
describe.skipIf(!existsSync(shared))('loaders on ../shared/data', () => {
  it.each([
    ['cmexam/cmexam_val_subset.csv', 'cmexam', 300],
    ['medqa-usmle/medqa_usmle_4options_test_subset.jsonl', 'medqa', 300],
    ['pubmedqa/ori_pqal_subset.json', 'pubmedqa', 300],
    ['mie/mie_dev_dialogues.jsonl', 'mie', 160],
    ['aci-bench/valid.csv', 'aci', 20],
  ] as const)('%s', (path, format, count) => {
    const file = join(shared, path);
    if (!existsSync(file)) return;
    const suite = loadSuiteFile(file, format);
    expect(suite.items).toHaveLength(count);
    if (format === 'cmexam') {
      const multi = suite.items.filter((i) => i.kind === 'multiple-choice' && i.answer.length > 1);
      expect(multi).toHaveLength(9);
    }
    if (format === 'aci') expect(suite.items.filter((i) => i.metadata?.sex).length).toBeGreaterThan(10);
  });
});
