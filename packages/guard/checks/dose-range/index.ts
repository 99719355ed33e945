/** Dose claims against the drug knowledge base's usual daily range, maximum daily/single dose and frequency. */
import { sourceOf } from '@qihuang/drug-knowledge';
import type { GuardCheck, Verdict } from '../../types.ts';

const fmt = (n: number) => String(Math.round(n * 1000) / 1000);

export const doseRange: GuardCheck = {
  id: 'dose-range',
  kinds: ['dose'],
  check(claim): Verdict | undefined {
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
    const verdict = (v: Verdict['verdict'], reason: string): Verdict => ({ verdict: v, evidence, reason });
    const times = d.timesPerDay;
    const daily = (mg: number) => (d.perDay ? mg : mg * (times ?? 1));
    const low = daily(d.amountMg);
    const high = daily(d.amountMaxMg ?? d.amountMg);
    const ceiling = fact.maxDaily ?? fact.usualDaily?.[1];

    if (d.statesMaximum) {
      if (ceiling === undefined) return undefined;
      if (high > ceiling)
        return verdict(
          'contradicted',
          `${name}: stated maximum ${fmt(high)} mg/d is above the knowledge base maximum ${ceiling} mg/d`,
        );
      if (high === ceiling || (fact.usualDaily && high === fact.usualDaily[1]))
        return verdict('supported', `${name}: maximum ${fmt(high)} mg/d matches`);
      return verdict(
        'unverifiable',
        `${name}: stated maximum ${fmt(high)} mg/d is lower than the knowledge base maximum ${ceiling} mg/d`,
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
      );
    }
    if (fact.maxDaily === undefined && fact.usualDaily && high > fact.usualDaily[1] * 2) {
      return verdict(
        'contradicted',
        `${name}: ${fmt(high)} mg/day is more than twice the top of the usual range (${usual})`,
      );
    }
    if (times !== undefined && fact.timesPerDay?.length && times > Math.max(...fact.timesPerDay)) {
      return verdict(
        'contradicted',
        `${name}: ${fmt(times)} times a day; the knowledge base gives ${fact.timesPerDay.join(' or ')} times a day`,
      );
    }
    if (
      fact.usualDaily &&
      low < fact.usualDaily[0] / 2 &&
      !(fact.elderlyStart !== undefined && low >= fact.elderlyStart)
    ) {
      return verdict('contradicted', `${name}: ${fmt(low)} mg/day is far below the usual range (${usual})`);
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
