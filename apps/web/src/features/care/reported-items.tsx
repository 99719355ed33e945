/**
 * The patient-reported items of the latest intake on the clinician's Care tab (issue 20): each with where it
 * stands (待确认 / 已确认 / 已否定) and, while waiting, a confirm button and a reject button that asks for the
 * reason (required). Only a clinician sees the buttons (the server refuses everyone else too). What the chart
 * already holds confirmed reads "病历中已有" with the chart's own line, and offers nothing to confirm.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error.ts';
import { care, type CareSummary, type ReportedState } from '../../api/care.ts';
import { can, useAuth } from '../../auth/auth-context.tsx';
import { Empty } from '../../components/states.tsx';
import { careLanguage, draftDetail, resourceLabelKey } from './care-model.ts';

type Item = NonNullable<CareSummary['intake']>['drafts'][number];

const BADGE: Record<ReportedState, string> = {
  unconfirmed: 'badge badge-muted',
  confirmed: 'badge badge-done',
  rejected: 'badge badge-missed',
  'in-chart': 'badge badge-done',
};

export function ReportedItems({ items }: { items: Item[] }) {
  const { t } = useTranslation();
  // Decisions made here replace the state the summary read (no reload needed).
  const [decided, setDecided] = useState<Record<string, ReportedState>>({});
  if (items.length === 0) return <Empty>{t('common.none')}</Empty>;
  return (
    <ul className="item-list" data-testid="intake-drafts">
      {items.map((d) => (
        <ReportedItem
          key={d.reference}
          item={d}
          state={decided[d.reference] ?? d.state}
          onDecided={(state) => setDecided((cur) => ({ ...cur, [d.reference]: state }))}
        />
      ))}
    </ul>
  );
}

function ReportedItem({
  item,
  state,
  onDecided,
}: {
  item: Item;
  state: ReportedState | undefined;
  onDecided: (state: ReportedState) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = careLanguage(i18n.language);
  const { me } = useAuth();
  const mayDecide = me ? can.careSign(me.role) : false;
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reasonId = useId();
  const detail = draftDetail(item.reference, item.display);

  async function run(action: () => Promise<{ state: ReportedState }>) {
    setBusy(true);
    setError(null);
    try {
      const answer = await action();
      setRejecting(false);
      onDecided(answer.state);
    } catch (e) {
      setError(isApiError(e) && e.status > 0 ? e.message : t('common.error'));
    } finally {
      setBusy(false);
    }
  }

  const shown = state ?? 'unconfirmed';
  return (
    <li data-testid="reported-item" data-reference={item.reference} data-state={shown}>
      <span className="item-title">
        {t(`care.resource.${resourceLabelKey(item.reference)}`)}
        {detail ? `: ${detail}` : ''}
      </span>
      <span className="item-meta">
        <span className={BADGE[shown]} data-testid="reported-state">
          {shown === 'unconfirmed' ? t('care.clinician.toConfirm') : t(`care.reported.${shown}`)}
        </span>
        {item.inChart && item.inChart.reference !== item.reference ? (
          <>
            {' '}
            <span data-testid="reported-in-chart">
              {t('care.reported.inChartAs', {
                what: draftDetail(item.inChart.reference, item.inChart.display) || item.inChart.display,
              })}
            </span>
          </>
        ) : null}
      </span>
      {shown === 'unconfirmed' && mayDecide && !rejecting && (
        <span className="care-actions">
          <button
            type="button"
            className="button secondary"
            disabled={busy}
            onClick={() => void run(() => care.confirmReported(item.reference, language))}
            data-testid="reported-confirm"
          >
            {t('care.reported.confirm')}
          </button>{' '}
          <button
            type="button"
            className="button secondary"
            disabled={busy}
            onClick={() => setRejecting(true)}
            data-testid="reported-reject"
          >
            {t('care.reported.reject')}
          </button>
        </span>
      )}
      {rejecting && (
        <form
          className="care-actions"
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) {
              setError(t('care.reported.reasonRequired'));
              return;
            }
            void run(() => care.rejectReported(item.reference, reason.trim(), language));
          }}
        >
          <label htmlFor={reasonId}>{t('care.reported.reason')}</label>{' '}
          <input
            id={reasonId}
            type="text"
            value={reason}
            maxLength={500}
            aria-required="true"
            onChange={(e) => setReason(e.target.value)}
            data-testid="reported-reason"
          />{' '}
          <button
            type="submit"
            className="button primary"
            disabled={busy}
            data-testid="reported-reject-submit"
          >
            {t('care.reported.rejectSubmit')}
          </button>{' '}
          <button
            type="button"
            className="button secondary"
            disabled={busy}
            onClick={() => setRejecting(false)}
          >
            {t('common.cancel')}
          </button>
        </form>
      )}
      {error && (
        <p className="notice notice-error" role="alert" data-testid="reported-error">
          {error}
        </p>
      )}
    </li>
  );
}
