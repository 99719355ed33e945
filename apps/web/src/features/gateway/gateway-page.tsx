/** Admin: model gateway — providers with state, virtual models with ordered targets, editing, usage. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  gateway,
  type GatewayConfig,
  type GatewayProvider,
  type ModelView,
  type ProviderConfig,
  type ProviderHealth,
  type VirtualModel,
} from '../../api/gateway.ts';
import { isApiError } from '../../api/index.ts';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { formatDate } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { JsonEditor } from './json-editor.tsx';
import { ProviderReasons } from './provider-reasons.tsx';
import { LocationBadge, StatusBadge } from './status-badges.tsx';
import { TargetsEditor } from './targets-editor.tsx';
import { DEFAULT_VIRTUAL_MODEL, defaultModelCannotRoute } from './default-model.ts';
import { UsageSection } from './usage-section.tsx';

interface Snapshot {
  config: GatewayConfig;
  providers: GatewayProvider[];
  virtualModels: VirtualModel[];
  health: ProviderHealth[];
  /** /v1/models; undefined when the gateway answered an error (e.g. 503 model-not-configured). */
  models?: ModelView[];
  modelsError?: unknown;
}

type Editing =
  | { kind: 'targets'; model: VirtualModel }
  | { kind: 'vm-json'; model: VirtualModel | null; name?: string }
  | { kind: 'provider-json'; provider: ProviderConfig | null };

const NEW_PROVIDER = {
  id: 'local-llm',
  kind: 'openai-compatible',
  baseUrl: 'http://127.0.0.1:8000/v1',
  model: 'qwen2.5-7b-instruct',
  location: 'on-premises',
};

function NotConfigured() {
  const { t } = useTranslation();
  return (
    <div className="notice" role="status" data-testid="gateway-not-configured">
      <h2>{t('gateway.notConfigured.title')}</h2>
      <p>{t('gateway.notConfigured.body')}</p>
      <pre className="mono">
        {`QIHUANG_MODEL_BASE_URL=http://gpu-server:8000/v1 \\
QIHUANG_MODEL_NAME=deepseek-r1 \\
QIHUANG_MODEL_LOCATION=on-premises \\
npm start`}
      </pre>
      <p>{t('gateway.notConfigured.cloud')}</p>
      <p>{t('gateway.notConfigured.file')}</p>
    </div>
  );
}

