/**
 * Tuning round on independent set 12 (corpus/tuning-independent-12.txt, ex held-out 14: ask-the-pharmacist answers
 * and prescription-review summaries): each class is tested with fresh sentences (not corpus items) — a correct
 * answer that must stay unflagged and, where the class can hide an error, a planted error caught (issue 18).
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';
import type { GuardPassage, PatientContext } from './types.ts';

const PASSAGES: GuardPassage[] = [
  {
    id: 'r-combo',
    title: '联合用药',
    text: '优先选择 ACEI/ARB 联合二氢吡啶类钙通道阻滞剂。不推荐 ACEI 与 ARB 联用。',
  },
  {
    id: 'r-spiro',
    title: 'Spironolactone',
    text: 'Do not start spironolactone if potassium is above 5.0 mmol/L or eGFR is below 30.',
  },
];
const bad = (answer: string, patient?: PatientContext) =>
  verifyClaims({ answer, passages: PASSAGES, ...(patient ? { patient } : {}) })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('a review that finds a combination "not in line with the guideline" says it is not advised (REFERENCE §6)', () => {
  it('"不符合指南推荐" / "does not comply with the guideline" is a harm, so dual RAS blockade stays unflagged', () => {
    expect(
      bad('处方中雷米普利与氯沙坦同时开具，为ACEI联用ARB，不符合指南的推荐 [r-combo]，建议只保留一种。'),
    ).toEqual([]);
    expect(bad('依那普利加缬沙坦属于双重RAS阻断，不符合指南推荐。')).toEqual([]);
    expect(
      bad(
        'Lisinopril prescribed with telmisartan is dual RAS blockade and does not comply with the guideline [r-combo].',
      ),
    ).toEqual([]);
    // The planted error stays caught: the pair called a guideline-recommended combination.
    expect(bad('雷米普利与氯沙坦联用符合指南推荐，可以继续 [r-combo]。')).toContain('interaction');
  });
});

describe('a switch with its interval stated after "先停" is a washout, not an order of stopping (Entresto label, REFERENCE §6)', () => {
  it('"必须先停 X 至少 36 小时再开始 Y" / "stop X first and wait 36 hours" is right; 12 hours is wrong', () => {
    expect(bad('从赖诺普利换成沙库巴曲缬沙坦，需要先停赖诺普利满36小时再开始服用。')).toEqual([]);
    expect(
      bad(
        'To move from ramipril to sacubitril/valsartan, stop ramipril first and wait at least 36 hours before the first dose.',
      ),
    ).toEqual([]);
    expect(bad('从赖诺普利换成沙库巴曲缬沙坦，先停赖诺普利12小时再开始服用即可。')).toEqual(['interaction']);
  });
});

describe('a potassium reported with a few words before its value ("came back at 5.3") is the patient’s (REFERENCE §5.2)', () => {
  it('the cited passage’s 5.0 cut-off is not contradicted by the patient’s reading; starting at that reading is', () => {
    expect(
      bad(
        'His potassium came back at 5.3 — above 5.0 — so spironolactone should not be started yet [r-spiro].',
      ),
    ).toEqual([]);
    expect(bad('患者血钾这次复查是5.4，高于5.0，暂不宜开始螺内酯 [r-spiro]。')).toEqual([]);
    expect(bad('His potassium came back at 5.8, so spironolactone can be started today.')).toContain(
      'drug-condition',
    );
    // A bound is no reading: "potassium above 5.0" leaves the patient's value unknown.
    expect(bad('Spironolactone should not be started when potassium is above 5.0 [r-spiro].')).toEqual([]);
  });
});

describe('a range after "eGFR of" is the passage’s band, not a reading (KDIGO, REFERENCE §4.3)', () => {
  it('"G3a covers an eGFR of 45–59" cited to a KDIGO passage stays supported', () => {
    const kdigo = [
      { id: 'r-g', title: 'KDIGO', text: 'KDIGO: G3a is 45–59 and G3b is 30–44 mL/min/1.73 m².' },
    ];
    const out = verifyClaims({
      answer: 'G3a covers an eGFR of 45–59 mL/min/1.73 m² [r-g].',
      passages: kdigo,
    });
    expect(out.filter((c) => c.verdict === 'contradicted')).toEqual([]);
  });
});

describe('an interaction played down as "only moderate" is a safe claim (REFERENCE §6)', () => {
  it('a contraindicated pair called moderate is caught; a moderate pair called moderate stays unflagged', () => {
    const diabetic: PatientContext = { age: 62, sex: 'male', conditions: ['diabetes'] };
    expect(bad('阿利吉仑加用在厄贝沙坦上只是中度相互作用，定期查血钾就行。', diabetic)).toContain(
      'interaction',
    );
    expect(
      bad('Aliskiren added to candesartan is only a moderate interaction; just recheck potassium.', diabetic),
    ).toContain('interaction');
    expect(
      bad('Ramipril with naproxen is only a moderate interaction; recheck blood pressure and creatinine.'),
    ).toEqual([]);
    expect(bad('依那普利与布洛芬只是中度相互作用，需要复查血压和肌酐。')).toEqual([]);
  });
});

describe('a dose or a renal value in Chinese number words is read as its digits (REFERENCE §5.1, §4.3)', () => {
  it('"二十毫克" is 20 mg and "eGFR六十五" is 65, checked as if written in digits', () => {
    expect(bad('氨氯地平一天最多能吃到二十毫克。')).toEqual(['dose']);
    expect(bad('氨氯地平一天最多吃十毫克，起始五毫克。')).toEqual([]);
    expect(bad('缬沙坦每天最大剂量三百二十毫克。')).toEqual([]);
    expect(bad('他的eGFR六十六，已经属于G3a期了。')).toEqual(['lab-threshold']);
    expect(bad('他的eGFR五十二，属于G3a期。')).toEqual([]);
    // Number words that are not a dose or a renal value stay as they are.
    expect(bad('每天吃一次，一次一片，连续服用三个月后复查。')).toEqual([]);
  });
});

describe('an amount right after the second drug of "X与Y N mg合用" is Y’s (REFERENCE §5.1, §6 simvastatin caps)', () => {
  it('"地尔硫䓬与辛伐他汀10 mg合用" is simvastatin 10 mg; the amount after "合用时" stays the first drug’s', () => {
    expect(bad('维拉帕米与辛伐他汀10 mg合用是可以的，出现肌肉酸痛要及时就诊。')).toEqual([]);
    expect(bad('氨氯地平与辛伐他汀20 mg合用在允许范围内。')).toEqual([]);
    expect(bad('维拉帕米与辛伐他汀40 mg合用没有问题。')).toContain('interaction');
    expect(bad('辛伐他汀与氨氯地平合用时每日不超过 20 mg。')).toEqual([]);
    expect(bad('辛伐他汀与氨氯地平合用时每日不超过 40 mg。')).not.toEqual([]);
  });
});
