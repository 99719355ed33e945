/** The package's test helpers (testing.ts) for other folders' tests: `@qihuang/cds-hooks/test-support`. */
export * from '../testing.ts';
export { pregnantRenalCall } from './pregnant-renal-call.ts';
