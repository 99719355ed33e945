/** Ordered targets of one virtual model: choose provider, weight, move up/down, add, remove, save. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/index.ts';
import type { GatewayProvider, GatewayTarget, VirtualModel } from '../../api/gateway.ts';

interface Props {
  model: VirtualModel;
  providers: GatewayProvider[];
  onSave: (model: VirtualModel) => Promise<unknown>;
  onClose: () => void;
}

export function TargetsEditor({ model, providers, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [targets, setTargets] = useState<GatewayTarget[]>(() => model.targets.map((x) => ({ ...x })));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const weighted = model.strategy === 'weighted';

  const set = (i: number, patch: Partial<GatewayTarget>) =>
    setTargets((list) => list.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const move = (i: number, by: -1 | 1) =>
    setTargets((list) => {
      const next = [...list];
      const [item] = next.splice(i, 1);
      next.splice(i + by, 0, item!);
      return next;
    });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await onSave({ ...model, targets });
      onClose();
    } catch (err) {
      setError(isApiError(err) ? err.message : err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card editor-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('gateway.targets.editTitle', { name: model.name })}</h3>
      <p className="hint">{t(weighted ? 'gateway.targets.weightedHint' : 'gateway.targets.failoverHint')}</p>
      <ol className="target-list" data-testid="targets-editor">
        {targets.map((target, i) => (
          <li key={i} className="target-row">
            <div className="field">
              <label htmlFor={`${id}-p${i}`}>{t('gateway.targets.provider', { n: i + 1 })}</label>
              <select
                id={`${id}-p${i}`}
                value={target.provider}
                onChange={(e) => set(i, { provider: e.target.value })}
              >
                {!providers.some((p) => p.id === target.provider) && (
                  <option value={target.provider}>{target.provider}</option>
                )}
                {providers.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.id} ({p.model})
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-w${i}`}>{t('gateway.targets.weight')}</label>
              <input
                id={`${id}-w${i}`}
                type="number"
                min="0"
                step="any"
                value={target.weight ?? 1}
                onChange={(e) => set(i, { weight: e.target.value === '' ? 1 : Number(e.target.value) })}
              />
            </div>
            <div className="row-actions">
              <button
                type="button"
                className="button small secondary"
                disabled={i === 0}
                aria-label={t('gateway.targets.moveUp', { name: target.provider })}
                onClick={() => move(i, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="button small secondary"
                disabled={i === targets.length - 1}
                aria-label={t('gateway.targets.moveDown', { name: target.provider })}
                onClick={() => move(i, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                className="button small danger"
                aria-label={t('gateway.targets.remove', { name: target.provider })}
                onClick={() => setTargets((list) => list.filter((_, j) => j !== i))}
              >
                ✕
              </button>
            </div>
          </li>
        ))}
      </ol>
      <div className="form-actions">
        <button
          type="button"
          className="button secondary"
          disabled={providers.length === 0}
          onClick={() => setTargets((list) => [...list, { provider: providers[0]?.id ?? '', weight: 1 }])}
        >
          {t('gateway.targets.add')}
        </button>
      </div>
      {error && (
        <p className="state state-error" role="alert" data-testid="gateway-targets-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {t('common.save')}
        </button>
        <button type="button" className="button ghost" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
