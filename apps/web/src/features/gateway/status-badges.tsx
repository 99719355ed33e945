import { useTranslation } from 'react-i18next';
import type { ModelLocation, TargetStatus } from '../../api/gateway.ts';

const STATUS_CLASS: Record<TargetStatus, string> = {
  up: 'badge badge-ok',
  degraded: 'badge badge-warning',
  'open-circuit': 'badge badge-critical',
  down: 'badge badge-critical',
  unknown: 'badge badge-muted',
};

export function StatusBadge({ status }: { status: TargetStatus | undefined }) {
  const { t } = useTranslation();
  const s: TargetStatus = status ?? 'unknown';
  return (
    <span className={STATUS_CLASS[s] ?? 'badge badge-muted'} data-status={s}>
      {t(`gateway.status.${s}`, { defaultValue: s })}
    </span>
  );
}

export function LocationBadge({ location }: { location: ModelLocation }) {
  const { t } = useTranslation();
  return (
    <span className={location === 'cloud' ? 'badge badge-info' : 'badge badge-ok'}>
      {t(location === 'cloud' ? 'gateway.location.cloud' : 'gateway.location.onPremises')}
    </span>
  );
}
