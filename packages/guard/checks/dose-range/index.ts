/** Dose claims against the drug knowledge base's usual daily range, maximum daily/single dose and frequency. */
import { sourceName, type DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { maxVerified, neutral, usualVerified } from '../../honesty.ts';
import { drugName, say } from '../../i18n.ts';
import { polarity } from '../../polarity.ts';
import type { DoseData, GuardCheck, Verdict } from '../../types.ts';

const ABOVE =
  /(?:above|over|more than|higher than|exceeding|beyond|超过|高于|大于)\s*[\d.]+\s*(?:mg|毫克)[^\d]*$/i;

/** Words that say the amount IS the maximum (not a titration step such as "increase to"). */
const EXPLICIT_MAXIMUM = /最大(?:日)?剂量|最高(?:日)?剂量|maximum|\bmax\b/i;
/** "最大240 mg/日": the bare word right before this amount per day (not "最大 25 mg 每日两次", a dose per intake). */
const bareMaximum = (text: string, amount: number) =>
  new RegExp(
    `(?:最大|最高)\\s*(?:为|是|[:：])?\\s*${String(amount).replace('.', '\\.')}\\s*(?:mg|毫克)\\s*\\/\\s*(?:日|天|d\\b)`,
    'i',
  ).test(text);
// "should not exceed N mg per day" / "不应超过": a prohibition above N states the maximum as firmly — unless it is
// about a starting or titration step ("start at no more than …").
const NOT_EXCEED =
  /(?:should|must|do|does|to) not (?:exceed|go (?:above|over|beyond))|never exceed|不应超过|不得超过|不宜超过|不要超过/i;
const STEP = /起始|开始|初始|start|initial|titrat|加量|增至|step/i;
/** Context in which a lower maximum applies (renal or hepatic impairment, older people, combinations); "adults with
 * hypertension" is the label's own population, not a context. */
const LOWER_CAP_CONTEXT =
  /肾|肝|老年|高龄|合用|联用|renal|kidney|hepatic|liver|elderly|older|GFR|CrCl|clearance|\bwith\b(?! (?:essential |primary )?(?:hypertension|high blood pressure)\b)|combin/i;

/** The sentence up to the end of the clause that states the maximum: context after it ("再不够就联合用药", "then
 * combine") is what to do next, not a context that lowers the cap. */
function upToMaximumClause(text: string): string {
  const m = EXPLICIT_MAXIMUM.exec(text) ?? NOT_EXCEED.exec(text);
  if (!m) return text;
  const stop = /[，,；;。]/g;
  stop.lastIndex = m.index + m[0].length;
  const end = stop.exec(text);
  return end ? text.slice(0, end.index) : text;
}

/** Diuretic classes (drug-knowledge class ids; "利尿剂"/"diuretic" alone reads as thiazide). */
const DIURETICS = new Set<string>(['thiazide', 'thiazide-like', 'thiazide-type', 'loop', 'mra', 'k-sparing']);

const fmt = (n: number) => String(Math.round(n * 1000) / 1000);

function capWith(
  d: DoseData,
  kb: DrugKnowledgeBase,
  lang: 'zh' | 'en',
  text = '',
): { maxDaily: number; partner: string } | undefined {
  const lowest = new Set([...text.matchAll(/(\d+(?:\.\d+)?)\s*(?:mg|毫克)/gi)].map((m) => m[1])).size <= 1;
  let best: { maxDaily: number; partner: string } | undefined;
  for (const rule of kb.interactions) {
    if (!rule.doseCap || rule.doseCap.drug !== d.drug.id) continue;
    const hit = (d.with ?? []).find((m) => {
      const self = [{ drug: d.drug.id }];
      return rule.members.some(
        (sel) =>
          !sel.some((x) => JSON.stringify(x) === JSON.stringify(self[0])) &&
          sel.some((x) =>
            'drug' in x
              ? m.drug?.id === x.drug
              : 'class' in x
                ? (m.drug ? kb.classesOf(m.drug) : [m.classId]).includes(x.class)
                : false,
          ),
      );
    });
    // Several partners with caps (diltiazem and amlodipine) and one amount stated: the lowest cap applies to the
    // combination; with an amount per partner ("20 mg with amlodipine, 10 mg with diltiazem") the first named.
    if (hit && (!best || (lowest && rule.doseCap.maxDaily < best.maxDaily)))
      best = { maxDaily: rule.doseCap.maxDaily, partner: hit.drug ? drugName(hit.drug, lang) : hit.text };
  }
  return best;
}

/** A cap the knowledge base gives the drug with another partner (a mix-up of partners: "simvastatin with amlodipine
 * is capped at 10 mg", 10 mg being the cap with verapamil or diltiazem — REFERENCE §6 rows 6–8). */
const otherCap = (d: DoseData, kb: DrugKnowledgeBase, amount: number, text: string): boolean =>
  // One amount in the sentence: with an amount per partner ("10 mg with verapamil, 20 mg with amlodipine") the
  // partner of each amount is not read with certainty.
  new Set([...text.matchAll(/(\d+(?:\.\d+)?)\s*(?:mg|毫克)/gi)].map((m) => m[1])).size === 1 &&
  kb.interactions.some((r) => r.doseCap?.drug === d.drug.id && r.doseCap.maxDaily === amount);

export const doseRange: GuardCheck = {
  id: 'dose-range',
  kinds: ['dose'],
  check(claim, context): Verdict | undefined {
    const d = claim.dose;
    const fact = d?.drug.dose;
    if (!d || !fact || fact.unit !== 'mg' || d.drug.components) return undefined;
    const lang = context.lang;
    const L = (zh: string, en: string) => say(lang, zh, en);
    const name = drugName(d.drug, lang);
    const source = sourceName(fact.source, lang, d.drug.names);
    const usual = fact.usualDaily ? `${fact.usualDaily[0]}–${fact.usualDaily[1]} mg/d` : undefined;
    const facts = [
      usual ? L(`常用 ${usual}`, `usual ${usual}`) : '',
      fact.maxDaily !== undefined ? L(`最大 ${fact.maxDaily} mg/d`, `max ${fact.maxDaily} mg/d`) : '',
      fact.timesPerDay
        ? L(`每日 ${fact.timesPerDay.join(' 或 ')} 次`, `${fact.timesPerDay.join(' or ')}×/day`)
        : '',
    ]
      .filter(Boolean)
      .join('; ');
    const evidence = [{ source, text: `${name}: ${facts}` }];
    const okMax = maxVerified(d.drug);
    const okUsual = usualVerified(d.drug);
    const verdict = (
      v: Verdict['verdict'],
      reason: string,
      basis: 'max' | 'usual' | 'label' = 'label',
    ): Verdict =>
      v === 'contradicted' && ((basis === 'max' && !okMax) || (basis === 'usual' && !okUsual))
        ? { verdict: 'unverifiable', evidence, reason: `${name}: ${neutral(lang)}` }
        : { verdict: v, evidence, reason };
    const times = d.timesPerDay;
    const daily = (mg: number) => (d.perDay ? mg : mg * (times ?? 1));
    const low = daily(d.amountMg);
    const high = daily(d.amountMaxMg ?? d.amountMg);
    const ceiling = fact.maxDaily ?? fact.usualDaily?.[1];

    // "Doses above 50 mg a day are recommended": recommending doses beyond the maximum daily dose.
    if (
      fact.maxDaily !== undefined &&
      high >= fact.maxDaily &&
      ABOVE.test(d.raw) &&
      !d.with?.length &&
      polarity(claim.text) === 'safe'
    )
      return verdict(
        'contradicted',
        L(
          `${name}：最大日剂量为 ${fact.maxDaily} mg，不推荐超过该剂量`,
          `${name}: the maximum daily dose is ${fact.maxDaily} mg; doses above it are not recommended`,
        ),
        'max',
      );
    if (d.statesMaximum && d.with?.length) {
      // A cap in combination (drug knowledge base dose caps, REFERENCE §6 rows 6–8).
      const cap = capWith(d, context.drugs, lang, claim.text);
      if (cap)
        return high > cap.maxDaily
          ? verdict(
              'contradicted',
              L(
                `${name}与${cap.partner}合用时每日最多 ${cap.maxDaily} mg，而非 ${fmt(high)} mg`,
                `${name}: at most ${cap.maxDaily} mg/day with ${cap.partner}, not ${fmt(high)}`,
              ),
            )
          : high < cap.maxDaily && otherCap(d, context.drugs, high, claim.text)
            ? verdict(
                'contradicted',
                L(
                  `${name}与${cap.partner}合用时每日最多 ${cap.maxDaily} mg，而非 ${fmt(high)} mg（${fmt(high)} mg 是与其他药物合用时的上限）`,
                  `${name}: at most ${cap.maxDaily} mg/day with ${cap.partner}, not ${fmt(high)} (${fmt(high)} mg is the cap with other drugs)`,
                ),
              )
            : high === cap.maxDaily
              ? verdict(
                  'supported',
                  L(
                    `${name}与${cap.partner}合用时每日最多 ${cap.maxDaily} mg`,
                    `${name}: at most ${cap.maxDaily} mg/day with ${cap.partner}`,
                  ),
                )
              : verdict(
                  'unverifiable',
                  L(
                    `${name}与${cap.partner}合用时上限为每日 ${cap.maxDaily} mg`,
                    `${name}: the cap with ${cap.partner} is ${cap.maxDaily} mg/day`,
                  ),
                );
    }
    if (d.statesMaximum) {
      if (ceiling === undefined) return undefined;
      if (high > ceiling)
        return verdict(
          'contradicted',
          L(
            `${name}：所述最大剂量 ${fmt(high)} mg/日 高于最大剂量 ${ceiling} mg/日`,
            `${name}: stated maximum ${fmt(high)} mg/d is above the maximum ${ceiling} mg/d`,
          ),
          fact.maxDaily !== undefined ? 'max' : 'usual',
        );
      if (high === ceiling || (fact.usualDaily && high === fact.usualDaily[1]))
        return (fact.maxDaily !== undefined ? okMax : okUsual)
          ? verdict(
              'supported',
              L(`${name}：最大剂量 ${fmt(high)} mg/日 正确`, `${name}: maximum ${fmt(high)} mg/d matches`),
            )
          : verdict('unverifiable', `${name}: ${neutral(lang)}`);
      // "The maximum daily dose of valsartan is 160 mg" (label 320 mg): a stated maximum below the known one is
      // wrong too — when it is said to be the maximum (not "can be increased to"), with no renal, hepatic, age or
      // combination context that lowers it, and below the top of the usual range.
      const ctx = claim.context ?? {};
      if (
        (EXPLICIT_MAXIMUM.test(claim.text) ||
          bareMaximum(claim.text, high) ||
          (NOT_EXCEED.test(claim.text) && !STEP.test(claim.text))) &&
        !LOWER_CAP_CONTEXT.test(upToMaximumClause(claim.text)) &&
        // "25 mg per dose" of a drug taken twice a day: a maximum per dose is not the daily one.
        !/per dose|each dose|a single dose|per administration|每次|单次|每剂/i.test(claim.text) &&
        ctx.egfr === undefined &&
        ctx.crcl === undefined &&
        context.patient?.egfr === undefined &&
        context.patient?.crcl === undefined &&
        !d.with?.length &&
        fact.maxDaily !== undefined &&
        high < (fact.usualDaily?.[1] ?? fact.maxDaily)
      )
        return verdict(
          'contradicted',
          L(
            `${name}：所述最大剂量 ${fmt(high)} mg/日 低于最大剂量 ${ceiling} mg/日`,
            `${name}: stated maximum ${fmt(high)} mg/d is below the maximum ${ceiling} mg/d`,
          ),
          'max',
        );
      return verdict(
        'unverifiable',
        L(
          `${name}：所述最大剂量 ${fmt(high)} mg/日 低于最大剂量 ${ceiling} mg/日`,
          `${name}: stated maximum ${fmt(high)} mg/d is lower than the maximum ${ceiling} mg/d`,
        ),
      );
    }
    // "Amlodipine is started at 10 mg" (label: 5 mg): a stated start above the label's usual adult start (drug
    // knowledge `adultStart`, REFERENCE §5.1a); a lower start (older, frail, renal, with a diuretic) is no error.
    if (d.statesStart && fact.adultStart !== undefined && low > fact.adultStart && !d.with?.length)
      return verdict(
        'contradicted',
        L(
          `${name}：成人常规起始剂量为每日 ${fact.adultStart} mg，而非 ${fmt(low)} mg`,
          `${name}: the usual adult starting dose is ${fact.adultStart} mg/day, not ${fmt(low)} mg`,
        ),
        'usual',
      );
    // "患者已在用氢氯噻嗪，起始剂量同样用10 mg": a start alongside a diuretic above the label's start for that case
    // (drug knowledge `diureticStart`, REFERENCE §5.1a lisinopril "5 mg if on a diuretic").
    const isDiuretic = (m: NonNullable<DoseData['with']>[number]) =>
      (m.drug ? context.drugs.classesOf(m.drug) : m.classId ? [m.classId] : []).some((c) => DIURETICS.has(c));
    const withDiuretic = (d.with ?? []).some(isDiuretic);
    // The diuretic is named before the amount ("10 mg, or 5 mg if already on a diuretic" gives both starts).
    const diuretic = () => {
      const at = claim.text.search(
        new RegExp(`${String(d.amountMg).replace('.', '\\.')}\\s*(?:mg|毫克)`, 'i'),
      );
      return (d.with ?? []).some((m) => at >= 0 && m.end <= at && isDiuretic(m));
    };
    if (
      d.statesStart &&
      fact.diureticStart !== undefined &&
      low > fact.diureticStart &&
      withDiuretic &&
      diuretic()
    )
      return verdict(
        'contradicted',
        L(
          `${name}：已在用利尿剂时起始剂量为每日 ${fact.diureticStart} mg，而非 ${fmt(low)} mg`,
          `${name}: with a diuretic already taken the starting dose is ${fact.diureticStart} mg/day, not ${fmt(low)} mg`,
        ),
        'usual',
      );
    if (fact.maxSingle !== undefined && (d.amountMaxMg ?? d.amountMg) > fact.maxSingle && !d.perDay) {
      return verdict(
        'contradicted',
        L(
          `${name}：单次 ${fmt(d.amountMaxMg ?? d.amountMg)} mg 高于单次最大剂量 ${fact.maxSingle} mg`,
          `${name}: single dose ${fmt(d.amountMaxMg ?? d.amountMg)} mg is above the maximum single dose ${fact.maxSingle} mg`,
        ),
      );
    }
    if (fact.maxDaily !== undefined && high > fact.maxDaily) {
      return verdict(
        'contradicted',
        L(
          `${name}：每日 ${fmt(high)} mg 高于每日最大剂量 ${fact.maxDaily} mg`,
          `${name}: ${fmt(high)} mg/day is above the maximum daily dose ${fact.maxDaily} mg`,
        ),
        'max',
      );
    }
    if (fact.maxDaily === undefined && fact.usualDaily && high > fact.usualDaily[1] * 2) {
      return verdict(
        'contradicted',
        L(
          `${name}：每日 ${fmt(high)} mg 超过常用范围上限的两倍（${usual}）`,
          `${name}: ${fmt(high)} mg/day is more than twice the top of the usual range (${usual})`,
        ),
        'usual',
      );
    }
    if (times !== undefined && fact.timesPerDay?.length && times > Math.max(...fact.timesPerDay)) {
      return verdict(
        'contradicted',
        L(
          `${name}：每日 ${fmt(times)} 次；说明书为每日 ${fact.timesPerDay.join(' 或 ')} 次`,
          `${name}: ${fmt(times)} times a day; the label gives ${fact.timesPerDay.join(' or ')} times a day`,
        ),
        'usual',
      );
    }
    if (
      fact.usualDaily &&
      low < fact.usualDaily[0] / 2 &&
      // A low dose stated for severe renal impairment (≤30 mL/min) or dialysis is a renal adjustment, not a
      // usual-range error (REFERENCE §5.3: renal caps start below 30 mL/min); at milder levels it is still checked.
      // The renal function may be stated in an earlier sentence or the request (carried, with certainty).
      !severeRenal(claim.text) &&
      !isSevere(
        claim.context?.crcl ?? claim.context?.egfr ?? context.patient?.crcl ?? context.patient?.egfr,
      ) &&
      !(fact.elderlyStart !== undefined && low >= fact.elderlyStart) &&
      // "For a patient on furosemide, lisinopril can be started at 2.5–5 mg": a low start beside a diuretic.
      !(d.statesStart && withDiuretic)
    ) {
      return verdict(
        'contradicted',
        L(
          `${name}：每日 ${fmt(low)} mg 远低于常用范围（${usual}）`,
          `${name}: ${fmt(low)} mg/day is far below the usual range (${usual})`,
        ),
        'usual',
      );
    }
    if (
      fact.usualDaily &&
      low >= (fact.elderlyStart ?? fact.usualDaily[0]) &&
      high <= (ceiling ?? Infinity)
    ) {
      return verdict(
        'supported',
        L(
          `${name}：每日 ${fmt(low)}${high !== low ? `–${fmt(high)}` : ''} mg 在常用范围/最大剂量内`,
          `${name}: ${fmt(low)}${high !== low ? `–${fmt(high)}` : ''} mg/day is within the usual range / maximum`,
        ),
      );
    }
    return verdict(
      'unverifiable',
      L(
        `${name}：每日 ${fmt(low)} mg 不在常用范围（${usual ?? '未给出'}）内，但未超过最大剂量`,
        `${name}: ${fmt(low)} mg/day is outside the usual range (${usual ?? 'not given'}) but not above the maximum`,
      ),
    );
  },
};

/** ≤30 mL/min (REFERENCE §5.3: renal caps start below 30 mL/min). */
const isSevere = (v: number | undefined): boolean => v !== undefined && v <= 30;

function severeRenal(text: string): boolean {
  if (/dialys|透析/i.test(text)) return true;
  return [...text.matchAll(/(\d{1,3})\s*m[lL]\s*\/\s*min/g)].some((m) => Number(m[1]) <= 30);
}
