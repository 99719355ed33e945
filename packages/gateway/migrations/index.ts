/** This package's migrations; `@qihuang/migrations` composes every package's list (docs/decisions/0013). */
import type { Migration } from 'kysely';
import * as gatewayUsage from './0200-gateway-usage.ts';

export const migrations: Record<string, Migration> = {
  '0200-gateway-usage': gatewayUsage,
};
