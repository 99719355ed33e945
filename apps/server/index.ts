/**
 * The server's public face: what the CLI, the benchmarks and the API tests may use. Other folders import
 * this file and nothing else of apps/server (the import-graph test, packages/test-kit/architecture, checks it);
 * route tests build the whole app with `createTestApp` from `apps/server/test-support.ts`.
 */
export { createApp, jsonError, type AppDeps, type Mount } from './app.ts';
export { buildApp, type BuildOptions, type BuiltApp } from './build-app.ts';
export { startServer, VERSION, type RunningServer } from './start-server.ts';
export {
  createPlatformGatewayRuntime,
  loadGatewayConfig,
  wireGateway,
  type WiredGateway,
} from './wire-gateway.ts';
export { MIGRATIONS } from '@qihuang/migrations';
