/**
 * Round 7 (issue 18): the recall-first safety net (recognizers/safety-net.ts) on fresh invented sentences,
 * with hard negatives (measurements, readings, ranges, years, ICD-10 and LOINC codes, doses, device models).
 */
import { describe, expect, it } from 'vitest';
import { detectPhi, deidentifyWithSpans, PlaceholderVault } from './index.ts';

const found = (text: string, options?: { safetyNet?: boolean }) =>
  detectPhi(text, {}, options).map((s) => [s.category, s.text]);
/** The texts of the spans found (any category: the net's aim is coverage). */
const covered = (text: string, options?: { safetyNet?: boolean }) =>
  detectPhi(text, {}, options).map((s) => s.text);

describe('safety net: digit runs (rule 1)', () => {
  it('hides a run of six or more digits with one kind of separator, whatever cue stands before it', () => {
    expect(found('复印件编码 5530 2187 96 已交')).toEqual([['IDENTIFIER', '5530 2187 96']]);
    expect(found('纸条上写着 7740 1882 3 别丢')).toEqual([['IDENTIFIER', '7740 1882 3']]);
    expect(covered('Claim ref 77-401-8823 pending')).toEqual(['77-401-8823']);
    expect(found('call (028) 8467-3301 ext 14 after noon')).toEqual([
      ['IDENTIFIER', '(028) 8467-3301 ext 14'],
    ]);
    expect(found('随访卡 2209.4471.6 放在抽屉')).toEqual([['IDENTIFIER', '2209.4471.6']]);
  });
  it('grows a card number the cue rule found only the first group of', () => {
    expect(covered('卡号 6217 0033 8812 4409 5 尾号')).toEqual(['6217 0033 8812 4409 5']);
    expect(covered('卡号 6217 0033 8812 4409 5 尾号', { safetyNet: false })).toEqual(['6217']);
  });
  it('leaves measurements, readings, ranges, ratios, years and LOINC codes', () => {
    for (const text of [
      '血压 186/112，随后 150-160/95-100mmHg',
      'WBC 12.6×10^9/L，血小板 245000/μL',
      'platelets 310000 cells per microliter, 1.3 % (16/1212) of samples',
      'during 2009-2010 and 1997-98, codons 751-1000',
      'incidence 18.5 per 100000 population',
      'LOINC 8480-6 and 8462-4; ICD-10 I10, E11.9',
      '18:00-21:00 测两次',
      '每日步数 120000 步',
    ])
      expect(found(text), text).toEqual([]);
  });
  it('is off for a local model (safetyNet: false)', () => {
    expect(found('纸条上写着 7740 1882 3 别丢', { safetyNet: false })).toEqual([]);
  });
});

describe('safety net: letter-digit tokens (rule 2)', () => {
  it('hides accession-, record- and passport-like tokens', () => {
    expect(found('病理号 见 BL20260413 附件，另 KX-77310 待查')).toEqual([
      ['IDENTIFIER', 'BL20260413'],
      ['IDENTIFIER', 'KX-77310'],
    ]);
    expect(found('written on the wristband: HX-4410937')).toEqual([['IDENTIFIER', 'HX-4410937']]);
    expect(found('written on the wristband: HX-4410937', { safetyNet: false })).toEqual([]);
  });
  it('leaves doses, ICD-10 codes, TNM stages, trial registrations and device models', () => {
    for (const text of [
      '二甲双胍 1000mg bid，维生素D 2000IU qd',
      'A 2050-g (4.5-lb) newborn',
      'pT2-3bN0-1M0 tumours, trial NCT04412365, ACTRN12612000038897',
      '仪器 AU5800，欧姆龙 HEM-7136 血压计，CMS-1500 form',
      'SARS-CoV-2 and H1N1, HbA1c 7.1 %',
    ])
      expect(found(text), text).toEqual([]);
  });
});

describe('safety net: day-month dates (rule 3)', () => {
  it('finds an English month word with any separator and a day/month before a time of day', () => {
    expect(found('bloods drawn 14-Feb, review Oct.9')).toEqual([
      ['DATE', '14-Feb'],
      ['DATE', 'Oct.9'],
    ]);
    expect(found('复查定在 17.08 上午')).toEqual([['DATE', '17.08']]);
    expect(found('复查 3/9 下午')).toEqual([['DATE', '3/9']]);
  });
  it('leaves lab values and ranges that look like day.month', () => {
    for (const text of [
      '血钾 04.12 mmol/L',
      '尿酸 10.12，肌酐 08.05',
      'pH 7.12',
      'around 11-12 hours',
      'March 2015 cohort',
    ])
      expect(
        found(text).filter(([c]) => c === 'DATE' && !text.startsWith('March')),
        text,
      ).toEqual([]);
  });
});

describe('safety net: English names after a person cue (rule 4)', () => {
  it('finds two capitalised words after reviewed by, cc:', () => {
    expect(covered('chart reviewed by Jonah Pell today')).toEqual(['Jonah Pell']);
    expect(covered('cc: Ravi Osei')).toEqual(['Ravi Osei']);
  });
  it('leaves clinical words and never-name words after the same cues', () => {
    for (const text of [
      'caused by Chronic Kidney Disease',
      'data from Statistics Norway and from Safe Implementation of Treatments',
      'referred from Primary Care',
      'adapted from Table Three',
      'measured by Blood Pressure monitoring',
    ])
      expect(covered(text), text).toEqual([]);
  });
});

describe('safety net in de-identification', () => {
  it('replaces a net span with a placeholder that is restored', () => {
    const vault = new PlaceholderVault({ seed: 5 });
    const [note] = deidentifyWithSpans(['影像号 RX0099128 已归档'], vault);
    expect(note!.text).not.toContain('RX0099128');
    expect(vault.restore(note!.text)).toBe('影像号 RX0099128 已归档');
  });
});
