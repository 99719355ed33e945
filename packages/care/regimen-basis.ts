/**
 * The BP a treated patient's proposal judges the current regimen on (issue 20 try: a triple therapy approved this
 * morning was called resistant hypertension from the week of readings that led to it). The regimen's latest start
 * or change is read from the chart's current antihypertensive orders; the BP is taken from readings since the
 * regimen settled (the engine's REGIMEN_SETTLE_DAYS, docs/decisions/0023) with the assessment's own rules
 * (HBPM mean when sufficient, else the last office visit, else an insufficient home mean); when there are none,
 * the latest BP with the day its readings began, which the engine then calls too early to judge.
 */
import { currentHomeMean, type Guideline } from '@qihuang/engines/blood-pressure';
import { regimenSettledAt, type RegimenTiming } from '@qihuang/engines/hypertension-care';
import { readReview } from '@qihuang/pharmacy-review';
import type { FhirResource } from '@qihuang/store';
import type { ClinicalContext } from './clinical.ts';

export interface BpBasis {
  bp: { sbp: number; dbp: number };
  source: 'home' | 'office';
  /** When the first reading behind `bp` was taken (ISO). */
  from: string;
  sufficient: boolean;
}

interface MedicationResource {
  resourceType?: string;
  id?: string;
  status?: string;
  authoredOn?: string;
  effectiveDateTime?: string;
  effectivePeriod?: { start?: string };
}

/**
 * When one current medication started: an order the pharmacist approved from the approval (decision 0017: it is
 * the patient's medication from then), else from its signature (authoredOn); a MedicationStatement from its
 * effective start. Unknown (a medication the patient listed with no date) is a long-standing one.
 */
function startedAt(resource: FhirResource): string | undefined {
  const r = resource as MedicationResource;
  if (r.resourceType === 'MedicationRequest') {
    const review = readReview(resource);
    return review.state === 'approved' && review.at ? review.at : r.authoredOn;
  }
  return r.effectivePeriod?.start ?? r.effectiveDateTime;
}

/** The latest start among the current antihypertensives (`ids` as "MedicationRequest/x"), if any is dated. */
export function regimenChangedAt(c: ClinicalContext, ids: readonly string[]): string | undefined {
  const wanted = new Set(ids);
  let latest: number | undefined;
  for (const r of c.chart.resources) {
    if (!wanted.has(`${r.resourceType}/${String(r.id)}`)) continue;
    const at = startedAt(r);
    const ms = at === undefined ? Number.NaN : Date.parse(at);
    if (Number.isFinite(ms) && (latest === undefined || ms > latest)) latest = ms;
  }
  return latest === undefined ? undefined : new Date(latest).toISOString();
}

const localDay = (ms: number, offset: number) => new Date(ms + offset * 60_000).toISOString().slice(0, 10);

/**
 * The decision BP from the readings taken at or after `since` (all when undefined), by the assessment's rules: the
 * home mean is the one current home average (decision 0027, engines/blood-pressure currentHomeMean: 7 local days
 * ending `now`, first day with readings discarded — REFERENCE §2.3), the same window every screen shows; a week that
 * ended before it is no current average.
 */
export function bpBasis(
  c: ClinicalContext,
  guideline: Guideline,
  utcOffsetMinutes: number,
  now: string,
  since?: string,
): BpBasis | undefined {
  const from = since === undefined ? Number.NEGATIVE_INFINITY : Date.parse(since);
  const to = Date.parse(now);
  const series = c.report.series.filter((r) => Date.parse(r.time) >= from && Date.parse(r.time) <= to);
  const home = series
    .filter((r) => r.setting === 'home')
    .map((r, i) => ({ id: `r${i}`, time: r.time, sbp: r.sbp, dbp: r.dbp }));
  const hbpm = home.length ? currentHomeMean(home, { guideline, now, utcOffsetMinutes }) : undefined;
  const firstOf = (ids: readonly string[]) =>
    home
      .filter((r) => ids.includes(r.id))
      .map((r) => Date.parse(r.time))
      .reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
  const homeBasis = (sufficient: boolean): BpBasis | undefined =>
    hbpm?.mean
      ? {
          bp: hbpm.mean,
          source: 'home',
          from: new Date(firstOf(hbpm.readingIds)).toISOString(),
          sufficient,
        }
      : undefined;
  if (hbpm?.sufficient) return homeBasis(true);
  // The last office visit: the readings of the latest local day (as the assessment's office mean).
  const office = series.filter((r) => r.setting === 'office');
  if (office.length) {
    const last = office.reduce((a, b) => (Date.parse(b.time) > Date.parse(a.time) ? b : a));
    const day = localDay(Date.parse(last.time), utcOffsetMinutes);
    const visit = office.filter((r) => localDay(Date.parse(r.time), utcOffsetMinutes) === day);
    const mean = (k: 'sbp' | 'dbp') => visit.reduce((s, r) => s + r[k], 0) / visit.length;
    const first = Math.min(...visit.map((r) => Date.parse(r.time)));
    return {
      bp: { sbp: mean('sbp'), dbp: mean('dbp') },
      source: 'office',
      from: new Date(first).toISOString(),
      sufficient: true,
    };
  }
  return homeBasis(false);
}

/**
 * For a treated patient whose regimen has a dated start: the BP to decide on and the timing the engine judges it
 * with. Undefined when no current antihypertensive is dated (the decision BP stands, as before).
 */
export function regimenBasis(
  c: ClinicalContext,
  guideline: Guideline,
  utcOffsetMinutes: number,
  ids: readonly string[],
  now: string,
): { basis: BpBasis; regimen: RegimenTiming } | undefined {
  const changedAt = regimenChangedAt(c, ids);
  if (!changedAt) return undefined;
  const basis =
    bpBasis(c, guideline, utcOffsetMinutes, now, regimenSettledAt(changedAt)) ??
    bpBasis(c, guideline, utcOffsetMinutes, now);
  if (!basis) return undefined;
  return {
    basis,
    regimen: { changedAt, now, bpFrom: basis.from, bpSufficient: basis.sufficient, utcOffsetMinutes },
  };
}
