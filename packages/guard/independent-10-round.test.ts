/**
 * Tuning round on independent sets 10 and 11 (corpus/tuning-independent-10.txt and -11, ex held-out 12 and 13): each
 * class is tested with fresh sentences (not corpus items) — a correct answer that must stay unflagged and, where the
 * class can hide an error, a planted error caught (issue 18).
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';
import type { GuardPassage, PatientContext } from './types.ts';

const PASSAGES: GuardPassage[] = [
  { id: 'q-lisi', title: '赖诺普利 用法', text: '赖诺普利起始 10 mg 每日一次，最大 40 mg/日。' },
  { id: 'q-g', title: 'KDIGO', text: 'KDIGO: G3a is 45–59 and G3b is 30–44 mL/min/1.73 m².' },
  {
    id: 'q-office',
    title: 'ACC/AHA 2017',
    text: 'ACC/AHA 2017: stage 1 is 130–139 or 80–89 mmHg; stage 2 is ≥140 or ≥90.',
  },
  {
    id: 'q-steps',
    title: '降压目标',
    text: '一般患者血压降至 140/90 mmHg 以下；能耐受者可进一步降至 130/80 mmHg 以下。',
  },
];
const bad = (answer: string, patient?: PatientContext) =>
  verifyClaims({ answer, passages: PASSAGES, ...(patient ? { patient } : {}) })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('stopping both when the drug stopped first is named by its class (clonidine label, REFERENCE §6 row 11)', () => {
  it('"先停β阻滞剂" / "stop the beta-blocker first" is the right order; clonidine first is wrong', () => {
    expect(
      bad('患者同时服用可乐定和比索洛尔，如需两药都停，应先停β受体阻滞剂，数日后再逐渐减停可乐定。'),
    ).toEqual([]);
    expect(
      bad(
        'For a patient on clonidine and nebivolol who must come off both, stop the beta-blocker first and taper clonidine over the next days.',
      ),
    ).toEqual([]);
    expect(bad('患者同时服用可乐定和比索洛尔，如需两药都停，应先停可乐定，数日后再停β受体阻滞剂。')).toEqual([
      'interaction',
    ]);
  });
});

describe('a harm after "可致" is the drug’s risk, not a statement that the pair is safe (REFERENCE §6)', () => {
  it('"X 与 Y 合用可致心动过缓和传导阻滞，不建议联用" is not read as "合用可"', () => {
    expect(bad('维拉帕米与比索洛尔合用可致心动过缓和房室传导阻滞，一般不建议联用。')).toEqual([]);
    expect(bad('维拉帕米与比索洛尔合用很安全，不会引起心动过缓。')).toEqual(['interaction']);
  });
});

describe('a prohibition addressed to the patient ("请勿/不要自行改用 X") is a harm (REFERENCE §5.2 pregnancy rows)', () => {
  const pregnant: PatientContext = { age: 31, sex: 'female', pregnant: true, drugs: ['methyldopa'] };
  it('"请勿自行改用ACEI或ARB" in pregnancy is right; "可以改用" is wrong', () => {
    expect(bad('孕期继续用甲基多巴即可，请勿自行改用ARB或ACEI。', pregnant)).toEqual([]);
    expect(bad('孕期继续用甲基多巴即可，不要自己换成ACEI。', pregnant)).toEqual([]);
    expect(bad('孕期如果甲基多巴效果不好，可以改用ARB。', pregnant)).toEqual(['drug-condition']);
  });
});

describe('a current dose said to need reduction is not called fine (simvastatin caps, REFERENCE §6)', () => {
  it('"目前 40 mg 需要减量" with amlodipine is right; "目前 40 mg 可以继续" is wrong', () => {
    expect(bad('辛伐他汀与氨氯地平合用时，目前每天40 mg需要减量到20 mg或换用其他他汀。')).toEqual([]);
    expect(
      bad(
        'Simvastatin with amlodipine: his current 40 mg daily should be reduced to 20 mg or switched to another statin.',
      ),
    ).toEqual([]);
    expect(bad('辛伐他汀与氨氯地平合用时，目前每天40 mg可以继续。')).toEqual(['interaction']);
    expect(bad('Simvastatin with amlodipine: his current 40 mg daily can be continued.')).toEqual([
      'interaction',
    ]);
  });
});

describe('a masked-hypertension word is a phenotype, not the office category (REFERENCE §2.5)', () => {
  it('"隐蔽性未控制高血压" with an office reading below 140/90 is not an office hypertension claim', () => {
    const treated: PatientContext = { drugs: ['amlodipine'] };
    expect(
      bad(
        'On two drugs: office 126/78, home 139/82 mmHg, which is masked uncontrolled hypertension.',
        treated,
      ),
    ).toEqual([]);
    expect(
      bad('已服两种降压药，诊室 126/78 mmHg，家庭血压 139/82 mmHg，属于隐蔽性未控制高血压。', treated),
    ).toEqual([]);
  });
});

describe('a setting named before "血压升高" is that setting’s hypertension, not the ACC/AHA "elevated" category', () => {
  it('"动态血压升高" at a 24-h mean above 130/80 is right; below both is wrong', () => {
    expect(bad('24小时动态血压均值134/79 mmHg，收缩压≥130，按中国2018指南属于动态血压升高。')).toEqual([]);
    expect(bad('24小时动态血压均值124/76 mmHg，按中国2018指南属于动态血压升高。')).toEqual(['bp-threshold']);
  });
});

describe('a category named after a range ("把 A 称为 X，B 另称 Y") is that range’s (ESH 2023 Table 4)', () => {
  it('each range takes the name after it', () => {
    expect(bad('ESH 2023 把130–139/85–89称为high-normal，把120–129/80–84另称为normal。')).toEqual([]);
    expect(bad('ESH 2023 把130–139/85–89称为high-normal，把120–129/80–84另称为high-normal。')).toEqual([
      'bp-threshold',
    ]);
  });
});

describe('a qualified threshold in its own clause ("does not meet the >180/120 severe flag") takes no other category', () => {
  it('the value of a severe/crisis flag is not the stage named in an earlier clause', () => {
    expect(
      bad(
        'For 178/112, ESH 2023 gives grade 3. Under ACC/AHA 2017 it is stage 2, and it does not meet the ">180/120" crisis flag.',
      ),
    ).toEqual([]);
    expect(
      bad('Under ACC/AHA 2017, 178/112 is stage 1, and it does not meet the ">180/120" crisis flag.'),
    ).toEqual(['bp-threshold']);
  });
});

describe('list numbers ("1." "2.") are no values of a cited passage', () => {
  it('a numbered list item cited to a passage is checked on its own numbers only', () => {
    expect(
      bad('按中国2018指南：1. 先降到140/90 mmHg以下；2. 能耐受者进一步降到130/80 mmHg以下[q-steps]。'),
    ).toEqual([]);
    expect(
      bad('按中国2018指南：1. 先降到140/90 mmHg以下；2. 能耐受者进一步降到120/70 mmHg以下[q-steps]。'),
    ).toContain('citation');
  });
});

describe('a night or home value cited to a passage of office categories (ACC/AHA 2017 Table 6 names no setting)', () => {
  it('the passage gives office values: an out-of-office value attributed to it is contradicted', () => {
    expect(bad('夜间平均血压≥110/65 mmHg 就算夜间高血压 [q-office]，您夜间平均 116/70。')).toContain(
      'citation',
    );
    expect(
      bad('Home readings of 130/80 or more count as hypertension under ACC/AHA 2017 [q-office].'),
    ).toContain('citation');
    expect(bad('按ACC/AHA 2017，诊室血压130–139/80–89属于1期高血压 [q-office]。')).toEqual([]);
  });
});

describe('a population or renal condition the cited passage never mentions (off-topic citations)', () => {
  it('a diabetes/CKD target cited to a passage of general targets is contradicted; its own population is not', () => {
    expect(bad('合并糖尿病的患者应降至130/80 mmHg以下[q-steps]。')).toContain('citation');
    expect(bad('For CKD with albuminuria the target is below 130/80 [q-steps].')).toContain('citation');
    expect(bad('能耐受者可进一步降至130/80 mmHg以下[q-steps]。')).toEqual([]);
  });
  it('a renal statement about a drug cited to its dosing passage that says nothing about the kidney is contradicted', () => {
    expect(bad('赖诺普利在肾功能不全时不需要调整剂量[q-lisi]。')).toContain('citation');
    expect(bad('赖诺普利起始 10 mg 每日一次[q-lisi]。')).toEqual([]);
  });
  it('a drug statement without numbers cited to a passage that names no medicine is contradicted', () => {
    expect(bad('Lisinopril can be used at any kidney function [q-g].')).toContain('citation');
    expect(bad('An eGFR of 40 is G3b [q-g].')).toEqual([]);
  });
});

describe('a reading compared with a threshold or range the answer states (arithmetic on its own numbers)', () => {
  it('"exceeds / crosses / 已超过 A/B" must hold; ">" is strict', () => {
    expect(bad('今天血压 178/116 mmHg，已超过 180/120 mmHg，需要按急症处理。')).toContain('bp-threshold');
    expect(bad('Her reading is 186/112. That already exceeds 180/110, so it is grade 3.')).toEqual([]);
    expect(bad('His BP is 176/121 today, which crosses the >180/120 line.')).toEqual([]);
    expect(bad('His BP is 176/119 today, which crosses the >180/120 line.')).toContain('bp-threshold');
  });
  it('"neither reaches / 两项都没超过 A/B" must hold on both pressures', () => {
    expect(bad('家庭血压平均 132/87 mmHg，两项都没超过 135/85。')).toContain('bp-threshold');
    expect(bad('家庭血压平均 132/83 mmHg，两项都没超过 135/85。')).toEqual([]);
    expect(bad('Her daytime mean is 131/88. Neither component reaches 135/85.')).toContain('bp-threshold');
    expect(bad('Her daytime mean is 131/82. Neither component reaches 135/85.')).toEqual([]);
  });
  it('"收缩压在 A–B 之间" / "systolic within A–B" must hold for the reading', () => {
    expect(bad('血压 184/102 mmHg，收缩压在160–179之间。')).toContain('bp-threshold');
    expect(bad('血压 174/102 mmHg，收缩压在160–179之间。')).toEqual([]);
    expect(bad('A reading of 158/96: the systolic is within 160–179.')).toContain('bp-threshold');
  });
});

describe('"可以加 X" / "加上 X" / "fine for X" start a drug; "not a barrier/problem for X" is safe (REFERENCE §5.2, §6)', () => {
  it('the MRA potassium gate (K⁺ >5.0) applies to "只要…就可以加螺内酯" and "K⁺ … are fine for spironolactone"', () => {
    expect(bad('血钾 5.3 mmol/L，只要不超过 5.5 就可以加依普利酮。')).toContain('drug-condition');
    expect(bad('Potassium 5.4 and eGFR 70 are fine for eplerenone.')).toContain('drug-condition');
    expect(bad('血钾 4.6 mmol/L，可以加依普利酮，两周后复查血钾。')).toEqual([]);
    expect(bad('Potassium 4.4 and eGFR 70 are fine for eplerenone.')).toEqual([]);
  });
  it('"is not a problem/barrier for X" in a condition X is avoided in is contradicted', () => {
    expect(bad('Bilateral renal artery stenosis is not a problem for ARBs; start losartan 50 mg.')).toContain(
      'drug-condition',
    );
    expect(bad('Gout is not a problem for amlodipine.')).toEqual([]);
  });
  it('"A 效果不够，可以加上 B" combines them', () => {
    expect(bad('贝那普利效果不够，可以加上氯沙坦一起降压。')).toEqual(['interaction']);
    expect(bad('贝那普利效果不够，可以加上氨氯地平一起降压。')).toEqual([]);
  });
});

describe('one category named twice ("在A2范围（…以内算A2）") and "属正常" are read (KDIGO A categories; ACC/AHA 2017 Table 11)', () => {
  it('an ACR above 300 mg/g said to be A2, with the category repeated in brackets, is contradicted', () => {
    expect(bad('尿ACR 410 mg/g，属于A2范围（30–300之间都算A2）。')).toContain('lab-threshold');
    expect(bad('尿ACR 210 mg/g，属于A2范围（30–300之间都算A2）。')).toEqual([]);
  });
  it('"属正常" names the category', () => {
    expect(bad('按ACC/AHA 2017，24小时动态均值 128/78 mmHg，属正常。')).toContain('bp-threshold');
    expect(bad('按ACC/AHA 2017，24小时动态均值 118/70 mmHg，属正常。')).toEqual([]);
    // A "≥" threshold in the same sentence is the diagnostic threshold, not an edge of "normal".
    expect(bad('按中国2018指南，家庭血压的诊断标准为≥140/90，因此家庭 137/83 尚属正常。')).toContain(
      'bp-threshold',
    );
  });
});

describe('an interaction played down ("只是轻度相互作用", "only a mild interaction") is a safe claim (REFERENCE §6)', () => {
  it('a contraindicated pair called a mild interaction is contradicted', () => {
    expect(bad('西地那非和单硝酸异山梨酯只是轻微相互作用，错开几个小时服用即可。')).toEqual(['interaction']);
    expect(bad('Sildenafil and isosorbide mononitrate only have a minor interaction.')).toEqual([
      'interaction',
    ]);
    expect(bad('氨氯地平和二甲双胍之间只是轻度相互作用，可以一起吃。')).toEqual([]);
  });
});

describe('"systolic below N is enough" is a target (ACC/AHA 2017 ≥65: SBP <130, REFERENCE §7.1)', () => {
  it('a looser systolic target for an older adult credited to ACC/AHA 2017 is contradicted', () => {
    expect(bad('ACC/AHA 2017 for a 70-year-old man: systolic under 145 is adequate.')).toEqual(['bp-target']);
    expect(bad('ACC/AHA 2017 for a 70-year-old man: systolic under 130 is the goal.')).toEqual([]);
  });
});

describe('"CrCl by Cockcroft–Gault is about N" gives the patient’s CrCl (REFERENCE §4.2, §5.3 lisinopril rows)', () => {
  it('the method named between the word and the value does not hide the value', () => {
    expect(
      bad(
        'Creatinine clearance by Cockcroft–Gault is roughly 22 mL/min. Lisinopril needs no renal adjustment, so keep 20 mg daily.',
      ),
    ).toContain('drug-condition');
    expect(
      bad(
        'Creatinine clearance by Cockcroft–Gault is roughly 45 mL/min. Lisinopril needs no renal adjustment, so keep 20 mg daily.',
      ),
    ).toEqual([]);
  });
});
