import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import { LEXICON, SOURCES } from './lexicon/index.ts';

// Every surface form of every lexicon entry is recognised as its own concept, affirmed, when written alone.
describe('lexicon entries', () => {
  for (const concept of LEXICON) {
    it(`${concept.id}: every surface form is found, affirmed`, () => {
      for (const form of [...concept.zh, ...concept.en]) {
        const a = analyze(form);
        const m = a.mentions.find((x) => x.concept === concept.id);
        expect(
          m,
          `"${form}" → ${concept.id} (got ${a.mentions.map((x) => x.concept).join(',') || 'nothing'})`,
        ).toBeDefined();
        expect(m?.modifiers.negated, `"${form}" must not be negated`).toBe(false);
      }
    });
  }

  it('ids are unique, every row cites a known source, codes are well formed', () => {
    expect(new Set(LEXICON.map((c) => c.id)).size).toBe(LEXICON.length);
    for (const c of LEXICON) {
      expect(c.sources.length).toBeGreaterThan(0);
      for (const s of c.sources) expect(SOURCES[s], `${c.id} cites ${s}`).toBeDefined();
      if (c.codes.snomed) expect(c.codes.snomed).toMatch(/^\d{6,18}$/);
      if (c.codes.icd10) expect(c.codes.icd10).toMatch(/^[A-Z]\d{2}(\.\d{1,2})?$/);
      if (c.codes.atc) expect(c.codes.atc).toMatch(/^[A-Z]\d{2}[A-Z]{2}\d{2}$/);
      if (c.emergency) expect(c.redFlag, `${c.id}: an emergency concept names its red flag`).toBeDefined();
    }
  });

  it('emergency concepts cover the stroke campaigns (BE-FAST, 中风120) and REFERENCE §1.5 symptoms', () => {
    const emergency = LEXICON.filter((c) => c.emergency).map((c) => c.id);
    for (const id of [
      'facial-droop',
      'limb-weakness',
      'speech-difficulty',
      'balance-loss',
      'sudden-vision-loss',
    ])
      expect(emergency).toContain(id);
    for (const id of ['chest-pain', 'tearing-pain', 'dyspnoea', 'confusion', 'seizure'])
      expect(emergency).toContain(id);
    expect(LEXICON.find((c) => c.id === 'hypertension')?.codes).toEqual({ snomed: '38341003', icd10: 'I10' }); // REFERENCE §8.4/§8.5
  });

  it('gap patterns read colloquial wording', () => {
    const cases: [string, string][] = [
      ['右边胳膊一点劲都没有', 'limb-weakness'],
      ['左边手脚使不上劲', 'limb-weakness'],
      ['说话有点不利索', 'speech-difficulty'],
      ['嘴巴有点歪', 'facial-droop'],
      ['胸口有点闷', 'chest-pain'],
      ['后背像刀割', 'tearing-pain'],
      ['I cannot lift my left arm', 'limb-weakness'],
      ['her face looks droopy on one side', 'facial-droop'],
      ['his speech sounds slurred', 'speech-difficulty'],
      ['pain going through to my back', 'tearing-pain'],
      ['头突然炸了一样疼', 'thunderclap-headache'],
      ['我爸脑梗了', 'stroke-now'],
      ['看东西有点模糊', 'blurred-vision'],
      ['climbing stairs makes me short of breath', 'exertional-dyspnoea'],
    ];
    for (const [text, id] of cases)
      expect(
        analyze(text).mentions.map((m) => m.concept),
        text,
      ).toContain(id);
  });

  it('back pain and numbness are crisis signs: an emergency only with a crisis reading (AHA hypertensive crisis)', async () => {
    const { emergencyCall } = await import('./analyze.ts');
    expect(LEXICON.filter((c) => c.crisisSign).map((c) => c.id)).toEqual(['numbness', 'back-pain']);
    expect(emergencyCall(analyze('血压200/125，后背疼')).emergency).toBe(true);
    expect(emergencyCall(analyze('BP 210/100 and my hands are numb')).emergency).toBe(true);
    expect(emergencyCall(analyze('后背疼，手麻')).emergency).toBe(false);
    expect(emergencyCall(analyze('血压200/125，没有后背疼')).emergency).toBe(false);
  });

  it('does not read look-alikes as concepts', () => {
    for (const text of [
      '我很心疼我妈',
      'confused about my pills',
      '没有尿频',
      'tearing up at the movie',
      '十分感谢',
    ])
      expect(
        analyze(text).mentions.filter((m) => m.emergency),
        text,
      ).toEqual([]);
  });
});

describe('lexicon patterns added from the independent tuning part (issue 16)', () => {
  const has = (t: string, id: string) => analyze(t).mentions.some((m) => m.concept === id);
  it('involuntary jerking, 抽过风, collapsed and shaking are seizure; cramps and fans are not', () => {
    expect(has('他手脚不由自主地抽，停不下来', 'seizure')).toBe(true);
    expect(has('小时候抽过风，后来再没犯过', 'seizure')).toBe(true);
    expect(has('found grandpa on the floor shaking', 'seizure')).toBe(true);
    expect(has('抽了风扇的插头', 'seizure')).toBe(false);
    expect(has('shaking the rug out on the floor', 'seizure')).toBe(false);
  });
  it('人有点糊涂 is confusion; 做事糊涂 is not; 头痛得很厉害 is a severe headache', () => {
    expect(has('妈妈高压一百九 人有点糊涂', 'confusion')).toBe(true);
    expect(has('这人做事糊涂', 'confusion')).toBe(false);
    expect(has('如果头痛得很厉害要不要去急诊', 'severe-headache')).toBe(true);
  });
});
