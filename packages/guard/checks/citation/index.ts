/** Every [id] the answer cites must be one of the passages it was given. */
import type { GuardCheck, Verdict } from '../../types.ts';

export const citation: GuardCheck = {
  id: 'citation',
  kinds: ['citation'],
  check(claim, context): Verdict | undefined {
    const id = claim.citation;
    if (!id) return undefined;
    const p = context.passages.get(id);
    if (p)
      return {
        verdict: 'supported',
        evidence: [{ source: id, text: p.title ?? p.text.slice(0, 80) }],
        reason: `[${id}] was given`,
      };
    return {
      verdict: 'contradicted',
      evidence: [
        {
          source: 'passages',
          text: `given: ${[...context.passages.keys()].map((k) => `[${k}]`).join(' ') || 'none'}`,
        },
      ],
      reason: `cites [${id}], which was not among the passages given`,
    };
  },
};
