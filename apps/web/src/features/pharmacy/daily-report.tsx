/** The pharmacist's daily report: counts, return and override rates, findings by type and severity (前置审方). */
import { useTranslation } from 'react-i18next';
import { Empty } from '../../components/states.tsx';
import type { DailyReport, Severity } from './pharmacy-api.ts';
import { rateText } from './report-rates.ts';

const SEVERITIES: Severity[] = ['critical', 'warning', 'info'];

export function Report({ report }: { report: DailyReport }) {
  const { t, i18n } = useTranslation();
  return (
    <div data-testid="pharmacy-report">
      <dl className="banner-facts report-facts">
        {(
          [
            ['reviewed', String(report.reviewed)],
            ['approved', String(report.approved)],
            ['returned', String(report.returned)],
            ['returnRate', rateText(report.returned, report.reviewed)],
            ['overrideRate', rateText(report.overridden, report.flagged, true, i18n.language)],
          ] as const
        ).map(([key, value]) => (
          <div key={key}>
            <dt>{t(`pharmacy.report.${key}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {report.findings.byType.length === 0 ? (
        <Empty>{t('pharmacy.report.noFindings')}</Empty>
      ) : (
        <table>
          <caption>{t('pharmacy.report.byType')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pharmacy.report.type')}</th>
              {SEVERITIES.map((s) => (
                <th key={s} scope="col">
                  {t(`pharmacy.severities.${s}`)}
                </th>
              ))}
              <th scope="col">{t('pharmacy.report.total')}</th>
            </tr>
          </thead>
          <tbody>
            {report.findings.byType.map((row) => (
              <tr key={row.type}>
                <th scope="row">{t(`pharmacy.types.${row.type}`, { defaultValue: row.type })}</th>
                {SEVERITIES.map((s) => (
                  <td key={s}>{row[s]}</td>
                ))}
                <td>{row.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
