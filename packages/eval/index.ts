/** Evaluation and validation centre: suites, runner, reports, dossiers, after-go-live tracking, HTTP routes. */
export type * from './suites/suite-types.ts';
export * from './suites/suite-files.ts';
export {
  loadCmexam,
  loadMedqa,
  loadPubmedqa,
  loadGenericJsonl,
} from './suites/loaders/multiple-choice-loaders.ts';
export { loadMie, loadAciBench } from './suites/loaders/scenario-loaders.ts';
export { extractChoice, stripThinking, type Extraction } from './scoring/answer-extraction.ts';
export { scoreItem, type GuardScorer, type ItemScore } from './scoring/score-item.ts';
export {
  createGrader,
  GraderError,
  GRADER_PROMPT_VERSION,
  rubricScore,
  type Grader,
} from './scoring/grader.ts';
export { rougeL, tokenF1, labelF1 } from './scoring/text-metrics.ts';
export * from './scoring/stats.ts';
export type * from './targets/target-types.ts';
export { createOpenAiChatClient } from './targets/openai-chat-client.ts';
export { createNodeChatClient, ChatHttpError } from './targets/node-chat-client.ts';
export { modelFromConfig, requireModel, MODEL_VARIABLES } from './targets/config-target.ts';
export {
  createGatewayChatClient,
  gatewayModel,
  gatewayRouteOf,
  EVAL_PRINCIPAL_PREFIX,
  type GatewayClientOptions,
} from './targets/gateway-target.ts';
export { GATEWAY_BASE_URL } from './targets/target-types.ts';
export { runEval, type RunEvalOptions, type RunEvalResult } from './runner/run-eval.ts';
export type { EvalStore, ItemResult, RunRecord } from './runner/run-types.ts';
export { createDatabaseEvalStore } from './runner/database-store.ts';
export { createMemoryEvalStore } from './runner/memory-store.ts';
export { summarise } from './reports/metrics.ts';
export { buildReport, compareRuns, exportRunCsv } from './reports/run-report.ts';
export type * from './reports/report-types.ts';
export * from './dossier/dossier.ts';
export * from './tracking/live-tracking.ts';
export { createEvalRoutes, type EvalRouteDeps, type ResolvedModel } from './routes.ts';
export type { EvalTables } from './tables.ts';
/** The wire contract of this package's routes (type-only; the console imports it from `@qihuang/eval/api-types`). */
export type * from './api-types/index.ts';
