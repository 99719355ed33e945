/**
 * Round 6 (issue 18), drug classes from tuning set 15 and the older sets' remaining misses, with fresh sentences
 * (not corpus items), both directions, zh and en:
 * - an amount in grams in a sentence naming no drug belongs to the drug before (a unit slip weighed as grams);
 * - the lisinopril start (10 mg; 5 mg when a diuretic is already taken — REFERENCE §5.1a), the diuretic named as
 *   the patient's ("已在用 X", "already taking X") being a co-medication, not the drug dosed;
 * - a start tied to the renal value of its sentence that is another renal band's start (REFERENCE §5.3);
 * - a pair set against what was said before ("by contrast", "则是") is that pair, not the patient's medicines;
 *   "二氢吡啶类CCB" does not stand for verapamil;
 * - "不要两者合用" / "不要同时使用" is a prohibition;
 * - a drug the patient is told to switch away from ("who takes X should switch to Y") is said neither safe nor
 *   harmful.
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';
import type { PatientContext } from './types.ts';

const bad = (answer: string, patient?: PatientContext) =>
  verifyClaims({ answer, passages: [], ...(patient ? { patient } : {}) })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('an amount in grams carried to the drug of the sentence before', () => {
  it('a maximum in grams is contradicted', () => {
    expect(bad('Losartan usually starts at 50 mg once a day. The maximum is 100 g per day.')).toContain(
      'dose',
    );
    expect(bad('硝苯地平控释片一般每日30 mg；每日最多可用到120 g。')).toContain('dose');
  });
  it('the same maximum in mg, and salt in grams, are not', () => {
    expect(bad('Losartan usually starts at 50 mg once a day. The maximum is 100 mg per day.')).toEqual([]);
    expect(bad('氨氯地平每日5 mg。每日食盐不超过5 g。')).toEqual([]);
  });
});

describe('the lisinopril start (REFERENCE §5.1a: 10 mg, 5 mg if already on a diuretic)', () => {
  it('a start above 10 mg, or 10 mg with a diuretic already taken, is contradicted', () => {
    expect(bad('赖诺普利一般从每日 20 mg 开始。')).toContain('dose');
    expect(bad('She already takes indapamide, so start lisinopril at 10 mg once daily.')).toContain('dose');
    expect(bad('患者已经在服用呋塞米，赖诺普利起始每日10 mg即可。')).toContain('dose');
  });
  it('10 mg alone, and both starts stated, are not', () => {
    expect(bad('赖诺普利一般从每日 10 mg 开始。')).toEqual([]);
    expect(
      bad('Start lisinopril at 10 mg a day, or at 5 mg for someone already taking chlorthalidone.'),
    ).toEqual([]);
    expect(bad('She already takes indapamide, so start lisinopril at 5 mg once daily.')).toEqual([]);
  });
});

describe('a start that is another renal band’s start (REFERENCE §5.3 lisinopril)', () => {
  it('the start of another band at the stated CrCl is contradicted', () => {
    expect(
      bad('Her creatinine clearance is 22 mL/min, so lisinopril should begin at 2.5 mg a day.'),
    ).toContain('dose');
    expect(bad('肌酐清除率约 45 mL/min，因此赖诺普利应从 5 mg 起始。')).toContain('dose');
  });
  it('the band’s own start is not', () => {
    expect(bad('Her creatinine clearance is 22 mL/min, so lisinopril should begin at 5 mg a day.')).toEqual(
      [],
    );
    expect(bad('肌酐清除率约 8 mL/min，因此赖诺普利应从 2.5 mg 起始。')).toEqual([]);
  });
});

describe('a pair set against what was said before', () => {
  const patient = { drugs: ['diltiazem', 'bisoprolol'] };
  it('is that pair only', () => {
    expect(
      bad(
        'Diltiazem plus bisoprolol can slow the heart too much, so the pair is best avoided. Nifedipine with bisoprolol, in contrast, is a common pairing.',
        patient,
      ),
    ).toEqual([]);
    expect(
      bad('地尔硫䓬与比索洛尔合用易致心动过缓，应避免；二氢吡啶类CCB与β阻滞剂联用则是常用组合。', patient),
    ).toEqual([]);
  });
  it('the harmful pair itself set against is still contradicted', () => {
    expect(
      bad(
        'Nifedipine with bisoprolol is common. Diltiazem with bisoprolol, by contrast, is a standard combination.',
        patient,
      ),
    ).toContain('interaction');
  });
});

describe('"不要两者合用" is a prohibition', () => {
  it('a class list usable alone or together, except one pair, is not contradicted', () => {
    expect(bad('这几类药都可以单用或联用，但ACEI和ARB不要同时使用。')).toEqual([]);
    expect(bad('培哚普利和缬沙坦不要两者合用。')).toEqual([]);
  });
  it('the pair said usable together is contradicted', () => {
    expect(bad('培哚普利和缬沙坦可以两者合用。')).toContain('interaction');
  });
});

describe('a drug switched away from', () => {
  it('is said neither safe nor harmful in pregnancy', () => {
    const patient = { drugs: ['valsartan'] };
    expect(
      bad(
        'Anyone trying to conceive who is on valsartan should switch to nifedipine or labetalol first.',
        patient,
      ),
    ).toEqual([]);
    expect(bad('正在服用缬沙坦的备孕女性应尽快换用拉贝洛尔。', patient)).toEqual([]);
  });
  it('a drug said fine in pregnancy is still contradicted', () => {
    expect(bad('Valsartan is fine to keep taking through pregnancy.')).toContain('drug-condition');
  });
});

describe('a pregnancy the answer gives the patient in the third person (REFERENCE §5.2: ACEi/ARB in pregnancy)', () => {
  it('an ARB or ACE inhibitor continued is contradicted', () => {
    expect(bad('She is 14 weeks pregnant. Her irbesartan can simply be continued.')).toContain(
      'drug-condition',
    );
    expect(bad('她怀孕 9 周了。依那普利可以继续服用。')).toContain('drug-condition');
  });
  it('a drug preferred in pregnancy continued is not, nor a condition only asked about', () => {
    expect(bad('She is 14 weeks pregnant. Her methyldopa can simply be continued.')).toEqual([]);
    expect(bad('She is asking about gout. Indapamide is fine for her blood pressure.')).toEqual([]);
  });
});

describe('near misses of the round-6 drug frames', () => {
  it('a low start beside a diuretic, or beside another reason at a renal value, is not contradicted', () => {
    expect(bad('For someone already on bumetanide, lisinopril may be started at 2.5–5 mg.')).toEqual([]);
    expect(
      bad('His CrCl is 48 mL/min and he is 88 and frail, so lisinopril should start low at 5 mg a day.'),
    ).toEqual([]);
  });
  it('a drug switched away from, named well before the switch, is said nothing of', () => {
    expect(
      bad('Women taking telmisartan who find out they are pregnant should switch to methyldopa.'),
    ).toEqual([]);
  });
  it('a drug set apart ("unlike X") is no member of the combination', () => {
    expect(
      bad('Unlike enalapril, candesartan seldom causes a cough and pairs well with nifedipine.'),
    ).toEqual([]);
    expect(bad('Unlike nifedipine, enalapril can be combined with candesartan.')).toContain('interaction');
  });
});
