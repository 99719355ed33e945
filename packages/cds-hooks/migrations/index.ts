/** This package's migrations; `@qihuang/migrations` composes every package's list (docs/decisions/0013). */
import type { Migration } from 'kysely';
import * as cdsCardState from './0500-cds-card-state.ts';

export const migrations: Record<string, Migration> = {
  '0500-cds-card-state': cdsCardState,
};
