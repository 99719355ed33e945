/** This package's migrations; `@qihuang/migrations` composes every package's list (docs/decisions/0013). */
import type { Migration } from 'kysely';
import * as evalCentre from './0300-eval.ts';

export const migrations: Record<string, Migration> = {
  '0300-eval': evalCentre,
};
