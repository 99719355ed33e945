/**
 * Before any upstream call: resolve the model, check the key may use it, apply rate limits and budgets,
 * and pick the targets that can serve this request under the cloud policy. No I/O.
 */
import { GatewayError, modelNotConfigured } from '../http/gateway-error.ts';
import { isModelAllowed, type Principal } from '../governance/gateway-auth.ts';
import { resolveRoute, type Route, type RouteTarget } from '../routing/resolve-route.ts';
import { weightedOrder } from '../routing/weighted-order.ts';
import type { GatewayRuntime } from '../runtime/gateway-runtime.ts';

export interface Needs {
  endpoint: 'chat' | 'embeddings';
  images: boolean;
  tools: boolean;
}

export interface RoutePlan {
  route: Route;
  targets: RouteTarget[];
}

export function resolveAllowedRoute(runtime: GatewayRuntime, principal: Principal, model: unknown): Route {
  const config = runtime.config;
  if (config.providers.length === 0) throw modelNotConfigured();
  if (typeof model !== 'string' || model === '') {
    throw new GatewayError('invalid-input', 'you must provide a model parameter', {
      param: 'model',
      openAiCode: 'invalid_value',
    });
  }
  const route = resolveRoute(config, model);
  if (!route || !isModelAllowed(principal, route.name, route.requested)) {
    // Unknown and forbidden look the same, so keys cannot probe which models exist.
    throw new GatewayError(
      'not-found',
      `The model \`${model}\` does not exist or you do not have access to it.`,
      {
        param: 'model',
        openAiCode: 'model_not_found',
      },
    );
  }
  return route;
}

export function planRoute(runtime: GatewayRuntime, route: Route, needs: Needs): RoutePlan {
  const ordered =
    route.strategy === 'weighted' ? weightedOrder(route.targets, runtime.random) : route.targets;
  const capable = ordered.filter(({ provider: { capabilities: c } }) =>
    needs.endpoint === 'embeddings'
      ? c.embeddings
      : c.chat && (!needs.images || c.vision) && (!needs.tools || c.tools),
  );
  if (capable.length === 0) {
    const what =
      needs.endpoint === 'embeddings'
        ? 'embeddings'
        : needs.images
          ? 'images (vision)'
          : needs.tools
            ? 'tools'
            : 'chat';
    throw new GatewayError(
      'invalid-input',
      `model \`${route.requested}\` has no target that supports ${what}`,
      {
        param: 'model',
        openAiCode: 'unsupported_capability',
      },
    );
  }
  const allowed = capable.filter(
    ({ provider }) =>
      provider.location !== 'cloud' ||
      (route.cloud.mode !== 'refuse' && (!needs.images || route.cloud.allowImages)),
  );
  if (allowed.length === 0) {
    throw new GatewayError(
      'forbidden',
      needs.images
        ? 'policy forbids sending images to cloud models, and this model has no on-premises target'
        : 'policy forbids sending patient data to cloud models, and this model has no on-premises target',
      { openAiCode: 'cloud_refused' },
    );
  }
  return { route, targets: allowed };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function chatNeeds(body: any): Needs {
  let images = false;
  if (Array.isArray(body.messages)) {
    for (const message of body.messages) {
      if (
        Array.isArray(message?.content) &&
        message.content.some((p: { type?: string }) => p?.type === 'image_url')
      ) {
        images = true;
        break;
      }
    }
  }
  return { endpoint: 'chat', images, tools: Array.isArray(body.tools) && body.tools.length > 0 };
}
