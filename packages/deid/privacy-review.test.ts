/**
 * Issue 18, privacy officer's review from a fresh clone (10 new notes): the findings, each as a test.
 */
import { describe, expect, it } from 'vitest';
import { detectPhi } from './detect.ts';
import { deidentifyWithSpans } from './deidentify.ts';
import { PlaceholderVault } from './vault.ts';

const texts = (text: string) => detectPhi(text).map((s) => s.text);
const sent = (text: string, seed = 0) => deidentifyWithSpans([text], new PlaceholderVault({ seed }))[0]!.text;

describe('issue 18 review: English names without a cue word', () => {
  it('a referral opener and a later title: the given name is hidden too', () => {
    const note =
      'I am referring Jorge Alvarez (born March 3, 1961) for resistant hypertension. Mr. Alvarez smokes; Jorge walks daily.';
    const out = sent(note);
    for (const leaked of ['Jorge', 'Alvarez']) expect(out).not.toContain(leaked);
  });

  it('a surname found with a title anywhere hides every "Firstname Surname" and the bare given name', () => {
    const out = sent(
      'Adaeze Okonkwo came with her son. Mrs. Okonkwo reports dizziness. Adaeze denies chest pain.',
    );
    expect(out).not.toMatch(/Adaeze|Okonkwo/);
  });

  it('two capitalised words before (born, DOB, an age, "was seen", "is a … year-old" are a name', () => {
    expect(texts('Priya Raman (born 4/5/1970) presents')).toContain('Priya Raman');
    expect(texts('Tomasz Wojcik, DOB 02/11/1948, presents')).toContain('Tomasz Wojcik');
    expect(texts('Kwame Mensah was seen today for follow-up.')).toContain('Kwame Mensah');
    expect(texts('Dear Dr. Lee, I am writing regarding Ingrid Solberg, who has CKD.')).toContain(
      'Ingrid Solberg',
    );
    expect(texts('Re: Hamid Karimi\nThank you for seeing him.')).toContain('Hamid Karimi');
  });

  it('no names in drug, disease, place or guideline words in the same positions', () => {
    expect(texts('Chronic Kidney Disease was seen in 30 %.')).toEqual([]);
    expect(texts('Blood Pressure was seen to fall.')).toEqual([]);
    expect(texts('Amlodipine Besylate was seen to lower BP.')).toEqual([]);
    expect(texts('I am referring to the ACC/AHA guideline regarding Heart Failure.')).toEqual([]);
  });
});

describe('issue 18 review: missed identifiers', () => {
  it('insurance member ID without a colon', () => {
    expect(detectPhi('Insurance member ID BCX884120367.').map((s) => [s.category, s.text])).toEqual([
      ['INSURANCE_NO', 'BCX884120367'],
    ]);
  });

  it('employers after an occupation (teacher from …, works as … at …)', () => {
    expect(texts('She is a teacher from Lincoln Elementary School.')).toEqual(['Lincoln Elementary School']);
    expect(texts('He works as a machinist at Acme Tool Company.')).toEqual(['Acme Tool Company']);
  });

  it('"the 4th of November" is a date and is shifted', () => {
    expect(texts('Seen on the 4th of November.')).toEqual(['4th of November']);
    expect(sent('Seen on the 4th of November.', 0)).not.toContain('4th of November');
  });

  it('a name followed by 自述/主诉/因…就诊 without a cue, and its given name alone later', () => {
    expect(texts('黄秀梅自述头晕3天。')).toEqual(['黄秀梅']);
    expect(texts('门诊记录\n黄秀梅因头晕就诊。')).toEqual(['黄秀梅']);
    expect(texts('患者黄秀梅，女。秀梅说晚上睡不好。')).toEqual(['黄秀梅', '秀梅']);
  });

  it('an institution followed by an occupation is an employer; 系 is not part of it', () => {
    const found = detectPhi('患者系北京市海淀区中关村第三小学教师。');
    expect(found.map((s) => [s.category, s.text])).toEqual([['EMPLOYER', '北京市海淀区中关村第三小学']]);
  });

  it('a month-year date always changes (Feb 2025 does not stay Feb 2025 for a small shift)', () => {
    for (let seed = 0; seed < 60; seed++) {
      const out = sent('BP high since Feb 2025; 2024年6月起服药。', seed);
      expect(out).not.toContain('Feb 2025');
      expect(out).not.toContain('2024年6月');
    }
  });
});

describe('issue 18 review: dates of birth indicating an age over 89', () => {
  it('the birth year is generalised with the age (zh, age in the note)', () => {
    const out = sent('姓名：王桂兰，女，91岁。出生日期：1935年3月2日。');
    expect(out).toContain('90岁以上');
    expect(out).not.toContain('1935');
  });

  it('the birth year is generalised when the note is dated more than 89 years later (en)', () => {
    const out = sent('Visit 05/12/2025. DOB: 02/03/1934. Born in 1934 in Ohio.');
    expect(out).not.toContain('1934');
    expect(sent('2025年5月12日初诊。1933年出生。')).toContain('90岁以上出生');
  });

  it('a birth year of a patient aged 89 or younger stays (a relative aged 92 elsewhere does not matter)', () => {
    const out = sent('1961年3月5日出生。2025年5月12日初诊。92岁的母亲同住。');
    expect(out).toMatch(/1961年\d+月\d+日出生/);
  });
});
