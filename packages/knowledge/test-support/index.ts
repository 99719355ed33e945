/** The package's test helpers, for its own tests and other folders' (`@qihuang/knowledge/test-support`). */
export { buildSimplePdf } from '../fixtures/make-pdf.ts';
