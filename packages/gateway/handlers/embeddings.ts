/** POST /v1/embeddings: routed like chat (embedding-capable targets), de-identified for cloud targets. */
import { GatewayError } from '../http/gateway-error.ts';
import { deidentifyEmbeddingInput } from '../de-identification/de-identify.ts';
import { PlaceholderVault } from '../de-identification/placeholder-vault.ts';
import { callWithFailover, type FailoverTrace } from '../routing/call-with-failover.ts';
import type { RouteTarget } from '../routing/resolve-route.ts';
import type { GatewayRuntime } from '../runtime/gateway-runtime.ts';
import { postForText } from '../upstream/upstream-call.ts';
import {
  estimateTokens,
  outcomeOfError,
  recordCall,
  tokensFromUsage,
  type CallContext,
} from './call-accounting.ts';
import { mergeKnown, takeExtension, type GatewayCall, type GatewayResult } from './gateway-call.ts';
import { planRoute, resolveAllowedRoute } from './plan-route.ts';

/** Reads `usage` from the end of an embeddings answer without parsing the (large) vectors. */
function usageOf(text: string): unknown {
  const at = text.lastIndexOf('"usage"');
  if (at === -1) return undefined;
  const open = text.indexOf('{', at);
  const close = text.indexOf('}', open);
  try {
    return JSON.parse(text.slice(open, close + 1));
  } catch {
    return undefined;
  }
}

export async function handleEmbeddings(runtime: GatewayRuntime, call: GatewayCall): Promise<GatewayResult> {
  const startedAt = runtime.now();
  const { body, patient, known: bodyKnown } = takeExtension(call.body);
  const scoped: GatewayCall = { ...call, patient: call.patient ?? patient };
  const model = typeof body.model === 'string' ? body.model : '';
  const ctx: CallContext = {
    call: scoped,
    endpoint: 'embeddings',
    stream: false,
    model,
    scenario: model,
    startedAt,
  };
  const trace: FailoverTrace = { attempts: 0 };
  try {
    if (body.input === undefined || body.input === null || body.input === '') {
      throw new GatewayError('invalid-input', 'input must be a string or an array', {
        param: 'input',
        openAiCode: 'invalid_value',
      });
    }
    const route = resolveAllowedRoute(runtime, scoped.principal, body.model);
    ctx.scenario = route.scenario;
    await runtime.syncBudget(scoped.principal);
    runtime.limiter.admit(scoped.principal);
    const plan = planRoute(runtime, route, { endpoint: 'embeddings', images: false, tools: false });
    let vault: PlaceholderVault | undefined;
    let cloudInput: unknown;
    const known = mergeKnown(scoped.known, bodyKnown, scoped.patient);
    const inputFor = (target: RouteTarget) => {
      if (target.provider.location !== 'cloud') return body.input;
      if (!vault) {
        vault = new PlaceholderVault();
        cloudInput = deidentifyEmbeddingInput(body.input, vault, known);
      }
      return cloudInput;
    };
    const { value: text, target } = await callWithFailover(
      {
        targets: plan.targets,
        states: runtime.states,
        retry: route.retry,
        deadline: startedAt + route.timeoutMs,
        now: runtime.now,
        sleep: runtime.sleep,
        signal: scoped.signal,
        attemptTimeoutMs: (t) => t.provider.limits.timeoutMs ?? route.timeoutMs,
        attempt: (t, timeoutMs) =>
          postForText({
            transport: runtime.transport,
            url: runtime.urlsOf(t.provider).embeddings,
            headers: runtime.headersFor(t.provider),
            body: JSON.stringify({ ...body, model: t.provider.model, input: inputFor(t) }),
            timeoutMs,
            now: runtime.now,
            signal: scoped.signal,
          }),
      },
      trace,
    );
    const inputChars = JSON.stringify(body.input).length;
    recordCall(runtime, ctx, {
      outcome: 'success',
      target: { id: target.provider.id, location: target.provider.location },
      attempts: trace.attempts,
      tokens: tokensFromUsage(usageOf(text), () => {
        const prompt = estimateTokens(inputChars);
        return { prompt, completion: 0, reasoning: 0, total: prompt, estimated: true };
      }),
      deidentified: target.provider.location === 'cloud' ? vault?.categories() : undefined,
    });
    return {
      status: 200,
      headers: { 'content-type': 'application/json', 'x-qihuang-target': target.provider.id },
      body: text,
    };
  } catch (error) {
    recordCall(runtime, ctx, {
      ...outcomeOfError(error),
      attempts: trace.attempts,
      target: trace.lastTarget
        ? { id: trace.lastTarget.provider.id, location: trace.lastTarget.provider.location }
        : null,
    });
    throw error;
  }
}
