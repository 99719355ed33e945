/**
 * Evaluation centre: runs and per-item results (written as each item completes, so a run resumes after a
 * crash), validation dossiers with signed approvals, and after-go-live samples and drift alerts.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time, not typed by today's schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('eval_run')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('suite_name', 'text', (c) => c.notNull())
    .addColumn('suite_version', 'text', (c) => c.notNull())
    .addColumn('suite_hash', 'text', (c) => c.notNull())
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('target', 'jsonb', (c) => c.notNull())
    .addColumn('generation', 'jsonb', (c) => c.notNull())
    .addColumn('grader', 'jsonb')
    .addColumn('summary', 'jsonb')
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('eval_run_created').on('eval_run').column('created_at').execute();

  await db.schema
    .createTable('eval_item_result')
    .addColumn('run_id', 'text', (c) => c.notNull().references('eval_run.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('cache_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('ok', 'error')`))
    .addColumn('score', 'double precision')
    .addColumn('passed', 'boolean')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('categories', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('subgroups', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('extracted', 'text')
    .addColumn('expected', 'text')
    .addColumn('detail', 'jsonb')
    .addColumn('prompt_tokens', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('completion_tokens', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cost', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('latency_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cached', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('error', 'text')
    .addColumn('completed_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('eval_item_result_pk', ['run_id', 'item_id'])
    .execute();
  await db.schema
    .createIndex('eval_item_result_cache')
    .on('eval_item_result')
    .columns(['cache_key', 'status'])
    .execute();

  await db.schema
    .createTable('eval_dossier')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('model_version', 'text', (c) => c.notNull())
    .addColumn('vendor', 'text', (c) => c.notNull())
    .addColumn('licence', 'text', (c) => c.notNull())
    .addColumn('deployment', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('base_model_statement', 'text', (c) => c.notNull())
    .addColumn('scenarios', sql`text[]`, (c) => c.notNull())
    .addColumn('safety_thresholds', 'jsonb', (c) => c.notNull())
    .addColumn('evidence', 'jsonb', (c) => c.notNull())
    .addColumn('ethics', 'jsonb', (c) => c.notNull())
    .addColumn('required_roles', sql`text[]`, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'timestamptz')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('eval_dossier_model').on('eval_dossier').columns(['model', 'status']).execute();

  await db.schema
    .createTable('eval_approval')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('dossier_id', 'text', (c) => c.notNull().references('eval_dossier.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('signer', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('approve', 'reject', 'revoke')`))
    .addColumn('comment', 'text')
    .addColumn('signed_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('eval_approval_dossier').on('eval_approval').column('dossier_id').execute();

  await db.schema
    .createTable('eval_live_sample')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('scenario', 'text', (c) => c.notNull())
    .addColumn('sampled_at', 'timestamptz', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('guard_contradicted', 'boolean')
    .addColumn('review_overridden', 'boolean')
    .addColumn('grade_score', 'double precision')
    .addColumn('grade_passed', 'boolean')
    .addColumn('graded_at', 'timestamptz')
    .addColumn('grader', 'jsonb')
    .execute();
  await db.schema
    .createIndex('eval_live_sample_model')
    .on('eval_live_sample')
    .columns(['model', 'scenario', 'sampled_at'])
    .execute();

  await db.schema
    .createTable('eval_drift_alert')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('scenario', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('detected_at', 'timestamptz', (c) => c.notNull())
    .addColumn('baseline_rate', 'double precision', (c) => c.notNull())
    .addColumn('baseline_n', 'integer', (c) => c.notNull())
    .addColumn('recent_rate', 'double precision', (c) => c.notNull())
    .addColumn('recent_n', 'integer', (c) => c.notNull())
    .addColumn('p_value', 'double precision', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'eval_drift_alert',
    'eval_live_sample',
    'eval_approval',
    'eval_dossier',
    'eval_item_result',
    'eval_run',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
