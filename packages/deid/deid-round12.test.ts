/**
 * Round 12 (issue 18), on tuning-5's last misses by class: a day with 日 before a visit word, a month-day in a
 * column before a bracketed note of that day; (en) a given name set off by dashes after a titled name, the agent
 * of a passive verb after an adverb, the receiver of a handover. Fresh invented sentences (no corpus line),
 * failing before the round, with hard negatives.
 */
import { describe, expect, it } from 'vitest';
import { detectPhi } from './index.ts';

/** Is every non-space character of `value` inside some span? */
const hidden = (text: string, value: string) => {
  const spans = detectPhi(text);
  const at = text.indexOf(value);
  for (let i = at; i < at + value.length; i++)
    if (!/\s/.test(text[i]!) && !spans.some((s) => s.start <= i && i < s.end)) return false;
  return at >= 0;
};
const spanTexts = (text: string) => detectPhi(text).map((s) => s.text);

describe('a day with 日 before a visit word (round12.ts)', () => {
  it('hides the day', () => {
    expect(hidden('上月在外院行疝修补术，术后7日复诊切口愈合。', '7日')).toBe(true);
    expect(hidden('约定12日随访血压', '12日')).toBe(true);
  });
  it('leaves counts and ordinals', () => {
    expect(spanTexts('每3日复查一次血常规，第5日复查肝功能。')).toEqual([]);
    expect(spanTexts('服药1-3日复查电解质')).toEqual([]);
  });
});

describe('a month-day in a column before a bracketed note of that day (round12.ts)', () => {
  it('hides the date', () => {
    expect(hidden('疫苗记录：\n百白破2　6.18（满月后补种当天）\n', '6.18')).toBe(true);
    expect(hidden('免疫：\n乙肝1\t2/14（出生当日，新生儿科）\n', '2/14')).toBe(true);
  });
  it('leaves values before an ordinary bracket', () => {
    expect(spanTexts('血钾　3.5（正常范围）\n剂量　2.5（mg，口服）')).toEqual([]);
  });
});

describe('English names by apposition and by agency (round12.ts)', () => {
  it('hides a given name set off by dashes after a titled name', () => {
    expect(hidden('Bed 4: Mrs Adeyemi — Folasade — declined breakfast.', 'Folasade')).toBe(true);
  });
  it('hides the agent of a passive verb after an adverb', () => {
    expect(hidden('Wandering at 02:00, settled calmly by Tamsin.', 'Tamsin')).toBe(true);
  });
  it('hides the receiver of a handover', () => {
    expect(hidden('Handed over by Priya Nair (RN) to Dex.', 'Dex')).toBe(true);
  });
  it('leaves days, months and clinical words after by and to', () => {
    const text =
      'Dressing changed quickly by Monday. Mr Hale — Cardiology — reviewed. Handed over to Pharmacy. Treated successfully by Dialysis.';
    expect(spanTexts(text).filter((s) => /Monday|Cardiology|Pharmacy|Dialysis/.test(s))).toEqual([]);
  });
});
