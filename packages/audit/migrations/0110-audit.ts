import { sql, type Kysely } from 'kysely';

/**
 * Tamper-evident audit trail: a hash chain of entries with a gap-free sequence number, and a one-row chain
 * head that serialises appends (its row lock is held until the appending transaction ends). A trigger makes
 * entries append-only for ordinary sessions; the hash chain is what detects changes made around it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time, not typed by today's schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_entry')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('principal_id', 'text', (c) => c.notNull())
    .addColumn('principal_kind', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('resource_type', 'text')
    .addColumn('resource_id', 'text')
    .addColumn('query', 'text')
    .addColumn('patient_ids', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('client_address', 'text')
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_entry_recorded').on('audit_entry').column('recorded_at').execute();
  await db.schema.createIndex('audit_entry_principal').on('audit_entry').column('principal_id').execute();
  await db.schema.createIndex('audit_entry_username').on('audit_entry').column('username').execute();
  await db.schema.createIndex('audit_entry_action').on('audit_entry').columns(['action', 'seq']).execute();
  await db.schema
    .createIndex('audit_entry_patients')
    .on('audit_entry')
    .using('gin')
    .column('patient_ids')
    .execute();

  await db.schema
    .createTable('audit_chain_head')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into audit_chain_head (id, seq, hash) values (1, 0, ${'0'.repeat(64)})`.execute(db);

  // Append-only for ordinary sessions (defence in depth; the owner can disable it — the chain still tells).
  await sql`
    create function audit_entry_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit entries are append-only';
    end;
    $$`.execute(db);
  await sql`
    create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_append_only()`.execute(db);
  await sql`
    create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only()`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_chain_head').execute();
  await db.schema.dropTable('audit_entry').execute();
  await sql`drop function if exists audit_entry_append_only()`.execute(db);
}
