/**
 * Classes of misses found by the sixth and seventh independent answer sets (corpus/tuning-independent-6.txt and -7,
 * ex held-out 8 and 9): drug frames — combinations in free word order, switches, renal starting doses and the
 * patient's carried conditions. Each class is tested with fresh sentences (not corpus items): a planted error caught
 * AND a correct near miss not flagged (issue 18).
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';
import type { PatientContext } from './types.ts';

const bad = (answer: string, patient?: PatientContext) =>
  verifyClaims({ answer, passages: [], ...(patient ? { patient } : {}) })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('combination frames in free word order (independent sets 6 and 7)', () => {
  it('"X and Y work well together" / "X + Y 合用安全" / "是安全组合" are safe statements of a combination', () => {
    // Non-DHP CCB + β-blocker: bradycardia / AV block (drug-knowledge interaction rule, REFERENCE §6).
    expect(
      bad('Verapamil and bisoprolol go well together; there is no real concern with this pairing.'),
    ).toEqual(['interaction']);
    expect(bad('维拉帕米 + 比索洛尔：两者合用安全。')).toEqual(['interaction']);
    expect(bad('Verapamil + carvedilol is a recommended CCB + β-blocker combination.')).toEqual([
      'interaction',
    ]);
    // Near miss: a DHP CCB with a β-blocker is a preferred combination (China 2018 §7.3).
    expect(
      bad('Nifedipine and bisoprolol go well together; there is no real concern with this pairing.'),
    ).toEqual([]);
    expect(bad('硝苯地平 + 比索洛尔：两者合用安全。')).toEqual([]);
    // Near misses: a denied or doubted safety is no safe statement.
    expect(bad('Verapamil + carvedilol is not a recommended CCB + β-blocker combination.')).toEqual([]);
    // More wordings of a safe combination: adverbs, "can combine", "联用可以", "常用的联合方案".
    expect(bad('Taking naproxen alongside ramipril and indapamide is perfectly safe.')).toEqual([
      'interaction',
    ]);
    expect(bad('You can combine perindopril with telmisartan for stronger protection.')).toEqual([
      'interaction',
    ]);
    expect(bad('依那普利与缬沙坦联合使用可以更好保护肾脏。')).toEqual(['interaction']);
    expect(bad('维拉帕米加比索洛尔是常用的联合方案。')).toEqual(['interaction']);
    expect(bad('维拉帕米加比索洛尔不是常用的联合方案，要警惕心动过缓。')).toEqual([]);
    expect(bad('You can combine perindopril with amlodipine for stronger control.')).toEqual([]);
    expect(bad('维拉帕米 + 比索洛尔：两者合用未必安全。')).toEqual([]);
  });
  it('a statin dose stated with a non-DHP CCB in a list frame is gated by the cap', () => {
    // Simvastatin with diltiazem/verapamil: max 10 mg/day (drug-knowledge co-medication rule).
    expect(bad('维拉帕米 120 mg bid + 辛伐他汀 40 mg qn：两者合用安全。')).toEqual(['interaction']);
    expect(bad('On diltiazem 120 mg daily: simvastatin 20 mg at night is fine.')).toEqual(['interaction']);
    // Near miss: within the cap.
    expect(bad('On diltiazem 120 mg daily: simvastatin 10 mg at night is fine.')).toEqual([]);
  });
  it('the patient\'s current medicines from "现服 X" / "on X" (telegraphic) are combined with a drug added', () => {
    // ACEI/ARB + potassium-sparing diuretic above K⁺ 5.0: avoid (REFERENCE §6 row 3).
    expect(bad('K⁺ 5.6 mmol/L，现服依那普利 10 mg bid。此时加用螺内酯 20 mg qd 安全。')).toContain(
      'interaction',
    );
    // Aliskiren + ARB in diabetes: contraindicated (REFERENCE §6; condition from the request).
    expect(
      bad('70M, on valsartan 160 mg qd. Adding aliskiren 150 mg qd is a safe way to intensify.', {
        conditions: ['type 2 diabetes'],
      }),
    ).toContain('interaction');
    expect(bad('With a potassium of 5.6, you can still add amiloride to your enalapril.')).toContain(
      'interaction',
    );
    expect(bad('With a potassium of 4.0, you can still add amiloride to your enalapril.')).toEqual([]);
    expect(bad('您现在吃着培哚普利和吲达帕胺，膝盖疼可以吃双氯芬酸钠，不冲突。')).toEqual(['interaction']);
    expect(bad('您现在吃着培哚普利和吲达帕胺，膝盖疼可以吃对乙酰氨基酚，不冲突。')).toEqual([]);
    // Near miss: the sentence itself holds the combination back at that potassium.
    expect(bad('螺内酯可以和您现在吃的依那普利一起用，但血钾 5.6 时应暂缓。')).toEqual([]);
    expect(bad('Spironolactone can go with your ramipril, but hold off while potassium is 5.7.')).toEqual([]);
    expect(bad('螺内酯可以和您现在吃的依那普利一起用，血钾 5.6 不要紧。')).toEqual(['interaction']);
    // Near miss: without diabetes or low eGFR the rule's condition does not hold.
    expect(bad('70M, on valsartan 160 mg qd. Adding amlodipine 5 mg qd is a safe way to intensify.')).toEqual(
      [],
    );
  });
  it('a triple combination where the third drug is the subject of an earlier clause ("X…，和 A、B 一起用…")', () => {
    // NSAID + ACEI/ARB + diuretic: acute kidney injury (REFERENCE §6).
    expect(bad('双氯芬酸是止痛药，和缬沙坦、吲达帕胺一起用不会增加肾损伤风险。')).toEqual(['interaction']);
    expect(bad('患者服用厄贝沙坦 + 吲达帕胺，腰痛时加用萘普生是安全组合。')).toEqual(['interaction']);
    // Near miss: paracetamol is not an NSAID.
    expect(bad('对乙酰氨基酚是止痛药，和缬沙坦、吲达帕胺一起用不会增加肾损伤风险。')).toEqual([]);
  });
  it('a switch stated as "停 A…开始 B" / "stopping A and starting B" carries its interval', () => {
    // ACEI → ARNI: 36-hour washout (Entresto label, REFERENCE §6 row 14).
    expect(bad('雷米普利改沙库巴曲缬沙坦：停雷米普利当天即可开始沙库巴曲缬沙坦。')).toEqual(['interaction']);
    expect(bad('Stopping ramipril and starting sacubitril/valsartan: a 24-hour gap is enough.')).toEqual([
      'interaction',
    ]);
    expect(bad('Stopping ramipril and starting sacubitril/valsartan: a 36-hour gap is needed.')).toEqual([]);
  });
});

describe('the patient context carried to a drug statement (independent sets 6 and 7)', () => {
  it('bilateral renal artery stenosis stated earlier (or in the request) makes ACEI/ARB contraindicated', () => {
    // REFERENCE §5.4: ACEi/ARB contraindicated in bilateral renal artery stenosis.
    expect(
      bad('Her CT angiogram shows bilateral renal artery stenosis. Ramipril is still safe here.'),
    ).toEqual(['drug-condition']);
    expect(
      bad('Losartan is fine in this setting.', { conditions: ['bilateral renal artery stenosis'] }),
    ).toEqual(['drug-condition']);
    // Near miss: unilateral stenosis is a caution only.
    expect(
      bad('Her CT angiogram shows unilateral renal artery stenosis. Ramipril is still safe here.'),
    ).toEqual([]);
  });
  it('the hepatic level of the request or an earlier sentence applies to the drug advised', () => {
    // Nebivolol: severe hepatic impairment (Child-Pugh C) contraindicated (REFERENCE §5.3).
    expect(bad('Nebivolol 5 mg qd is appropriate.', { conditions: ['cirrhosis, Child-Pugh C'] })).toEqual([
      'drug-condition',
    ]);
    expect(bad('Nebivolol 5 mg qd is appropriate.', { conditions: ['cirrhosis, Child-Pugh A'] })).toEqual([]);
  });
  it('"Continue X through pregnancy", "是合适的一线选择", "is reasonable", "仍可以开始" are safe statements', () => {
    // ACEI/ARB in pregnancy: contraindicated (REFERENCE §5.4).
    expect(bad('Continue ramipril 5 mg daily through the pregnancy.', { pregnant: true })).toEqual([
      'drug-condition',
    ]);
    expect(bad('Continue nifedipine ER 30 mg daily through the pregnancy.', { pregnant: true })).toEqual([]);
    // Thiazide in gout: contraindicated (China 2018, REFERENCE §5.4).
    expect(bad('您有痛风，吲达帕胺是合适的一线选择。', { conditions: ['痛风'] })).toEqual(['drug-condition']);
    expect(bad('您有痛风，氨氯地平是合适的一线选择。', { conditions: ['痛风'] })).toEqual([]);
    // Spironolactone: do not start at K⁺ >5.0 (REFERENCE §5.3).
    expect(bad('With a potassium of 5.4 mmol/L, adding spironolactone is reasonable.')).toEqual([
      'drug-condition',
    ]);
    expect(bad('With a potassium of 4.3 mmol/L, adding spironolactone is reasonable.')).toEqual([]);
    // Spironolactone: avoid at eGFR <30 (REFERENCE §5.3).
    expect(bad('eGFR 26 时仍可以开始螺内酯。')).toEqual(['drug-condition']);
    expect(bad('eGFR 56 时仍可以开始螺内酯。')).toEqual([]);
  });
  it('"从 N mg … 开始" is a starting dose; a dialysis population makes the usual start a renal one', () => {
    // Lisinopril: CrCl 10–30 start 5 mg; <10 or haemodialysis start 2.5 mg. Benazepril: GFR <30 start 5 mg (§5.3).
    expect(bad('您的 eGFR 为 21，贝那普利可以从 20 mg 每日一次开始。', { egfr: 21 })).toEqual(['dose']);
    expect(bad('您的 eGFR 为 21，贝那普利可以从 5 mg 每日一次开始。', { egfr: 21 })).toEqual([]);
    expect(bad('您目前肌酐清除率只有 8 mL/min，赖诺普利可以从 10 mg 每日一次开始。')).toEqual(['dose']);
    expect(bad('维持性血液透析的患者用赖诺普利，一般从每日10 mg起始。', { egfr: 7 })).toEqual(['dose']);
    expect(bad('维持性血液透析的患者用赖诺普利，一般从每日2.5 mg起始。', { egfr: 7 })).toEqual([]);
    // Without a renal value, a dialysis population is the band whose rule names dialysis (lisinopril 2.5 mg).
    expect(bad('For a patient on haemodialysis, start lisinopril at 5 mg daily.')).toEqual(['dose']);
    expect(bad('透析患者赖诺普利起始剂量 2.5 mg。')).toEqual([]);
    // Near miss: a dose for normal kidneys contrasted with dialysis is not the dialysis start.
    expect(
      bad('Unlike patients on dialysis, those with normal kidney function start lisinopril at 10 mg.'),
    ).toEqual([]);
  });
});

describe("a class statement about the patient's own medicines (independent set 4 remainder)", () => {
  it('classes that cover the drugs the patient takes stand for those drugs', () => {
    // DHP CCB + β-blocker: a preferred combination (China 2018 §7.3), no interaction — an invented one is caught.
    expect(
      bad(
        'You take nifedipine and bisoprolol. Calcium channel blockers combined with beta-blockers should be avoided.',
      ),
    ).toEqual(['interaction']);
    // Near miss: with a non-DHP CCB the warning is right (drug-knowledge rule, REFERENCE §6).
    expect(
      bad(
        'You take verapamil and bisoprolol. Calcium channel blockers combined with beta-blockers should be avoided.',
      ),
    ).toEqual([]);
  });
});

describe('imperatives that are not a safety statement (independent sets 6 and 7)', () => {
  it('"Keep in mind …" before a cap is no safe statement; "Continue X" is', () => {
    // Simvastatin with verapamil: max 10 mg/day (drug-knowledge co-medication rule) — a correct cap, not flagged.
    expect(
      bad('Keep in mind that simvastatin should be capped at 10 mg/day in patients taking verapamil.'),
    ).toEqual([]);
  });
});
