/**
 * Round 5, English batch (issue 18): upper-case and apostrophe-hyphen inverted names, a relative's name in
 * brackets after the relation, name suffixes (Jr.), cue words for accession, claim, account and encounter
 * numbers, abbreviated weekdays and visit words before m/d dates, ages over 89 in words, and a fax number
 * after "Fax to". Fresh sentences; hard negatives (ratios, "ninety minutes", words after "fax") stay unmarked.
 */
import { describe, expect, it } from 'vitest';
import { detectPhi } from './detect.ts';
import { deidentifyWithSpans, PlaceholderVault } from './index.ts';

const found = (text: string) => detectPhi(text).map((s) => s.text);

describe('English names, round 5', () => {
  it('finds inverted names in capitals and with an apostrophe and a hyphen', () => {
    expect(found('Pt: HOLLOWAY, MERIDETH K')).toContain('HOLLOWAY, MERIDETH K');
    expect(found("Name: O'Brien-Tate, Niamh")).toContain("O'Brien-Tate, Niamh");
    expect(found('PATIENT: DIABETES, TYPE 2')).toEqual([]);
  });
  it("finds a relative's name in brackets after the relation, and a name with Jr.", () => {
    expect(found('Her grandson (Dashiell) sets up the pill box.')).toContain('Dashiell');
    expect(found('His son, Mr. Obadiah Mensah Jr., is the proxy.')).toContain('Obadiah Mensah Jr.');
    expect(found('Dr. med. Annika Brandt, Oberärztin')).toContain('Annika Brandt');
    expect(found('BP measured by the nurse (NBP) and by the device (ABPM).')).toEqual([]);
    expect(found('reception (Molly) and Front desk (Tanya)')).toEqual(['Molly', 'Tanya']);
  });
});

describe('English codes and dates, round 5', () => {
  it('finds accession, claim, account and encounter numbers after their cues', () => {
    expect(found('Accession: 26-CH-118204')).toContain('26-CH-118204');
    expect(found('Claim #: 44102-88310-B')).toContain('44102-88310-B');
    expect(found('Acct 66019342')).toContain('66019342');
    expect(found('MRN 00912277 / FIN 44810263')).toContain('44810263');
  });
  it('finds m/d dates after an abbreviated weekday or a visit word, and shifts them back', () => {
    expect(found('Labs on Thu 10/9 were normal.')).toContain('10/9');
    expect(found('Next appointment 12/3 at 9 am.')).toContain('12/3');
    expect(found('Ratio 3/4 of doses taken; BP 150/90.')).toEqual([]);
    const vault = new PlaceholderVault({ seed: 11 });
    const [note] = deidentifyWithSpans(['Seen Wed 4/15; next visit 5/20.'], vault);
    expect(note!.text).not.toContain('4/15');
    expect(vault.restore(note!.text)).toBe('Seen Wed 4/15; next visit 5/20.');
  });
  it('finds ages over 89 written in words, not other ninety-words', () => {
    expect(found('She is ninety-three and walks daily.')).toContain('ninety-three');
    expect(found('Infusion over ninety minutes; ninety percent adherence.')).toEqual([]);
  });
  it('finds the whole fax number after "Fax to"', () => {
    expect(found('Fax to 555-0177 attn: Records')).toContain('555-0177');
  });
});

describe('English names without a title, round 5', () => {
  it('finds a first name or a full name before a verb of report, after "discussed with", after "by" with a credential, and uncles', () => {
    expect(found('Marjorie reports better sleep. Desmond called back.')).toEqual(['Marjorie', 'Desmond']);
    expect(found('Oluwaseun Adeyemi presents for follow-up.')).toContain('Oluwaseun Adeyemi');
    expect(found('Discussed with Albuquerque (pharmacy) regarding dosing.')).toContain('Albuquerque');
    expect(found('Note written by Szymanski, RN.')).toContain('Szymanski');
    expect(found('Transport: Uncle Lionel will drive.').join(' ')).toContain('Lionel');
  });
  it('leaves departments, pronouns and staff words before the same verbs alone', () => {
    const text =
      'The Patient reports pain. She reports pain. Cardiology called. Pharmacy called back. Nursing reports stable. Discussed with Neurology and with Patient Services. Mailed to Baltimore, MD.';
    expect(found(text)).toEqual([]);
  });
});
