/** Model gateway administration (/admin/gateway, admin only) and the model list with target states (/v1/models). */
import type {
  GatewayConfig,
  HealthAnswer,
  HealthCheckAnswer,
  ModelList,
  ProviderConfig,
  ProviderList,
  UsageAnswer,
  UsageDimension as UsageGroup,
  VirtualModelConfig as VirtualModel,
  VirtualModelList,
} from '@qihuang/gateway/api-types';
import { request } from './client.ts';

export type {
  GatewayConfig,
  ProviderConfig,
  ProviderView as GatewayProvider,
  VirtualModelConfig as VirtualModel,
  VirtualModelTarget as GatewayTarget,
  ModelLocation,
  ModelView,
  ProviderHealth,
  ProviderReason,
  TargetStatus,
  UsageAnswer,
  UsageDimension as UsageGroup,
  UsageSummaryRow as UsageRow,
} from '@qihuang/gateway/api-types';

export const USAGE_GROUPS = [
  'day',
  'model',
  'key',
  'scenario',
  'target',
] as const satisfies readonly UsageGroup[];

export interface UsageQuery {
  groupBy: UsageGroup;
  from?: string;
  to?: string;
}

const enc = encodeURIComponent;

export const gateway = {
  config: (signal?: AbortSignal) => request<GatewayConfig>('/admin/gateway/config', { signal }),
  providers: (signal?: AbortSignal) =>
    request<ProviderList>('/admin/gateway/providers', { signal }).then((r) => r.data),
  /** `createOnly`: the "Add" form — an existing id is refused (409), never replaced. */
  putProvider: (id: string, body: unknown, createOnly = false) =>
    request<ProviderConfig>(`/admin/gateway/providers/${enc(id)}`, { method: 'PUT', body, createOnly }),
  deleteProvider: (id: string) =>
    request<unknown>(`/admin/gateway/providers/${enc(id)}`, { method: 'DELETE' }),
  virtualModels: (signal?: AbortSignal) =>
    request<VirtualModelList>('/admin/gateway/virtual-models', { signal }).then((r) => r.data),
  putVirtualModel: (name: string, body: unknown, createOnly = false) =>
    request<VirtualModel>(`/admin/gateway/virtual-models/${enc(name)}`, { method: 'PUT', body, createOnly }),
  deleteVirtualModel: (name: string) =>
    request<unknown>(`/admin/gateway/virtual-models/${enc(name)}`, { method: 'DELETE' }),
  usage: (query: UsageQuery, signal?: AbortSignal) =>
    request<UsageAnswer>('/admin/gateway/usage', { query: { ...query }, signal }),
  health: (signal?: AbortSignal) =>
    request<HealthAnswer>('/admin/gateway/health', { signal }).then((r) => r.data),
  checkHealth: () => request<HealthCheckAnswer>('/admin/gateway/health/check', { method: 'POST' }),
  models: (signal?: AbortSignal) => request<ModelList>('/v1/models', { signal }).then((r) => r.data),
};
