/**
 * The virtual model the clinical features call (copilot, record writer …) by default. While /v1/models does
 * not list it and no fallback model is set, those features answer model_not_found even though providers
 * exist: the gateway page keeps its guidance up until it can route (issue 20).
 */
export const DEFAULT_VIRTUAL_MODEL = 'clinical-copilot';

export function defaultModelCannotRoute(
  models: readonly { id: string }[] | undefined,
  fallbackModel: string | undefined,
): boolean {
  if (!models || fallbackModel) return false;
  return !models.some((m) => m.id === DEFAULT_VIRTUAL_MODEL);
}
