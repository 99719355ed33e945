/**
 * Blood-pressure category statements, checked with the blood-pressure engine for the stated guideline and setting:
 * a reading is classified (office: classifyOfficeBp; home/ambulatory: the setting's hypertension threshold,
 * thresholdsFor) and compared with the category stated; a category's range or threshold is compared with where
 * the engine's category begins (and ends). Without a named guideline, the guidelines that use the category's
 * vocabulary are tried (stage → ACC/AHA 2017; grade → ESH 2023 and China 2018): contradicted only if all disagree.
 */
import {
  classifyOfficeBp,
  isHigh,
  thresholdsFor,
  type Guideline,
  type Setting,
} from '@qihuang/engines/blood-pressure';
import type { BpData, Evidence, GuardCheck, Verdict } from '../../types.ts';
import { bandOf } from './bands.ts';

export const GUIDELINE_NAME: Record<Guideline, string> = {
  'acc-aha-2017': 'ACC/AHA 2017',
  'esh-2023': 'ESH 2023',
  'china-2018': '中国高血压防治指南2018',
  'china-2024': '中国高血压防治指南2024',
};
// Where users can look each fact up (guideline and table; REFERENCE §1.1–§1.4 office, §2.1–§2.2 out-of-office).
const OFFICE_SOURCE: Record<Guideline, string> = {
  'acc-aha-2017': 'ACC/AHA 2017 Table 6',
  'esh-2023': 'ESH 2023 office BP classification',
  'china-2018': '中国高血压防治指南2018 血压水平分类和定义',
  'china-2024': '中国高血压防治指南2024 血压水平分类',
};
const OUT_SOURCE: Record<Guideline, string> = {
  'acc-aha-2017': 'ACC/AHA 2017 Table 11',
  'esh-2023': 'ESH 2023 out-of-office BP thresholds',
  'china-2018': '中国高血压防治指南2018 诊室外血压诊断标准',
  'china-2024': '中国高血压防治指南2024 诊室外血压诊断标准',
};
const SETTING_NAME: Record<Setting, string> = {
  office: 'office',
  home: 'home',
  day: 'daytime ambulatory',
  night: 'night-time ambulatory',
  '24h': '24-hour ambulatory',
};

/** Guidelines whose vocabulary has this category. */
function candidates(category: string): Guideline[] {
  if (category.startsWith('stage-') || category === 'elevated') return ['acc-aha-2017'];
  if (category === 'optimal') return ['esh-2023'];
  if (category === 'high-normal') return ['esh-2023', 'china-2018'];
  if (category.startsWith('grade-')) return ['esh-2023', 'china-2018'];
  return ['acc-aha-2017', 'esh-2023', 'china-2018'];
}

const fmt = (r: [number, number] | undefined, top: number) =>
  r ? (r[1] >= top ? `≥${r[0]}` : `${r[0]}–${r[1]}`) : '—';

