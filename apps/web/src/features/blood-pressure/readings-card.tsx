/**
 * The clinician's list of the patient's readings of the last 14 days, newest first, each with 标记为录入错误 /
 * "Mark as entered in error" (decision 0020): a reason is required; the reading is never edited, it leaves the
 * averages, chart and alerts, and a correction is a new reading. Withdrawn readings stay in the list for the care
 * team (issue 20: the patient is told staff still see them), struck through, marked 已撤回 / Withdrawn with who,
 * when and why.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bp, type RecentReading } from '../../api/bp.ts';
import { ErrorState, Loading } from '../../components/states.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { formatInZone } from '../../lib/zone-time.ts';
import { readingLabelKey } from '../care/reading-label.ts';
import '../../i18n/bp-withdraw.ts';
import { WithdrawDialog } from './withdraw-dialog.tsx';
import { readingRows, withdrawnText } from './reading-rows.ts';

/** Rows shown (the 14-day list can hold 200). */
const SHOWN = 30;

export function ReadingsCard({
  patientId,
  timeZone,
  onChanged,
}: {
  patientId: string;
  timeZone: string | undefined;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const readings = useAsync((s) => bp.recentReadings(patientId, lang, s), [patientId, lang]);
  const [marking, setMarking] = useState<RecentReading | null>(null);
  const [status, setStatus] = useState('');
  return (
    <section aria-labelledby="bp-readings-title" className="card" data-testid="bp-readings-card">
      <h2 id="bp-readings-title">{t('bpWithdraw.cardTitle')}</h2>
      <p className="tile-meta">{t('bpWithdraw.cardHint')}</p>
      <p role="status" className="muted" data-testid="bp-readings-status">
        {status}
      </p>
      {readings.status === 'loading' && <Loading />}
      {readings.status === 'error' && <ErrorState error={readings.error} onRetry={readings.reload} />}
      {readings.status === 'success' &&
        (readingRows(readings.data).length === 0 ? (
          <p className="muted">{t('bpWithdraw.none')}</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table" data-testid="bp-readings">
              <thead>
                <tr>
                  <th scope="col">{t('bpWithdraw.time')}</th>
                  <th scope="col">{t('bpWithdraw.reading')} (mmHg)</th>
                  <th scope="col">{t('bpWithdraw.category')}</th>
                  <th scope="col">{t('bpWithdraw.action')}</th>
                </tr>
              </thead>
              <tbody>
                {readingRows(readings.data)
                  .slice(0, SHOWN)
                  .map((row) => {
                    if (row.kind === 'withdrawn') {
                      const w = row.reading;
                      const time = formatInZone(w.time, timeZone, lang);
                      return (
                        <tr key={w.id} data-reading={w.id} data-withdrawn="true" className="muted">
                          <td>
                            <s>{time}</s>
                          </td>
                          <td>
                            <s>
                              {w.sbp}/{w.dbp}
                            </s>
                          </td>
                          <td>
                            <span className="badge">{t('bpWithdraw.withdrawnMark')}</span>
                          </td>
                          <td data-testid="reading-withdrawn">
                            {withdrawnText(
                              w.withdrawn,
                              {
                                byPatient: t('bpWithdraw.byPatient'),
                                byCareTeam: t('bpWithdraw.byCareTeam'),
                                byCareTeamNamed: (name) => t('bpWithdraw.byCareTeamNamed', { name }),
                                byUnknown: t('bpWithdraw.byUnknown'),
                                who: (by, at) => t('bpWithdraw.withdrawnWho', { by, time: at }),
                                whoNoTime: (by) => t('bpWithdraw.withdrawnWhoNoTime', { by }),
                                colon: t('common.colon'),
                              },
                              (iso) => formatInZone(iso, timeZone, lang),
                            )}
                          </td>
                        </tr>
                      );
                    }
                    const r = row.reading;
                    const time = formatInZone(r.time, timeZone, lang);
                    return (
                      <tr key={r.id} data-reading={r.id}>
                        <td>{time}</td>
                        <td>
                          <strong>
                            {r.sbp}/{r.dbp}
                          </strong>
                        </td>
                        <td>{t(readingLabelKey(r))}</td>
                        <td>
                          <button
                            type="button"
                            className="button small danger"
                            aria-label={t('bpWithdraw.markLabel', { value: `${r.sbp}/${r.dbp}`, time })}
                            onClick={() => setMarking(r)}
                            data-testid="reading-mark-error"
                          >
                            {t('bpWithdraw.markAction')}
                          </button>
                        </td>
                      </tr>
                    );
                  })}
              </tbody>
            </table>
          </div>
        ))}
      {marking && (
        <WithdrawDialog
          patientId={patientId}
          who="care-team"
          reading={{ ...marking, timeText: formatInZone(marking.time, timeZone, lang) }}
          onClose={() => setMarking(null)}
          onDone={(answer) => {
            setMarking(null);
            const closed = answer.alerts.filter((a) => a.outcome === 'closed').length;
            const noted = answer.alerts.length - closed;
            setStatus(
              answer.alerts.length
                ? `${t('bpWithdraw.marked')} ${t('bpWithdraw.alertsNoted', { closed, noted })}`
                : t('bpWithdraw.marked'),
            );
            readings.reload();
            onChanged();
          }}
        />
      )}
    </section>
  );
}
