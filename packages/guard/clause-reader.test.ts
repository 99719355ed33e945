/**
 * The clause reader (clauses.ts) and the claims read from its triples (extract-clause-claims.ts), issue 18: fresh
 * sentences (not corpus items), zh and en, one class per block — planted errors caught, correct answers unflagged.
 * Facts: out-of-office thresholds REFERENCE §2.2 (ESH 2023 home ≥135/85, night ≥120/70; ACC/AHA 2017 daytime
 * ≥130/80, Table 11), office categories §1.1–§1.3, RAAS + potassium §6 row 3, simvastatin caps §6.
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';
import { readClauses, splitClauses } from './clauses.ts';
import type { GuardPassage, PatientContext } from './types.ts';

const PASSAGES: GuardPassage[] = [
  {
    id: 'q-simva',
    title: '辛伐他汀',
    text: '辛伐他汀与氨氯地平合用时每日剂量不超过 20 mg；与维拉帕米或地尔硫䓬合用时不超过 10 mg。',
  },
  {
    id: 'q-amlo',
    title: 'Simvastatin caps',
    text: 'Simvastatin: do not exceed 20 mg daily with amlodipine; do not exceed 10 mg daily with verapamil or diltiazem.',
  },
  {
    id: 'q-stage',
    title: 'ACC/AHA 2017',
    text: 'ACC/AHA 2017: stage 1 hypertension is SBP 130–139 mmHg or DBP 80–89 mmHg; stage 2 is ≥140 or ≥90.',
  },
];
const bad = (answer: string, patient?: PatientContext) =>
  verifyClaims({ answer, passages: PASSAGES, ...(patient ? { patient } : {}) })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('splitting and reading clauses', () => {
  it('splits on zh/en punctuation and contrast words, keeps numbers and table rows whole', () => {
    expect(splitClauses('家庭血压≥135/85即为高血压，而不是140/90。').map((c) => c.text)).toEqual([
      '家庭血压≥135/85即为高血压，',
      '而不是140/90。',
    ]);
    expect(splitClauses('It is 1,000 mg, but only twice.').map((c) => c.text)).toEqual([
      'It is 1,000 mg,',
      'but only twice.',
    ]);
    const row = splitClauses('| 家庭血压 | ≥135/85 mmHg |');
    expect(row).toHaveLength(1);
    expect(row[0]!.cells).toEqual(['家庭血压', '≥135/85 mmHg']);
  });

  it('reads subject, relation, value and polarity; each value takes the setting of its own stretch', () => {
    const [home, day] = readClauses('ESH 2023：家庭均值≥135/85、白天≥135/85 mmHg 即为高血压').filter(
      (t) => t.value?.kind === 'bp',
    );
    expect(home).toMatchObject({
      subject: { setting: 'home' },
      relation: 'threshold',
      guideline: 'esh-2023',
    });
    expect(day).toMatchObject({ subject: { setting: 'day' }, relation: 'threshold', negated: false });
    const denied = readClauses('按照ACC/AHA 2017，118/84并不是“血压升高”，而是1期高血压').filter(
      (t) => t.value?.kind === 'category',
    );
    expect(denied.map((t) => [t.value?.kind === 'category' && t.value.category, t.negated])).toEqual([
      ['elevated', true],
      ['stage-1', false],
    ]);
    const anaphor = readClauses('These can be taken together without any rise in potassium.')[0]!;
    expect(anaphor).toMatchObject({ subject: { kind: 'anaphor' }, relation: 'interacts', negated: true });
    // Number forms: "140 over 90" is a pressure pair.
    expect(
      readClauses('home readings count as high from 140 over 90').find((t) => t.value?.kind === 'bp')?.value,
    ).toMatchObject({
      kind: 'bp',
      sbp: 140,
      dbp: 90,
    });
  });

  it('a name without its edition nearest before the value keeps the value from the later full name', () => {
    const t = readClauses(
      'a 24-hour mean of 127/77 counts as high under ACC/AHA (≥125/75), but ESH 2023 differs',
    ).find((x) => x.value?.kind === 'bp' && x.value.sbp === 125)!;
    expect(t.guideline).toBeUndefined();
    expect(t.bareGuideline).toBe(true);
  });
});

describe('an out-of-office setting in a threshold relation is that setting’s diagnostic threshold (REFERENCE §2.2)', () => {
  it('catches a wrong threshold however the relation is worded', () => {
    expect(bad('Under ESH 2023, home readings count as hypertension starting at 140/90 mmHg.')).toContain(
      'bp-threshold',
    );
    expect(bad('按ESH 2023，夜间血压从130/80起就算高血压。')).toContain('bp-threshold');
    expect(bad('ESH 2023：家庭血压均值达到140/90才诊断高血压。')).toContain('bp-threshold');
    expect(
      bad(
        'For the ACC/AHA 2017 guideline, daytime ambulatory pressure is diagnosed as hypertensive at 135/85 or above.',
      ),
    ).toContain('bp-threshold');
  });

  it('leaves correct thresholds and readings compared with a threshold unflagged', () => {
    expect(bad('Under ESH 2023, home readings count as hypertension starting at 135/85 mmHg.')).toEqual([]);
    expect(bad('按ESH 2023，夜间血压从120/70起就算高血压。')).toEqual([]);
    expect(
      bad(
        'Under ESH 2023 your home average of 138/86 is above the home threshold, so it counts as hypertension.',
      ),
    ).toEqual([]);
    expect(
      bad(
        'ESH 2023: your night-time mean of 118/68 is below the night threshold of 120/70, so it is not high.',
      ),
    ).toEqual([]);
    expect(
      bad('ESH 2023 home hypertension starts from 135/85, not from the office value of 140/90.'),
    ).toEqual([]);
    expect(
      bad(
        'ESH 2023 defines home hypertension as a mean of ≥135/85 mmHg and night-time hypertension as ≥120/70 mmHg.',
      ),
    ).toEqual([]);
    expect(bad('ESH 2023：家庭血压平均≥135/85、24小时≥130/80、夜间≥120/70 mmHg即为高血压。')).toEqual([]);
    expect(
      bad(
        'A 24-hour mean of 127/77 counts as high under ACC/AHA (≥125/75), but under ESH 2023 it is below 130/80.',
      ),
    ).toEqual([]);
  });
});

describe('a category credited to a guideline by an attribution relation (REFERENCE §1.1–§1.3)', () => {
  it('catches a category credited to a guideline that lacks it, values or not', () => {
    expect(bad('The "elevated" category (120–129/<80 mmHg) comes from the China 2018 guideline.')).toContain(
      'bp-threshold',
    );
    expect(bad('“正常高值”这个分类（130–139/85–89）出自ACC/AHA 2017指南。')).toContain('bp-threshold');
  });
  it('leaves a category credited to its own guideline unflagged', () => {
    expect(bad('The "elevated" category of 120–129/<80 mmHg comes from the ACC/AHA 2017 guideline.')).toEqual(
      [],
    );
    expect(bad('“正常高值”这一分类（130–139/85–89 mmHg）出自ESH 2023。')).toEqual([]);
  });
});

describe('words that refer back as the subject of an interaction clause (REFERENCE §6)', () => {
  it('catches a denied potassium effect of the drugs just named', () => {
    expect(
      bad(
        'He takes ramipril and recently started potassium chloride tablets. These can be taken together without any rise in potassium.',
      ),
    ).toContain('interaction');
    expect(bad('她在用氯沙坦，最近又加了螺内酯。两者一起用不会导致血钾升高。')).toContain('interaction');
  });
  it('leaves safe pairs and stated effects unflagged', () => {
    expect(bad('她在用氨氯地平和阿托伐他汀。这两个药一起用没有问题。')).toEqual([]);
    expect(
      bad('He takes amlodipine and losartan. These can be taken together; it is a recommended combination.'),
    ).toEqual([]);
    expect(
      bad(
        'She takes lisinopril and potassium chloride. These raise potassium together, so potassium must be checked.',
      ),
    ).toEqual([]);
  });
});

describe('a cited clause naming no drug is about the drugs of the sentence before, not a later clause’s', () => {
  it('compares the value with the passage’s value for that pair', () => {
    expect(
      bad(
        'Simvastatin with amlodipine needs a cap. No more than 20 mg a day, or 10 mg if taken with diltiazem [q-amlo].',
      ),
    ).toEqual([]);
    expect(
      bad(
        'Simvastatin with amlodipine needs a cap. No more than 40 mg a day, or 10 mg if taken with diltiazem [q-amlo].',
      ),
    ).toContain('citation');
    expect(
      bad('辛伐他汀与氨氯地平合用需要限量。每日不超过40 mg，若与地尔硫䓬合用则不超过10 mg [q-simva]。'),
    ).toContain('citation');
  });
});

describe('a category the sentence denies is a contrast, not a topic it cites the passage for', () => {
  it('leaves "not elevated but stage 1" cited to a stage passage unflagged, and catches "is elevated"', () => {
    expect(
      bad(
        'Under ACC/AHA 2017, 124/86 is not "elevated" but stage 1: a diastolic of 80–89 alone is stage 1 [q-stage].',
      ),
    ).toEqual([]);
    expect(bad('按ACC/AHA 2017，125/82不算“血压升高”，而是1期：舒张压80–89即为1期 [q-stage]。')).toEqual([]);
    expect(
      bad('Under ACC/AHA 2017, 124/86 is "elevated": a diastolic of 80–89 alone is elevated [q-stage].'),
    ).not.toEqual([]);
  });
});

describe('a blind probe item, after measurement: "reaches" is the en cue of the table’s "达到"', () => {
  it('catches a home threshold stated with "once it reaches", and keeps the correct one', () => {
    expect(bad('ESH 2023 says a home average only becomes hypertensive once it reaches 145/90.')).toContain(
      'bp-threshold',
    );
    expect(bad('ESH 2023 says a home average becomes hypertensive once it reaches 135/85.')).toEqual([]);
    expect(bad('Your home average reached 138/86, which ESH 2023 counts as home hypertension.')).toEqual([]);
  });
});
