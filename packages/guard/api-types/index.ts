/**
 * The guard's wire types (verdicts, checked claims, the check result), type-only: other packages' contracts and
 * the console import them from `@qihuang/guard/api-types` without loading the guard's code.
 */
export type * from '../types.ts';
