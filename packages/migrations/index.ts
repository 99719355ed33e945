/**
 * Every package's migrations in one list, in the order they apply (names sort; each package owns a number
 * range, AGENTS.md). The composition roots pass it on: apps/server to `openDatabase`, the test-kit to its
 * template database. Only they import this package (docs/decisions/0013-one-way-package-structure.md); a
 * package that adds tables adds its list here, one line.
 */
import { composeMigrations, type MigrationList } from '@qihuang/store';
import { migrations as store } from '@qihuang/store/migrations';
import { migrations as identity } from '@qihuang/identity/migrations';
import { migrations as audit } from '@qihuang/audit/migrations';
import { migrations as gateway } from '@qihuang/gateway/migrations';
import { migrations as evalCentre } from '@qihuang/eval/migrations';
import { migrations as bpMonitoring } from '@qihuang/bp-monitoring/migrations';
import { migrations as cdsHooks } from '@qihuang/cds-hooks/migrations';
import { migrations as knowledge } from '@qihuang/knowledge/migrations';
import { migrations as care } from '@qihuang/care/migrations';

export const MIGRATIONS: MigrationList = composeMigrations(
  store,
  identity,
  audit,
  gateway,
  evalCentre,
  bpMonitoring,
  cdsHooks,
  knowledge,
  care,
);
