/** A medical statement the guard has no check for: listed as unverifiable, with a neutral reason. */
import type { GuardCheck, Verdict } from '../../types.ts';

export const assertion: GuardCheck = {
  id: 'assertion',
  kinds: ['assertion'],
  check(claim): Verdict | undefined {
    if (claim.kind !== 'assertion') return undefined;
    return {
      verdict: 'unverifiable',
      evidence: [],
      reason:
        claim.assertion === 'drug'
          ? 'a statement about a medicine the guard has no rule to check'
          : 'a medical statement the guard has no rule to check',
    };
  },
};
