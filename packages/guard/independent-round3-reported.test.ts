/**
 * Round 3 (issue 18), false alarms removed by cause with fresh sentences (not corpus items): a question states
 * nothing, and a statement the answer reports in order to reject it ("网上说“…”，这是错误的", "It is a myth that …")
 * is not the answer's claim (certainty-reported.ts). A wrong correction stated after the rejection, and a wrong
 * statement that is merely reported without being rejected, stay what they were. An amount warned against ("不要把
 * X 加到 N 毫克", "don't take N mg") or called too high ("that would exceed the maximum") is not a dose the answer
 * gives (extract-doses.ts); "不要超过 N 毫克" still states a maximum.
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';

const bad = (answer: string) =>
  verifyClaims({ answer, passages: [] })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('a question states nothing (REFERENCE §5.1 maxima, §1.3 categories)', () => {
  it('questions about a dose above the maximum or a category are not flagged; the answer after them is checked', () => {
    expect(bad('Is it safe to take lisinopril 80 mg a day?')).toEqual([]);
    expect(bad('缬沙坦每天能吃到640毫克吗？')).toEqual([]);
    expect(bad('我的血压160/100算正常吗？')).toEqual([]);
    // The statement after the question is the answer's claim.
    expect(bad('缬沙坦每天能吃到640毫克吗？可以，每天640毫克没有问题。')).toContain('dose');
  });
});

describe('a statement reported in order to reject it is not the answer’s claim (REFERENCE §5.1, §6)', () => {
  it('the rejected dose or combination is not flagged, the correction is checked', () => {
    expect(bad('有人说“缬沙坦最多可以吃640毫克”，这是不对的，最大剂量是每天320毫克。')).toEqual([]);
    expect(bad('It is a myth that valsartan can be taken at 640 mg a day; the maximum is 320 mg.')).toEqual(
      [],
    );
    expect(
      bad('Some patients believe lisinopril and valsartan can be combined safely, which is not true.'),
    ).toEqual([]);
    // A wrong correction after the rejection is the answer's own claim.
    expect(bad('有人说缬沙坦最多吃320毫克，这是不对的，其实最多可以吃640毫克。')).toContain('dose');
    // A wrong statement merely reported, without a rejection, is not excused.
    expect(bad('网上说缬沙坦最多可以吃640毫克，您可以按这个剂量服用。')).toContain('dose');
  });
});

describe('an amount warned against or called too high is not a dose the answer gives (REFERENCE §5.1 maxima)', () => {
  it('warnings are not flagged; "do not exceed N" and "can be increased to N" still state a dose', () => {
    expect(bad('千万不要自己把缬沙坦加到640毫克，最大剂量是每天320毫克。')).toEqual([]);
    expect(bad('If we raised your valsartan to 640 mg, that would exceed the 320 mg maximum.')).toEqual([]);
    expect(bad('缬沙坦每天不要超过640毫克。')).toContain('dose');
    expect(bad('Valsartan can be increased to 640 mg a day.')).toContain('dose');
  });
});

describe('a category said of the average of several readings is the average’s (REFERENCE §1.1 ACC/AHA categories)', () => {
  it('the single readings before the average are not flagged; a wrong category for the average is caught', () => {
    expect(bad('Readings of 136/86 and 126/78 average 131/82, which is stage 1 under ACC/AHA 2017.')).toEqual(
      [],
    );
    expect(bad('两次读数136/86和126/78，平均为131/82，按ACC/AHA 2017属于1期高血压。')).toEqual([]);
    expect(
      bad('Readings of 136/86 and 126/78 average 131/82, which is normal under ACC/AHA 2017.'),
    ).toContain('bp-threshold');
  });
});
