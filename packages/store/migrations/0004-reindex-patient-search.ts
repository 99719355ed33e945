/**
 * Issue 20, finding a patient the way a hospital's staff do: Patients gained the `pinyin` search parameter
 * (https://qihuang.dev/fhir/SearchParameter/Patient-pinyin) and the `phone` parameter now also indexes each
 * number as digits. New writes are indexed as they are written; this re-indexes the Patients stored before
 * (demo data included) through the store's re-index path.
 */
import type { Kysely } from 'kysely';
import { reindexResources } from '../fhir-repository/reindex.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time, not typed by today's schema
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await reindexResources(db, 'Patient');
}

/** Index rows only: the next write or re-index rebuilds them; nothing to undo. */
export async function down(): Promise<void> {}
