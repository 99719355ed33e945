/**
 * Citation classes found by the sixth and seventh independent answer sets (corpus/tuning-independent-6.txt and -7,
 * ex held-out 8 and 9): what the cited passage is about against what the sentence attributes to it. Fresh sentences
 * and passages (not corpus items); each class has a planted error caught AND a correct near miss not flagged
 * (issue 18).
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';
import type { GuardPassage, PatientContext } from './types.ts';

const PASSAGES: GuardPassage[] = [
  {
    id: 'q-mra',
    title: 'Eplerenone',
    text: 'Do not start eplerenone if potassium is above 5.5 mmol/L or CrCl is 50 or below.',
  },
  {
    id: 'q-aki',
    title: 'NSAIDs',
    text: 'An NSAID added to an ARB plus a diuretic raises the risk of acute kidney injury; avoid it.',
  },
  { id: 'q-gfr', title: 'GFR categories', text: 'KDIGO: G4 is 15–29 and G5 is below 15 mL/min/1.73 m².' },
  {
    id: 'q-esh',
    title: 'ESH 2023',
    text: 'ESH 2023: grade 2 hypertension starts at a systolic of 160 or a diastolic of 100 mmHg.',
  },
  {
    id: 'q-dual',
    title: '联合用药',
    text: '不推荐 ARB 与 ACEI 联用。优先选择 ARB 联合二氢吡啶类钙通道阻滞剂。',
  },
];
const citations = (answer: string, patient?: PatientContext) =>
  verifyClaims({ answer, passages: PASSAGES, ...(patient ? { patient } : {}) })
    .filter((c) => c.kind === 'citation')
    .map((c) => c.verdict);

describe('a passage about other drugs or classes (independent sets 6 and 7)', () => {
  it('a class statement cited to a passage naming only other drugs/classes is contradicted', () => {
    expect(citations('ARBs are contraindicated in pregnancy [q-mra].')).toEqual(['contradicted']);
    expect(citations('避免 NSAID 与 ACEI、利尿剂三联使用，以免急性肾损伤 [q-mra]。')).toEqual([
      'contradicted',
    ]);
    // Near miss: the passage names the class's drug (an NSAID added to an ARB and a diuretic).
    expect(citations('Avoid adding an NSAID to an ARB plus a diuretic [q-aki].')).not.toContain(
      'contradicted',
    );
  });
});

describe('a passage without the lab or blood-pressure topic (independent sets 6 and 7)', () => {
  it('a GFR category cited to a passage that mentions the kidney only as "acute kidney injury"', () => {
    expect(citations('KDIGO: G4 is 15–29 mL/min/1.73 m² [q-aki].')).toEqual(['contradicted']);
    expect(citations('KDIGO: G4 is 15–29 mL/min/1.73 m² [q-gfr].')).toEqual(['supported']);
  });
  it('a systolic/diastolic threshold without "mmHg" cited to a passage with no blood pressure', () => {
    expect(citations('ESH 2023 puts grade 2 at a systolic of 160 or more [q-gfr].')).toEqual([
      'contradicted',
    ]);
    expect(citations('ESH 2023 puts grade 2 at a systolic of 160 or more [q-esh].')).not.toContain(
      'contradicted',
    );
  });
});

describe('what the sentence does not attribute to the passage (independent sets 6 and 7)', () => {
  it("the patient's own lab value is not the passage's bound", () => {
    expect(
      citations('您的 CrCl 只有 40 mL/min，不建议开始使用依普利酮 [q-mra]。', { crcl: 40 }),
    ).not.toContain('contradicted');
    // Planted: the passage's bound stated wrongly is still contradicted.
    expect(citations('CrCl 低于 30 时不要开始使用依普利酮 [q-mra]。')).toEqual(['contradicted']);
  });
  it('a reason given in brackets is not a topic attributed to the passage', () => {
    expect(citations('不推荐 ARB + ACEI（双重阻断，高钾风险增加）[q-dual]。')).not.toContain('contradicted');
    // Planted: a condition the passage never mentions, stated outside brackets, stays contradicted.
    expect(citations('ARB 与 ACEI 联用在痛风患者中不推荐 [q-dual]。')).toEqual(['contradicted']);
  });
});
