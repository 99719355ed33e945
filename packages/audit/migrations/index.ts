/** This package's migrations; `@qihuang/migrations` composes every package's list (docs/decisions/0013). */
import type { Migration } from 'kysely';
import * as audit from './0110-audit.ts';

export const migrations: Record<string, Migration> = {
  '0110-audit': audit,
};
