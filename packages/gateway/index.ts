/**
 * @qihuang/gateway — the OpenAI-compatible model gateway. Wiring (apps/server):
 *
 * ```ts
 * const runtime = createGatewayRuntime({ config: gatewayConfigFrom(config, fileJson), auth, audit, usageStore,
 *   secrets: (ref) => …, });
 * app.route('/v1', createGatewayRoutes({ runtime }));
 * app.route('/admin/gateway', createGatewayAdminRoutes({ runtime }));
 * runtime.startHealthChecks();            // on shutdown: await runtime.close()  (flushes usage and audit)
 * ```
 */
export { createGatewayRoutes, type GatewayRoutesDeps } from './http/gateway-routes.ts';
export { createGatewayAdminRoutes, redactConfig, type GatewayAdminRoutesDeps } from './http/admin-routes.ts';
export { GatewayError, toOpenAiError, modelNotConfigured } from './http/gateway-error.ts';
export { HEADERS as GATEWAY_HEADERS } from './http/request-context.ts';
export {
  createGatewayRuntime,
  GatewayRuntime,
  type GatewayRuntimeOptions,
  type SecretResolver,
  type ApprovalCheck,
  type ApprovalTarget,
} from './runtime/gateway-runtime.ts';
export {
  gatewayConfigFrom,
  parseGatewayConfig,
  quickStartScenarios,
  quickStartSetting,
} from './config/gateway-config-from.ts';
export * from './config/gateway-config-schema.ts';
export { providerRegistry, providerKinds, type ProviderKind } from './providers/provider-registry.ts';
export type { ProviderQuirks } from './providers/provider-quirks.ts';
export {
  StaticGatewayAuth,
  createStaticGatewayAuth,
  quickStartGatewayAuth,
  type GatewayAuth,
  type Principal,
  type StaticKey,
} from './governance/gateway-auth.ts';
export { MemoryAuditSink, type AuditSink, type GatewayAuditEvent } from './audit/audit-sink.ts';
export {
  MemoryUsageStore,
  usageDimensions,
  type UsageStore,
  type UsageRecord,
  type UsageQuery,
  type UsageSummaryRow,
  type UsageDimension,
} from './usage/usage-store.ts';
export { KyselyUsageStore } from './usage/kysely-usage-store.ts';
export { BatchWriter } from './usage/batch-writer.ts';
export { handleChatCompletion } from './handlers/chat-completions.ts';
export { resolveRoute, type Route, type RouteTarget } from './routing/resolve-route.ts';
export { handleEmbeddings } from './handlers/embeddings.ts';
export { listModels } from './handlers/list-models.ts';
export type { GatewayCall, GatewayResult } from './handlers/gateway-call.ts';
export { nodeHttpTransport, fetchTransport, type UpstreamTransport } from './upstream/upstream-transport.ts';
export * as deidentification from './de-identification/index.ts';
/** The wire contract of this package's routes (type-only; the console imports it from `@qihuang/gateway/api-types`;
 * ModelLocation is the config schema's). */
export type {
  HealthAnswer,
  ModelList,
  ModelTargetView,
  ModelView,
  ProviderHealth,
  TargetStatus,
  UsageAnswer,
} from './api-types/index.ts';
