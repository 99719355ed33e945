/**
 * Second tuning round on independent sets 8 and 9 (corpus/tuning-independent-8.txt and -9): each class is tested
 * with fresh sentences (not corpus items) — a planted error caught AND a correct near miss not flagged (issue 18).
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';

const bad = (answer: string) =>
  verifyClaims({ answer, passages: [] })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('stopping both drugs when the pair is named first (clonidine label: β-blocker first, REFERENCE §6 row 11)', () => {
  it('the drug stopped first is read at its second mention, after the pair', () => {
    expect(bad('可乐定和阿替洛尔两种药都准备停掉，先停可乐定，过几天再停阿替洛尔。')).toEqual([
      'interaction',
    ]);
    expect(bad('可乐定和阿替洛尔两种药都准备停掉，先停阿替洛尔，过几天再减停可乐定。')).toEqual([]);
    expect(
      bad('Clonidine and metoprolol are both coming off: stop clonidine first, then metoprolol.'),
    ).toEqual(['interaction']);
    expect(
      bad('Clonidine and metoprolol are both coming off: stop metoprolol first, then taper clonidine.'),
    ).toEqual([]);
  });
});

describe('a list said fine item by item; a denied interaction that drug knowledge gates by potassium (§6 row 3)', () => {
  it('"A、B都没有关系" combines each item with the medicine taken; "no interaction" is wrong at any potassium', () => {
    expect(bad('您正在服用缬沙坦，枸橼酸钾、阿莫西林都没有关系，它们和缬沙坦之间没有相互作用。')).toEqual([
      'interaction',
    ]);
    expect(bad('您正在服用缬沙坦，阿莫西林、头孢呋辛都没有关系，可以照常吃。')).toEqual([]);
    expect(bad('Potassium citrate and valsartan do not interact, so no blood test is needed.')).toEqual([
      'interaction',
    ]);
    // Without a denial the gated rule needs the potassium: not contradicted.
    expect(bad('您正在服用缬沙坦，枸橼酸钾、阿莫西林都可以吃，但要定期查血钾。')).toEqual([]);
  });
});

describe('a medicine the patient takes said fit to continue under the condition stated (REFERENCE §5.2)', () => {
  it('"目前服用 X …，可以继续使用" in pregnancy is a claim about X in pregnancy', () => {
    expect(bad('怀孕20周的患者现在服用氯沙坦50 mg每日一次，血压平稳，可以继续使用。')).toEqual([
      'drug-condition',
    ]);
    expect(bad('怀孕20周的患者现在服用拉贝洛尔100 mg每日两次，血压平稳，可以继续使用。')).toEqual([]);
    expect(bad('您怀孕16周了，目前服用贝那普利10 mg每日一次，能继续吃。')).toEqual(['drug-condition']);
    // Stopping it and switching ("改用") to a preferred drug is right.
    expect(bad('您怀孕16周了，目前服用贝那普利10 mg每日一次，不能继续吃，要改用拉贝洛尔。')).toEqual([]);
  });
});

describe('"可用 X" is a statement that X may be used (and "不可用" is not)', () => {
  it('a non-dihydropyridine CCB at an ejection fraction below 40 % (REFERENCE §5.2 non-DHP CCB row)', () => {
    expect(bad('射血分数 25% 的心衰患者，可用地尔硫卓控制心室率。')).toEqual(['drug-condition']);
    expect(bad('射血分数 62% 的患者，可用地尔硫卓控制心室率。')).toEqual([]);
    expect(bad('射血分数 25% 的心衰患者不可用地尔硫卓。')).toEqual([]);
  });
});

describe('a target denied with "不必强求/非要降到" is not a target claim (REFERENCE §7.3 [V2] ≥80 <150/90)', () => {
  it('the looser target stated first is checked; the denied stricter one is not', () => {
    expect(bad('85岁的老人按中国2018指南降压目标是<150/90 mmHg，不必非要降到130/80。')).toEqual([]);
    expect(bad('85岁的老人按中国2018指南降压目标是<150/90 mmHg，没必要强求降到140/90。')).toEqual([]);
    expect(bad('85岁的老人按中国2018指南降压目标是<130/80 mmHg。')).toEqual(['bp-target']);
  });
});

describe('a harm said to be minimal ("影响很小") or a denied "triple whammy" is a safe statement (REFERENCE §6 row 4)', () => {
  it('an NSAID added to an ACE inhibitor/ARB and a diuretic, called harmless', () => {
    expect(
      bad('缬沙坦加氢氯噻嗪的患者再加布洛芬：布洛芬对肾功能影响不大，不构成三重打击，照常开即可。'),
    ).toEqual(['interaction']);
    expect(
      bad('缬沙坦加氢氯噻嗪的患者再加布洛芬：这构成三重打击，应尽量避免，必须用时监测肌酐和血钾。'),
    ).toEqual([]);
    expect(
      bad('On valsartan and hydrochlorothiazide, adding naproxen is not a triple whammy, so just go ahead.'),
    ).toEqual(['interaction']);
  });
});

describe('G1/G2 with A1 is not CKD (REFERENCE §4.3 [V2]: without markers of kidney damage)', () => {
  it('a CKD diagnosis at eGFR ≥60 with an ACR in A1 is wrong; with albuminuria or a structural marker it is not', () => {
    expect(bad('化验 eGFR 为 76，尿白蛋白/肌酐比值 9 mg/g，按 KDIGO 这已经算慢性肾脏病2期。')).toEqual([
      'lab-threshold',
    ]);
    expect(bad('化验 eGFR 为 76，尿白蛋白/肌酐比值 85 mg/g，按 KDIGO 这已经算慢性肾脏病（G2A2）。')).toEqual(
      [],
    );
    expect(bad('化验 eGFR 为 76，尿白蛋白/肌酐比值 9 mg/g，按 KDIGO 还不算慢性肾脏病。')).toEqual([]);
    expect(bad('His eGFR is 95 and his urine ACR is 14 mg/g, so he already has CKD stage 1.')).toEqual([
      'lab-threshold',
    ]);
    expect(
      bad(
        'His eGFR is 95 and his urine ACR is 14 mg/g; with polycystic kidneys on ultrasound he has CKD stage 1.',
      ),
    ).toEqual([]);
  });
});

describe('control of treated hypertension from office and home readings (REFERENCE §2.5 [V2] treated matrix)', () => {
  it('office normal with home high is masked uncontrolled; office high with home normal is a white-coat effect', () => {
    expect(
      bad(
        '您一直在吃缬沙坦，诊室测得 124/78 mmHg，在家自测一周平均 142/88 mmHg。诊室正常，说明血压控制良好。',
      ),
    ).toEqual(['bp-threshold']);
    expect(
      bad(
        '您一直在吃缬沙坦，诊室测得 124/78 mmHg，在家自测一周平均 142/88 mmHg。这属于隐蔽性未控制高血压，需要调整用药。',
      ),
    ).toEqual([]);
    expect(
      bad(
        'He takes amlodipine daily. Clinic reading 156/94; home average 122/74. So his hypertension is uncontrolled.',
      ),
    ).toEqual(['bp-threshold']);
    expect(
      bad(
        'He takes amlodipine daily. Clinic reading 156/94; home average 122/74. This is a white-coat effect, not uncontrolled hypertension.',
      ),
    ).toEqual([]);
    // Both normal: controlled.
    expect(bad('您在吃氨氯地平，门诊 124/74，家里平均 118/72，血压控制良好。')).toEqual([]);
  });
});

describe('an eGFR said to lie in an eGFR range stated in the same sentence must lie in it', () => {
  it('China 2018 risk rows by eGFR band (REFERENCE §3: target-organ damage vs clinical complication eGFR <30)', () => {
    expect(bad('患者 eGFR 22，按中国2018分层归入靶器官损害（eGFR 30–59 范围）这一行。')).toEqual([
      'lab-threshold',
    ]);
    expect(bad('患者 eGFR 41，按中国2018分层归入靶器官损害（eGFR 30–59 范围）这一行。')).toEqual([]);
    expect(bad('Her eGFR of 52 falls in the eGFR 60–89 range, so she is in G2.')).toContain('lab-threshold');
    expect(bad('Her eGFR of 72 falls in the eGFR 60–89 range, so she is in G2.')).toEqual([]);
  });
});

describe('"X 和 Y 可维持原剂量 / 可以继续" is the combination kept (REFERENCE §6 row 3: avoid if K⁺ >5.0)', () => {
  it('an ACE inhibitor/ARB with an MRA kept at a high potassium', () => {
    expect(bad('血钾 5.8 mmol/L，缬沙坦和依普利酮可维持原剂量。')).toEqual(['interaction']);
    expect(bad('血钾 4.4 mmol/L，缬沙坦和依普利酮可维持原剂量。')).toEqual([]);
    expect(bad('血钾 5.8 mmol/L，缬沙坦和依普利酮都可以继续。')).toEqual(['interaction']);
  });
});
