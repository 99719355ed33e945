/**
 * How each knowledge-base source is named on the pharmacist's screen, in zh-CN and en: the guideline, label or
 * communication itself with its section, never the project's internal reference file. One table for every screen,
 * kept in the drug knowledge package (`sources/user-names.ts`); sources not listed fall back to their own label with
 * internal references removed (see `localizeSource`).
 */
export { SOURCE_NAMES } from '@qihuang/drug-knowledge';
