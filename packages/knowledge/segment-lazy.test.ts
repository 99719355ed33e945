/**
 * jieba is loaded on the first segmentation, not at import (issue 19 item 4, start-up), and what it segments is
 * unchanged: the expected values below were produced by the version that loaded jieba at import.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const jiebaLoaded = () =>
  Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('@node-rs/jieba'));

const TEXTS = [
  '氨氯地平联合螺内酯用于糖尿病肾病合并高血压，血钾>5.5 mmol/L 时停用。',
  'ACE Inhibitors 与 缬沙坦氢氯噻嗪片 5 mg 的 dosing for the elderly\n老年高血压患者的降压目标',
];

describe('segmentation loads jieba lazily', () => {
  it('importing the module does not load jieba; the first segmentation does, with unchanged output', async () => {
    expect(jiebaLoaded()).toBe(false);
    const m = await import('./segment.ts');
    expect(jiebaLoaded()).toBe(false);
    expect(TEXTS.map(m.segmentWords)).toEqual([
      [
        '氨氯地平',
        '联合',
        '螺内酯',
        '用于',
        '糖尿病肾病',
        '合并',
        '高血压',
        '血钾',
        '5.5',
        'mmol',
        '时',
        '停用',
      ],
      [
        'ace',
        'inhibitor',
        '缬沙坦氢氯噻嗪',
        '片',
        '5',
        'mg',
        'dosing',
        'elderly',
        '老年',
        '高血压',
        '患者',
        '降压',
        '目标',
      ],
    ]);
    expect(jiebaLoaded()).toBe(true);
    expect(TEXTS.map(m.tokenize)).toEqual([
      [
        '地平',
        '氨氯地平',
        '联合',
        '内酯',
        '螺内酯',
        '用于',
        '糖尿',
        '肾病',
        '糖尿病',
        '糖尿病肾病',
        '合并',
        '血压',
        '高血压',
        '血钾',
        '5.5',
        'mmol',
        '时',
        '停用',
      ],
      [
        'ace',
        'inhibitor',
        '沙坦',
        '噻嗪',
        '缬沙坦',
        '缬沙坦氢氯噻嗪',
        '片',
        '5',
        'mg',
        'dosing',
        'elderly',
        '老年',
        '血压',
        '高血压',
        '患者',
        '降压',
        '目标',
      ],
    ]);
    expect(m.highlightRanges(TEXTS[0]!, m.queryTerms('高血压 血钾'))).toEqual([
      [18, 21],
      [22, 24],
    ]);
  });
});
