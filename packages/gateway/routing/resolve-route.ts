/**
 * Resolves the model a client names to a route: a virtual model (scenario → ordered targets), a configured
 * provider (by id or upstream model name), or the configured fallback model.
 */
import type {
  CloudPolicy,
  GatewayConfig,
  ProviderConfig,
  RetryPolicy,
} from '../config/gateway-config-schema.ts';

export interface RouteTarget {
  provider: ProviderConfig;
  weight: number;
}

export interface Route {
  /** The name the client asked for. */
  requested: string;
  /** The virtual model or provider id that answers (what API keys are scoped to). */
  name: string;
  /** Scenario for usage accounting: the virtual model name, or the provider id. */
  scenario: string;
  kind: 'virtual' | 'provider';
  targets: RouteTarget[];
  strategy: 'failover' | 'weighted';
  retry: RetryPolicy;
  timeoutMs: number;
  cloud: CloudPolicy;
  /** Only targets with an approved validation dossier for this scenario may answer. */
  requireApprovedDossier: boolean;
}

export function resolveRoute(config: GatewayConfig, requested: string, depth = 0): Route | null {
  const virtual = config.virtualModels.find((v) => v.name === requested);
  if (virtual) {
    const targets: RouteTarget[] = [];
    for (const target of virtual.targets) {
      const provider = config.providers.find((p) => p.id === target.provider);
      if (provider) targets.push({ provider, weight: target.weight });
    }
    return {
      requested,
      name: virtual.name,
      scenario: virtual.name,
      kind: 'virtual',
      targets,
      strategy: virtual.strategy,
      retry: virtual.retry ?? config.retry,
      timeoutMs: virtual.timeoutMs ?? config.timeoutMs,
      cloud: virtual.cloud ?? config.cloud,
      requireApprovedDossier: virtual.requireApprovedDossier ?? config.governance.requireApprovedDossier,
    };
  }
  const provider =
    config.providers.find((p) => p.id === requested) ?? config.providers.find((p) => p.model === requested);
  if (provider) {
    return {
      requested,
      name: provider.id,
      scenario: provider.id,
      kind: 'provider',
      targets: [{ provider, weight: 1 }],
      strategy: 'failover',
      retry: config.retry,
      timeoutMs: config.timeoutMs,
      cloud: config.cloud,
      requireApprovedDossier: config.governance.requireApprovedDossier,
    };
  }
  if (config.fallbackModel && depth === 0 && config.fallbackModel !== requested) {
    const fallback = resolveRoute(config, config.fallbackModel, 1);
    // The scenario stays the requested name: a new scenario served by the fallback is still accounted apart.
    return fallback ? { ...fallback, requested, scenario: requested } : null;
  }
  return null;
}
