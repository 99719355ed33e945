/**
 * Round 14 (issue 18), recall first: person fields recognised by the shape of their label
 * (recognizers/person-fields.ts, docs/notes/deid-recall-first-2026-12-08.md). Fresh invented sentences (no corpus
 * line), failing before the round, with hard negatives.
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

describe('Chinese person fields by the shape of their label', () => {
  it('hides lone surnames, initials, bracketed names and names after a department', () => {
    const slip = '发药：穆　审方：RQ　出库核对人：M.L.（苗岚）\n经手人：设备科蓟文涛　陪诊员：岑晓燕、甘小露';
    for (const v of ['穆', 'RQ', 'M.L.', '苗岚', '蓟文涛', '岑晓燕', '甘小露'])
      expect(hidden(slip, v)).toBe(true);
  });
  it('hides a name after a role noun without a colon', () => {
    expect(hidden('材料由调解员闵若溪当面交给家属。', '闵若溪')).toBe(true);
  });
  it('leaves chat replies, placeholders, departments and non-person labels', () => {
    expect(spanTexts('周护士：好的，明早空腹抽血。')).not.toContain('好的');
    expect(spanTexts('签字者：本人\n申请人：家属')).toEqual([]);
    expect(spanTexts('身长：52cm　送检：检验科')).toEqual([]);
  });
});

describe('English person fields by the shape of their label', () => {
  it('hides initials, initial + surname, two-word names and upper-case inverted names', () => {
    const label =
      'Dispenser: QW   Checker: B. Okonkwo\nCourier: Tamsin Rowe / Idris Beaumont\nAuthoriser: LINDQVIST, ASA';
    for (const v of ['QW', 'B. Okonkwo', 'Tamsin Rowe', 'Idris Beaumont', 'LINDQVIST, ASA'])
      expect(hidden(label, v)).toBe(true);
  });
  it('leaves clinical values after such labels', () => {
    expect(spanTexts('Disorder: Chronic Kidney Disease\nMonitor: Holter\nOrder: CBC')).toEqual([]);
  });
});
