/**
 * Interaction frames read from independent sets 8 and 9 (issue 18): the order of stopping two drugs, an
 * interaction denied outright, and an absolute prohibition of a combination the drug knowledge base only
 * monitors. Each verdict rests on the rule's own severity, lab gate or management text (REFERENCE §6).
 */
import { say } from '../../i18n.ts';
import type { Evidence, InteractionData, Verdict } from '../../types.ts';
import type { Applied } from './rules.ts';

/** "stop the β-blocker several days before tapering clonidine" (REFERENCE §6 row 11): the class stopped first. */
const FIRST = /stop the (β-blocker|beta-blocker)s? [^.;]*before/i;
const CLASS_OF: Record<string, string> = { 'β-blocker': 'beta-blocker', 'beta-blocker': 'beta-blocker' };

/** The amount is stated as a maximum ("不应超过20 mg", "每日最多 20 mg", "no more than 20 mg"). */
function statedCap(text: string, dose: number): boolean {
  const amount = `${String(dose).replace('.', '\\.')}\\s*(?:mg|毫克)`;
  return new RegExp(
    `(?:(?:不应|不得|不宜|不要|不能|勿|不)超过|最多|最大(?:剂量)?(?:为|是)?|上限(?:为|是)?|at most|no more than|not (?:to )?exceed|never exceed|maximum(?: of| is)?|max(?:imum)?\\s*(?:of)?|capped at|limit(?:ed)? to)\\s*(?:每日|每天|a day|daily|per day|/日)?\\s*${amount}`,
    'i',
  ).test(text);
}

export function extraVerdict(
  i: InteractionData,
  applied: Applied[],
  evidence: Evidence[],
  names: string,
  lang: 'zh' | 'en',
  text = '',
): Verdict | undefined {
  if (i.stopFirst) {
    const a = applied.find((x) => FIRST.test(x.rule.management.en));
    const first = a && CLASS_OF[(FIRST.exec(a.rule.management.en)![1] as string).toLowerCase()];
    // The drug stopped first may be named by its class ("先停β阻滞剂", "stop the beta-blocker first").
    const classes = i.stopFirst.drug?.classes ?? (i.stopFirst.classId ? [i.stopFirst.classId] : []);
    if (!a || !first || !classes.length) return undefined;
    const right = (classes as string[]).includes(first);
    return {
      verdict: right ? 'supported' : 'contradicted',
      evidence,
      reason: right
        ? say(lang, `${names}：停药顺序正确（${a.rule.management.zh}）`, `${names}: ${a.rule.management.en}`)
        : say(lang, `${names}：${a.rule.management.zh}`, `${names}: ${a.rule.management.en}`),
    };
  }
  // "与维拉帕米合用时辛伐他汀每日不应超过20 mg": a cap stated for the combination above the rule's own cap
  // (REFERENCE §6 rows 6–8, simvastatin label §2.3) is wrong, whatever the sentence's polarity.
  for (const a of applied) {
    const cap = a.rule.doseCap;
    const dose = cap && i.dailyMg[cap.drug];
    if (!cap || dose === undefined || dose <= cap.maxDaily || !a.members.some((m) => m.drug?.id === cap.drug))
      continue;
    if (!statedCap(text, dose)) continue;
    return {
      verdict: 'contradicted',
      evidence,
      reason: say(
        lang,
        `${names}：合用时每日最多 ${cap.maxDaily} mg，而非 ${dose} mg`,
        `${names}: at most ${cap.maxDaily} mg/day in combination, not ${dose} mg`,
      ),
    };
  }
  const live = applied.filter((a) => a.severity !== 'none' && a.severity !== 'info');
  // "X and Y don't interact" where the drug knowledge base has a rule for them.
  // A rule gated by a lab value the answer does not give is still an interaction to monitor (REFERENCE §6 row 3,
  // "Major (monitor)"): denying it outright is wrong at any potassium.
  const gated = applied.filter((a) => a.rule.labGate);
  if (i.safe && i.denied && (live.length || gated.length)) {
    const a = live[0] ?? gated[0]!;
    return {
      verdict: 'contradicted',
      evidence,
      reason: say(
        lang,
        `${names} 存在相互作用：${a.rule.summary.zh}`,
        `${names} do interact: ${a.rule.summary.en}`,
      ),
    };
  }
  // "must never be co-prescribed, whatever the potassium": the rules for them are monitored or gated by a lab value,
  // not absolute (REFERENCE §6 row 3: "do not hard-stop — require K⁺/eGFR data").
  if (
    !i.safe &&
    i.absolute &&
    applied.length &&
    applied.every((a) => a.rule.severity === 'moderate' || a.rule.labGate !== undefined)
  ) {
    const a = applied[0]!;
    return {
      verdict: 'contradicted',
      evidence,
      reason: say(
        lang,
        `${names} 并非绝对禁忌：${a.rule.summary.zh}（${a.rule.management.zh}）`,
        `${names} is not an absolute contraindication: ${a.rule.summary.en} (${a.rule.management.en})`,
      ),
    };
  }
  return undefined;
}
