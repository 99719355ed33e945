import { type Kysely } from 'kysely';

/**
 * A reading marked entered-in-error (withdrawn by the patient who entered it, or by the care team; issue 20,
 * docs/decisions/0020): `status` follows the FHIR Observation status of its projection (`final` or
 * `entered-in-error`); a withdrawn row is never projected again nor revived by a re-send. A critical-value notice
 * whose readings were all withdrawn leaves the timeliness report (`reading_withdrawn_at`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time, not typed by today's schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('bp_reading')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('final'))
    .execute();
  await db.schema.alterTable('bp_reading').addColumn('withdrawn_at', 'timestamptz').execute();
  await db.schema.alterTable('bp_alert_notice').addColumn('reading_withdrawn_at', 'timestamptz').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('bp_alert_notice').dropColumn('reading_withdrawn_at').execute();
  await db.schema.alterTable('bp_reading').dropColumn('withdrawn_at').execute();
  await db.schema.alterTable('bp_reading').dropColumn('status').execute();
}
