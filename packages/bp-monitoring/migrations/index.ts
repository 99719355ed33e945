/** This package's migrations; `@qihuang/migrations` composes every package's list (docs/decisions/0013). */
import type { Migration } from 'kysely';
import * as bpReading from './0400-bp-reading.ts';
import * as bpAlertLoop from './0410-bp-alert-loop.ts';

export const migrations: Record<string, Migration> = {
  '0400-bp-reading': bpReading,
  '0410-bp-alert-loop': bpAlertLoop,
};
