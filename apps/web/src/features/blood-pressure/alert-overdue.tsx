/**
 * An alert card's clock and reading (issue 20): the "超时未处置 / Overdue" badge with since when and the
 * escalation, or the time it is due by; and the blood pressure a patient-reported emergency's text leaves out.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/bp-alert-due.ts';
import type { BpAlert } from '../../api/bp.ts';
import { formatInZone } from '../../lib/zone-time.ts';
import { cardReading, readingLabel } from './alert-overdue.ts';

/** The page's clock, ticking every 30 s, so a card turns overdue while the page is open. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function AlertClock({
  alert,
  overdue,
  timeZone,
}: {
  alert: BpAlert;
  overdue: boolean;
  timeZone?: string;
}) {
  const { t, i18n } = useTranslation();
  const due = alert.due;
  if (!due && !overdue) return null;
  const at = (iso: string) => formatInZone(iso, timeZone, i18n.language);
  if (!overdue)
    return due ? (
      <p className="alert-due muted" data-testid="alert-due">
        {t('alertDue.dueBy', { time: at(due.at) })}
      </p>
    ) : null;
  return (
    <p className="alert-due alert-overdue" data-testid="alert-overdue">
      <span className="badge badge-critical">{t('alertDue.overdue')}</span>{' '}
      {due && t('alertDue.overdueSince', { time: at(due.at), minutes: due.targetMinutes })}
      {due?.escalatedAt && (
        <>
          {i18n.language === 'zh-CN' ? '；' : '; '}
          <strong>{t('alertDue.escalatedAt', { time: at(due.escalatedAt) })}</strong>
        </>
      )}
    </p>
  );
}

export function AlertReading({ alert, timeZone }: { alert: BpAlert; timeZone?: string }) {
  const { t, i18n } = useTranslation();
  const reading = cardReading(alert);
  if (!reading) return null;
  // A BP the patient only told in the consultation is labelled so; a recorded reading shown on a consultation's
  // alert is a measurement like any other (issue 20: a clinician could dismiss a measured 184/124 as hearsay).
  const label = t(readingLabel(alert, reading));
  const time = formatInZone(reading.time, timeZone, i18n.language);
  return (
    <p className="alert-readings" data-testid="alert-reading">
      <span className="muted">
        {label}
        {i18n.language === 'zh-CN' ? '：' : ': '}
      </span>
      <strong>
        {t(reading.measured ? 'alertDue.measured' : 'alertDue.reported', { value: reading.value, time })}
      </strong>
    </p>
  );
}
