/**
 * Patient-recorded values (docs/decisions/0003, "Patient-recorded values"): since this release every version a
 * patient writes carries the tag `urn:qihuang:recorded-by|patient`, and such values drive no clinical
 * calculation until a clinician confirms them. Rows stored before carry no tag, so a creatinine a patient entered
 * last month would still count. This migration stamps the current version of every live resource whose recorded
 * author is a patient (`fhir_resource.author` = `Patient/<id>`), and the matching history version, with the same
 * function the writers use. Before this release the author column held the creator and was kept across versions,
 * so a patient-created value a clinician later corrected is stamped too: it shows as unconfirmed until a
 * clinician saves it again — the safe direction (a patient's value never silently drives a dose).
 * Rows without an author (stored before authors were recorded) are left alone: their writer is unknown.
 */
import { sql, type Kysely } from 'kysely';
import { stampRecordedBy } from '@qihuang/fhir';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time, not typed by today's schema
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, batch = 500): Promise<void> {
  let after: [string, string] | undefined;
  for (;;) {
    const from = after ? sql`and (resource_type, id) > (${after[0]}, ${after[1]})` : sql``;
    const { rows } = await sql<{
      resource_type: string;
      id: string;
      version_id: number | string;
      content: Record<string, unknown> & { meta?: Record<string, unknown> };
    }>`select resource_type, id, version_id, content from fhir_resource
      where author like 'Patient/%' and not deleted and content is not null ${from}
      order by resource_type, id limit ${batch}`.execute(db);
    if (rows.length === 0) break;
    const changed = rows
      .map((r) => ({ r, stamped: stampRecordedBy(r.content, 'Patient/') }))
      .filter(({ r, stamped }) => stamped !== r.content);
    if (changed.length) {
      const types = changed.map(({ r }) => r.resource_type);
      const ids = changed.map(({ r }) => r.id);
      const versions = changed.map(({ r }) => Number(r.version_id));
      const contents = changed.map(({ stamped }) => JSON.stringify(stamped));
      await sql`update fhir_resource f set content = x.c::jsonb
        from unnest(${types}::text[], ${ids}::text[], ${contents}::text[]) as x(t, i, c)
        where f.resource_type = x.t and f.id = x.i`.execute(db);
      await sql`update fhir_history h set content = x.c::jsonb
        from unnest(${types}::text[], ${ids}::text[], ${versions}::bigint[], ${contents}::text[]) as x(t, i, v, c)
        where h.resource_type = x.t and h.id = x.i and h.version_id = x.v`.execute(db);
    }
    const last = rows[rows.length - 1]!;
    after = [last.resource_type, last.id];
    if (rows.length < batch) break;
  }
}

/** The tag is content, not schema: nothing to undo (a re-save by a clinician removes it). */
export async function down(): Promise<void> {}