function judge(bp: BpData, g: Guideline): Verdict {
  const name = GUIDELINE_NAME[g];
  const out = bp.setting !== 'office';
  const source = out || bp.category === 'hypertension' ? OUT_SOURCE[g] : OFFICE_SOURCE[g];
  const t = thresholdsFor(g)[bp.setting];
  const v = (verdict: Verdict['verdict'], reason: string, evidence: Evidence[]): Verdict => ({
    verdict,
    reason,
    evidence,
  });

  if (bp.category === 'hypertension') {
    const ev = [
      {
        source: bp.setting === 'office' ? OFFICE_SOURCE[g] : source,
        text: `${name}: ${SETTING_NAME[bp.setting]} hypertension ≥${t.sbp}/${t.dbp} mmHg`,
      },
    ];
    if (bp.form === 'reading') {
      if (!bp.sbp || !bp.dbp) return v('unverifiable', 'reading incomplete', ev);
      const high = isHigh({ sbp: bp.sbp[0], dbp: bp.dbp[0] }, t);
      const says = !bp.negated;
      return high === says
        ? v(
            'supported',
            `${bp.sbp[0]}/${bp.dbp[0]} mmHg is ${high ? '' : 'not '}hypertension on ${SETTING_NAME[bp.setting]} readings under ${name} (≥${t.sbp}/${t.dbp})`,
            ev,
          )
        : v(
            'contradicted',
            `${name}: ${SETTING_NAME[bp.setting]} hypertension starts at ${t.sbp}/${t.dbp} mmHg, so ${bp.sbp[0]}/${bp.dbp[0]} mmHg is ${high ? '' : 'not '}hypertension`,
            ev,
          );
    }
    const wrong = (bp.sbp && bp.sbp[0] !== t.sbp) || (bp.dbp && bp.dbp[0] !== t.dbp);
    return wrong
      ? v(
          'contradicted',
          `${name}: ${SETTING_NAME[bp.setting]} hypertension starts at ≥${t.sbp}/${t.dbp} mmHg, not ${bp.sbp?.[0] ?? '?'}/${bp.dbp?.[0] ?? '?'}`,
          ev,
        )
      : v('supported', `${name}: ${SETTING_NAME[bp.setting]} hypertension ≥${t.sbp}/${t.dbp} mmHg`, ev);
  }
  if (out)
    return v(
      'unverifiable',
      `${name} defines categories for office readings; ${SETTING_NAME[bp.setting]} readings are compared with a single threshold`,
      [],
    );
  const band = bandOf(g, bp.category);
  if (!band) return v('unverifiable', `${name} does not use this category`, []);
  const ev = [
    { source, text: `${name} ${bp.category}: SBP ${fmt(band.sbp, 260)}, DBP ${fmt(band.dbp, 170)} mmHg` },
  ];
  if (bp.form === 'reading') {
    if (!bp.sbp || !bp.dbp) return v('unverifiable', 'reading incomplete', ev);
    const c = classifyOfficeBp({ sbp: bp.sbp[0], dbp: bp.dbp[0] }, g);
    const evidence = [...ev, { source, text: `${bp.sbp[0]}/${bp.dbp[0]} mmHg → ${c.category} (${c.rule})` }];
    return c.category === bp.category
      ? v('supported', `${bp.sbp[0]}/${bp.dbp[0]} mmHg is ${bp.category} under ${name}`, evidence)
      : v(
          'contradicted',
          `${name} classifies ${bp.sbp[0]}/${bp.dbp[0]} mmHg as ${c.category}, not ${bp.category}`,
          evidence,
        );
  }
  const wrong: string[] = [];
  for (const axis of ['sbp', 'dbp'] as const) {
    const stated = bp[axis];
    const truth = band[axis];
    if (!stated || !truth) continue;
    if (stated[0] !== truth[0]) wrong.push(`${axis.toUpperCase()} starts at ${truth[0]}, not ${stated[0]}`);
    const top = axis === 'sbp' ? 260 : 170;
    if (bp.form === 'range' && stated[1] !== undefined && truth[1] < top && stated[1] !== truth[1])
      wrong.push(`${axis.toUpperCase()} ends at ${truth[1]}, not ${stated[1]}`);
  }
  return wrong.length
    ? v('contradicted', `${name} ${bp.category}: ${wrong.join('; ')}`, ev)
    : v('supported', `${name} ${bp.category} thresholds match`, ev);
}

export const bpThreshold: GuardCheck = {
  id: 'bp-threshold',
  kinds: ['bp-threshold'],
  check(claim, context): Verdict | undefined {
    const bp = claim.bp;
    if (!bp) return undefined;
    const named = bp.guideline ?? context.guideline;
    const gs = named ? [named] : candidates(bp.category);
    const verdicts = gs.map((g) => judge(bp, g));
    const supported = verdicts.find((x) => x.verdict === 'supported');
    if (supported) return supported;
    if (verdicts.every((x) => x.verdict === 'contradicted')) return verdicts[0];
    return verdicts.find((x) => x.verdict === 'unverifiable') ?? verdicts[0];
  },
};
