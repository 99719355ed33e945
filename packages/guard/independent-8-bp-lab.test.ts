/**
 * Blood-pressure, KDIGO and number-form classes found by the eighth and ninth independent answer sets
 * (corpus/tuning-independent-8.txt and -9, ex held-out 10 and 11). Each class is tested with fresh sentences (not
 * corpus items): a planted error caught AND a correct near miss not flagged (issue 18).
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';

const bad = (answer: string) =>
  verifyClaims({ answer, passages: [] })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('KDIGO categories (REFERENCE §4.3 [V2]: G2 60–89, G3a 45–59, G3b 30–44, G4 15–29; A3 >30 mg/mmol)', () => {
  it('a CKD stage in words ("慢性肾脏病3b期", "CKD stage 4") refers back to the eGFR of the sentence before', () => {
    expect(bad('化验单上的 eGFR 是 48 mL/min/1.73㎡。按 KDIGO 分期，这属于慢性肾脏病3b期。')).toEqual([
      'lab-threshold',
    ]);
    expect(bad('化验单上的 eGFR 是 48 mL/min/1.73㎡。按 KDIGO 分期，这属于慢性肾脏病3a期。')).toEqual([]);
    expect(bad('Her eGFR is 26. That puts her in CKD stage 3b.')).toEqual(['lab-threshold']);
    expect(bad('Her eGFR is 26. That puts her in CKD stage 4.')).toEqual([]);
  });
  it('an eGFR reached "works out to about" / "came back at" is the value a category refers back to', () => {
    expect(
      bad('From his creatinine, the eGFR works out to about 64 mL/min/1.73 m². That is in the G3a band.'),
    ).toEqual(['lab-threshold']);
    expect(
      bad('From his creatinine, the eGFR works out to about 64 mL/min/1.73 m². That is in the G2 band.'),
    ).toEqual([]);
    expect(bad('Your eGFR came back at roughly 33. This is G4.')).toEqual(['lab-threshold']);
    expect(bad('Your eGFR came back at roughly 33. This is G3b.')).toEqual([]);
  });
  it('a band in brackets after the category explains it; the value stated before is still classified', () => {
    expect(bad('估算 eGFR 约 27，按 KDIGO 属 G3b（30–44），按 G3b 管理即可。')).toEqual(['lab-threshold']);
    expect(bad('估算 eGFR 约 27，按 KDIGO 属 G4（15–29），需转诊肾内科。')).toEqual([]);
    expect(bad('Estimated GFR about 57, i.e. KDIGO G2 (60–89).')).toEqual(['lab-threshold']);
    expect(bad('Estimated GFR about 57, i.e. KDIGO G3a (45–59).')).toEqual([]);
  });
  it('digits of a year ("ACC/AHA 2017", "CKD-EPI 2021") are never an eGFR value', () => {
    expect(bad('ACC/AHA 2017 对 CKD 3期以上的患者首选 ACEI。')).toEqual([]);
    expect(bad('CKD-EPI 2021 对 G3a 期的分界没有改变。')).toEqual([]);
    expect(bad('Under ACC/AHA 2017, CKD stage 3 or worse calls for an ACE inhibitor first.')).toEqual([]);
  });
  it('"G3b starts below 45": the category begins just under the number (its upper edge)', () => {
    expect(bad('In KDIGO terms, G4 starts below 30 and G5 below 15.')).toEqual([]);
    expect(bad('In KDIGO terms, G3a starts below 60.')).toEqual([]);
    expect(bad('In KDIGO terms, G3b starts below 50.')).toEqual(['lab-threshold']);
    expect(bad('按 KDIGO，G2 从低于 90 开始。')).toEqual([]);
  });
  it('two albuminuria statements in one sentence are read clause by clause', () => {
    expect(bad('A urine ACR of 42 mg/mmol is moderately increased (A2), while A3 begins above 300 mg/mmol.')).toEqual(
      expect.arrayContaining(['lab-threshold']),
    );
    expect(bad('A urine ACR of 22 mg/mmol is moderately increased (A2), while A3 begins above 30 mg/mmol.')).toEqual(
      [],
    );
    expect(bad('尿 ACR 18 mg/g 属于 A1，而 A2 从 30 mg/g 开始。')).toEqual([]);
    expect(bad('尿 ACR 45 mg/g 属于 A1，而 A2 从 30 mg/g 开始。')).toEqual(['lab-threshold']);
  });
});
