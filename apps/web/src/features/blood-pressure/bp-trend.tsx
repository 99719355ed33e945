/**
 * The blood-pressure trend block shared by the clinician's BP page and the patient's own BP view: the patient's
 * vital signs read once, the range filter (last 30/90 days or all, counted back from the newest reading), and
 * the trend card's states (loading, error, no readings, chart).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Observation } from '@medplum/fhirtypes';
import { fhir, type Page } from '../../api/index.ts';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { useAsync, type AsyncState } from '../../lib/use-async.ts';
import { BpChart } from './bp-chart.tsx';
import { extractVitals, type BpPoint, type GuidelineThresholds, type HrPoint } from './bp-readings.ts';

export type Range = '30' | '90' | 'all';
const DAY_MS = 86_400_000;

interface Vitals {
  bp: BpPoint[];
  hr: HrPoint[];
}
export type VitalsState = AsyncState<Page<Observation>> & { reload: () => void };

/** The patient's vital signs (five pages), all of them and those in `range`. */
export function useBpVitals(
  patientId: string,
  range: Range,
): { vitals: VitalsState; all: Vitals; shown: Vitals } {
  const vitals = useAsync((s) => fhir.vitalSigns(patientId, s, 5), [patientId]);
  const all = useMemo(
    () => (vitals.status === 'success' ? extractVitals(vitals.data.items) : { bp: [], hr: [] }),
    [vitals.status, vitals.data],
  );
  const shown = useMemo(() => {
    if (range === 'all' || all.bp.length === 0) return all;
    const last = Math.max(all.bp[all.bp.length - 1]?.ms ?? 0, all.hr[all.hr.length - 1]?.ms ?? 0);
    const from = last - Number(range) * DAY_MS;
    return { bp: all.bp.filter((p) => p.ms >= from), hr: all.hr.filter((p) => p.ms >= from) };
  }, [all, range]);
  return { vitals, all, shown };
}

export function RangeSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: Range;
  onChange: (r: Range) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field inline">
      <label htmlFor={id}>{t('bp.range')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as Range)}>
        <option value="30">{t('bp.range30')}</option>
        <option value="90">{t('bp.range90')}</option>
        <option value="all">{t('bp.rangeAll')}</option>
      </select>
    </div>
  );
}

/** The trend card's body: loading, error with retry, "no readings", or the chart. */
export function BpTrend({
  vitals,
  shown,
  thresholds,
  height,
  timeZone,
}: {
  vitals: VitalsState;
  shown: Vitals;
  thresholds: GuidelineThresholds;
  height: number;
  timeZone: string | undefined;
}) {
  const { t } = useTranslation();
  if (vitals.status === 'loading') return <Loading />;
  if (vitals.status === 'error') return <ErrorState error={vitals.error} onRetry={vitals.reload} />;
  if (shown.bp.length === 0) return <Empty>{t('vitals.noBp')}</Empty>;
  return <BpChart bp={shown.bp} hr={shown.hr} thresholds={thresholds} height={height} timeZone={timeZone} />;
}
