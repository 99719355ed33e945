/** Dose claims against the drug knowledge base's usual daily range, maximum daily/single dose and frequency. */
import { sourceOf, type DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { maxVerified, NEUTRAL, usualVerified } from '../../honesty.ts';
import type { DoseData, GuardCheck, Verdict } from '../../types.ts';

const fmt = (n: number) => String(Math.round(n * 1000) / 1000);

function capWith(d: DoseData, kb: DrugKnowledgeBase): { maxDaily: number; partner: string } | undefined {
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
    if (hit) return { maxDaily: rule.doseCap.maxDaily, partner: hit.drug?.names.en ?? hit.text };
  }
  return undefined;
}

export const doseRange: GuardCheck = {
  id: 'dose-range',
  kinds: ['dose'],
  check(claim, context): Verdict | undefined {
    const d = claim.dose;
    const fact = d?.drug.dose;
    if (!d || !fact || fact.unit !== 'mg' || d.drug.components) return undefined;
    const name = `${d.drug.names.zh} ${d.drug.names.en}`;
    const source = sourceOf(fact.source).label;
    const usual = fact.usualDaily ? `${fact.usualDaily[0]}–${fact.usualDaily[1]} mg/d` : undefined;
    const facts = [
      usual ? `usual ${usual}` : '',
      fact.maxDaily !== undefined ? `max ${fact.maxDaily} mg/d` : '',
      fact.timesPerDay ? `${fact.timesPerDay.join(' or ')}×/day` : '',
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
        ? { verdict: 'unverifiable', evidence, reason: `${name}: ${NEUTRAL}` }
        : { verdict: v, evidence, reason };
    const times = d.timesPerDay;
    const daily = (mg: number) => (d.perDay ? mg : mg * (times ?? 1));
    const low = daily(d.amountMg);
    const high = daily(d.amountMaxMg ?? d.amountMg);
    const ceiling = fact.maxDaily ?? fact.usualDaily?.[1];

    if (d.statesMaximum && d.with?.length) {
      // A cap in combination (drug knowledge base dose caps, REFERENCE §6 rows 6–8).
      const cap = capWith(d, context.drugs);
      if (cap)
        return high > cap.maxDaily
          ? verdict(
              'contradicted',
              `${name}: at most ${cap.maxDaily} mg/day with ${cap.partner}, not ${fmt(high)}`,
            )
          : high === cap.maxDaily
            ? verdict('supported', `${name}: at most ${cap.maxDaily} mg/day with ${cap.partner}`)
            : verdict('unverifiable', `${name}: the cap with ${cap.partner} is ${cap.maxDaily} mg/day`);
    }
    if (d.statesMaximum) {
      if (ceiling === undefined) return undefined;
      if (high > ceiling)
        return verdict(
          'contradicted',
          `${name}: stated maximum ${fmt(high)} mg/d is above the maximum ${ceiling} mg/d`,
          fact.maxDaily !== undefined ? 'max' : 'usual',
        );
      if (high === ceiling || (fact.usualDaily && high === fact.usualDaily[1]))
        return (fact.maxDaily !== undefined ? okMax : okUsual)
          ? verdict('supported', `${name}: maximum ${fmt(high)} mg/d matches`)
          : verdict('unverifiable', `${name}: ${NEUTRAL}`);
      return verdict(
        'unverifiable',
        `${name}: stated maximum ${fmt(high)} mg/d is lower than the maximum ${ceiling} mg/d`,
      );
    }
    if (fact.maxSingle !== undefined && (d.amountMaxMg ?? d.amountMg) > fact.maxSingle && !d.perDay) {
      return verdict(
        'contradicted',
        `${name}: single dose ${fmt(d.amountMaxMg ?? d.amountMg)} mg is above the maximum single dose ${fact.maxSingle} mg`,
      );
    }
    if (fact.maxDaily !== undefined && high > fact.maxDaily) {
      return verdict(
        'contradicted',
        `${name}: ${fmt(high)} mg/day is above the maximum daily dose ${fact.maxDaily} mg`,
        'max',
      );
    }
    if (fact.maxDaily === undefined && fact.usualDaily && high > fact.usualDaily[1] * 2) {
      return verdict(
        'contradicted',
        `${name}: ${fmt(high)} mg/day is more than twice the top of the usual range (${usual})`,
        'usual',
      );
    }
    if (times !== undefined && fact.timesPerDay?.length && times > Math.max(...fact.timesPerDay)) {
      return verdict(
        'contradicted',
        `${name}: ${fmt(times)} times a day; the label gives ${fact.timesPerDay.join(' or ')} times a day`,
        'usual',
      );
    }
    if (
      fact.usualDaily &&
      low < fact.usualDaily[0] / 2 &&
      !(fact.elderlyStart !== undefined && low >= fact.elderlyStart)
    ) {
      return verdict(
        'contradicted',
        `${name}: ${fmt(low)} mg/day is far below the usual range (${usual})`,
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
        `${name}: ${fmt(low)}${high !== low ? `–${fmt(high)}` : ''} mg/day is within the usual range / maximum`,
      );
    }
    return verdict(
      'unverifiable',
      `${name}: ${fmt(low)} mg/day is outside the usual range (${usual ?? 'not given'}) but not above the maximum`,
    );
  },
};
