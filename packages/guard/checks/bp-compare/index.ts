/**
 * A reading compared with a threshold or a pressure's range that the answer itself states (extract-bp-compare.ts):
 * arithmetic on the answer's own numbers, no guideline value involved — "and/or" for above (either pressure), both
 * pressures for below.
 */
import { compareHolds } from '../../extract-bp-compare.ts';
import { say } from '../../i18n.ts';
import type { GuardCheck, Verdict } from '../../types.ts';

export const bpCompare: GuardCheck = {
  id: 'bp-compare',
  kinds: ['bp-threshold'],
  check(claim, context): Verdict | undefined {
    const c = claim.bpCompare;
    if (!c) return undefined;
    const a = c.against;
    const reading = `${c.sbp}/${c.dbp} mmHg`;
    const ok = compareHolds(c);
    const evidence = [
      { source: say(context.lang, '回答中的数值', 'the numbers in the answer'), text: reading },
    ];
    if ('axis' in a) {
      const v = a.axis === 'sbp' ? c.sbp : c.dbp;
      const [zh, en] = a.axis === 'sbp' ? ['收缩压', 'systolic'] : ['舒张压', 'diastolic'];
      return {
        verdict: ok ? 'supported' : 'contradicted',
        evidence,
        reason: ok
          ? say(
              context.lang,
              `${zh} ${v} 在 ${a.low}–${a.high} 内`,
              `${en} ${v} is within ${a.low}–${a.high}`,
            )
          : say(
              context.lang,
              `${zh} ${v} 不在 ${a.low}–${a.high} 内`,
              `${en} ${v} is not within ${a.low}–${a.high}`,
            ),
      };
    }
    const th = `${c.strict ? '>' : '≥'}${a.sbp}/${a.dbp}`;
    const above = c.said === 'above' ? ok : !ok;
    return {
      verdict: ok ? 'supported' : 'contradicted',
      evidence,
      reason: above
        ? say(
            context.lang,
            `${reading} 达到 ${th}（任一项即可）`,
            `${reading} is at ${th} (either pressure counts)`,
          )
        : say(
            context.lang,
            `${reading} 未达到 ${th}（两项均未达到）`,
            `${reading} is not at ${th} (neither pressure is)`,
          ),
    };
  },
};
