/**
 * Classes of misses found by the independent answer set (corpus/tuning-independent.txt, ex held-out 3), each
 * tested with sentences of its own (not the corpus items). Facts: REFERENCE §5.1a maxima (candesartan 32 mg,
 * valsartan 320 mg, telmisartan 80 mg), §8.4 contraindications, §6 interactions, passages in corpus/passages.txt.
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';
import { loadPassages } from './corpus/parse.ts';

const passages = loadPassages();
const verdicts = (answer: string) => verifyClaims({ answer, passages });
const contradicted = (answer: string) => verdicts(answer).filter((c) => c.verdict === 'contradicted');

describe('(a) a dose stated in a sentence of its own belongs to the drug named before', () => {
  it('a maximum above the known maximum is contradicted (zh and en, pronoun or no subject)', () => {
    expect(contradicted('坎地沙坦通常从 8 mg 开始。最大剂量可用至每日 64 mg。').map((c) => c.kind)).toContain(
      'dose',
    );
    expect(
      contradicted('Telmisartan is usually given at 40 mg daily. It can be increased to 160 mg daily.').map(
        (c) => c.kind,
      ),
    ).toContain('dose');
  });
  it('a stated maximum below the verified maximum is contradicted; a titration step is not', () => {
    expect(contradicted('The maximum daily dose of valsartan is 80 mg.').map((c) => c.kind)).toContain(
      'dose',
    );
    expect(contradicted('Valsartan starts at 80 mg daily. It can be increased to 160 mg daily.')).toEqual([]);
    expect(contradicted('缬沙坦起始每日 80 mg。最大剂量为每日 320 mg。')).toEqual([]);
  });
  it('salt or potassium amounts after a drug sentence are not read as its dose', () => {
    expect(
      contradicted('Amlodipine 5 mg once daily is a common start. Keep sodium below 2000 mg a day.'),
    ).toEqual([]);
  });
});

describe('(c) negated harms are agreement that it is safe; warnings are not endorsements', () => {
  it('a denied contraindication or risk is a "safe" claim, and is checked as one', () => {
    expect(
      contradicted('Angioedema on an ACE inhibitor is not a contraindication to enalapril.').map(
        (c) => c.kind,
      ),
    ).toContain('drug-condition');
    expect(contradicted('Asthma is no reason to avoid propranolol.').map((c) => c.kind)).toContain(
      'drug-condition',
    );
    expect(contradicted('地尔硫䓬与比索洛尔合用不会增加心动过缓风险。').map((c) => c.kind)).toContain(
      'interaction',
    );
  });
  it('"may cause" and "避免" warnings about a combination are not read as endorsing it', () => {
    expect(contradicted('地尔硫䓬与美托洛尔合用可能导致心动过缓，应避免联用。')).toEqual([]);
    expect(
      contradicted('Verapamil with a beta-blocker may cause heart block; avoid the combination.'),
    ).toEqual([]);
  });
  it('"first choice" / "优选" is a recommendation', () => {
    expect(
      contradicted('For a pregnant patient, lisinopril is a good first choice.').map((c) => c.kind),
    ).toContain('drug-condition');
  });
});

describe('(g) citations: what follows a leading marker is attributed; polarity clause by clause', () => {
  it('"根据 [p]，…" with a different number than the passage is contradicted', () => {
    expect(
      contradicted('根据 [p-cntarget]，80岁及以上老年人的血压应降至 130/80 mmHg 以下。').map((c) => c.kind),
    ).toContain('citation');
    expect(contradicted('根据 [p-cntarget]，80岁及以上老年人的血压应降至 150/90 mmHg 以下。')).toEqual([]);
  });
  it('a sentence that recommends one thing and advises against another matches a passage saying both', () => {
    expect(contradicted('优先选择ACEI联合二氢吡啶类CCB，不推荐ACEI与ARB联用 [p-combo]。')).toEqual([]);
    expect(
      contradicted('Labetalol and nifedipine are preferred, while ARBs are contraindicated [p-preg].'),
    ).toEqual([]);
    expect(contradicted('Per [p-preg], ARBs are preferred in pregnancy.').map((c) => c.kind)).toContain(
      'citation',
    );
  });
});

describe('(b) renal: "no adjustment needed" where the label reduces the dose', () => {
  it('is contradicted at a clearance the label adjusts for, with the value stated earlier', () => {
    expect(
      contradicted('The patient’s CrCl is 25 mL/min. Lisinopril needs no dose adjustment.').map(
        (c) => c.kind,
      ),
    ).toContain('drug-condition');
    expect(contradicted('CrCl 60 mL/min：赖诺普利无需调整剂量。')).toEqual([]);
  });
});

describe('(d) contraindications and combinations', () => {
  it('bilateral renal artery stenosis contraindicates an ACE inhibitor; a condition stated earlier carries', () => {
    expect(
      contradicted('For bilateral renal artery stenosis, ramipril is a good choice.').map((c) => c.kind),
    ).toContain('drug-condition');
    expect(
      contradicted('The patient has gout. Chlorthalidone is a good first choice for her.').map((c) => c.kind),
    ).toContain('drug-condition');
    expect(contradicted('The patient has gout. Amlodipine is a good first choice for her.')).toEqual([]);
  });
  it('switching ACE inhibitor → sacubitril/valsartan: less than the labelled washout is contradicted', () => {
    expect(
      contradicted('改用沙库巴曲缬沙坦时，停用依那普利后无需间隔，当天即可开始。').map((c) => c.kind),
    ).toContain('interaction');
    expect(
      contradicted(
        'When switching from ramipril to sacubitril/valsartan, wait 24 hours after the last dose.',
      ).map((c) => c.kind),
    ).toContain('interaction');
    expect(
      contradicted(
        'When switching from ramipril to sacubitril/valsartan, wait 36 hours after the last ramipril dose.',
      ),
    ).toEqual([]);
  });
});

describe('(e) potassium: an effect on K⁺ denied for a combination with a potassium rule', () => {
  it('is contradicted', () => {
    expect(
      contradicted('Losartan with potassium supplements does not affect potassium.').map((c) => c.kind),
    ).toContain('interaction');
  });
});

describe('(f) categories: ambulatory equivalents, ACC/AHA "级", "is normal", albuminuria, treated patients', () => {
  it('out-of-office values said to correspond to the office threshold are checked (REFERENCE §2.1 night 110/65)', () => {
    expect(
      contradicted(
        'Under ACC/AHA 2017, the night-time ABPM value corresponding to office 130/80 is 120/70.',
      ).map((c) => c.kind),
    ).toContain('bp-threshold');
    expect(
      contradicted('Under ACC/AHA 2017, the night-time ABPM value corresponding to office 130/80 is 110/65.'),
    ).toEqual([]);
  });
  it('"N级高血压" under ACC/AHA is its stage N', () => {
    expect(contradicted('按ACC/AHA 2017，诊室血压 142/92 mmHg 属于1级高血压。').map((c) => c.kind)).toContain(
      'bp-threshold',
    );
    expect(contradicted('按ACC/AHA 2017，诊室血压 142/92 mmHg 属于2级高血压。')).toEqual([]);
  });
  it('"X is normal" is a category claim (ACC/AHA DBP 80–89 is stage 1)', () => {
    expect(
      contradicted('Under ACC/AHA 2017, an office BP of 116/84 mmHg is normal.').map((c) => c.kind),
    ).toContain('bp-threshold');
    expect(contradicted('Under ACC/AHA 2017, an office BP of 112/74 mmHg is normal.')).toEqual([]);
  });
  it('KDIGO albuminuria categories by ACR (A1 <30, A2 30–300, A3 >300 mg/g; REFERENCE §4.3)', () => {
    expect(contradicted('尿白蛋白/肌酐比值（ACR）320 mg/g 属于 A2。').map((c) => c.kind)).toContain(
      'lab-threshold',
    );
    expect(contradicted('An ACR of 300 mg/g is A2.')).toEqual([]);
    expect(contradicted('An ACR above 300 mg/g is A3.')).toEqual([]);
    expect(contradicted('An ACR below 30 mg/g is A1.')).toEqual([]);
  });
  it('a treated patient with a controlled reading still has hypertension (a diagnosis, not a classification)', () => {
    expect(
      contradicted('Under China 2018, a patient on treatment whose BP is now 128/80 still has hypertension.'),
    ).toEqual([]);
  });
});

describe('(d) more: drug names, not only classes; pregnancy "preferred"; grades under ACC/AHA', () => {
  it('ACE inhibitor + ARB by drug names, non-DHP CCB in high-grade AV block, ARB "preferred" in pregnancy', () => {
    expect(
      contradicted('Enalapril and valsartan can be combined for extra renal protection.').map((c) => c.kind),
    ).toContain('interaction');
    expect(
      contradicted('Diltiazem is fine for a patient with third-degree AV block.').map((c) => c.kind),
    ).toContain('drug-condition');
    expect(contradicted('ARBs are preferred in pregnancy.').map((c) => c.kind)).toContain('drug-condition');
  });
  it('a China/ESH grade named with ACC/AHA is unverifiable with a reason, not "no such category"', () => {
    const [c] = verdicts('Under ACC/AHA 2017, 165/102 mmHg is grade 2 hypertension.').filter(
      (x) => x.kind === 'bp-threshold',
    );
    expect(c?.verdict).toBe('unverifiable');
    expect(c?.reason).toMatch(/China\/ESH grade/);
  });
});

describe('robustness of the classes above', () => {
  it('a supplement amount after a drug sentence is not its dose; a denied potassium rise is a claim', () => {
    expect(contradicted('Amlodipine 5 mg daily is typical. Take 1000 mg of calcium with meals.')).toEqual([]);
    expect(
      contradicted('Spironolactone with lisinopril does not raise potassium.').map((c) => c.kind),
    ).toContain('interaction');
  });
  it('warnings and agreement in zh stay as they were', () => {
    expect(contradicted('避免维拉帕米与β受体阻滞剂合用。')).toEqual([]);
    expect(contradicted('痛风患者不宜使用噻嗪类利尿剂。')).toEqual([]);
    expect(contradicted('ACEI换用ARNI需停药36小时后再开始。')).toEqual([]);
    expect(contradicted('ACEI不是妊娠期禁忌。').map((c) => c.kind)).toContain('drug-condition');
  });
});
