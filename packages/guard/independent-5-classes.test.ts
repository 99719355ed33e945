/**
 * Classes of misses and false flags found by the fifth independent answer set (corpus/tuning-independent-5.txt,
 * ex held-out 7), each tested with fresh sentences (not corpus items) and a near miss (issue 18).
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';
import type { GuardPassage, PatientContext } from './types.ts';

type G = 'china-2018' | 'china-2024' | 'esh-2023' | 'acc-aha-2017';
const verdicts = (answer: string, patient?: PatientContext, guideline?: G, passages: GuardPassage[] = []) =>
  verifyClaims({ answer, passages, ...(patient ? { patient } : {}), ...(guideline ? { guideline } : {}) });
const bad = (answer: string, patient?: PatientContext, guideline?: G, passages?: GuardPassage[]) =>
  verdicts(answer, patient, guideline, passages)
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('KDIGO categories written without the G (independent set 5)', () => {
  it('"KDIGO stage 3a", "按KDIGO属于4期" name the GFR category', () => {
    expect(bad('With an eGFR of 38, KDIGO puts the kidneys in stage 3a.')).toEqual(['lab-threshold']);
    expect(bad('With an eGFR of 38, KDIGO puts the kidneys in stage 3b.')).toEqual([]);
    expect(bad('肾小球滤过率 22，按 KDIGO 分期属于第3b期。')).toEqual(['lab-threshold']);
    expect(bad('肾小球滤过率 22，按 KDIGO 分期属于4期。')).toEqual([]);
    // Near miss: a hypertension stage in a sentence that also gives the eGFR is not a GFR category.
    expect(bad('Her eGFR is 38 and her readings are stage 1 hypertension under ACC/AHA 2017.')).not.toContain(
      'lab-threshold',
    );
  });
});

describe('nothing medical is dropped (independent set 5)', () => {
  it('a reading, a systolic/diastolic value or "at goal" is listed even without a checkable frame', () => {
    const texts = verdicts('今天量的是 128/76，算是达标了。Systolic sits around 125 these days.').map(
      (c) => c.text,
    );
    expect(texts).toEqual(['今天量的是 128/76，算是达标了。', 'Systolic sits around 125 these days.']);
    // Near miss: small talk with no number or medical word is not a claim.
    expect(verdicts('谢谢您的提问，祝您生活愉快。')).toEqual([]);
  });
});

describe('target frames: split axes, "A over B", per-clause guideline (independent set 5)', () => {
  it('a target stated per axis ("收缩压…以下、舒张压…以下", "systolic under A and diastolic under B") is one pair', () => {
    expect(
      bad('按中国2018指南，52岁、无并发症的患者，收缩压控制到160以下、舒张压控制到100以下就算达标。'),
    ).toEqual(['bp-target']);
    expect(
      bad('按中国2018指南，52岁、无并发症的患者，收缩压控制到140以下、舒张压控制到90以下就算达标。'),
    ).toEqual([]);
    expect(
      bad(
        'Under China 2018, a 55-year-old without other illness should aim for systolic under 160 and diastolic under 100.',
      ),
    ).toEqual(['bp-target']);
    expect(
      bad(
        'Under China 2018, a 55-year-old without other illness should aim for systolic under 140 and diastolic under 90.',
      ),
    ).toEqual([]);
  });
  it('"under A over B" is the pair A/B', () => {
    expect(bad('ESH 2023 wants a fit 45-year-old to get down under 150 over 95.')).toEqual(['bp-target']);
    expect(bad('ESH 2023 wants a fit 45-year-old to get down under 130 over 80.')).toEqual([]);
  });
  it('a systolic-only target "收缩压应降到…以下" is read', () => {
    expect(bad('按ESH 2023，84岁的老人收缩压应该降到170以下。')).toEqual(['bp-target']);
    expect(bad('按ESH 2023，84岁的老人收缩压应该降到150以下。')).toEqual([]);
  });
  it('each value takes the guideline named before it in the sentence', () => {
    expect(
      bad(
        'For a 72-year-old, ESH 2023 aims for under 140/80, whereas China 2018 first accepts under 150/90.',
      ),
    ).toEqual([]);
    expect(
      bad(
        'For a 72-year-old, China 2018 first accepts under 150/90, whereas ESH 2023 aims for under 140/80.',
      ),
    ).toEqual([]);
    expect(
      bad(
        'For a 72-year-old, ESH 2023 aims for under 150/90, whereas China 2018 first accepts under 150/90.',
      ),
    ).toEqual(['bp-target']);
  });
});

describe('category words: quoted, "正常范围", "counts as high", and a category of another subject (independent set 5)', () => {
  it('a quoted category ("counts as “high-normal”") and "还在正常范围内" are the reading\'s category', () => {
    expect(bad('Under ESH 2023, an office reading of 142/86 counts as "high-normal".')).toEqual([
      'bp-threshold',
    ]);
    expect(bad('Under ESH 2023, an office reading of 134/86 counts as "high-normal".')).toEqual([]);
    expect(bad('按中国2024指南，您白天动态血压平均 139/88，还在正常范围内。')).toEqual(['bp-threshold']);
    expect(bad('按中国2024指南，您白天动态血压平均 129/78，还在正常范围内。')).toEqual([]);
  });
  it('"only counts as high from A/B upwards" is a threshold', () => {
    expect(bad('Under ESH 2023, a home average only counts as high from 140/90 mmHg upwards.')).toEqual([
      'bp-threshold',
    ]);
    expect(bad('Under ESH 2023, a home average only counts as high from 135/85 mmHg upwards.')).toEqual([]);
  });
  it("a category in a concessive clause about something else is not the reading's", () => {
    expect(
      bad(
        'Under China 2024, your 24-hour mean of 133/82 is above the line, even though your clinic readings are normal.',
      ),
    ).toEqual([]);
    expect(bad('按中国2024指南，您夜间平均 126/74 已达标准，尽管白天的数值是正常的。')).toEqual([]);
  });
});

describe('the patient\'s current medicines: from the request and from "在用" (independent set 5)', () => {
  it("the request's medicines combine with a drug the answer calls fine", () => {
    const p = { drugs: ['enalapril', 'indapamide'] } as PatientContext;
    expect(bad('腰疼的话可以一直吃双氯芬酸，和您的降压药不冲突。', p)).toEqual(['interaction']);
    expect(bad('腰疼的话可以吃对乙酰氨基酚，和您的降压药不冲突。', p)).toEqual([]);
  });
  it('"您在用 A 加 B" makes A and B current; a later "和降压药没有冲突" refers to them', () => {
    expect(bad('您在用培哚普利加吲达帕胺。牙疼时可以连着吃几周萘普生，和降压药没有冲突。')).toEqual([
      'interaction',
    ]);
    expect(bad('您在用培哚普利加吲达帕胺。牙疼时可以吃对乙酰氨基酚，和降压药没有冲突。')).toEqual([]);
  });
  it('a potassium salt substitute is a potassium supplement', () => {
    const p = { potassium: 5.6, drugs: ['irbesartan'] } as PatientContext;
    expect(bad('用厄贝沙坦的同时改吃含钾代盐没问题，不会升高血钾。', p)).toContain('interaction');
    expect(bad('用厄贝沙坦的同时不要改吃含钾代盐，会升高血钾。', p)).toEqual([]);
  });
});

describe('a drug proposed in place of a current one is not combined with it (independent set 5)', () => {
  it('"如果需要…，X 是更合适的选择" replaces the current drug of its family', () => {
    const p = { drugs: ['diltiazem'] } as PatientContext;
    expect(bad('若您还需要β受体阻滞剂配合钙拮抗剂，硝苯地平这类二氢吡啶类是更合适的选择。', p)).toEqual([]);
    // Near miss: a drug of another family is still combined with the current one.
    expect(bad('您可以放心加用比索洛尔，和您现在的药没有冲突。', p)).toEqual(['interaction']);
  });
});

describe('a drug given as an example of a class stands in its slot (independent set 5)', () => {
  it('"ACEI/ARB + CCB, e.g. A + B" does not combine A with the ARB', () => {
    expect(bad('首选的两药方案是ACEI/ARB联合噻嗪类利尿剂，比如培哚普利联合吲达帕胺。')).toEqual([]);
    expect(
      bad(
        'A preferred pair is an ACE inhibitor/ARB plus a dihydropyridine CCB, e.g. ramipril with amlodipine.',
      ),
    ).toEqual([]);
    // Near miss: a drug that is no example of the classes named is still a member.
    expect(bad('Ramipril is fine together with losartan.')).toEqual(['interaction']);
  });
});

describe('citations: what the sentence attributes must be a topic the passage covers (independent set 5)', () => {
  const cite = (answer: string, p: GuardPassage) =>
    verdicts(answer, undefined, undefined, [p]).find((c) => c.kind === 'citation')?.verdict;
  it("a category or setting the passage's own list leaves out", () => {
    const k = { id: 'k1', title: 'KDIGO', text: 'KDIGO: G4 is 15–29 and G5 is below 15 mL/min/1.73 m².' };
    expect(cite('An eGFR of 50 is G3a, and G4 is 15–29 [k1].', k)).toBe('contradicted');
    expect(cite('G4 is 15–29 [k1].', k)).toBe('supported');
    const h = {
      id: 'h1',
      title: 'ESH 2023',
      text: 'ESH 2023: home BP hypertension is a mean of ≥135/85 mmHg.',
    };
    expect(cite('ESH 2023：白天动态血压平均≥135/85 mmHg 为高血压 [h1]。', h)).toBe('contradicted');
    expect(cite('ESH 2023：家庭血压平均≥135/85 mmHg 为高血压 [h1]。', h)).toBe('supported');
  });
  it('a dose of a drug the passage does not name', () => {
    const d = { id: 'd1', title: 'Losartan', text: 'Losartan: start 50 mg once daily; maximum 100 mg/day.' };
    expect(cite('With losartan on board, atorvastatin should not exceed 40 mg a day [d1].', d)).toBe(
      'contradicted',
    );
    expect(cite('Losartan can go up to 100 mg a day [d1].', d)).toBe('supported');
  });
  it('a condition the passage never mentions', () => {
    const s = {
      id: 's1',
      title: 'Eplerenone',
      text: 'Do not start eplerenone if potassium is above 5.0 mmol/L.',
    };
    expect(
      cite(
        'Eplerenone should not be started at a potassium above 5.0 mmol/L, and it must be avoided in pregnancy [s1].',
        s,
      ),
    ).toBe('contradicted');
    expect(cite('Eplerenone should not be started at a potassium above 5.0 mmol/L [s1].', s)).not.toBe(
      'contradicted',
    );
  });
});

describe("dose frames: the context that lowers a cap is the maximum clause's, carried doses (independent set 5)", () => {
  it('"最大剂量为…，再不够就联合用药": a combination after the maximum does not lower it', () => {
    expect(bad('替米沙坦的最大剂量为每日40 mg，再不够就需要联合用药。')).toEqual(['dose']);
    expect(bad('替米沙坦的最大剂量为每日80 mg，再不够就需要联合用药。')).toEqual([]);
    // Near miss: a combination named before the maximum may lower it — not contradicted.
    expect(bad('与胺碘酮合用时，辛伐他汀最大剂量为每日20 mg。')).toEqual([]);
  });
  it('a dose in the next sentence without a drug name belongs to the drug before, even if potassium is named later', () => {
    expect(bad('坎地沙坦常用每日8~32 mg。效果不够时可以用到每日64 mg，但要注意复查血钾。')).toEqual(['dose']);
    expect(bad('坎地沙坦常用每日8~32 mg。效果不够时可以用到每日32 mg，但要注意复查血钾。')).toEqual([]);
  });
});

describe('safe in plain words: "继续服用…就可以", "换成…是可以的" (independent set 5)', () => {
  it('continuing or switching said to be fine is a safe claim', () => {
    expect(bad('怀孕了也没关系，继续吃厄贝沙坦就可以。', { pregnant: true } as PatientContext)).toEqual([
      'drug-condition',
    ]);
    expect(bad('怀孕后继续吃拉贝洛尔就可以。', { pregnant: true } as PatientContext)).toEqual([]);
    expect(bad('对依那普利出现过血管性水肿的人，换成赖诺普利一般是可以的。')).toContain('drug-condition');
    // Near miss: a hedged suggestion to ask is not a safety statement.
    expect(bad('对依那普利出现过血管性水肿的人，是否换药请咨询医生。')).toEqual([]);
  });
});

describe('renal starts: "the usual dose" applied to the renal function the sentence states (independent set 5)', () => {
  it('"At CrCl 20 you can start X at the usual N mg" is a start for that renal function', () => {
    expect(
      bad('With a creatinine clearance of 20 you can start lisinopril at the usual 10 mg once daily.', {
        crcl: 20,
      }),
    ).toEqual(['dose']);
    expect(
      bad('With a creatinine clearance of 20 you can start lisinopril at 5 mg once daily.', { crcl: 20 }),
    ).toEqual([]);
    // Near miss: the usual dose named only to say it is reduced.
    expect(
      bad('At a creatinine clearance of 20 the usual 10 mg start of lisinopril is halved to 5 mg.', {
        crcl: 20,
      }),
    ).toEqual([]);
  });
});

describe('switch intervals in words: "the next morning", "第二天", Chinese numerals (independent set 5)', () => {
  it('an ACE inhibitor → ARNI switch "the next morning" or "两天后" has its interval read', () => {
    expect(
      bad(
        'To move from ramipril to sacubitril/valsartan, take the last ramipril at night and begin the new tablet the next morning.',
      ),
    ).toEqual(['interaction']);
    expect(bad('从培哚普利换成沙库巴曲缬沙坦，停用培哚普利后第二天就可以开始。')).toEqual(['interaction']);
    expect(bad('从培哚普利换成沙库巴曲缬沙坦，停用培哚普利两天后再开始。')).toEqual([]);
  });
});

describe('options combined with what the patient takes: "服用 X 期间用 A 或 B 都可以" (independent set 5)', () => {
  it('each option is combined with the current medicine', () => {
    expect(
      bad('服用坎地沙坦期间用含钾代盐或者吃补钾药都没关系。', { potassium: 5.5, drugs: ['candesartan'] }),
    ).toContain('interaction');
    expect(
      bad('服用坎地沙坦期间用含钾代盐或者吃补钾药都没关系。', { potassium: 4.1, drugs: ['candesartan'] }),
    ).toEqual([]);
    // Near miss: options listed with "、" are a list, not combined with each other.
    expect(bad('服用坎地沙坦期间，氨氯地平、硝苯地平控释片都可以加用。', { drugs: ['candesartan'] })).toEqual(
      [],
    );
  });
});
