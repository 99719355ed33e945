export * from './errors.ts';
export * from './access.ts';
