/**
 * 处方笺 — the printed prescription slip of one order (issue 20), laid out as 处方管理办法 asks: hospital,
 * patient (name, sex, age, MRN), department, diagnosis, date, Rp lines (the drug knowledge base's name, strength,
 * dose, route, frequency, 总量/天数), prescriber and pharmacist review. An unsigned order prints under a
 * "draft — not a prescription" watermark; a signed one awaiting the pharmacist under "not for dispensing". All text, the server's included, in the screen's language.
 */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { PrescriptionSlip } from '@qihuang/care/api-types';
import { care } from '../../api/care.ts';
import { request } from '../../api/client.ts';
import { ErrorState, Loading } from '../../components/states.tsx';
import { PrintButton } from '../../components/print.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { formatInZone } from '../../lib/zone-time.ts';
import { careLanguage } from '../care/care-model.ts';
import { slipFacts, slipHospital, slipPrescriber, slipSupply, slipToday } from './slip-model.ts';
import './slip.css';

async function loadSlip(id: string, lang: 'zh' | 'en', signal: AbortSignal) {
  const slip = await request<PrescriptionSlip>(`/api/care/prescriptions/${encodeURIComponent(id)}/slip`, {
    query: { lang },
    signal,
  });
  // Every date on the slip on the hospital's clock (issue 20): 开具日期, signing, review and 打印日期 agree.
  const zones = await care.patientTimeZone(slip.patient.id, signal).catch(() => undefined);
  return { slip, zone: zones?.timeZone };
}

export function PrescriptionSlipPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const lang = careLanguage(i18n.language);
  const data = useAsync((s) => loadSlip(id, lang, s), [id, lang]);
  if (data.status === 'loading') return <Loading />;
  if (data.status === 'error') return <ErrorState error={data.error} onRetry={data.reload} />;
  const { slip, zone } = data.data;
  const hospital = slipHospital(slip);
  const when = (v: string | undefined, withTime = false) =>
    formatInZone(v, zone, i18n.language, { withTime });
  const none = t('common.none');
  // Signed and with the pharmacist: not for dispensing until approved (decision 0017), said as such.
  const watermark = slip.awaitingReview
    ? t('careDraft.slip.awaitingWatermark')
    : t('print.slip.draftWatermark');
  return (
    <section className="page slip-page" aria-labelledby="slip-title">
      <div className="toolbar no-print">
        <Link to={`/patients/${encodeURIComponent(slip.patient.id)}/care`}>{t('print.slip.back')}</Link>{' '}
        <PrintButton label={slip.signed ? t('print.printSlip') : t('print.printDraft')} />
      </div>
      {!slip.signed && (
        <p className="notice notice-error no-print" role="status" data-testid="slip-draft-note">
          {slip.awaitingReview ? t('careDraft.slip.awaitingNote') : t('print.slip.draftNote')}
        </p>
      )}
      <article
        className={slip.signed ? 'slip' : 'slip slip-draft'}
        data-testid="prescription-slip"
        data-signed={slip.signed ? 'true' : 'false'}
      >
        {!slip.signed && (
          <div className="slip-watermark" aria-hidden="true" data-testid="slip-watermark">
            {watermark}
          </div>
        )}
        <header className="slip-head">
          {hospital && (
            <p className="slip-hospital" data-testid="slip-hospital">
              {hospital}
            </p>
          )}
          <h1 id="slip-title">{t('print.slip.title')}</h1>
          {!slip.signed && <p className="slip-draft-label">{watermark}</p>}
        </header>
        <dl className="slip-facts" data-testid="slip-patient">
          {slipFacts(slip, t, (v) => when(v)).map((f) => (
            <Fact key={f.label} {...f} />
          ))}
        </dl>
        <div className="slip-rp">
          <p className="slip-rp-mark">{t('print.slip.rp')}</p>
          <ol className="slip-lines" data-testid="slip-lines">
            {slip.lines.map((line, i) => (
              <li key={i} data-testid="slip-line">
                <strong className="slip-drug">{line.drug}</strong>
                {line.strength && (
                  <span>
                    {t('print.slip.strength')} {line.strength}
                  </span>
                )}
                <br />
                <span className="slip-sig">
                  {[
                    line.route,
                    line.dose ? `${t('print.slip.dose')} ${line.dose}` : undefined,
                    line.frequency,
                    ...slipSupply(line, t),
                  ]
                    .filter(Boolean)
                    .join(t('print.slip.sigSeparator'))}
                </span>
              </li>
            ))}
          </ol>
        </div>
        <footer className="slip-foot">
          <Fact
            label={t('print.slip.prescriber')}
            value={slipPrescriber(slip, t, (v) => when(v, true))}
            testId="slip-prescriber"
          />
          <Fact
            label={t('print.slip.pharmacist')}
            value={
              slip.review
                ? t(
                    slip.review.state === 'approved'
                      ? 'print.slip.reviewApproved'
                      : 'print.slip.reviewReturned',
                    { name: slip.review.by ?? none, date: when(slip.review.at, true) },
                  )
                : t('print.slip.notReviewed')
            }
            testId="slip-pharmacist"
          />
          <p className="slip-printed">{t('print.printedOn', { date: slipToday(new Date(), zone) })}</p>
        </footer>
      </article>
    </section>
  );
}

function Fact({
  label,
  value,
  wide,
  testId,
}: {
  label: string;
  value: string;
  wide?: boolean;
  testId?: string;
}) {
  return (
    <div className={wide ? 'slip-fact wide' : 'slip-fact'} data-testid={testId}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
