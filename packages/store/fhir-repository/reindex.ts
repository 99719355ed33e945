/**
 * The store's re-index path: rewrites the search-index rows of every live resource of one type from its stored
 * content with today's extraction (`extractIndexRows`, through the writers' own `queueIndexRows`), in batches
 * by id. Used when a search parameter is added or its extraction changes (migration 0004: Patient `pinyin` and
 * phone digits). Run it inside a transaction to make the swap atomic for readers (a migration is one).
 */
import { sql, type Kysely } from 'kysely';
import type { StoreTables } from '../tables.ts';
import { arrayLiteral, queueIndexRows, type Queue } from './index-rows-sql.ts';
import type { FhirResource } from './index-writer.ts';

const INDEX_TABLES = ['fhir_token', 'fhir_string', 'fhir_date', 'fhir_reference', 'fhir_quantity'] as const;

/** Re-indexes every live resource of `resourceType`; returns how many. */
export async function reindexResources(
  db: Kysely<StoreTables>,
  resourceType: string,
  batch = 500,
): Promise<number> {
  let after: string | undefined;
  let count = 0;
  for (;;) {
    const from = after === undefined ? sql`` : sql`and id > ${after}`;
    const { rows } = await sql<{ id: string; content: FhirResource }>`select id, content from fhir_resource
      where resource_type = ${resourceType} and not deleted and content is not null ${from}
      order by id limit ${batch}`.execute(db);
    if (rows.length === 0) break;
    const ids = arrayLiteral(rows.map((r) => r.id));
    // Old rows first (awaited), then the new ones: correct on a pool as well as on one connection.
    for (const table of INDEX_TABLES)
      await db
        .deleteFrom(table)
        .where('resource_type', '=', resourceType)
        .where('resource_id', '=', sql<string>`any(${ids}::text[])`)
        .execute();
    const pending: Promise<unknown>[] = [];
    const queue: Queue = (query) => {
      query.catch(() => undefined); // settled below
      pending.push(query);
    };
    queueIndexRows(
      db,
      rows.map((r) => ({ ...r.content, resourceType, id: r.id })),
      queue,
    );
    await Promise.all(pending);
    count += rows.length;
    after = rows[rows.length - 1]!.id;
    if (rows.length < batch) break;
  }
  return count;
}
