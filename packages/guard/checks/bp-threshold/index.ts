/**
 * BP category thresholds stated for a guideline, checked against the blood-pressure engine's classifier: the
 * stated lower (and upper) bounds must be exactly where the engine's category begins (and ends).
 */
import { classifyOfficeBp, officeThreshold, type Guideline } from '@qihuang/engines/blood-pressure';
import type { GuardCheck, Verdict } from '../../types.ts';

const NAMES: Record<Guideline, string> = {
  'acc-aha-2017': 'ACC/AHA 2017',
  'esh-2023': 'ESH 2023',
  'china-2018': '中国高血压防治指南 2018',
  'china-2024': '中国高血压防治指南 2024',
};

interface Band {
  sbp?: [number, number];
  dbp?: [number, number];
}

const bandCache = new Map<string, Band | null>();

/** Where a category begins and ends on each axis (other component held low), from the engine itself. */
export function bandOf(guideline: Guideline, category: string): Band | undefined {
  const key = `${guideline}|${category}`;
  if (bandCache.has(key)) return bandCache.get(key) ?? undefined;
  const scan = (axis: 'sbp' | 'dbp'): [number, number] | undefined => {
    const hits: number[] = [];
    for (let v = axis === 'sbp' ? 60 : 30; v <= (axis === 'sbp' ? 260 : 170); v++) {
      const bp = axis === 'sbp' ? { sbp: v, dbp: 50 } : { sbp: 90, dbp: v };
      if (classifyOfficeBp(bp, guideline).category === category) hits.push(v);
    }
    return hits.length ? [hits[0] as number, hits[hits.length - 1] as number] : undefined;
  };
  const sbp = scan('sbp');
  const dbp = scan('dbp');
  const band = sbp || dbp ? { ...(sbp ? { sbp } : {}), ...(dbp ? { dbp } : {}) } : null;
  bandCache.set(key, band);
  return band ?? undefined;
}

const show = (r: [number, number] | undefined, top: number) =>
  r ? (r[1] >= top ? `≥${r[0]}` : `${r[0]}–${r[1]}`) : '—';

export const bpThreshold: GuardCheck = {
  id: 'bp-threshold',
  kinds: ['bp-threshold'],
  check(claim, context): Verdict | undefined {
    const bp = claim.bp;
    const guideline = bp?.guideline ?? context.guideline;
    if (!bp || !guideline) return undefined;
    const source = `blood-pressure engine: ${NAMES[guideline]} (REFERENCE §1)`;
    if (bp.category === 'hypertension') {
      const t = officeThreshold(guideline);
      const ok = (!bp.sbp || bp.sbp[0] === t.sbp) && (!bp.dbp || bp.dbp[0] === t.dbp);
      return {
        verdict: ok ? 'supported' : 'contradicted',
        evidence: [{ source, text: `${NAMES[guideline]}: office hypertension ≥${t.sbp}/${t.dbp} mmHg` }],
        reason: ok
          ? `${NAMES[guideline]} diagnoses hypertension at ≥${t.sbp}/${t.dbp}`
          : `${NAMES[guideline]} diagnoses hypertension at ≥${t.sbp}/${t.dbp}, not ${bp.sbp?.[0] ?? '?'}/${bp.dbp?.[0] ?? '?'}`,
      };
    }
    const band = bandOf(guideline, bp.category);
    if (!band) {
      return {
        verdict: 'unverifiable',
        evidence: [{ source, text: `${NAMES[guideline]} has no category "${bp.category}"` }],
        reason: `${NAMES[guideline]} does not use the category "${bp.category}"`,
      };
    }
    const evidence = [
      {
        source,
        text: `${NAMES[guideline]} ${bp.category}: SBP ${show(band.sbp, 260)}, DBP ${show(band.dbp, 170)} mmHg`,
      },
    ];
    const wrong: string[] = [];
    const compare = (axis: 'sbp' | 'dbp') => {
      const stated = bp[axis];
      const truth = band[axis];
      if (!stated || !truth) return;
      if (stated[0] !== truth[0]) wrong.push(`${axis.toUpperCase()} starts at ${truth[0]}, not ${stated[0]}`);
      const top = axis === 'sbp' ? 260 : 170;
      if (
        stated[1] !== undefined &&
        !bp.lowerBoundOnly &&
        stated[1] !== (truth[1] >= top ? stated[1] : truth[1])
      ) {
        wrong.push(`${axis.toUpperCase()} ends at ${truth[1]}, not ${stated[1]}`);
      }
    };
    compare('sbp');
    compare('dbp');
    return wrong.length
      ? {
          verdict: 'contradicted',
          evidence,
          reason: `${NAMES[guideline]} ${bp.category}: ${wrong.join('; ')}`,
        }
      : { verdict: 'supported', evidence, reason: `${NAMES[guideline]} ${bp.category} thresholds match` };
  },
};
