import { sql, type Kysely } from 'kysely';

/**
 * Alerts acted on when readings arrive (issue 17 items 1 and 3):
 * - `bp_alert_queue`: patients whose alert evaluation is owed (written before evaluating, removed after it
 *   succeeded); the server retries what is left — after an evaluation failed, or a process died mid-way.
 * - `bp_alert_notice`: one row per alert Flag, written before the Flag: the care team is notified (console,
 *   webhook, FHIR Communication) until `notified_at` is set, an unacknowledged critical alert is escalated, and
 *   the time from reading to acknowledgement is reported from it (critical-value timeliness).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time, not typed by today's schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bp_alert_queue')
    .addColumn('patient_id', 'text', (c) => c.primaryKey())
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .execute();
  await db.schema
    .createTable('bp_alert_notice')
    .addColumn('flag_id', 'text', (c) => c.primaryKey())
    .addColumn('patient_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('reading_at', 'timestamptz')
    .addColumn('raised_at', 'timestamptz', (c) => c.notNull())
    .addColumn('notified_at', 'timestamptz')
    .addColumn('escalated_at', 'timestamptz')
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('acknowledged_by', 'text')
    .execute();
  await sql`create index bp_alert_notice_open on bp_alert_notice (raised_at) where acknowledged_at is null`.execute(
    db,
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('bp_alert_notice').execute();
  await db.schema.dropTable('bp_alert_queue').execute();
}
