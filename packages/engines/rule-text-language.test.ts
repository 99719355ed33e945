/**
 * One language per screen (issue 20): every rule and follow-up source the care screens show has its own text in
 * each language — Chinese without English phrases, English without Han characters (symbols, units, abbreviations
 * and drug names aside). The English `rule` keys are unchanged.
 */
import { describe, expect, it } from 'vitest';
import {
  classifyOfficeBp,
  classifyPhenotype,
  checkTarget,
  GUIDELINES,
} from '@qihuang/engines/blood-pressure';
import { stratifyChina2018, pooledCohortRisk } from '@qihuang/engines/cardiovascular-risk';
import { egfrCkdEpi2021, cockcroftGault } from '@qihuang/engines/renal-function';
import { GUIDELINE_EDITIONS, followUpDays, followUpSourceText } from '@qihuang/engines/hypertension-care';

const HAN = /\p{Script=Han}/u;
const ENGLISH_PHRASE = /\b[A-Za-z]{3,}\b[\s,:;]+\b[A-Za-z]{3,}\b/;
const expectPair = (t: { zh: string; en: string } | undefined, what: string) => {
  expect(t, what).toBeDefined();
  expect(t!.en, what).not.toMatch(HAN);
  expect(t!.zh.replace(/\b(?:ACC\/AHA|ESH|PCE|IndSum|exp|Scr|SBP|DBP|CKD)\b/g, ''), what).not.toMatch(
    ENGLISH_PHRASE,
  );
  expect(t!.zh, what).toMatch(HAN);
};

describe('rule texts in both languages', () => {
  it('blood-pressure engine: classification, HBPM, phenotype, target', () => {
    for (const g of GUIDELINES) {
      const c = classifyOfficeBp({ sbp: 150, dbp: 95 }, g);
      expectPair(c.ruleText, `classification ${g}`);
      expect(c.ruleText!.en).toBe(c.rule.replace(/和\/或/g, 'and/or').replace(/ 和 /g, ' and '));
      expectPair(checkTarget({ sbp: 150, dbp: 95 }, g, { age: 70 }, 'home').ruleText, `target ${g}`);
      expectPair(
        classifyPhenotype({
          guideline: g,
          office: { sbp: 150, dbp: 95 },
          home: { sbp: 150, dbp: 95 },
          treated: false,
        }).ruleText,
        `phenotype ${g}`,
      );
    }
  });
  it('risk and renal engines', () => {
    expectPair(stratifyChina2018({ sbp: 150, dbp: 95, riskFactors: 1 }).ruleText, 'china stratification');
    expectPair(
      pooledCohortRisk({
        age: 60,
        sex: 'male',
        race: 'white',
        totalCholesterol: 210,
        hdl: 45,
        sbp: 140,
        treatedHypertension: false,
        smoker: false,
        diabetes: false,
      }).ruleText,
      'pce',
    );
    expectPair(
      egfrCkdEpi2021({ age: 60, sex: 'female', creatinine: 1.0, unit: 'mg/dL' }).ruleText,
      'ckd-epi',
    );
    expectPair(
      cockcroftGault({ age: 60, sex: 'female', creatinine: 1.0, unit: 'mg/dL', weightKg: 60 }).ruleText,
      'cockcroft-gault',
    );
  });
  it("every edition's follow-up source", () => {
    for (const e of Object.values(GUIDELINE_EDITIONS)) {
      const f = e.followUp;
      for (const x of [
        f.changed,
        f.controlled,
        f.lifestyle,
        f.crisis,
        ...(f.severe ? [f.severe.followUp] : []),
      ])
        expectPair(followUpSourceText(x.source), `${e.id} ${x.source}`);
      expectPair(followUpDays(e.id, true).sourceText, `${e.id} changed`);
    }
  });
});
