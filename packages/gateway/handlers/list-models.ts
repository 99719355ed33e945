/** GET /v1/models: virtual models and configured providers the caller may use, with each target's state. */
import type { Principal } from '../governance/gateway-auth.ts';
import { isModelAllowed } from '../governance/gateway-auth.ts';
import type { GatewayRuntime } from '../runtime/gateway-runtime.ts';
import type { TargetStatus } from '../routing/target-states.ts';
import type { ModelTargetView, ModelView, ModelList } from '../api-types/index.ts';

export type { ModelTargetView, ModelView, ModelList };

/**
 * A virtual model's state from its targets': up when every target is up (or not checked yet), degraded while
 * at least one can still answer, down when none can (every target down or behind an open circuit).
 */
export function virtualModelStatus(statuses: readonly TargetStatus[]): TargetStatus {
  if (
    statuses.some((s) => s === 'up' || s === 'unknown') &&
    statuses.every((s) => s === 'up' || s === 'unknown')
  ) {
    return statuses.includes('up') ? 'up' : 'unknown';
  }
  if (statuses.some((s) => s === 'up' || s === 'degraded' || s === 'unknown')) return 'degraded';
  return 'down';
}

export function listModels(runtime: GatewayRuntime, principal: Principal): ModelList {
  const config = runtime.config;
  const view = (id: string): ModelTargetView | undefined => {
    const provider = config.providers.find((p) => p.id === id);
    return (
      provider && {
        provider: provider.id,
        location: provider.location,
        status: runtime.states.status(provider.id),
      }
    );
  };
  const data: ModelView[] = [];
  for (const model of config.virtualModels) {
    if (!isModelAllowed(principal, model.name)) continue;
    const targets = model.targets
      .map((t) => view(t.provider))
      .filter((t): t is ModelTargetView => t !== undefined);
    data.push({
      id: model.name,
      object: 'model',
      created: 0,
      owned_by: 'qihuang',
      qihuang: {
        kind: 'virtual',
        ...(model.description ? { description: model.description } : {}),
        status: virtualModelStatus(targets.map((t) => t.status)),
        targets,
      },
    });
  }
  for (const provider of config.providers) {
    if (!isModelAllowed(principal, provider.id)) continue;
    const target = view(provider.id)!;
    data.push({
      id: provider.id,
      object: 'model',
      created: 0,
      owned_by: provider.kind,
      qihuang: {
        kind: 'provider',
        status: target.status,
        capabilities: provider.capabilities,
        targets: [target],
      },
    });
  }
  return { object: 'list', data };
}
