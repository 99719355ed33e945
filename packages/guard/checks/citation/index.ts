/**
 * A sentence citing [id]: the passage must have been given (else contradicted), and it must state what the
 * sentence says — same drugs, numbers (with their qualifiers) and polarity — to be `supported`; a passage that
 * states otherwise makes it `contradicted`; a passage that says nothing about it leaves it `unverifiable`.
 */
import { say } from '../../i18n.ts';
import { stripCitations } from '../../sentences.ts';
import type { GuardCheck, Verdict } from '../../types.ts';
import { compare, passageUnits, read, type Reading } from './statement.ts';

const LEAD_IN =
  /^\s*(?:per|according to|as (?:stated|noted|shown) in|see|from|based on|根据|按照|依据|参见|据|见)?\s*$/i;
const units = new WeakMap<object, Reading[]>();

export const citation: GuardCheck = {
  id: 'citation',
  kinds: ['citation'],
  check(claim, context): Verdict | undefined {
    const id = claim.citation;
    if (!id) return undefined;
    const p = context.passages.get(id);
    if (!p)
      return {
        verdict: 'contradicted',
        evidence: [
          {
            source: 'passages',
            text: `given: ${[...context.passages.keys()].map((k) => `[${k}]`).join(' ') || 'none'}`,
          },
        ],
        reason: say(
          context.lang,
          `引用的 [${id}] 不在提供的资料中`,
          `cites [${id}], which was not among the passages given`,
        ),
      };
    let u = units.get(p);
    if (!u) {
      u = passageUnits(p.text, context.drugs);
      units.set(p, u);
    }
    // Only the part of the sentence before this marker (and after the previous one) is attributed to [id].
    const marker = claim.text.indexOf(`[${id}`);
    const prev = marker > 0 ? claim.text.lastIndexOf(']', marker) : -1;
    let own = marker > 0 ? claim.text.slice(prev + 1, marker) : claim.text;
    // "Per [p1], …" / "根据 [p1]，…": the marker leads the sentence, so what follows it is attributed.
    if (marker >= 0 && LEAD_IN.test(own)) {
      const after = claim.text.slice(claim.text.indexOf(']', marker) + 1);
      const next = after.indexOf('[');
      own = next >= 0 ? after.slice(0, next) : after;
    }
    const r = compare(read(stripCitations(own.trim() ? own : claim.text), context.drugs), u, context.lang);
    const evidence = [
      {
        source: `[${id}]${p.title ? ` ${p.title}` : ''}`,
        text: r.unit ?? (p.text.length > 160 ? `${p.text.slice(0, 160)}…` : p.text),
      },
    ];
    return { verdict: r.verdict, evidence, reason: `[${id}]: ${r.reason}` };
  },
};
