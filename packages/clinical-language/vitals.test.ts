import { describe, expect, it } from 'vitest';
import { kpaToMmHg, PLAUSIBLE } from '@qihuang/engines/blood-pressure';
import { analyze, emergencyCall } from './analyze.ts';
import { parseNumber } from './numbers.ts';
import { MGDL_PER_MMOLL } from './vitals.ts';

const bp = (text: string) =>
  analyze(text)
    .vitals.filter((v) => v.kind === 'bp')
    .map((v) => [v.sbp, v.dbp]);

describe('blood pressure in every common form', () => {
  it.each([
    ['190/125', [190, 125]],
    ['190／125', [190, 125]],
    ['血压190-125', [190, 125]],
    ['190-125', [190, 125]],
    ['190 over 125', [190, 125]],
    ['BP 190 on 125', [190, 125]],
    ['高压190低压125', [190, 125]],
    ['高压190，低压125', [190, 125]],
    ['上压190下压125', [190, 125]],
    ['收缩压200舒张压130', [200, 130]],
    ['低压125高压190', [190, 125]],
    ['高压一百九，低压一百二十五', [190, 125]],
    ['收缩压二百舒张压一百三', [200, 130]],
    ['血压 190 125', [190, 125]],
    ['systolic 195 diastolic 118', [195, 118]],
    ['top number 170 bottom number 100', [170, 100]],
    ['150/95 mmHg', [150, 95]],
    ['血压量了是一百九十五的一百一', [195, 110]],
    ['血压195，110', [195, 110]],
    ['血压二百一十，一百二', [210, 120]],
  ])('%s', (text, expected) => {
    expect(bp(text)).toEqual([expected]);
  });

  it('kPa is converted with the engine factor (1 mmHg = 133.322 Pa)', () => {
    const v = analyze('血压24/16kPa').vitals[0];
    expect(v).toMatchObject({ kind: 'bp', writtenUnit: 'kPa', sbp: kpaToMmHg(24), dbp: kpaToMmHg(16) });
    expect(v?.sbp).toBeCloseTo(180, 0); // 24 kPa × 7.50062 = 180.0 mmHg
  });

  it('one number after a BP word is the systolic ("血压200多", "血压高到190了"), never a rate or a count', () => {
    expect(bp('血压200多，头疼')).toEqual([[200, undefined]]);
    expect(bp('血压高到190了')).toEqual([[190, undefined]]);
    expect(bp('blood pressure is 210')).toEqual([[210, undefined]]);
    expect(bp('血压150，心率110')).toEqual([[150, undefined]]);
    expect(bp('血压7天没量')).toEqual([]);
    expect(bp('血压90')).toEqual([]);
    expect(emergencyCall(analyze('血压200多，头疼得厉害，说话也不清楚')).emergency).toBe(true);
  });

  it('one side only ("高压190")', () => {
    expect(analyze('高压190').vitals[0]).toMatchObject({ sbp: 190 });
    expect(analyze('低压125').vitals[0]).toMatchObject({ dbp: 125 });
  });

  it('plausibility limits are the engine’s (PLAUSIBLE), DBP must be below SBP', () => {
    expect(analyze(`血压${PLAUSIBLE.sbp.max + 10}/100`).vitals[0]?.plausible).toBe(false);
    expect(analyze(`血压120/${PLAUSIBLE.dbp.min - 5}`).vitals.some((v) => v.plausible)).toBe(false);
    expect(analyze('血压90/120').vitals[0]?.plausible).toBe(false);
    expect(analyze(`血压${PLAUSIBLE.sbp.max}/${PLAUSIBLE.dbp.max}`).vitals[0]?.plausible).toBe(true);
  });

  it('dates, times and fractions are not readings', () => {
    expect(bp('12/25来复诊')).toEqual([]);
    expect(bp('8:30吃的药')).toEqual([]);
    expect(bp('2024-10-01')).toEqual([]);
    expect(bp('吃了1/2片')).toEqual([]);
  });

  it('a crisis reading (REFERENCE §1.5, >180/120) with a current red flag is an emergency; without one it is not', () => {
    expect(emergencyCall(analyze('血压200/130，头痛得厉害')).emergency).toBe(true);
    expect(emergencyCall(analyze('血压200/130，没有不舒服')).emergency).toBe(false);
    expect(emergencyCall(analyze('血压180/120，头痛得厉害')).emergency).toBe(false); // 180/120 itself is not crisis (§10.1)
    expect(emergencyCall(analyze('以前最高200/130，头痛得厉害')).crisis).toEqual([]);
  });
});

describe('heart rate and glucose', () => {
  it('heart rate', () => {
    expect(analyze('心率72').vitals[0]).toMatchObject({ kind: 'heart-rate', value: 72, plausible: true });
    expect(analyze('pulse 88 bpm').vitals[0]).toMatchObject({ kind: 'heart-rate', value: 88 });
    expect(analyze('心跳一百二').vitals[0]).toMatchObject({ kind: 'heart-rate', value: 120 });
    expect(analyze(`心率${PLAUSIBLE.heartRate.max + 1}`).vitals[0]?.plausible).toBe(false);
  });

  it('glucose in mmol/L, mg/dL converted (18.016 mg/dL per mmol/L)', () => {
    expect(analyze('空腹血糖7.8').vitals[0]).toMatchObject({ kind: 'glucose', value: 7.8, unit: 'mmol/L' });
    expect(analyze('空腹血糖八点二').vitals[0]).toMatchObject({ value: 8.2 });
    expect(analyze('blood sugar 180 mg/dL').vitals[0]).toMatchObject({
      value: Math.round((180 / MGDL_PER_MMOLL) * 10) / 10,
      writtenUnit: 'mg/dL',
    });
  });
});

describe('Chinese numerals', () => {
  it.each([
    ['一百九', 190],
    ['一百九十', 190],
    ['一百二十五', 125],
    ['两百', 200],
    ['二百一', 210],
    ['一百零五', 105],
    ['九十五', 95],
    ['十五', 15],
    ['七点八', 7.8],
    ['190', 190],
  ])('%s = %d', (s, n) => {
    expect(parseNumber(s)).toBe(n);
  });
  it('rejects non-numbers', () => {
    expect(parseNumber('百百')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
  });
});
