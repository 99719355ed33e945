/**
 * "Losartan is an ACE inhibitor", "氨氯地平属于非二氢吡啶类钙通道阻滞剂": a drug said to belong to a class — the
 * drug, a copula and the class, with nothing else between them (a denied or hedged copula makes no claim). Drugs and
 * classes listed on both sides ("氨氯地平与美托洛尔属于二氢吡啶CCB+β阻滞剂", "A and B are a CCB and a beta-blocker")
 * pair in order; lists of unequal length make no claim.
 */
import type { Mention } from './types.ts';

const COPULA = /^\s*(?:is|was)\s+(?:a|an)\s+$|^\s*(?:属于|是一种|是一类|为)\s*$/i;
const LIST_COPULA = /^\s*(?:are|were)\s+(?:(?:a|an)\s+)?$|^\s*(?:分别)?(?:属于|是|为)\s*$/i;
/** Words joining two items of a list ("与", "和", "+", "and", ","). */
const JOIN = /^\s*(?:与|和|及|跟|加|、|\+|＋|\/|,|，|and|plus|(?:,\s*)?and (?:a|an)|(?:a|an))\s*$/i;

export function memberships(
  text: string,
  mentions: Mention[],
): { mention: Mention; classMention: Mention }[] {
  const out: { mention: Mention; classMention: Mention }[] = [];
  for (let i = 0; i + 1 < mentions.length; i++) {
    const m = mentions[i]!;
    const c = mentions[i + 1]!;
    if (!m.drug || !c.classId || c.drug) continue;
    const copula = text.slice(m.end, c.start);
    // The drugs joined before m and the classes joined after c.
    let a = i;
    while (a > 0 && mentions[a - 1]!.drug && JOIN.test(text.slice(mentions[a - 1]!.end, mentions[a]!.start)))
      a--;
    let b = i + 1;
    while (
      b + 1 < mentions.length &&
      mentions[b + 1]!.classId &&
      !mentions[b + 1]!.drug &&
      JOIN.test(text.slice(mentions[b]!.end, mentions[b + 1]!.start))
    )
      b++;
    const drugs = mentions.slice(a, i + 1);
    const classes = mentions.slice(i + 1, b + 1);
    if (drugs.length > 1 || classes.length > 1) {
      if (drugs.length === classes.length && LIST_COPULA.test(copula))
        drugs.forEach((d, k) => out.push({ mention: d, classMention: classes[k]! }));
      i = b;
      continue;
    }
    if (!COPULA.test(copula)) continue;
    out.push({ mention: m, classMention: c });
  }
  return out;
}
