/**
 * Paraphrase probe for the discourse entity layer (issue 18, mechanism 2): readings, averages, list items, computed
 * values and patients referred to in a later sentence or clause. Prints caught and flagged and holds the figures
 * measured when the layer landed (docs/notes/guard-mechanisms-2026-12-08.md, section "Discourse entities").
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';
import { patientAt, REFERS_TO_ALL, settingSubject } from './discourse-entities.ts';
import { DISCOURSE_PAIRS } from './paraphrase-probe/discourse.ts';
import { runProbe } from './paraphrase-probe/probe.ts';

describe('discourse entities', () => {
  it('names the words that refer back to readings, settings and patients', () => {
    expect(REFERS_TO_ALL.test('按ESH 2023，这类读数属于1级高血压')).toBe(true);
    expect(REFERS_TO_ALL.test('Under ACC/AHA 2017 these readings are elevated')).toBe(true);
    const night = { sbp: 126, dbp: 74, setting: 'night' as const };
    expect(settingSubject('按ESH 2023，夜间血压', night)).toBe(night);
    expect(settingSubject('按ESH 2023，家庭血压', night)).toBeUndefined();
    expect(patientAt('乙86岁女性，CrCl约26 mL/min')).toBe('other');
    expect(patientAt('Patient B has an eGFR of 27')).toBe('other');
    expect(patientAt('甲91岁男性')).toBe('first');
    expect(patientAt('乙肝患者')).toBeUndefined();
  });

  it('checks a second patient with its own renal values, not the request’s (tuning false alarm h16z087)', () => {
    const patient = { age: 91, sex: 'male' as const, egfr: 63, crcl: 31 };
    const answer =
      '两位患者：甲91岁，eGFR约63（G2），CrCl约31 mL/min，赖诺普利无需调整；乙86岁，eGFR约49（G3a），CrCl约26 mL/min，赖诺普利应从5 mg起始。';
    const flagged = verifyClaims({ answer, passages: [], patient }).filter(
      (c) => c.verdict === 'contradicted',
    );
    expect(flagged.map((c) => c.reason)).toEqual([]);
    const bad = answer.replace('应从5 mg起始', '应从20 mg起始');
    expect(
      verifyClaims({ answer: bad, passages: [], patient }).some((c) => c.verdict === 'contradicted'),
    ).toBe(true);
  });

  it('probe: zh and en pairs, caught and flagged', () => {
    expect(DISCOURSE_PAIRS.length).toBeGreaterThanOrEqual(20);
    expect(DISCOURSE_PAIRS.some((p) => /[\u4e00-\u9fff]/.test(p.bad))).toBe(true);
    expect(DISCOURSE_PAIRS.some((p) => !/[\u4e00-\u9fff]/.test(p.bad))).toBe(true);
    const r = runProbe(DISCOURSE_PAIRS);
    console.log(
      `discourse: caught ${r.caught}/${r.pairs}, flagged ${r.flagged}/${r.pairs}\n  ` +
        [...r.misses.map((m) => `missed ${m}`), ...r.flags.map((f) => `flag ${f}`)].join('\n  '),
    );
    // Before the layer (f6b1c195): 14/22 caught, 1/22 flagged.
    expect(r.caught).toBeGreaterThanOrEqual(20);
    expect(r.flagged).toBe(0);
  });
});
