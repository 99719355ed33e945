/**
 * Round 3 on the independent tuning sets (issue 18), blood-pressure readings — generic mechanisms with fresh
 * sentences (not corpus items), a planted error caught and a correct answer left unflagged:
 * - "≥A/B 为高" / "算高" said of a value is its hypertension threshold ("为高血压");
 * - the value before its axis word ("120–129 systolic with a diastolic under 80") is read as "systolic 120–129";
 * - one category said of several readings at once ("诊室和动态都不算高", "both are normal") is said of each reading with
 *   its own setting (REFERENCE §2.1 ACC/AHA Table 11 [V2], §2.2 ESH/China out-of-office thresholds [V2]); the
 *   readings may be those of the sentence before; a bound ("低于135/85") is no reading.
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';

const bad = (answer: string) =>
  verifyClaims({ answer, passages: [] })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('the value before its axis word is read like the value after it (REFERENCE §1.1, §1.3 categories)', () => {
  it('"elevated" credited to China 2018 is caught; credited to ACC/AHA 2017 it is not flagged', () => {
    expect(
      bad('China 2018 labels 120–129 systolic with a diastolic under 80 as "elevated blood pressure".'),
    ).toContain('bp-threshold');
    expect(
      bad('ACC/AHA 2017 labels 120–129 systolic with a diastolic under 80 as elevated blood pressure.'),
    ).toEqual([]);
  });
});

describe('one category said of several readings is said of each (REFERENCE §2.1 [V2], §2.2 [V2])', () => {
  it('a daytime ambulatory reading above every threshold called "not high" with the office one is caught', () => {
    expect(bad('门诊126/76，白天动态均值142/88，门诊和动态都不高，不是隐匿性高血压。')).toContain(
      'bp-threshold',
    );
    expect(bad('Clinic 124/76 and daytime ambulatory 141/89: both readings are normal.')).toContain(
      'bp-threshold',
    );
  });
  it('the readings of the sentence before: "所以白天和夜间都正常" with a night mean above every threshold is caught', () => {
    expect(bad('白天平均128/80 mmHg，夜间平均126/74 mmHg。所以白天和夜间都正常，不用调药。')).toContain(
      'bp-threshold',
    );
  });
  it('readings under every threshold, and bounds rather than readings, are not flagged', () => {
    expect(bad('门诊118/72，白天动态116/70，门诊和动态都不高。')).toEqual([]);
    expect(bad('家庭血压低于135/85、白天动态低于135/85，都属于正常。')).toEqual([]);
  });
});

describe('"为高" said of a value is its hypertension threshold (REFERENCE §2.2 [V2] out-of-office thresholds)', () => {
  it('24-hour thresholds swapped between ESH 2023 and ACC/AHA 2017 are caught; the right ones are not flagged', () => {
    expect(
      bad('两部指南的24小时切点：ESH 2023以24小时平均≥125/75 mmHg为高，ACC/AHA 2017以≥130/80算高。'),
    ).toContain('bp-threshold');
    expect(
      bad('两部指南的24小时切点：ESH 2023以24小时平均≥130/80 mmHg为高，ACC/AHA 2017以≥125/75算高。'),
    ).toEqual([]);
  });
});
