import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time, not typed by today's schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('fhir_resource')
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('version_id', 'bigint', (c) => c.notNull())
    .addColumn('last_updated', 'timestamptz', (c) => c.notNull())
    .addColumn('deleted', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('content', 'jsonb')
    .addColumn('compartments', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addPrimaryKeyConstraint('fhir_resource_pk', ['resource_type', 'id'])
    .execute();
  await db.schema
    .createIndex('fhir_resource_updated')
    .on('fhir_resource')
    .columns(['resource_type', 'last_updated'])
    .execute();
  await db.schema
    .createIndex('fhir_resource_compartments')
    .on('fhir_resource')
    .using('gin')
    .column('compartments')
    .execute();

  await db.schema
    .createTable('fhir_history')
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('version_id', 'bigint', (c) => c.notNull())
    .addColumn('last_updated', 'timestamptz', (c) => c.notNull())
    .addColumn('deleted', 'boolean', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('content', 'jsonb')
    .addPrimaryKeyConstraint('fhir_history_pk', ['resource_type', 'id', 'version_id'])
    .execute();
  await db.schema
    .createIndex('fhir_history_updated')
    .on('fhir_history')
    .columns(['resource_type', 'last_updated'])
    .execute();

  // Search index tables: one row per extracted value. Searches join these by (resource_type, resource_id).
  const index = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('resource_type', 'text', (c) => c.notNull())
      .addColumn('resource_id', 'text', (c) => c.notNull())
      .addColumn('param', 'text', (c) => c.notNull());

  await index('fhir_token').addColumn('system', 'text').addColumn('code', 'text').execute();
  await sql`create index fhir_token_lookup on fhir_token (resource_type, param, code, system, resource_id)`.execute(
    db,
  );

  await index('fhir_string')
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await sql`create index fhir_string_lookup on fhir_string (resource_type, param, value text_pattern_ops, resource_id)`.execute(
    db,
  );

  await index('fhir_date')
    .addColumn('start_at', 'timestamptz', (c) => c.notNull())
    .addColumn('end_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create index fhir_date_lookup on fhir_date (resource_type, param, start_at, end_at, resource_id)`.execute(
    db,
  );

  await index('fhir_reference').addColumn('target_type', 'text').addColumn('target_id', 'text').execute();
  await sql`create index fhir_reference_lookup on fhir_reference (resource_type, param, target_id, target_type, resource_id)`.execute(
    db,
  );
  await sql`create index fhir_reference_target on fhir_reference (target_type, target_id)`.execute(db);

  await index('fhir_quantity')
    .addColumn('value', 'numeric', (c) => c.notNull())
    .addColumn('system', 'text')
    .addColumn('code', 'text')
    .execute();
  await sql`create index fhir_quantity_lookup on fhir_quantity (resource_type, param, code, value, resource_id)`.execute(
    db,
  );

  for (const table of ['fhir_token', 'fhir_string', 'fhir_date', 'fhir_reference', 'fhir_quantity']) {
    await sql`create index ${sql.id(`${table}_owner`)} on ${sql.table(table)} (resource_type, resource_id)`.execute(
      db,
    );
  }

  await db.schema
    .createTable('kv_setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'kv_setting',
    'fhir_quantity',
    'fhir_reference',
    'fhir_date',
    'fhir_string',
    'fhir_token',
    'fhir_history',
    'fhir_resource',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
