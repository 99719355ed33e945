/**
 * The top of the chart overview for the care team (issue 20 item 1): the open emergency — an open critical alert
 * or an emergency the patient reported — as the Care tab shows it (the server's clinician triage, one banner with
 * the "contact the patient" button), then the open critical alerts' own texts (each naming its latest crisis
 * reading, crisis-join.ts). Nothing for other viewers; nothing when there is no open emergency.
 */
import { useTranslation } from 'react-i18next';
import { can, useAuth } from '../../auth/auth-context.tsx';
import { care } from '../../api/care.ts';
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
  const { t, i18n } = useTranslation();
  const [guideline] = useGuideline();
  const language = careLanguage(i18n.language);
  const summary = useAsync(
    (s) => care.summary(patientId, guideline, language, s),
    [patientId, guideline, language],
  );
  const phone = usePatientPhone(patientId);
  if (summary.status !== 'success') return null;
  const { triage, alerts } = summary.data;
  const critical = alerts.filter((a) => a.severity === 'critical');
  if ((!triage || triage.level === 'none') && critical.length === 0) return null;
  return (
    <div className="span-2" data-testid="overview-emergency">
      {triage && triage.level !== 'none' && (
        <TriageBanner triage={triage} audience="clinician" phone={phone} />
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
