/** Model gateway administration (/admin/gateway, admin only) and the model list with target states (/v1/models). */
import type {
  HealthAnswer,
  ModelList,
  ModelLocation,
  TargetStatus,
  UsageAnswer,
  UsageDimension as UsageGroup,
} from '@qihuang/gateway/api-types';
import { request } from './client.ts';

export type {
  ModelLocation,
  ModelView,
  ProviderHealth,
  TargetStatus,
  UsageAnswer,
  UsageDimension as UsageGroup,
  UsageSummaryRow as UsageRow,
} from '@qihuang/gateway/api-types';

export interface GatewayProvider {
  id: string;
  kind: string;
  baseUrl: string;
  model: string;
  location: ModelLocation;
  apiKey?: { env: string } | { secret: string } | { value: string };
  capabilities?: Record<string, unknown>;
  limits?: Record<string, unknown>;
  headers?: Record<string, string>;
  status?: TargetStatus;
  [extra: string]: unknown;
}

export interface GatewayTarget {
  provider: string;
  weight?: number;
}

export interface VirtualModel {
  name: string;
  description?: string;
  targets: GatewayTarget[];
  strategy?: 'failover' | 'weighted';
  [extra: string]: unknown;
}

export interface GatewayConfig {
  providers: GatewayProvider[];
  virtualModels: VirtualModel[];
  fallbackModel?: string;
  [extra: string]: unknown;
}

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
    request<{ data: GatewayProvider[] }>('/admin/gateway/providers', { signal }).then((r) => r.data),
  putProvider: (id: string, body: unknown) =>
    request<GatewayProvider>(`/admin/gateway/providers/${enc(id)}`, { method: 'PUT', body }),
  deleteProvider: (id: string) =>
    request<unknown>(`/admin/gateway/providers/${enc(id)}`, { method: 'DELETE' }),
  virtualModels: (signal?: AbortSignal) =>
    request<{ data: VirtualModel[] }>('/admin/gateway/virtual-models', { signal }).then((r) => r.data),
  putVirtualModel: (name: string, body: unknown) =>
    request<VirtualModel>(`/admin/gateway/virtual-models/${enc(name)}`, { method: 'PUT', body }),
  deleteVirtualModel: (name: string) =>
    request<unknown>(`/admin/gateway/virtual-models/${enc(name)}`, { method: 'DELETE' }),
  usage: (query: UsageQuery, signal?: AbortSignal) =>
    request<UsageAnswer>('/admin/gateway/usage', { query: { ...query }, signal }),
  health: (signal?: AbortSignal) =>
    request<HealthAnswer>('/admin/gateway/health', { signal }).then((r) => r.data),
  checkHealth: () => request<{ checked: number }>('/admin/gateway/health/check', { method: 'POST' }),
  models: (signal?: AbortSignal) => request<ModelList>('/v1/models', { signal }).then((r) => r.data),
};
