/**
 * "X and Y can be combined safely" / "avoid adding Z to X and Y": the drugs named (with the patient's current
 * medicines) against the drug knowledge base's interaction rules, two- and three-drug, with potassium and dose
 * gates (rules.ts), and against the guideline-preferred combinations (an "interaction" between two drugs of a
 * preferred combination is invented).
 */
import { sourceName, type DrugClassId, type DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { drugName, say, severityTag } from '../../i18n.ts';
import type { GuardCheck, Mention, Verdict } from '../../types.ts';
import { applyRules, classesOf } from './rules.ts';
import { extraVerdict } from './frames.ts';

// REFERENCE §7.3 (China 2018 preferred two-drug combinations; ESH 2023 RAS blocker + CCB or diuretic, §7.2).
// §7.3 marks the list details UNVERIFIED, but the five first-line classes "can be used … in combination" is
// [V2] (§7.3), so "must never be combined" for these pairs is contradicted by a verified statement.
const PREFERRED: [DrugClassId[], DrugClassId[]][] = [
  [['acei', 'arb'], ['ccb-dhp']],
  [
    ['acei', 'arb'],
    ['thiazide', 'thiazide-like'],
  ],
  [['ccb-dhp'], ['thiazide', 'thiazide-like']],
  [['ccb-dhp'], ['beta-blocker']],
];

const sameMention = (a: Mention, b: Mention): boolean =>
  a === b ||
  (a.drug !== undefined && a.drug.id === b.drug?.id) ||
  (!a.drug && !b.drug && a.classId === b.classId);

export function isPreferredCombination(a: Mention, b: Mention, kb: DrugKnowledgeBase): boolean {
  const ca = classesOf(a, kb);
  const cb = classesOf(b, kb);
  return PREFERRED.some(
    ([x, y]) =>
      (ca.some((c) => x.includes(c)) && cb.some((c) => y.includes(c))) ||
      (cb.some((c) => x.includes(c)) && ca.some((c) => y.includes(c))),
  );
}

/** The sentence denies an effect on potassium. */
const NO_POTASSIUM_EFFECT =
  /(?:不会|不|无|没有|并不)(?:影响|升高|增加|改变)(?:血)?钾|(?:does not|doesn't|won't|will not|do not|don't|no)\s+(?:have\s+)?(?:any\s+)?(?:meaningful\s+|significant\s+|relevant\s+)?(?:affect|raise|increase|change|effect on)\s+(?:the\s+|each other's\s+)?(?:serum\s+)?(?:potassium|K\+|K⁺)|potassium[- ]neutral/i;

/** The sentence says potassium needs no checking (REFERENCE §6 row 3: check K⁺ and creatinine before and within
 * 1 week–1 month of the start, whatever the level). */
const NO_POTASSIUM_CHECK =
  /(?:无需|不需要|不用|不必)(?:额外|特别)?(?:监测|复查|检查|查)(?:血)?钾|\bneeds? no (?:extra |additional )?(?:potassium|K\+|K⁺) (?:checks?|monitoring|tests?)\b|\bno (?:need|reason) to (?:check|monitor|test) (?:the |serum )*(?:potassium|K\+|K⁺)|\bwithout (?:checking|monitoring) (?:the |serum )*(?:potassium|K\+|K⁺)/i;

/** The interval a rule's management text gives for this drug ("no nitrate within 24 h of sildenafil/vardenafil or
 * 48 h of tadalafil", REFERENCE §6 row 12): the one naming a member, else the first. */
function ruleHours(management: string, members: Mention[]): number {
  for (const m of management.matchAll(/(\d+)[- ]?(?:h\b|hours?) of ([a-z/ -]+?)(?= or\b|[,;.]|$)/gi))
    if (members.some((x) => x.drug && (m[2] as string).split('/').some((n) => n.trim() === x.drug!.id)))
      return Number(m[1]);
  return Number(/(\d+)[- ]?(?:h\b|hour)/i.exec(management)![1]);
}

const SOURCE_PREFERRED = '中国高血压防治指南2018 优化联合方案; ESH 2023';

export const interaction: GuardCheck = {
  id: 'interaction',
  kinds: ['interaction'],
  check(claim, context): Verdict | undefined {
    const i = claim.interaction;
    if (!i) return undefined;
    const kb = context.drugs;
    const lang = context.lang;
    const label = (m: Mention) => (m.drug ? drugName(m.drug, lang) : m.text);
    const sum = (r: { summary: { zh: string; en: string } }) => r.summary[lang];
    // A combination the sentence holds back at a potassium level is not said safe whatever the potassium.
    const potassium = i.potassiumHeld ? undefined : (i.potassium ?? context.patient?.potassium);
    const applied = applyRules(i.members, kb, {
      ...(potassium !== undefined ? { potassium } : {}),
      dailyMg: i.dailyMg,
      conditions: i.conditions ?? [],
      lang,
    });
    const names = i.members.map(label).join(' + ');
    const zh = lang === 'zh';
    const gated = (a: { gate?: string }) => (a.gate ? (zh ? `（${a.gate}）` : ` (${a.gate})`) : '');
    // "ACE inhibitor + ARB: dual RAAS blockade…" already names classes said only as classes: not named twice.
    const named = (ms: Mention[], text: string) =>
      ms.every((m) => !m.drug) && /^[^:：]+[:：]/.test(text)
        ? text
        : `${ms.map(label).join(' + ')}${zh ? '：' : ': '}${text}`;
    const evidence = applied.map((a) => ({
      source: sourceName(a.rule.source, lang),
      text: `${severityTag(a.rule.severity, lang)}${sum(a.rule)}${gated(a)}${zh ? '。' : '. '}${a.rule.management[lang]}`,
    }));
    const live = applied.filter((a) => a.severity !== 'none');
    // The rule's own management text gives the interval ("allow 36 h after the last ACEi dose", REFERENCE §6
    // row 14, Entresto label [V2]; "no nitrate within 24 h of sildenafil").
    const timed = applied.find((a) => /(\d+)[- ]?(?:h\b|hour)/i.test(a.rule.management.en));
    if (i.washoutHours !== undefined && !timed && !i.spaced) return undefined;
    if (i.washoutHours !== undefined && timed) {
      const rule = timed;
      const hours = ruleHours(rule.rule.management.en, i.members);
      return i.washoutHours < hours
        ? {
            verdict: 'contradicted',
            evidence,
            reason: say(
              lang,
              i.spaced
                ? `${names}：两药需间隔至少 ${hours} 小时，而非 ${i.washoutHours} 小时`
                : `${names}：换药需间隔 ${hours} 小时，而非 ${i.washoutHours} 小时`,
              i.spaced
                ? `${names}: at least ${hours} hours must separate them, not ${i.washoutHours}`
                : `${names}: the switch needs ${hours} hours between them, not ${i.washoutHours}`,
            ),
          }
        : {
            verdict: 'supported',
            evidence,
            reason: say(lang, `${names}：间隔 ${hours} 小时`, `${names}: ${hours} hours apart`),
          };
    }
    const more = extraVerdict(i, applied, evidence, names, lang, claim.text);
    if (more) return more;
    // A rule among the patient's current medicines only is not what the sentence claims ("You take lisinopril and
    // valsartan. Amlodipine can be added.": the claim is about amlodipine).
    // "Amlodipine plus bisoprolol is a recommended combination" beside the patient's simvastatin of unknown dose: a
    // dose cap on a drug the sentence neither names nor doses is not what it claims (REFERENCE §6 rows 6–8).
    const capUnsaid = (a: (typeof applied)[number]) => {
      const cap = a.rule.doseCap?.drug;
      return (
        !!cap && !!i.said?.length && i.dailyMg[cap] === undefined && !i.said.some((x) => x.drug?.id === cap)
      );
    };
    const claimed = (a: (typeof applied)[number]) =>
      (!i.said?.length || a.members.some((m) => i.said!.some((x) => sameMention(x, m)))) && !capUnsaid(a);
    const serious = live.filter(
      (a) => (a.severity === 'contraindicated' || a.severity === 'major') && claimed(a),
    );
    if (i.safe) {
      // "ACEI与补钾剂合用不会影响血钾": a rule about potassium exists for these drugs, whatever the level.
      const kRule = applied.find((a) => /potassium|hyperkal/i.test(a.rule.summary.en));
      if (kRule && NO_POTASSIUM_EFFECT.test(claim.text))
        return {
          verdict: 'contradicted',
          evidence,
          reason: say(
            lang,
            `${names} 会升高血钾：${sum(kRule.rule)}`,
            `${names} can raise potassium: ${sum(kRule.rule)}`,
          ),
        };
      // "合用无需监测血钾": the rule's management asks for potassium checks whatever the level (REFERENCE §6 row 3).
      if (kRule && NO_POTASSIUM_CHECK.test(claim.text))
        return {
          verdict: 'contradicted',
          evidence,
          reason: say(
            lang,
            `${names} 合用需监测血钾：${kRule.rule.management.zh}`,
            `${names} need potassium checks: ${kRule.rule.management.en}`,
          ),
        };
      if (serious.length) {
        const s = serious[0]!;
        return {
          verdict: 'contradicted',
          evidence,
          reason: named(s.members, `${sum(s.rule)}${gated(s)}`),
        };
      }
      if (live.length)
        return {
          verdict: 'unverifiable',
          evidence,
          reason: say(
            lang,
            `${names}：需监测下使用（${sum(live[0]!.rule)}）`,
            `${names}: usable with monitoring (${sum(live[0]!.rule)})`,
          ),
        };
      if (applied.length)
        return {
          verdict: 'supported',
          evidence,
          reason: `${names}: ${applied.map((a) => a.gate).join('; ')}`,
        };
      const pairs = i.members.flatMap((a, x) => i.members.slice(x + 1).map((b) => [a, b] as const));
      if (pairs.length && pairs.every(([a, b]) => isPreferredCombination(a, b, kb)))
        return {
          verdict: 'supported',
          evidence: [
            {
              source: SOURCE_PREFERRED,
              text: say(lang, '指南推荐的联合方案', 'guideline-preferred combination'),
            },
          ],
          reason: say(lang, `${names} 是指南推荐的联合方案`, `${names} is a guideline-preferred combination`),
        };
      return {
        verdict: 'unverifiable',
        evidence: [],
        reason: say(
          lang,
          `${names}：没有可核查的相互作用规则`,
          `${names}: no interaction rule to check against`,
        ),
      };
    }
    if (live.length) return { verdict: 'supported', evidence, reason: named(i.members, sum(live[0]!.rule)) };
    if (applied.length)
      return {
        verdict: 'unverifiable',
        evidence,
        reason: `${names}: ${applied.map((a) => a.gate).join('; ')}`,
      };
    if (i.members.length === 2 && isPreferredCombination(i.members[0]!, i.members[1]!, kb))
      return {
        verdict: 'contradicted',
        evidence: [
          {
            source: SOURCE_PREFERRED,
            text: say(
              lang,
              '指南推荐的两药联合方案；药物知识库中无相互作用',
              'guideline-preferred two-drug combination; no interaction in the drug knowledge base',
            ),
          },
        ],
        reason: say(
          lang,
          `${names} 是指南推荐的联合方案，无已知相互作用`,
          `${names} is a guideline-preferred combination with no known interaction`,
        ),
      };
    return {
      verdict: 'unverifiable',
      evidence: [],
      reason: say(
        lang,
        `${names}：没有可核查的相互作用规则`,
        `${names}: no interaction rule to check against`,
      ),
    };
  },
};