export function GatewayPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const snapshot = useAsync<Snapshot>(async (signal) => {
    const [config, providers, virtualModels, health] = await Promise.all([
      gateway.config(signal),
      gateway.providers(signal),
      gateway.virtualModels(signal),
      gateway.health(signal),
    ]);
    try {
      return { config, providers, virtualModels, health, models: await gateway.models(signal) };
    } catch (modelsError) {
      if (signal.aborted) throw modelsError;
      return { config, providers, virtualModels, health, modelsError };
    }
  }, []);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [checking, setChecking] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function checkNow() {
    setChecking(true);
    setActionError(null);
    try {
      const r = await gateway.checkHealth();
      setMessage(t('gateway.checked', { count: r.checked }));
      snapshot.reload();
    } catch (err) {
      setActionError(err);
    } finally {
      setChecking(false);
    }
  }

  async function remove(kind: 'provider' | 'vm', name: string) {
    if (
      !window.confirm(
        t(kind === 'provider' ? 'gateway.confirmDeleteProvider' : 'gateway.confirmDeleteVm', { name }),
      )
    )
      return;
    setActionError(null);
    try {
      if (kind === 'provider') await gateway.deleteProvider(name);
      else await gateway.deleteVirtualModel(name);
      setMessage(t('gateway.deleted', { name }));
      snapshot.reload();
    } catch (err) {
      setActionError(err);
    }
  }

  const saved = (name: string) => {
    setMessage(t('gateway.saved', { name }));
    snapshot.reload();
  };

  const data = snapshot.status === 'success' ? snapshot.data : undefined;
  const statusOf = (id: string) =>
    data?.providers.find((p) => p.id === id)?.status ?? data?.health.find((h) => h.provider === id)?.status;
  const modelNotConfigured =
    data?.modelsError !== undefined &&
    isApiError(data.modelsError) &&
    data.modelsError.code === 'model-not-configured';

  return (
    <section className="page" aria-labelledby="gateway-title" data-testid="gateway-page">
      <div className="toolbar">
        <h1 id="gateway-title">{t('gateway.title')}</h1>
        <button
          type="button"
          className="button secondary"
          disabled={checking}
          onClick={() => void checkNow()}
        >
          {checking ? t('gateway.checking') : t('gateway.checkNow')}
        </button>
      </div>
      <p className="muted">{t('gateway.intro')}</p>

      {message && (
        <p className="notice notice-ok" role="status">
          {message}
        </p>
      )}
      {actionError ? <ErrorState error={actionError} /> : null}

      {snapshot.status === 'loading' && <Loading />}
      {snapshot.status === 'error' && <ErrorState error={snapshot.error} onRetry={snapshot.reload} />}
      {data && (
        <>
          {(data.providers.length === 0 || modelNotConfigured) && <NotConfigured />}
          {data.providers.length > 0 &&
            !modelNotConfigured &&
            defaultModelCannotRoute(data.models, data.config.fallbackModel) && (
              <div className="notice" role="status" data-testid="gateway-no-default-model">
                <h2>{t('gatewayDefault.title', { name: DEFAULT_VIRTUAL_MODEL })}</h2>
                <p>{t('gatewayDefault.body', { name: DEFAULT_VIRTUAL_MODEL })}</p>
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => setEditing({ kind: 'vm-json', model: null, name: DEFAULT_VIRTUAL_MODEL })}
                >
                  {t('gatewayDefault.add', { name: DEFAULT_VIRTUAL_MODEL })}
                </button>
              </div>
            )}

          <section className="card" aria-labelledby="gw-providers-title">
            <div className="toolbar">
              <h2 id="gw-providers-title">{t('gateway.providers.title')}</h2>
              <button
                type="button"
                className="button secondary"
                onClick={() => setEditing({ kind: 'provider-json', provider: null })}
              >
                {t('gateway.providers.add')}
              </button>
            </div>
            {data.providers.length === 0 ? (
              <Empty>{t('gateway.providers.empty')}</Empty>
            ) : (
              <div className="table-wrap">
                <table className="data-table" data-testid="providers-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('gateway.providers.name')}</th>
                      <th scope="col">{t('gateway.providers.kind')}</th>
                      <th scope="col">{t('gateway.providers.location')}</th>
                      <th scope="col">{t('gateway.providers.baseUrl')}</th>
                      <th scope="col">{t('gateway.providers.model')}</th>
                      <th scope="col">{t('gateway.providers.state')}</th>
                      <th scope="col">{t('gateway.providers.lastChecked')}</th>
                      <th scope="col">{t('common.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.providers.map((p) => {
                      const h = data.health.find((x) => x.provider === p.id);
                      return (
                        <tr key={p.id}>
                          <th scope="row">
                            <span className="mono">{p.id}</span>
                            {p.origin === 'environment' && p.originSetting ? (
                              <div className="muted text-small" data-testid="provider-origin">
                                {t('gatewayOrigin.environment', { setting: p.originSetting })}
                              </div>
                            ) : null}
                          </th>
                          <td>{p.kind}</td>
                          <td>
                            <LocationBadge location={p.location} />
                          </td>
                          <td className="mono">{p.baseUrl}</td>
                          <td className="mono">{p.model}</td>
                          <td>
                            <StatusBadge status={p.status ?? h?.status} />
                            {/* Why it is not up, in the console's language (the raw error behind a disclosure). */}
                            <ProviderReasons reasons={h?.reasons} />
                          </td>
                          <td className="nowrap">
                            {h?.lastCheckedAt ? formatDate(h.lastCheckedAt, lang, true) : t('common.none')}
                          </td>
                          <td className="row-actions">
                            <button
                              type="button"
                              className="button small secondary"
                              aria-label={t('gateway.editJsonOf', { name: p.id })}
                              onClick={() => {
                                const { status: _status, ...rest } = p;
                                setEditing({ kind: 'provider-json', provider: rest });
                              }}
                            >
                              {t('gateway.editJson')}
                            </button>
                            {p.origin === 'environment' ? (
                              // Deleting would not last: the server setting brings it back at the next start.
                              <>
                                <button
                                  type="button"
                                  className="button small danger"
                                  disabled
                                  aria-label={t('gateway.deleteOf', { name: p.id })}
                                  aria-describedby={`origin-note-${p.id}`}
                                  title={t('gatewayOrigin.deleteDisabled', { setting: p.originSetting })}
                                >
                                  {t('gateway.delete')}
                                </button>
                                <p
                                  id={`origin-note-${p.id}`}
                                  className="muted text-small origin-note"
                                  data-testid="provider-delete-note"
                                >
                                  {t('gatewayOrigin.deleteDisabled', { setting: p.originSetting })}
                                </p>
                              </>
                            ) : (
                              <button
                                type="button"
                                className="button small danger"
                                aria-label={t('gateway.deleteOf', { name: p.id })}
                                onClick={() => void remove('provider', p.id)}
                              >
                                {t('gateway.delete')}
                              </button>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          {editing?.kind === 'provider-json' && (
            <JsonEditor
              key={editing.provider?.id ?? 'new-provider'}
              title={
                editing.provider
                  ? t('gateway.editProvider', { name: editing.provider.id })
                  : t('gateway.providers.add')
              }
              initial={editing.provider ?? NEW_PROVIDER}
              onSave={async (value) => {
                const id = typeof value.id === 'string' && value.id ? value.id : (editing.provider?.id ?? '');
                if (!id) throw new Error(t('gateway.json.needsId'));
                // "Add" (or a renamed id) never replaces another provider: the server refuses it with 409.
                await gateway.putProvider(id, value, editing.provider?.id !== id);
                saved(id);
              }}
              onClose={() => setEditing(null)}
            />
          )}

          <section className="card" aria-labelledby="gw-vm-title">
            <div className="toolbar">
              <h2 id="gw-vm-title">{t('gateway.vms.title')}</h2>
              <button
                type="button"
                className="button secondary"
                disabled={data.providers.length === 0}
                onClick={() => setEditing({ kind: 'vm-json', model: null })}
              >
                {t('gateway.vms.add')}
              </button>
            </div>
            <p className="muted">{t('gateway.vms.intro')}</p>
            {data.virtualModels.length === 0 ? (
              <Empty>{t('gateway.vms.empty')}</Empty>
            ) : (
              <div className="table-wrap">
                <table className="data-table" data-testid="virtual-models-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('gateway.vms.name')}</th>
                      <th scope="col">{t('gateway.vms.strategy')}</th>
                      <th scope="col">{t('gateway.vms.targets')}</th>
                      <th scope="col">{t('gateway.providers.state')}</th>
                      <th scope="col">{t('common.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.virtualModels.map((vm) => {
                      const view = data.models?.find((m) => m.id === vm.name);
                      return (
                        <tr key={vm.name}>
                          <th scope="row">
                            <span className="mono">{vm.name}</span>
                            {vm.description ? <div className="muted text-small">{vm.description}</div> : null}
                          </th>
                          <td>{t(`gateway.vms.strategies.${vm.strategy ?? 'failover'}`)}</td>
                          <td>
                            <ol className="target-order">
                              {vm.targets.map((target, i) => (
                                <li key={`${target.provider}-${i}`}>
                                  <span className="mono">{target.provider}</span>{' '}
                                  {vm.strategy === 'weighted' && (
                                    <span className="muted">×{target.weight ?? 1} </span>
                                  )}
                                  <StatusBadge status={statusOf(target.provider)} />
                                </li>
                              ))}
                            </ol>
                          </td>
                          <td>
                            <StatusBadge status={view?.qihuang?.status} />
                          </td>
                          <td className="row-actions">
                            <button
                              type="button"
                              className="button small secondary"
                              aria-label={t('gateway.targets.editOf', { name: vm.name })}
                              onClick={() => setEditing({ kind: 'targets', model: vm })}
                            >
                              {t('gateway.targets.edit')}
                            </button>
                            <button
                              type="button"
                              className="button small secondary"
                              aria-label={t('gateway.editJsonOf', { name: vm.name })}
                              onClick={() => setEditing({ kind: 'vm-json', model: vm })}
                            >
                              {t('gateway.editJson')}
                            </button>
                            <button
                              type="button"
                              className="button small danger"
                              aria-label={t('gateway.deleteOf', { name: vm.name })}
                              onClick={() => void remove('vm', vm.name)}
                            >
                              {t('gateway.delete')}
                            </button>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          {editing?.kind === 'targets' && (
            <TargetsEditor
              key={editing.model.name}
              model={editing.model}
              providers={data.providers}
              onSave={async (vm) => {
                await gateway.putVirtualModel(vm.name, vm);
                saved(vm.name);
              }}
              onClose={() => setEditing(null)}
            />
          )}
          {editing?.kind === 'vm-json' && (
            <JsonEditor
              key={editing.model?.name ?? 'new-vm'}
              title={editing.model ? t('gateway.editVm', { name: editing.model.name }) : t('gateway.vms.add')}
              initial={
                editing.model ?? {
                  name: editing.name ?? 'clinical-chat',
                  strategy: 'failover',
                  targets: data.providers.slice(0, 2).map((p) => ({ provider: p.id })),
                }
              }
              onSave={async (value) => {
                const name =
                  typeof value.name === 'string' && value.name ? value.name : (editing.model?.name ?? '');
                if (!name) throw new Error(t('gateway.json.needsName'));
                await gateway.putVirtualModel(name, value, editing.model?.name !== name);
                saved(name);
              }}
              onClose={() => setEditing(null)}
            />
          )}
        </>
      )}

      <UsageSection />
    </section>
  );
}
