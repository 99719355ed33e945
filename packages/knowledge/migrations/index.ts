/** This package's migrations; `@qihuang/migrations` composes every package's list (docs/decisions/0013). */
import type { Migration } from 'kysely';
import * as knowledge from './0600-knowledge.ts';

export const migrations: Record<string, Migration> = {
  '0600-knowledge': knowledge,
};
