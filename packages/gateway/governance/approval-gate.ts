/**
 * The dossier gate: with `requireApprovedDossier` on (gateway-wide or per virtual model), a scenario is only
 * routed to models with an approved validation dossier covering it. Unapproved targets are skipped; when none
 * is left the call is refused with 403 `model_not_approved`. Fails closed when approvals cannot be checked.
 * Evaluation runs (principal.evaluation) are exempt: they gather the evidence a dossier needs.
 */
import { GatewayError } from '../http/gateway-error.ts';
import type { Principal } from './gateway-auth.ts';
import type { Route, RouteTarget } from '../routing/resolve-route.ts';
import type { GatewayRuntime } from '../runtime/gateway-runtime.ts';

export async function approvedTargets(
  runtime: GatewayRuntime,
  principal: Principal,
  route: Route,
  targets: RouteTarget[],
): Promise<RouteTarget[]> {
  if (!route.requireApprovedDossier || principal.evaluation === true) return targets;
  if (!runtime.options.approval) {
    throw new GatewayError(
      'unavailable',
      `Scenario \`${route.scenario}\` requires an approved validation dossier, but this gateway has no ` +
        'approval check configured; ask an administrator (governance.requireApprovedDossier).',
      { openAiCode: 'approval_check_unavailable' },
    );
  }
  let answers: boolean[];
  try {
    answers = await Promise.all(targets.map((t) => runtime.isApproved(t.provider, route.scenario)));
  } catch (error) {
    runtime.options.warn?.('gateway approval check failed', { error: (error as Error).message });
    throw new GatewayError(
      'unavailable',
      `Cannot check whether the models of \`${route.requested}\` are approved for scenario ` +
        `\`${route.scenario}\`; the call was not sent. Try again later.`,
      { openAiCode: 'approval_check_failed' },
    );
  }
  const approved = targets.filter((_, i) => answers[i]);
  if (approved.length > 0) return approved;
  const models = targets.map((t) => `\`${t.provider.model}\` (provider \`${t.provider.id}\`)`).join(', ');
  throw new GatewayError(
    'forbidden',
    `Model \`${route.requested}\` is not approved for scenario \`${route.scenario}\`: ${models} ` +
      `${targets.length > 1 ? 'have' : 'has'} no approved, unexpired validation dossier covering this scenario. ` +
      'Evaluate the model and have its dossier approved by every required role in the evaluation centre ' +
      '(/eval/dossiers), or use a model approved for this scenario.',
    { openAiCode: 'model_not_approved', param: 'model' },
  );
}
