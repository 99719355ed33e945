import { sql, type Kysely } from 'kysely';

/**
 * Knowledge base: collections (with access lists), documents (content hash for idempotent re-ingestion) and
 * chunks with pre-segmented tokens (`toks`, jieba + medical dictionary) indexed as a generated tsvector (GIN),
 * plus per-term document frequencies for BM25-style ranking. A pgvector `embedding` column is added only when
 * the extension is available (always on PGlite; on PostgreSQL when pgvector is installed) — keyword search
 * works without it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time, not typed by today's schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('kb_collection')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('allowed_roles', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('allowed_keys', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('kb_document')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('collection_id', 'text', (c) => c.notNull().references('kb_collection.id').onDelete('cascade'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('pages', 'integer')
    .addColumn('chunk_count', 'integer', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('ingested_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('kb_document_collection_filename', ['collection_id', 'filename'])
    .execute();
  await db.schema
    .createTable('kb_chunk')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('kb_document.id').onDelete('cascade'))
    .addColumn('collection_id', 'text', (c) => c.notNull())
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('page', 'integer')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('toks', 'text', (c) => c.notNull())
    .addColumn('ntoks', 'integer', (c) => c.notNull())
    .addColumn('tsv', sql`tsvector`, (c) => c.generatedAlwaysAs(sql`to_tsvector('simple', toks)`).stored())
    .execute();
  await db.schema.createIndex('kb_chunk_tsv').on('kb_chunk').using('gin').column('tsv').execute();
  await db.schema
    .createIndex('kb_chunk_document')
    .on('kb_chunk')
    .columns(['document_id', 'ordinal'])
    .execute();
  await db.schema.createIndex('kb_chunk_collection').on('kb_chunk').column('collection_id').execute();
  await db.schema
    .createTable('kb_term')
    .addColumn('term', 'text', (c) => c.primaryKey())
    .addColumn('df', 'integer', (c) => c.notNull())
    .execute();

  // Dense vectors only where pgvector exists (checking first keeps the migration transaction clean).
  const available = await sql<{ n: number }>`
    select count(*)::int as n from pg_available_extensions where name = 'vector'`.execute(db);
  if ((available.rows[0]?.n ?? 0) > 0) {
    await sql`create extension if not exists vector`.execute(db);
    await sql`alter table kb_chunk add column embedding vector`.execute(db);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('kb_chunk').ifExists().execute();
  await db.schema.dropTable('kb_document').ifExists().execute();
  await db.schema.dropTable('kb_collection').ifExists().execute();
  await db.schema.dropTable('kb_term').ifExists().execute();
}
