/**
 * "Losartan is an ACE inhibitor", "氨氯地平属于非二氢吡啶类钙通道阻滞剂": a drug said to belong to a class — the
 * drug, a copula and the class, with nothing else between them (a denied or hedged copula makes no claim).
 */
import type { Mention } from './types.ts';

const COPULA = /^\s*(?:is|was)\s+(?:a|an)\s+$|^\s*(?:属于|是一种|是一类|为)\s*$/i;

export function memberships(
  text: string,
  mentions: Mention[],
): { mention: Mention; classMention: Mention }[] {
  const out: { mention: Mention; classMention: Mention }[] = [];
  for (let i = 0; i + 1 < mentions.length; i++) {
    const m = mentions[i]!;
    const c = mentions[i + 1]!;
    if (!m.drug || !c.classId || c.drug) continue;
    if (!COPULA.test(text.slice(m.end, c.start))) continue;
    out.push({ mention: m, classMention: c });
  }
  return out;
}
