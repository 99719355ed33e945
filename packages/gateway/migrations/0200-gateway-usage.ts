/** Table of model-gateway usage records (one per call), summarised by key, model, scenario and day. */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('gateway_usage')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('principal_kind', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('scenario', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('location', 'text')
    .addColumn('endpoint', 'text', (c) => c.notNull())
    .addColumn('stream', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('prompt_tokens', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('completion_tokens', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reasoning_tokens', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total_tokens', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('estimated', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('latency_ms', 'integer', (c) => c.notNull())
    .addColumn('ttft_ms', 'integer')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('error_code', 'text')
    .addCheckConstraint('gateway_usage_day_format', sql`day ~ '^\\d{4}-\\d{2}-\\d{2}$'`)
    .execute();
  await db.schema.createIndex('gateway_usage_day_idx').on('gateway_usage').columns(['day']).execute();
  await db.schema
    .createIndex('gateway_usage_key_day_idx')
    .on('gateway_usage')
    .columns(['key_id', 'day'])
    .execute();
  await db.schema
    .createIndex('gateway_usage_scenario_day_idx')
    .on('gateway_usage')
    .columns(['scenario', 'day'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('gateway_usage').ifExists().execute();
}
