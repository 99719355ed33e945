/**
 * Classes of false flags and misses found by the fourth independent answer set (corpus/tuning-independent-4.txt,
 * ex held-out 6), each with fresh sentences (not corpus items) and a near miss. False alarms go through one gate
 * (certainty.ts): a contradiction must show a complete parse (issue 18).
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';

type Patient = Parameters<typeof verifyClaims>[0]['patient'];
const verdicts = (answer: string, patient?: Patient, guideline?: 'china-2018' | 'china-2024') =>
  verifyClaims({
    answer,
    passages: [],
    ...(patient ? { patient } : {}),
    ...(guideline ? { guideline } : {}),
  });
const bad = (answer: string, patient?: Patient, guideline?: 'china-2018' | 'china-2024') =>
  verdicts(answer, patient, guideline)
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('certainty gate: a contradiction needs a complete parse (independent set 4)', () => {
  it('a category stated for one pressure only is not the category of the whole reading', () => {
    expect(bad('按中国2018指南，您的血压 162/104 mmHg：舒张压处在2级范围，收缩压也在2级。')).toEqual([]);
    expect(bad('Under China 2018, at 152/112 mmHg the systolic is in the grade 1 range.')).toEqual([]);
    const c = verdicts('按中国2018指南，您的血压 150/104 mmHg：收缩压处在1级范围。')[0];
    expect(c?.reason).toMatch(/收缩压或舒张压之一/);
    // Near miss: the category of the whole reading, the axis only in a "because" clause, is still checked.
    expect(bad('按中国2018指南，162/104 mmHg 属于1级高血压，因为收缩压在160以上。')).toEqual([
      'bp-threshold',
    ]);
  });

  it('a reading with categories for one pressure only takes the category of the next sentence ("因此判为…")', () => {
    expect(
      bad('按中国2018指南，血压 185/94 mmHg：收缩压在3级范围，舒张压在1级范围。因此判为1级高血压。'),
    ).toEqual(['bp-threshold']);
    expect(
      bad('按中国2018指南，血压 185/94 mmHg：收缩压在3级范围，舒张压在1级范围。因此判为3级高血压。'),
    ).toEqual([]);
  });

  it('a denied change or a value attributed to another source is unverifiable', () => {
    expect(bad('2024版中国指南并没有把诊室高血压的标准降到 130/80 mmHg。', undefined, 'china-2024')).toEqual(
      [],
    );
    expect(
      bad(
        'The 130/80 threshold you might have read about comes from a different document.',
        undefined,
        'china-2024',
      ),
    ).toEqual([]);
    // Near miss: the same value stated plainly is contradicted.
    expect(bad('2024版中国指南把诊室高血压的标准定为 130/80 mmHg。', undefined, 'china-2024')).toEqual([
      'bp-threshold',
    ]);
  });

  it("a value in a clause attributed to others or to the past ('some experts', 'previous', '以前') is unverifiable", () => {
    expect(
      bad(
        'Some experts suggest a target below 120/80 mmHg, but ESH 2023 recommends 120–129 systolic for most adults.',
      ),
    ).toEqual([]);
    expect(
      bad('Your previous target was below 150/90 mmHg; at 62 the ESH 2023 target is below 130/80 mmHg.', {
        age: 62,
      }),
    ).toEqual([]);
    // Near miss: the guideline's own clause is still checked.
    expect(
      bad('Your previous target was below 150/90 mmHg; at 62 the ESH 2023 target is below 160/95 mmHg.', {
        age: 62,
      }),
    ).toEqual(['bp-target']);
  });

  it('a hedged category is unverifiable; the same sentence without the hedge is checked', () => {
    expect(bad('按中国2018指南，145/92 mmHg 可能属于正常高值。')).toEqual([]);
    expect(bad('按中国2018指南，145/92 mmHg 属于正常高值。')).toEqual(['bp-threshold']);
  });

  it('a category denied with quotation marks is a denial ("不是“正常血压”")', () => {
    expect(bad('按中国2018指南，128/76 mmHg 不是“正常血压”，属于正常高值。')).toEqual([]);
    // Near miss: affirmed in quotes it is a claim and is checked.
    expect(bad('按中国2018指南，128/76 mmHg 属于“正常血压”。')).toEqual(['bp-threshold']);
  });

  it('a low start at a severe renal function stated in an earlier sentence is a renal adjustment', () => {
    expect(bad('Your creatinine clearance is 12 mL/min. Start lisinopril at 2.5 mg once daily.')).toEqual([]);
    expect(bad('Start lisinopril at 2.5 mg once daily.', { egfr: 8 })).toEqual([]);
    // Near miss: at a normal renal function the same start is far below the usual range.
    expect(bad('Your creatinine clearance is 90 mL/min. Start lisinopril at 2.5 mg once daily.')).toEqual([
      'dose',
    ]);
  });
});

describe('claim frame: a KDIGO category refers back to the value of the sentence before (independent set 4)', () => {
  it('an eGFR or ACR stated in one sentence, the category in the next ("这属于 G2 期", "that would be G4")', () => {
    expect(bad('您的 eGFR 为 35 mL/min/1.73 m²。按 KDIGO 分期，这属于 G2 期。')).toEqual(['lab-threshold']);
    expect(bad('Your eGFR is about 52 mL/min/1.73 m². Under KDIGO that would be G4.')).toEqual([
      'lab-threshold',
    ]);
    expect(bad('尿白蛋白/肌酐比值为 350 mg/g。按照 KDIGO，这属于 A2。')).toEqual(['lab-threshold']);
    // Near misses: the right category is supported; a category with no word referring back, or a sentence with
    // another number, is not read as about that value.
    expect(bad('您的 eGFR 为 35 mL/min/1.73 m²。按 KDIGO 分期，这属于 G3b 期。')).toEqual([]);
    expect(bad('Your eGFR is about 52 mL/min/1.73 m². G4 needs a nephrology referral.')).toEqual([]);
    expect(bad('Your eGFR is about 52 mL/min/1.73 m². Last year it was 70, which is G2.')).toEqual([]);
  });
});

describe("the patient's conditions and potassium carried to drug advice (independent set 4)", () => {
  it('a condition stated about the patient ("你怀孕 20 周了", "you developed …") applies to the next advice', () => {
    expect(bad('你怀孕 20 周了。氯沙坦可以继续用。')).toEqual(['drug-condition']);
    expect(
      bad("You're now 22 weeks pregnant and take candesartan. Candesartan can be continued for now."),
    ).toEqual(['drug-condition']);
    // Near miss: a general sentence about pregnancy is not the patient's condition.
    expect(bad('孕期高血压很常见。氯沙坦可以继续用。')).toEqual([]);
  });

  it('an ejection fraction below 40 % is HFrEF (REFERENCE §5.2: non-DHP CCB contraindicated at LVEF <40 %)', () => {
    expect(bad('您有射血分数 25% 的心力衰竭。地尔硫䓬是合适的选择。')).toEqual(['drug-condition']);
    expect(bad('您的射血分数是 58%。地尔硫䓬是合适的选择。')).toEqual([]);
  });

  it('a drug said fit to start at a potassium above its critical gate (MRA: K⁺ >5.0 mmol/L)', () => {
    expect(bad('Your potassium is 5.6 mmol/L. Eplerenone can be added to help your blood pressure.')).toEqual(
      ['drug-condition'],
    );
    expect(bad('Eplerenone can be started now.', { potassium: 5.4 })).toEqual(['drug-condition']);
    // Near misses: a potassium below the gate; a drug said not to be started is right.
    expect(bad('Your potassium is 4.4 mmol/L. Eplerenone can be added to help your blood pressure.')).toEqual(
      [],
    );
    expect(bad('您的血钾 5.7 mmol/L，不应加用螺内酯。')).toEqual([]);
  });
});

describe('renal number normalisation and starting doses (independent set 4)', () => {
  it('"under 10", "低于 30" are bounds below the number: the renal start of that band applies', () => {
    expect(
      bad(
        'On dialysis with a creatinine clearance under 10 mL/min, lisinopril can be started at 5 mg daily.',
      ),
    ).toEqual(['dose']);
    expect(bad('肌酐清除率低于 30 时，奈必洛尔也按常规 5 mg 每日一次起始，无需减量。')).toEqual([
      'dose',
      'drug-condition',
    ]);
    // Near misses: the band's own start is right.
    expect(
      bad(
        'On dialysis with a creatinine clearance under 10 mL/min, lisinopril can be started at 2.5 mg daily.',
      ),
    ).toEqual([]);
    expect(bad('肌酐清除率低于 30 时，奈必洛尔按 2.5 mg 每日一次起始。')).toEqual([]);
  });

  it("a bound in a general sentence is not the patient's value for other sentences", () => {
    expect(
      bad('Nebivolol is started at 5 mg once daily. In patients with CrCl below 30 mL/min, start at 2.5 mg.'),
    ).toEqual([]);
    // Near miss: a value stated as the patient's is carried.
    expect(bad('Nebivolol is started at 5 mg once daily for you. Your CrCl is 24 mL/min.')).toEqual(['dose']);
  });

  it('"doesn\'t need a renal adjustment … start at the usual 10 mg" at eGFR 22 is a renal start error', () => {
    expect(
      bad("Your eGFR is 24. Benazepril doesn't need a renal adjustment, so start at the usual 10 mg daily."),
    ).toContain('dose');
    expect(
      bad("Your eGFR is 74. Benazepril doesn't need a renal adjustment, so start at the usual 10 mg daily."),
    ).toEqual([]);
  });
});

describe('target frame tolerates filler words (independent set 4)', () => {
  it('"keep your office pressure below …", "considers office pressure below … adequate" are targets', () => {
    expect(
      bad('Under ESH 2023, for a 50-year-old it is enough to keep your office pressure below 150/95 mmHg.'),
    ).toEqual(['bp-target']);
    expect(bad('For adults aged 50, ESH 2023 considers office pressure below 150/95 mmHg adequate.')).toEqual(
      ['bp-target'],
    );
    // Near misses: the right target is not contradicted; a reading below a value with no adequacy word is no target.
    expect(
      bad('Under ESH 2023, for a 50-year-old it is enough to keep your office pressure below 130/80 mmHg.'),
    ).toEqual([]);
    expect(bad('Under ESH 2023, office pressure below 150/95 mmHg was seen in half the patients.')).toEqual(
      [],
    );
  });
});

describe('drugs carried to words that refer back; "reasonable way/alternative" (independent set 4)', () => {
  it('"这两个药…可以放心合用", "the two can be combined": the drugs (and doses) of the sentence before', () => {
    expect(bad('您在吃氨氯地平 10 mg，医生打算加用辛伐他汀每日 40 mg。这两个药可以放心合用。')).toEqual([
      'interaction',
    ]);
    expect(
      bad('You take lisinopril and the doctor suggests valsartan. The two can be safely combined.'),
    ).toEqual(['interaction']);
    expect(
      bad("Eplerenone was added to your ramipril. The two have no effect on each other's potassium."),
    ).toEqual(['interaction']);
    // Near misses: the allowed dose; a sentence naming its own drug does not refer back, and a rule among the
    // patient's current medicines only (lisinopril + valsartan) is not what "amlodipine can be combined" claims.
    expect(bad('您在吃氨氯地平 10 mg，医生打算加用辛伐他汀每日 20 mg。这两个药可以放心合用。')).toEqual([]);
    expect(
      bad('You take lisinopril and the doctor suggests valsartan. Amlodipine can be safely combined.'),
    ).toEqual([]);
  });

  it('"a reasonable way / alternative" recommends the drug', () => {
    expect(bad('Adding candesartan to your ramipril is a reasonable way to protect the kidneys.')).toEqual([
      'interaction',
    ]);
    expect(bad('You developed angioedema on ramipril. Perindopril is a reasonable alternative.')).toEqual([
      'drug-condition',
    ]);
    expect(bad('You developed angioedema on ramipril. Amlodipine is a reasonable alternative.')).toEqual([]);
  });
});

describe('citations: a passage about something else (independent set 4)', () => {
  const cite = (answer: string, p: { id: string; title: string; text: string }) =>
    verifyClaims({ answer, passages: [p] }).filter((c) => c.kind === 'citation')[0]!;
  const spiro = {
    id: 'p1',
    title: 'Spironolactone',
    text: 'Do not start spironolactone if potassium is above 5.0.',
  };
  const gfr = { id: 'p2', title: 'KDIGO', text: 'KDIGO GFR categories: G3a is 45–59 and G3b is 30–44.' };
  const preg = {
    id: 'p3',
    title: 'Pregnancy',
    text: 'In pregnancy, ACE inhibitors and ARBs are contraindicated.',
  };

  it('drugs the passage never names, or a lab topic it never mentions, after a lead-in with words', () => {
    expect(cite('Naproxen with ramipril and indapamide should be avoided [p1].', spiro).verdict).toBe(
      'contradicted',
    );
    expect(cite('按照 KDIGO 分类 [p2]，ACR 30–300 mg/g 属于 A2。', gfr).verdict).toBe('contradicted');
    // Near misses: the passage's own drug and topic.
    expect(cite('Spironolactone is not started above a potassium of 5.0 [p1].', spiro).verdict).toBe(
      'supported',
    );
    expect(cite('按照 KDIGO 分类 [p2]，G3b 为 30–44。', gfr).verdict).not.toBe('contradicted');
  });

  it('a combination is not supported by a passage naming each drug separately', () => {
    // Round 5 (decision 0018 group 1): a passage about the same drugs that never combines them is a citation error.
    expect(cite('正如 [p3] 所述，不推荐 ACEI 与 ARB 联用。', preg).verdict).toBe('contradicted');
    expect(cite('正如 [p3] 所述，孕期禁用 ACEI 和 ARB。', preg).verdict).not.toBe('contradicted');
  });
});

describe('a condition clause is not what the patient takes (independent set 4)', () => {
  it('"只要两种药间隔服用，就不会有明显的相互作用" is a claim about the combination', () => {
    expect(
      bad('您在用硝酸异山梨酯，又想使用他达拉非。只要两种药间隔 6 小时服用，就不会有明显的相互作用。'),
    ).toEqual(['interaction']);
    // Near miss: a safe pair under the same wording is not contradicted.
    expect(
      bad('您在用氨氯地平，又想使用缬沙坦。只要两种药间隔 6 小时服用，就不会有明显的相互作用。'),
    ).toEqual([]);
  });
});

describe('single-axis bounds in words (number normalisation)', () => {
  it('"收缩压不低于180", "a systolic of at least 180" is a lower threshold', () => {
    expect(bad('按中国2018指南，收缩压不低于170 mmHg属于3级高血压。')).toEqual(['bp-threshold']);
    expect(bad('Under ESH 2023, grade 3 is a systolic of at least 170 mmHg.')).toEqual(['bp-threshold']);
    expect(bad('按中国2018指南，收缩压不低于180 mmHg属于3级高血压。')).toEqual([]);
    expect(bad('Under ESH 2023, grade 3 is a systolic of at least 180 mmHg.')).toEqual([]);
  });
});

describe("a condition or value not the patient's current one (fresh false-alarm classes)", () => {
  it('a denied or past pregnancy is not the patient\'s condition; "must not be used in pregnancy" still is', () => {
    expect(bad('您以前怀孕时用过拉贝洛尔，现在没有怀孕，可以继续用氯沙坦。')).toEqual([]);
    expect(bad('You are not pregnant, so losartan can be continued.')).toEqual([]);
    expect(bad('您现在怀孕了，可以继续用氯沙坦。')).toEqual(['drug-condition']);
    expect(bad('Nifedipine must not be used in pregnancy.')).toEqual(['drug-condition']);
  });

  it('two potassium values in one sentence: which is current is not certain', () => {
    expect(
      bad('Your potassium was 5.4 last month but is 4.6 now, so eplerenone can be started with monitoring.'),
    ).toEqual([]);
    expect(bad('Your potassium is 5.4 mmol/L, so eplerenone can be started with monitoring.')).toEqual([
      'drug-condition',
    ]);
  });
});

describe('a bound in a hypothetical change is not a category edge', () => {
  it('"如果降到 44 以下，就属于 G3b", "if it drops below 60, that would be G3a" are unverifiable', () => {
    expect(bad('您的 eGFR 为 58。如果降到 44 以下，就属于 G3b。')).toEqual([]);
    expect(bad('Your eGFR is 62 today. If it drops below 60 on repeat testing, that would be G3a.')).toEqual(
      [],
    );
    // Near miss: a stated category edge is still checked.
    expect(bad('KDIGO G4 is an eGFR below 30.')).toEqual(['lab-threshold']);
  });
});
