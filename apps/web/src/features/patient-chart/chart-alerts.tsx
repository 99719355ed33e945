/**
 * The top of the chart overview for the care team (issue 20 item 1): the open emergency — an open critical alert
 * or an emergency the patient reported — as the Care tab shows it (the server's clinician triage, one banner with
 * the "contact the patient" button), then the open critical alerts' own texts (each naming its latest crisis
 * reading, crisis-join.ts). Nothing for other viewers; nothing when there is no open emergency. The same banner
 * leads the blood-pressure page and the Care tab (issue 20: the emergency led only on the overview); the Care tab,
 * which has read the summary already, gives it to `EmergencyBanner`.
 */
import { useTranslation } from 'react-i18next';
import { can, useAuth } from '../../auth/auth-context.tsx';
import { care, type CareSummary } from '../../api/care.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useGuideline } from '../blood-pressure/guideline-preference.ts';
import { careLanguage, pick } from '../care/care-model.ts';
import { TriageBanner } from '../care/care-ui.tsx';
import { usePatientPhone } from '../care/patient-phone.ts';

export function ChartAlerts({ patientId }: { patientId: string }) {
  const me = useAuth().me;
  if (!me || !can.careTeam(me.role)) return null;
  return <OpenEmergencyBanner patientId={patientId} />;
}

function OpenEmergencyBanner({ patientId }: { patientId: string }) {
  const { i18n } = useTranslation();
  const [guideline] = useGuideline();
  const language = careLanguage(i18n.language);
  const summary = useAsync(
    (s) => care.summary(patientId, guideline, language, s),
    [patientId, guideline, language],
  );
  const phone = usePatientPhone(patientId);
  if (summary.status !== 'success') return null;
  return <EmergencyBanner summary={summary.data} phone={phone} />;
}

/** The open emergency of a summary already read: the clinician's triage banner, then the open critical alerts. */
export function EmergencyBanner({
  summary,
  phone,
}: {
  summary: Pick<CareSummary, 'triage' | 'alerts'> & Partial<Pick<CareSummary, 'latestMeasured' | 'timeZone'>>;
  phone?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const { triage, alerts } = summary;
  const critical = alerts.filter((a) => a.severity === 'critical');
  if ((!triage || triage.level === 'none') && critical.length === 0) return null;
  return (
    <div className="span-2" data-testid="overview-emergency">
      {triage && triage.level !== 'none' && (
        <TriageBanner
          triage={triage}
          audience="clinician"
          phone={phone}
          latest={summary.latestMeasured}
          timeZone={summary.timeZone}
        />
      )}
      {critical.length > 0 && (
        <section className="care-emergency" aria-labelledby="overview-critical-title">
          <h2 id="overview-critical-title">{t('care.triage.openCritical')}</h2>
          <ul className="item-list" data-testid="overview-critical-alerts">
            {critical.map((a) => (
              <li key={a.id}>
                <strong>{pick(a.display, i18n.language)}</strong>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
