/** This package's migrations; `@qihuang/migrations` composes every package's list (docs/decisions/0013). */
import type { Migration } from 'kysely';
import * as identity from './0100-identity.ts';

export const migrations: Record<string, Migration> = {
  '0100-identity': identity,
};
