/** This package's migrations; `@qihuang/migrations` composes every package's list (docs/decisions/0013). */
import type { Migration } from 'kysely';
import * as care from './0700-care.ts';

export const migrations: Record<string, Migration> = {
  '0700-care': care,
};
