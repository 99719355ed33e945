export * from './de-identify.ts';
export * from './placeholder-vault.ts';
export { isValidChineseIdCard } from '@qihuang/deid';
