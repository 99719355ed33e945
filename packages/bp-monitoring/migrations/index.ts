/** This package's migrations; `@qihuang/migrations` composes every package's list (docs/decisions/0013). */
import type { Migration } from 'kysely';
import * as bpReading from './0400-bp-reading.ts';
import * as bpAlertLoop from './0410-bp-alert-loop.ts';
import * as bpReadingWithdrawn from './0420-bp-reading-withdrawn.ts';

export const migrations: Record<string, Migration> = {
  '0400-bp-reading': bpReading,
  '0410-bp-alert-loop': bpAlertLoop,
  '0420-bp-reading-withdrawn': bpReadingWithdrawn,
};
