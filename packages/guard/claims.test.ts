/**
 * Claim extraction and verdicts for the cases issue 18 names (facts per REFERENCE §1–§7; each expected value is
 * the table row the comment names).
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';
import type { CheckedClaim, GuardPassage } from './types.ts';

const verdicts = (answer: string, extra: Parameters<typeof verifyClaims>[0] = { answer: '' }) =>
  verifyClaims({ ...extra, answer });
const kinds = (cs: CheckedClaim[], kind: string) => cs.filter((c) => c.kind === kind).map((c) => c.verdict);

describe('BP readings are classified, not read as category edges', () => {
  it('150/95 is grade 1 under China 2018 (§1.3 grade 1 140–159/90–99)', () => {
    expect(kinds(verdicts('150/95 mmHg is grade 1 hypertension under China 2018.'), 'bp-threshold')).toEqual([
      'supported',
    ]);
    expect(kinds(verdicts('按中国高血压防治指南2018，150/95 mmHg 为2级高血压。'), 'bp-threshold')).toEqual([
      'contradicted',
    ]);
  });
  it('135/85 is stage 1 under ACC/AHA 2017 (§1.1 stage 1 130–139 or 80–89)', () => {
    expect(kinds(verdicts('135/85 mmHg is stage 1 under ACC/AHA 2017.'), 'bp-threshold')).toEqual([
      'supported',
    ]);
    expect(kinds(verdicts('ACC/AHA 2017: 142/88 mmHg is stage 1 hypertension.'), 'bp-threshold')).toEqual([
      'contradicted',
    ]);
  });
  it('systolic and diastolic written apart (§1.3 grade 3 ≥180)', () => {
    expect(
      kinds(
        verdicts('中国高血压防治指南2018：收缩压 185 mmHg、舒张压 105 mmHg 属于3级高血压。'),
        'bp-threshold',
      ),
    ).toEqual(['supported']);
  });
  it('each reading takes its own category (§1.2 normal 120–129/80–84, optimal <120/<80)', () => {
    const c = verdicts(
      'Using ESH 2023, 122/82 mmHg is in the normal range, and 118/76 mmHg would be optimal.',
    );
    expect(kinds(c, 'bp-threshold')).toEqual(['supported', 'supported']);
  });
  it('home and ambulatory readings use their own thresholds (§2.2 home ≥135/85; §2.1 ACC/AHA 24-h ≥125/75)', () => {
    expect(
      kinds(verdicts('Under ESH 2023, a home average of 138/84 mmHg is home hypertension.'), 'bp-threshold'),
    ).toEqual(['supported']);
    expect(
      kinds(
        verdicts('Under ESH 2023, a home average of 132/82 mmHg meets the home hypertension threshold.'),
        'bp-threshold',
      ),
    ).toEqual(['contradicted']);
    expect(
      kinds(
        verdicts('ACC/AHA 2017 sets the 24-hour ambulatory hypertension threshold at 125/75 mmHg.'),
        'bp-threshold',
      ),
    ).toEqual(['supported']);
    expect(kinds(verdicts('中国2018指南规定家庭血压 ≥140/90 mmHg 才可诊断高血压。'), 'bp-threshold')).toEqual(
      ['contradicted'],
    );
  });
  it('a category range is compared with where the category begins and ends (§1.3 正常高值 120–139/80–89)', () => {
    expect(
      kinds(verdicts('China 2018 defines high-normal blood pressure as 130–139/85–89 mmHg.'), 'bp-threshold'),
    ).toEqual(['contradicted']);
    expect(
      kinds(verdicts('中国高血压防治指南2018将正常高值定义为 120–139/80–89 mmHg。'), 'bp-threshold'),
    ).toEqual(['supported']);
  });
});

describe('targets with or without the word, guideline and population carried over', () => {
  it('without the word "target" (§7.3 一般患者 <140/90, 能耐受 <130/80)', () => {
    const c = verdicts(
      '中国高血压防治指南2018建议：一般高血压患者血压应降至140/90 mmHg以下。如能耐受，可进一步降至130/80 mmHg以下。',
    );
    expect(kinds(c, 'bp-target')).toEqual(['supported', 'supported']);
  });
  it('guideline named a sentence earlier, age from the text (§7.2 age 65–79 <140/80)', () => {
    const c = verdicts(
      'This patient is 70 years old and we follow ESH 2023. Aim to bring office BP below 150/90 mmHg.',
    );
    expect(kinds(c, 'bp-target')).toEqual(['contradicted']);
  });
  it('age from the patient context (§7.2 age 18–64 <130/80)', () => {
    const c = verdicts('Following ESH 2023, the office target for this patient is below 140/90 mmHg.', {
      answer: '',
      patient: { age: 60 },
    });
    expect(kinds(c, 'bp-target')).toEqual(['contradicted']);
  });
  it('a target REFERENCE does not verify is unverifiable, with a neutral reason (§7.1 is UNVERIFIED)', () => {
    const [t] = verdicts(
      'ACC/AHA 2017 recommends a target below 140/90 mmHg for adults with diabetes.',
    ).filter((c) => c.kind === 'bp-target');
    expect(t?.verdict).toBe('unverifiable');
    expect(t?.reason).toContain('no verified guideline value');
  });
});

describe('KDIGO categories through the renal engine (§4.3)', () => {
  it('the digits of "mL/min/1.73 m²" are not values', () => {
    expect(
      kinds(verdicts('An eGFR of 38 mL/min/1.73 m² corresponds to KDIGO category G3b.'), 'lab-threshold'),
    ).toEqual(['supported']);
    expect(kinds(verdicts('An eGFR of 50 mL/min/1.73 m² is KDIGO stage G3b.'), 'lab-threshold')).toEqual([
      'contradicted',
    ]);
  });
  it('ranges and bounds: G4 15–29, G5 below 15, G1 ≥90', () => {
    expect(
      kinds(
        verdicts('KDIGO G4 covers an eGFR of 15–29 mL/min/1.73 m², and G5 is below 15.'),
        'lab-threshold',
      ),
    ).toEqual(['supported', 'supported']);
    expect(kinds(verdicts('KDIGO G2 期对应 eGFR 30–59 mL/min/1.73 m²。'), 'lab-threshold')).toEqual([
      'contradicted',
    ]);
  });
});

describe('interactions: three drugs, potassium, doses, class lists', () => {
  it('NSAID + ACE inhibitor + diuretic called fine is contradicted (§6 row 4)', () => {
    const c = verdicts('Ibuprofen is fine for her knee pain even though she takes ramipril and indapamide.');
    expect(kinds(c, 'interaction')).toContain('contradicted');
  });
  it('current medicines from an earlier sentence count (§6 row 4)', () => {
    const c = verdicts(
      'He is on telmisartan and furosemide. Diclofenac can safely be added for his back pain.',
    );
    expect(kinds(c, 'interaction')).toContain('contradicted');
  });
  it('spironolactone with lisinopril at K⁺ 4.2 is not an error; at 5.9 it is (§6 row 3, §5.3 K⁺ >5.0)', () => {
    expect(
      kinds(
        verdicts('Spironolactone 25 mg can be added to lisinopril since potassium is 4.2 mmol/L.'),
        'interaction',
      ),
    ).toEqual(['supported']);
    expect(
      kinds(
        verdicts(
          'Spironolactone can be safely added to enalapril; a potassium of 5.9 mmol/L is not a concern.',
        ),
        'interaction',
      ),
    ).toContain('contradicted');
  });
  it('simvastatin 20 mg with amlodipine is within the cap; 40 mg is not (§6 row 6)', () => {
    expect(
      verdicts('Simvastatin 20 mg with amlodipine is acceptable.').some((c) => c.verdict === 'contradicted'),
    ).toBe(false);
    expect(
      kinds(verdicts('Simvastatin 40 mg daily is safe together with amlodipine.'), 'interaction'),
    ).toContain('contradicted');
  });
  it('a list of first-line classes is not a combination claim (§7.1, §7.3)', () => {
    for (const answer of [
      'First-line: ACE inhibitor, ARB, CCB, thiazide.',
      '一线降压药包括ACEI、ARB、二氢吡啶类CCB、噻嗪类利尿剂和β受体阻滞剂，可单用或联合使用。',
      '优先选择 ACEI/ARB 联合二氢吡啶类钙通道阻滞剂。',
    ])
      expect(kinds(verdicts(answer), 'interaction')).not.toContain('contradicted');
  });
  it('ACE inhibitor + ARB called safe is contradicted (§6 row 1)', () => {
    expect(kinds(verdicts('Lisinopril and valsartan can be combined safely.'), 'interaction')).toContain(
      'contradicted',
    );
  });
});

describe('citations: what the passage states', () => {
  const passages: GuardPassage[] = [
    { id: 'p1', text: '氨氯地平起始剂量 5 mg，每日一次，最大剂量 10 mg/日。老年人可从 2.5 mg 起始。' },
    { id: 'p2', text: 'Do not start spironolactone if potassium is above 5.0 mmol/L or eGFR is below 30.' },
    { id: 'p3', text: '优先选择 ACEI/ARB 联合二氢吡啶类钙通道阻滞剂。不推荐 ACEI 与 ARB 联用。' },
  ];
  const cite = (answer: string) => verifyClaims({ answer, passages }).find((c) => c.kind === 'citation');
  it('supported when the passage states it', () => {
    expect(cite('Older adults may start amlodipine at 2.5 mg [p1].')?.verdict).toBe('supported');
    expect(cite('不推荐 ACEI 与 ARB 联用[p3]。')?.verdict).toBe('supported');
  });
  it('contradicted when the passage states otherwise (number, or polarity)', () => {
    expect(
      cite("Amlodipine's maximum is 10 mg per day, and older patients start at 5 mg [p1].")?.verdict,
    ).toBe('contradicted');
    expect(cite('Do not start spironolactone if potassium is above 5.5 mmol/L [p2].')?.verdict).toBe(
      'contradicted',
    );
    expect(cite('推荐 ACEI 与 ARB 联用以保护肾脏[p3]。')?.verdict).toBe('contradicted');
  });
  it('unverifiable when the passage says nothing about it', () => {
    expect(cite('Eplerenone should not be started if eGFR is below 30 [p2].')?.verdict).toBe('unverifiable');
  });
  it('numbers of a kind the passage never gives are a citation error (decision 0018 group 1)', () => {
    // p1 gives doses only: an interval in weeks attributed to it is not what it states.
    expect(cite('氨氯地平用药 2 周后复查血压[p1]。')?.verdict).toBe('contradicted');
  });
  it('a passage that was not given is contradicted', () => {
    expect(cite('Amlodipine maximum 10 mg per day [p9].')?.verdict).toBe('contradicted');
  });
});

describe('honest verdicts', () => {
  it('a maximum REFERENCE marks UNVERIFIED is unverifiable with a neutral reason (§5.1a metoprolol succinate 400 mg)', () => {
    const [d] = verdicts('Metoprolol succinate can be increased to 600 mg per day.').filter(
      (c) => c.kind === 'dose',
    );
    expect(d?.verdict).toBe('unverifiable');
    expect(d?.reason).not.toMatch(/REFERENCE|UNVERIFIED/);
  });
  it('a renal statement is checked, not dropped: "eGFR 25 可以使用二甲双胍" (metformin label: eGFR <30 contraindicated)', () => {
    const c = verdicts('eGFR 25 可以使用二甲双胍。');
    expect(c.map((x) => [x.kind, x.verdict])).toContainEqual(['drug-condition', 'contradicted']);
  });
  it('a medical sentence with nothing to check is listed as unverifiable', () => {
    const c = verdicts('Beta-blockers are not first-line unless there is a compelling indication.');
    expect(c.length).toBeGreaterThan(0);
    expect(c.every((x) => x.verdict === 'unverifiable')).toBe(true);
  });
  it('plain lifestyle advice without medical claims still passes', () => {
    expect(verdicts('建议规律运动，保证睡眠。').filter((c) => c.verdict === 'contradicted')).toEqual([]);
  });
});

describe('home targets are the office target converted (targetFor with a setting; §2.1 Table 11, §7.3)', () => {
  it('China 2018 general office <140/90 corresponds to home <135/85', () => {
    expect(
      kinds(verdicts('按中国2018指南，一般高血压患者家庭血压应控制在 135/85 mmHg 以下。'), 'bp-target'),
    ).toEqual(['supported']);
    expect(
      kinds(verdicts('按中国2018指南，一般高血压患者家庭血压应控制在 145/95 mmHg 以下。'), 'bp-target'),
    ).toEqual(['contradicted']);
  });
});

describe('population and patient context', () => {
  it('a denied condition is not the population (clinical-language negation; §7.3 diabetes <130/80 vs general <140/90)', () => {
    const c = verdicts('按中国2018指南，无糖尿病的一般高血压患者血压应降至 150/90 mmHg 以下。');
    expect(kinds(c, 'bp-target')).toEqual(['contradicted']);
  });
  it("the patient's potassium from the request gates the MRA rule (§6 row 3, §5.3 K⁺ >5.0)", () => {
    const answer = 'Spironolactone can be added to lisinopril.';
    expect(kinds(verdicts(answer, { answer: '', patient: { potassium: 4.2 } }), 'interaction')).toEqual([
      'supported',
    ]);
    expect(kinds(verdicts(answer, { answer: '', patient: { potassium: 5.6 } }), 'interaction')).toEqual([
      'contradicted',
    ]);
  });
});

describe('one class vocabulary from drug-knowledge', () => {
  it('class names, their bracketed abbreviations and allergy-group names all resolve', async () => {
    const { classNames } = await import('./vocabulary.ts');
    const names = new Map(classNames().map((c) => [c.name, c.classId]));
    expect(names.get('acei')).toBe('acei'); // from "血管紧张素转换酶抑制剂(ACEI)"
    expect(names.get('arb')).toBe('arb');
    expect(names.get('nsaids')).toBe('nsaid'); // allergy group names
    expect(names.get('thiazide diuretic')).toBe('thiazide'); // DRUG_CLASSES name
  });
});

describe('references across sentences', () => {
  it('a category stated for the previous sentence’s reading (§1.1 stage 1 130–139 or 80–89)', () => {
    const ok = verdicts(
      'Your readings average 128/82 mmHg. Under ACC/AHA 2017 this is stage 1 hypertension.',
    );
    expect(kinds(ok, 'bp-threshold')).toEqual(['supported']);
    const bad = verdicts(
      'Your readings average 128/78 mmHg. Under ACC/AHA 2017 this is stage 1 hypertension.',
    );
    expect(kinds(bad, 'bp-threshold')).toEqual(['contradicted']);
  });
  it('a medicine said to be continued is one the patient takes (§6 row 4 triple combination)', () => {
    const c = verdicts(
      'Losartan can be continued. Ibuprofen is fine for the pain although he also takes hydrochlorothiazide.',
    );
    expect(kinds(c, 'interaction')).toContain('contradicted');
  });
});

describe('statements that are not the diagnostic table are not judged against it', () => {
  it('severe hypertension in pregnancy is not the diagnostic threshold', () => {
    expect(
      verdicts('孕妇血压 ≥160/110 mmHg 属于重度高血压，需紧急处理。').some(
        (c) => c.verdict === 'contradicted',
      ),
    ).toBe(false);
  });
  it('"3 months" after a KDIGO category is not an eGFR', () => {
    const c = verdicts(
      'Your eGFR is 58, which is stage G3a chronic kidney disease if it persists for more than 3 months.',
    );
    expect(kinds(c, 'lab-threshold')).toEqual(['supported']);
  });
});
