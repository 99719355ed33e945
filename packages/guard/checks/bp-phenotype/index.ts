/**
 * Control of treated hypertension from an office and a home reading, classified by the blood-pressure engine
 * (classifyPhenotype, REFERENCE §2.5 [V2] treated matrix) under every guideline; contradicted only when the stated
 * control is wrong under all of them.
 */
import { classifyPhenotype, type Guideline, type Phenotype } from '@qihuang/engines/blood-pressure';
import { say } from '../../i18n.ts';
import type { GuardCheck, Verdict } from '../../types.ts';

const GUIDELINES: Guideline[] = ['acc-aha-2017', 'esh-2023', 'china-2018'];
/** The phenotypes each stated control agrees with ("controlled" also fits a white-coat effect: out of office it is). */
const FITS: Record<string, Phenotype[]> = {
  controlled: ['controlled-hypertension', 'white-coat-effect'],
  uncontrolled: ['uncontrolled-hypertension', 'masked-uncontrolled-hypertension'],
  masked: ['masked-uncontrolled-hypertension'],
  'white-coat': ['white-coat-effect'],
};
/** The same for an untreated patient (§2.5 untreated matrix). */
const FITS_UNTREATED: Record<string, Phenotype[]> = {
  masked: ['masked-hypertension'],
  'white-coat': ['white-coat-hypertension'],
  sustained: ['sustained-hypertension'],
};
const ZH: Record<string, string> = {
  'controlled-hypertension': '血压已控制',
  'uncontrolled-hypertension': '血压未控制',
  'masked-uncontrolled-hypertension': '隐蔽性未控制高血压',
  'white-coat-effect': '白大衣效应',
  'sustained-normotension': '持续正常血压',
  'sustained-hypertension': '持续性高血压',
  'masked-hypertension': '隐蔽性高血压',
  'white-coat-hypertension': '白大衣高血压',
};
const EN: Record<string, string> = {
  'controlled-hypertension': 'controlled hypertension',
  'uncontrolled-hypertension': 'uncontrolled hypertension',
  'masked-uncontrolled-hypertension': 'masked uncontrolled hypertension',
  'white-coat-effect': 'white-coat effect',
  'sustained-normotension': 'sustained normotension',
  'sustained-hypertension': 'sustained hypertension',
  'masked-hypertension': 'masked hypertension',
  'white-coat-hypertension': 'white-coat hypertension',
};

export const bpPhenotype: GuardCheck = {
  id: 'bp-phenotype',
  kinds: ['bp-threshold'],
  check(claim, context): Verdict | undefined {
    const p = claim.phenotype;
    if (!p) return undefined;
    const treated = p.treated !== false;
    const named = claim.bp?.guideline ?? context.guideline;
    const gs = named && GUIDELINES.includes(named) ? [named] : GUIDELINES;
    const results = gs.map((g) =>
      classifyPhenotype({ guideline: g, office: p.office, home: p.home, treated }),
    );
    const fits = (treated ? FITS : FITS_UNTREATED)[p.stated] ?? [];
    const lang = context.lang;
    const shown = `${p.office.sbp}/${p.office.dbp} · ${p.home.sbp}/${p.home.dbp}`;
    const found = [...new Set(results.map((r) => r.phenotype))];
    const evidence = results.map((r) => ({
      source:
        lang === 'zh'
          ? `白大衣性高血压与隐蔽性高血压（${treated ? '已治疗' : '未治疗'}患者）`
          : `White-coat and masked hypertension (${treated ? 'treated' : 'untreated'})`,
      text: `${shown} → ${lang === 'zh' ? ZH[r.phenotype] : EN[r.phenotype]}`,
    }));
    const names = found.map((f) => (lang === 'zh' ? ZH[f] : EN[f])).join(lang === 'zh' ? '或' : ' or ');
    if (results.every((r) => !fits.includes(r.phenotype)))
      return {
        verdict: 'contradicted',
        evidence,
        reason: say(
          lang,
          `门诊 ${p.office.sbp}/${p.office.dbp}、家庭 ${p.home.sbp}/${p.home.dbp}（${treated ? '已治疗' : '未治疗'}）属于${names}`,
          `Office ${p.office.sbp}/${p.office.dbp} with home ${p.home.sbp}/${p.home.dbp} ${treated ? 'on treatment' : 'untreated'} is ${names}`,
        ),
      };
    if (results.every((r) => fits.includes(r.phenotype)))
      return {
        verdict: 'supported',
        evidence,
        reason: treated
          ? say(lang, `已治疗患者：${names}`, `On treatment: ${names}`)
          : say(lang, `未治疗患者：${names}`, `Untreated: ${names}`),
      };
    return undefined;
  },
};
