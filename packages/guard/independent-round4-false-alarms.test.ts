/**
 * Round 4 (issue 18), false alarms of training set 13 removed by cause, with fresh sentences (not corpus items) and
 * near misses where the same shape carries a real error that must still be caught:
 * - a category the answer denies ("并不是“正常高值（high-normal）”", "不能判为1级", "is not 'elevated'") is no
 *   classification of the reading, its gloss in brackets included, nor a topic attributed to a cited passage;
 * - a table cited to a passage that lists part of it (every category the passage lists, plus more) is no wrong
 *   attribution;
 * - a statement the answer reports ("上一条回答说…", "I said …", "Some posts claim …") and rejects in the same or
 *   the next sentence ("That is wrong.", "这是不对的") is not the answer's claim;
 * - a record quoted for review ("病历写“…”", 'the chart reads "…"') is the record's statement, unless the answer
 *   endorses it or adds its own category outside the quotation.
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';
import type { GuardPassage } from './types.ts';
import type { Guideline } from '@qihuang/engines/blood-pressure';

const ACC: GuardPassage = {
  id: 'acc',
  title: 'ACC/AHA 2017 Table 6',
  text: 'ACC/AHA 2017: stage 1 hypertension is SBP 130–139 mmHg or DBP 80–89 mmHg; stage 2 is ≥140 or ≥90.',
};
const KD: GuardPassage = {
  id: 'kd',
  title: 'KDIGO GFR categories',
  text: 'KDIGO GFR categories: G3a is 45–59, G3b is 30–44, G4 is 15–29 and G5 is below 15 mL/min/1.73 m².',
};
const bad = (answer: string, guideline?: Guideline) =>
  verifyClaims({ answer, passages: [ACC, KD], ...(guideline ? { guideline } : {}) })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('a denied category is no classification (REFERENCE §1.1 ACC/AHA 2017, §1.3 China 2018)', () => {
  it('denied categories, with or without a gloss in brackets, are not flagged', () => {
    expect(
      bad('按ACC/AHA 2017，116/86并不是“血压升高（elevated）”，而是1期高血压。', 'acc-aha-2017'),
    ).toEqual([]);
    expect(bad('按中国2018指南，132/94不能按收缩压判为正常高值，应为1级高血压。', 'china-2018')).toEqual([]);
    expect(bad('132/94 不应归为正常高值，而属1级高血压。', 'china-2018')).toEqual([]);
    expect(
      bad(
        'Under ACC/AHA 2017, 116/86 is not "elevated" (血压升高) — it is stage 1 hypertension.',
        'acc-aha-2017',
      ),
    ).toEqual([]);
    expect(
      bad('Under China 2018, 132/94 cannot be called high-normal; it is grade 1.', 'china-2018'),
    ).toEqual([]);
  });
  it('near misses: an affirmed wrong category is still caught', () => {
    expect(bad('按ACC/AHA 2017，116/86属于“血压升高（elevated）”。', 'acc-aha-2017')).toContain(
      'bp-threshold',
    );
    expect(bad('按中国2018指南，132/94应按收缩压判为正常高值。', 'china-2018')).toContain('bp-threshold');
    expect(bad('Under ACC/AHA 2017, 116/86 is "elevated" (血压升高).', 'acc-aha-2017')).toContain(
      'bp-threshold',
    );
  });
  it('a denied category is not a topic the cited passage must list', () => {
    expect(bad('Under ACC/AHA 2017, 116/86 is not "elevated"; it is stage 1 hypertension [acc].')).toEqual(
      [],
    );
    expect(bad('按ACC/AHA 2017，116/86不是血压升高，而是1期高血压 [acc]。')).toEqual([]);
    // Near miss: an affirmed category the passage does not list is still a wrong attribution.
    expect(bad('Under ACC/AHA 2017, elevated blood pressure is 120–129/<80 [acc].')).toContain('citation');
  });
});

describe('a table cited to a passage listing part of it (REFERENCE §4.1 KDIGO GFR categories)', () => {
  it('a full table cited to a passage with its lower rows is not flagged', () => {
    expect(bad('GFR分期：G1 ≥90，G2 60–89，G3a 45–59，G3b 30–44，G4 15–29，G5 <15 [kd]。')).toEqual([]);
    expect(
      bad('KDIGO: G1 is 90 or more, G2 60–89, G3a 45–59, G3b 30–44, G4 15–29 and G5 below 15 [kd].'),
    ).toEqual([]);
  });
  it('near misses: rows the passage lacks without its own rows, and a wrong row, are still caught', () => {
    expect(bad('KDIGO: G1 is 90 or more and G2 is 60–89 [kd].')).toContain('citation');
    expect(bad('GFR分期：G1 ≥90，G2 60–89，G3a 45–59，G3b 30–44，G4 15–29，G5 <15 [acc]。')).toContain(
      'citation',
    );
    expect(
      bad('GFR分期：G1 ≥90，G2 60–89，G3a 40–59，G3b 30–44，G4 15–29，G5 <15 [kd]。').length,
    ).toBeGreaterThan(0);
  });
});

describe('a statement reported and rejected, in its sentence or the next (REFERENCE §5.1 maxima, §1.3)', () => {
  it('earlier replies, posts and notes that are rejected are not flagged', () => {
    expect(bad('更正：我上一条回复说缬沙坦最多可以吃640毫克，这是不对的；最大剂量是每天320毫克。')).toEqual(
      [],
    );
    expect(
      bad(
        'Correction: I said valsartan could go up to 640 mg a day. That was wrong — the maximum is 320 mg.',
      ),
    ).toEqual([]);
    expect(
      bad(
        'Some forum posts claim the China 2018 guideline diagnoses hypertension from 130/80. That is wrong: it uses 140/90.',
      ),
    ).toEqual([]);
    expect(bad('之前的回答写的是缬沙坦每天最多640毫克。这个说法是错误的，最大量为每天320毫克。')).toEqual([]);
  });
  it('near misses: a report that is not rejected, and a wrong correction, are still caught', () => {
    expect(bad('I said valsartan could go up to 640 mg a day. That is still my advice.')).toContain('dose');
    expect(
      bad('Correction: I said valsartan could go up to 320 mg. That was wrong — the maximum is 640 mg.'),
    ).toContain('dose');
    expect(
      bad('China 2018 diagnoses hypertension from 130/80. That is wrong, some say, but it is what it says.')
        .length,
    ).toBeGreaterThan(0);
  });
});

describe('a record quoted for review (REFERENCE §1.3 China 2018, §5.1 maxima)', () => {
  it('the quotation of a chart, note or prescription under review is not the answer’s claim', () => {
    expect(bad('审核意见：病历写“血压136/86，诊断1级高血压”。若按中国2018，136/86属正常高值。')).toEqual([]);
    expect(
      bad('The chart reads "BP 136/86, stage 2 hypertension". Under ACC/AHA 2017 that reading is stage 1.'),
    ).toEqual([]);
    expect(bad('处方记录为“缬沙坦640 mg每日一次”，请核实。')).toEqual([]);
  });
  it('near misses: a category the answer adds, or an endorsement of the record, is its own claim', () => {
    expect(bad('病历写“血压136/86”，按中国2018属1级高血压。')).toContain('bp-threshold');
    expect(bad('处方记录为“缬沙坦640 mg每日一次”，剂量合适。')).toContain('dose');
    expect(bad('The prescription reads "valsartan 640 mg daily", which is correct.')).toContain('dose');
  });
});
