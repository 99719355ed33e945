/**
 * Round 16 (issue 18): general name evidence that should carry over to unseen notes
 * (docs/notes/deid-round15-2026-12-08.md, "Round 16"): pinyin initials and spellings of a Chinese name found in the
 * record, and every item of a person list once one item is a found name. Fresh invented sentences (no corpus
 * line), failing before the round, with hard negatives.
 */
import { describe, expect, it } from 'vitest';
import { detectPhi } from './index.ts';

/** Is every non-space character of `value` (its `nth` occurrence) inside some span? */
const hidden = (text: string, value: string, nth = 0) => {
  const spans = detectPhi(text);
  let at = text.indexOf(value);
  for (let k = 0; k < nth && at >= 0; k++) at = text.indexOf(value, at + 1);
  for (let i = at; i < at + value.length; i++)
    if (!/\s/.test(text[i]!) && !spans.some((s) => s.start <= i && i < s.end)) return false;
  return at >= 0;
};
const spanTexts = (text: string) => detectPhi(text).map((s) => s.text);

describe('pinyin forms of a Chinese name found in the record', () => {
  it('hides the pinyin initials of a found name where they stand alone', () => {
    expect(hidden('主管护士：韦丹\n交班备注：WD 已核对输液泵参数', 'WD')).toBe(true);
    const bilingual =
      '患者：邵建平\nSummary: referred for resistant hypertension. SJP consented to the study.';
    expect(hidden(bilingual, 'SJP')).toBe(true);
  });
  it('hides the pinyin spelling of a found name, in either order and any case', () => {
    const note = '家属：鲍秋萍（女儿）\nContact: Qiuping Bao, daughter; letter addressed to BAO QIUPING';
    expect(hidden(note, 'Qiuping Bao')).toBe(true);
    expect(hidden(note, 'BAO QIUPING')).toBe(true);
  });
  it('leaves initials that are clinical abbreviations or part of a code', () => {
    const note = '患者：何波，男，61岁\n血常规：HB 112 g/L；GCS E4V5M6；HBV-DNA 阴性';
    const spans = spanTexts(note);
    expect(spans).not.toContain('HB');
    expect(spans.some((s) => s.includes('HBV'))).toBe(false);
    expect(spanTexts('主诉人：杜明\n既往 DM 10年，口服二甲双胍')).not.toContain('DM');
  });
  it('does not take a pinyin word for the name when it is not the whole spelling', () => {
    expect(spanTexts('患者：王丹\nDan is short for dantrolene in this ward’s drug chart')).not.toContain(
      'Dan',
    );
  });
});

describe('every item of a person list once one item is a found name', () => {
  it('hides Chinese list items that are dictionary words when a found name stands in the list', () => {
    const roster = '值班医生：司马明远、高峰、黎明\n二线：另行通知';
    for (const v of ['高峰', '黎明']) expect(hidden(roster, v)).toBe(true);
    expect(hidden('协查民警：杭振宇、白雪　电话见卷宗', '白雪')).toBe(true);
  });
  it('hides English list items of the same shape as a found name', () => {
    const note = 'Visitors allowed: Mr Ollivant, Haskell and Greaves only.';
    for (const v of ['Haskell', 'Greaves']) expect(hidden(note, v)).toBe(true);
  });
  it('leaves lists of diseases, drugs and departments beside a found name', () => {
    const zh = spanTexts('患者王芳、高血压、糖尿病病史十年，长期服用氨氯地平、二甲双胍');
    for (const v of ['高血压', '氨氯地平', '二甲双胍']) expect(zh).not.toContain(v);
    const en = spanTexts(
      'Reviewed by Dr Ollivant, Cardiology and Nephrology.\nMr Haskell, Metoprolol, Lisinopril given',
    );
    for (const v of ['Cardiology', 'Nephrology', 'Metoprolol', 'Lisinopril']) expect(en).not.toContain(v);
  });
  it('leaves a practice or a labelled number after a found name', () => {
    const spans = spanTexts(
      'Letter from Dr Ollivant, Elmfield Grove Surgery.\nSeen with Dr Ollivant, Pager 2231.',
    );
    for (const v of ['Elmfield Grove', 'Pager']) expect(spans).not.toContain(v);
  });
  it('leaves a list that does not hold a found name', () => {
    const spans = spanTexts('症状：头痛、高热、黄疸\nDrugs: Aspirin, Warfarin and Heparin');
    expect(spans).toEqual([]);
  });
});

describe('English field values whose surname is no English word', () => {
  it('hides two capitalised words standing as a field value when the last is no dictionary word', () => {
    const form = 'Chaperone (student nurse present): Ferdinand Wojcik   Time: 14:20';
    expect(hidden(form, 'Ferdinand Wojcik')).toBe(true);
    const consent =
      'Impartial witness (reads Tagalog; interpreter used): Crispin Dimaculangan\nSigned on the ward';
    expect(hidden(consent, 'Crispin Dimaculangan')).toBe(true);
  });
  it('leaves organisms, eponyms, device makers and headings as field values', () => {
    const text = [
      'Organism: Klebsiella Pneumoniae   Sensitivity: pending',
      'Statistics: Kaplan Meier',
      'Device: Medtronic Azure   Mode: DDD',
      'Diagnosis: Hashimoto Thyroiditis',
      'Plan: Continue Amlodipine',
      'Section: Past History',
    ].join('\n');
    expect(spanTexts(text)).toEqual([]);
  });
});

describe('lists that are not person lists', () => {
  it('leaves a job title after a found name and herbs listed beside a herb that reads like a name', () => {
    expect(spanTexts('Copy to Dr Ollivant, Senior Registrar')).not.toContain('Senior Registrar');
    const tea = spanTexts('自服药茶：徐长卿、杜仲、黄芪');
    for (const v of ['杜仲', '黄芪']) expect(tea).not.toContain(v);
  });
});
