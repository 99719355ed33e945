import { sql, type Kysely } from 'kysely';

/**
 * The home-reading store: one compact row per wearable/cuff reading (BP with its heart rate), keyed by the
 * reading's stable id, so that uploads of many thousands of readings are one set-based upsert. Every reading is
 * also projected into the FHIR store as Observations (BP panel and heart rate); `pending` marks a reading whose
 * current version is not projected yet. See packages/bp-monitoring/README.md (decision).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time, not typed by today's schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bp_reading')
    .addColumn('patient_id', 'text', (c) => c.notNull())
    // The Observation id of the BP panel (stable id of patient|device|time); the heart rate is `hr-…`.
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    // As measured, with the device's UTC offset (the Observation's effectiveDateTime) …
    .addColumn('time', 'text', (c) => c.notNull())
    // … and as an instant, for windows.
    .addColumn('effective_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sbp', 'double precision', (c) => c.notNull())
    .addColumn('dbp', 'double precision', (c) => c.notNull())
    .addColumn('heart_rate', 'double precision')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('pending', 'boolean', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('bp_reading_pk', ['patient_id', 'id'])
    .execute();
  // The projector's queue and the assessment's "not yet in FHIR" lookup: only pending rows are in it. (Reads
  // of a patient's series go through FHIR search; no index on all rows by time, which would slow every upload.)
  await sql`create index bp_reading_pending on bp_reading (patient_id, effective_at) where pending`.execute(
    db,
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('bp_reading').execute();
}
