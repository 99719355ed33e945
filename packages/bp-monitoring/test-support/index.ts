/** The package's test helpers, for its own tests and other folders' (`@qihuang/bp-monitoring/test-support`). */
export { abpmCsv, abpmFhir, abpmRows } from './abpm-fixtures.ts';
