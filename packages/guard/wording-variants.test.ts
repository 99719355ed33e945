/**
 * Wording variants the guard parses with certainty (issue 18, fresh sentences, each with a near miss): ranges
 * written with words or as two ranges joined by "and/or", Roman-numeral grades, targets without the word "target",
 * "can be initiated" as a use claim, and which category a value in a list of categories belongs to.
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';

const bad = (answer: string) =>
  verifyClaims({ answer, passages: [] })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('ranges written many ways', () => {
  it('"140/90–159/99" is a range of pairs; "from 140/90 to 130/80" is not', () => {
    expect(bad('Under ESH 2023, grade 1 is 140/90–159/99 mmHg.')).toEqual([]);
    expect(bad('Under ESH 2023, grade 1 is 140/90–169/99 mmHg.')).toEqual(['bp-threshold']);
  });
  it('"between A and B" and "在A到B之间" are ranges', () => {
    expect(bad('Under ESH 2023, grade 2 is a systolic between 160 and 189 mmHg.')).toEqual(['bp-threshold']);
    expect(bad('按中国2018指南，2级高血压是指收缩压在160到179 mmHg之间。')).toEqual([]);
    expect(bad('按中国2018指南，2级高血压是指收缩压在150到179 mmHg之间。')).toEqual(['bp-threshold']);
  });
  it('two ranges joined by and/or are a systolic/diastolic pair, each with the category named before it', () => {
    expect(
      bad('ESH 2023: normal is 120–129 and/or 80–84 mmHg, high-normal 130–139 and/or 85–89 mmHg.'),
    ).toEqual([]);
    expect(
      bad('ESH 2023: normal is 120–129 and/or 80–84 mmHg, high-normal 130–139 and/or 80–89 mmHg.'),
    ).toEqual(['bp-threshold']);
    // near miss: a reading still takes the category after it
    expect(bad('Under ESH 2023, 150/95 mmHg is grade 1 and 165/102 mmHg is grade 2.')).toEqual([]);
  });
});

describe('category and target wording', () => {
  it('Roman-numeral grades (grade II, Ⅱ级)', () => {
    expect(bad('Under ESH 2023, 165/95 mmHg is grade II hypertension.')).toEqual([]);
    expect(bad('按中国2018指南，血压 150/95 mmHg 属于Ⅱ级高血压。')).toEqual(['bp-threshold']);
  });
  it('"get/keep BP below" is a target', () => {
    expect(
      bad('We use the Chinese 2018 guideline. Most patients should get their BP below 150/90 mmHg.'),
    ).toEqual(['bp-target']);
    expect(
      bad('We use the Chinese 2018 guideline. Most patients should get their BP below 140/90 mmHg.'),
    ).toEqual([]);
    // near miss: "keep taking" is not a target
    expect(bad('Keep taking amlodipine; your BP of 150/95 mmHg was measured once.')).toEqual([]);
  });
  it('"can be initiated" at a renal function is a use claim', () => {
    expect(bad('With an eGFR of 20, dapagliflozin can be initiated.')).toEqual(['drug-condition']);
    expect(bad('With an eGFR of 40, dapagliflozin can be initiated.')).toEqual([]);
  });
});

describe('patient context and drug wording', () => {
  it('a potassium stated without its unit ("K+ 5.8") gates a potassium interaction', () => {
    // …and the MRA's own start gate (K⁺ >5.0 mmol/L, REFERENCE §5.2/§5.3).
    expect(bad('Patient K+ 5.8. Adding spironolactone to his ramipril is fine.')).toEqual([
      'interaction',
      'drug-condition',
    ]);
    expect(bad('Patient K+ 4.2. Adding spironolactone to his ramipril is fine.')).toEqual([]);
    // near miss: a dose with a decimal is not a potassium
    expect(bad('Potassium chloride 1.5 g can be added to ramipril.')).toEqual([]);
  });
  it('"孕妇" names pregnancy; "can take" is a use claim', () => {
    expect(bad('孕妇可以服用缬沙坦控制血压。')).toEqual(['drug-condition']);
    expect(bad('孕妇可以服用拉贝洛尔控制血压。')).toEqual([]);
    expect(bad('A patient with bilateral renal artery stenosis can take lisinopril.')).toEqual([
      'drug-condition',
    ]);
    expect(bad('A patient with bilateral renal artery stenosis should not take lisinopril.')).toEqual([]);
  });
  it('"N hours after the last dose of" is a switch interval', () => {
    expect(bad('Sacubitril/valsartan can be started 12 hours after the last dose of enalapril.')).toEqual([
      'interaction',
    ]);
    expect(bad('Sacubitril/valsartan can be started 36 hours after the last dose of enalapril.')).toEqual([]);
  });
});

describe('context carried from earlier sentences', () => {
  it('the setting an earlier sentence named carries to a sentence that names none', () => {
    expect(bad('You asked about home readings. Under ESH 2023 the threshold is 140/90 mmHg.')).toEqual([
      'bp-threshold',
    ]);
    expect(
      bad('For home monitoring, ESH 2023 uses a lower cut-off. Hypertension is diagnosed at 135/85 mmHg.'),
    ).toEqual([]);
    // near miss: a sentence naming its own setting keeps it
    expect(bad('You asked about home readings. Under ESH 2023 the office threshold is 140/90 mmHg.')).toEqual(
      [],
    );
  });
  it('"should be brought below" is a target, with the age of an earlier sentence', () => {
    expect(
      bad(
        'Your father is 84 years old. Under the Chinese 2018 guideline his BP should be brought below 130/80 mmHg.',
      ),
    ).toEqual(['bp-target']);
    expect(
      bad(
        'Your father is 84 years old. Under the Chinese 2018 guideline his BP should be brought below 150/90 mmHg.',
      ),
    ).toEqual([]);
  });
});

describe('false-alarm classes found with fresh correct sentences', () => {
  it('the old value of a change ("lowered … from 140/90 to 130/80") is not the guideline\'s value', () => {
    expect(bad('ACC/AHA 2017 lowered the diagnostic threshold from 140/90 to 130/80 mmHg.')).toEqual([]);
    expect(bad('美国2017 ACC/AHA指南把高血压诊断标准从140/90 mmHg下调到130/80 mmHg。')).toEqual([]);
    // near miss: the new value is still checked
    expect(bad('ACC/AHA 2017 lowered the diagnostic threshold from 140/90 to 135/85 mmHg.')).toEqual([
      'bp-threshold',
    ]);
  });
  it('a hedged reading ("may be normal at home") is not a classification', () => {
    expect(bad('The white-coat effect means office readings of 150/95 mmHg may be normal at home.')).toEqual(
      [],
    );
    expect(bad('Under ESH 2023, office readings of 150/95 mmHg are normal.')).toEqual(['bp-threshold']);
  });
  it('"可与…联用" states a safe combination in its own clause', () => {
    expect(bad('ACEI或ARB可与CCB或噻嗪类利尿剂联用，但ACEI与ARB不能联用。')).toEqual([]);
    expect(bad('ACEI可与ARB联用。')).toEqual(['interaction']);
  });
});

describe('dose caps named by class', () => {
  it('a dose cap on one drug of a class named only as the class is not known to apply', () => {
    expect(bad('With diltiazem, keep simvastatin at 10 mg a day or switch to another statin.')).toEqual([]);
    // near miss: the capped drug named above its cap
    expect(bad('Simvastatin 40 mg can be taken with diltiazem.')).toEqual(['interaction']);
  });
});

describe('a guideline family named without its edition', () => {
  it('"我国指南/the Chinese guideline" is checked against the Chinese editions only (all must disagree)', () => {
    expect(bad('我国指南规定，诊室血压≥130/80 mmHg即可诊断高血压。')).toEqual(['bp-threshold']);
    expect(bad('我国指南规定，诊室血压≥140/90 mmHg即可诊断高血压。')).toEqual([]);
    // near miss: no guideline at all keeps every guideline as a candidate (ACC/AHA 2017 uses 130/80)
    expect(bad('诊室血压≥130/80 mmHg即可诊断高血压。')).toEqual([]);
  });
});

describe('KDIGO categories named as CKD stages', () => {
  it('"CKD stage 3b", "CKD 3b期", "CKD stage 1" are KDIGO GFR categories; "CKD stage 3" is G3a or G3b', () => {
    expect(bad('Her eGFR is 52, which is CKD stage 3b.')).toEqual(['lab-threshold']);
    expect(bad('肾小球滤过率 52，属于CKD 3a期。')).toEqual([]);
    expect(bad('An eGFR of 28 means CKD stage 3.')).toEqual(['lab-threshold']);
    expect(bad('An eGFR of 35 means CKD stage 3.')).toEqual([]);
    // near miss: a CKD patient count or a dose is not a stage
    expect(bad('CKD 3 times more common in diabetes; eGFR 52 is G3a.')).toEqual([]);
  });
});

describe('dose frequency wording', () => {
  it('"一天两次" multiplies a single dose into the daily amount', () => {
    expect(bad('氨氯地平每次 10 mg，一天两次。')).toEqual(['dose']);
    expect(bad('氨氯地平每次 5 mg，一天一次。')).toEqual([]);
  });
});

describe('upper bounds', () => {
  it('"optimal is below 120/80" / "正常血压：<120/80" is the category\'s upper edge, never a reading', () => {
    expect(bad('按中国2018指南：\n1. 正常血压：<120/80 mmHg\n2. 正常高值：120–139/80–89 mmHg')).toEqual([]);
    expect(bad('Under ESH 2023, optimal blood pressure is below 120/80 mmHg.')).toEqual([]);
    expect(bad('Under ESH 2023, optimal blood pressure is below 130/85 mmHg.')).toEqual(['bp-threshold']);
    // near miss: a bound on "hypertension" is not a category edge
    expect(bad('Under ESH 2023, below 140/90 mmHg is not hypertension.')).toEqual([]);
  });
});

describe('class membership through the drug knowledge base', () => {
  it('"X is a <class>" / "X属于<class>" is checked; a generic class name accepts its whole family', () => {
    expect(bad('Losartan is an ACE inhibitor.')).toEqual(['attribution']);
    expect(bad('氨氯地平属于非二氢吡啶类钙通道阻滞剂。')).toEqual(['attribution']);
    expect(bad('Losartan is an angiotensin receptor blocker.')).toEqual([]);
    // near misses: generic names ("calcium channel blocker", "diuretic") cover the family
    expect(bad('Verapamil is a calcium channel blocker.')).toEqual([]);
    expect(bad('Furosemide is a diuretic.')).toEqual([]);
  });
});

describe('office categories named for out-of-office readings', () => {
  it('a home reading above the home threshold called normal, or below it called a grade, is wrong', () => {
    expect(bad('ACC/AHA 2017 classifies a home reading of 132/82 mmHg as normal.')).toEqual(['bp-threshold']);
    expect(bad('Under ESH 2023, a home mean of 128/78 mmHg is grade 1 hypertension.')).toEqual([
      'bp-threshold',
    ]);
    // near misses: on the right side of the threshold the office category cannot be checked
    expect(bad('Under ESH 2023, a home mean of 150/95 mmHg is grade 1 hypertension.')).toEqual([]);
    expect(bad('Under ESH 2023, a home mean of 128/78 mmHg is normal.')).toEqual([]);
  });
});

describe('measurement times the engine has no setting for', () => {
  it('"清晨血压" / "morning BP" alone is not an office value; "morning home readings" are home readings', () => {
    expect(bad('按中国2018指南，清晨血压≥135/85 mmHg 为清晨高血压。')).toEqual([]);
    expect(bad('Under ESH 2023, morning home readings ≥140/90 mmHg indicate hypertension.')).toEqual([
      'bp-threshold',
    ]);
  });
});
