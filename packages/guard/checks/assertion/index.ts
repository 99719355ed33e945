/** A medical statement the guard has no check for: listed as unverifiable, with a neutral reason. */
import { say } from '../../i18n.ts';
import type { GuardCheck, Verdict } from '../../types.ts';

export const assertion: GuardCheck = {
  id: 'assertion',
  kinds: ['assertion'],
  check(claim, context): Verdict | undefined {
    if (claim.kind !== 'assertion') return undefined;
    return {
      verdict: 'unverifiable',
      evidence: [],
      reason:
        claim.assertion === 'drug'
          ? say(
              context.lang,
              '涉及药物的陈述，暂无可核查的规则',
              'a statement about a medicine the guard has no rule to check',
            )
          : say(
              context.lang,
              '医学陈述，暂无可核查的规则',
              'a medical statement the guard has no rule to check',
            ),
    };
  },
};
