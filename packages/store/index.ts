export * from './database.ts';
export type * from './tables.ts';
export { migrateToLatest } from './migrations/migrator.ts';
