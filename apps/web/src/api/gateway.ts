/** Model gateway administration (/admin/gateway, admin only) and the model list with target states (/v1/models). */
import { request } from './client.ts';

export type TargetStatus = 'up' | 'degraded' | 'down' | 'open-circuit' | 'unknown';
export type ModelLocation = 'on-premises' | 'cloud';

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

export const USAGE_GROUPS = ['day', 'model', 'key', 'scenario', 'target'] as const;
export type UsageGroup = (typeof USAGE_GROUPS)[number];

export interface UsageRow {
  key?: string;
  model?: string;
  scenario?: string;
  target?: string | null;
  day?: string;
  requests: number;
  errors: number;
  promptTokens: number;
  completionTokens: number;
  reasoningTokens: number;
  totalTokens: number;
  avgLatencyMs: number;
}

export interface UsageAnswer {
  groupBy: UsageGroup[];
  data: UsageRow[];
  droppedRecords: number;
}

export interface ProviderHealth {
  provider: string;
  location: ModelLocation;
  status: TargetStatus;
  circuit: string;
  consecutiveFailures: number;
  health: string;
  lastCheckedAt: string | null;
  lastError: string | null;
}

export interface ModelView {
  id: string;
  qihuang?: {
    kind: 'virtual' | 'provider';
    description?: string;
    status: TargetStatus;
    targets: { provider: string; location: ModelLocation; status: TargetStatus }[];
  };
}

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
    request<{ data: ProviderHealth[] }>('/admin/gateway/health', { signal }).then((r) => r.data),
  checkHealth: () => request<{ checked: number }>('/admin/gateway/health/check', { method: 'POST' }),
  models: (signal?: AbortSignal) =>
    request<{ data: ModelView[] }>('/v1/models', { signal }).then((r) => r.data),
};
