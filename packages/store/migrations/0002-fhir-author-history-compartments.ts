/**
 * Patient boundaries (issue 15 items 3 and 13):
 * - `fhir_resource.author`: who created the resource (`Patient/<id>` for a patient, `<kind>/<id>` for other
 *   principals), set on the first version and kept across versions. Existing rows get none: unknown author,
 *   which is never the patient's.
 * - `fhir_history.compartments`: the patients whose compartment each version was filed under, so history and
 *   vread can apply the compartment to every version. Backfilled from the stored content by the same
 *   extraction the writers use; a deletion carries the compartments of the version it deleted.
 */
import { sql, type Kysely } from 'kysely';
import { patientCompartmentIds } from '@qihuang/fhir';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time, not typed by today's schema
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await sql`alter table fhir_resource add column author text`.execute(db);
  await sql`alter table fhir_history add column compartments text[] not null default '{}'`.execute(db);
  await backfillHistoryCompartments(db);
  await sql`create index fhir_history_compartments on fhir_history using gin (compartments)`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await sql`drop index if exists fhir_history_compartments`.execute(db);
  await sql`alter table fhir_history drop column compartments`.execute(db);
  await sql`alter table fhir_resource drop column author`.execute(db);
}

/** Separator of patient ids inside one array element (ids are [A-Za-z0-9-.]); as in index-writer.ts. */
const SEP = '\u001f';

/**
 * Sets `fhir_history.compartments` of every version from its content, `batch` versions per statement (in key
 * order, so memory stays bounded however large the history), then gives each deletion the compartments of
 * the version before it.
 */
export async function backfillHistoryCompartments(db: AnyDb, batch = 1000): Promise<void> {
  let after: [string, string, number] | undefined;
  for (;;) {
    const from = after
      ? sql`where (resource_type, id, version_id) > (${after[0]}, ${after[1]}, ${after[2]}::bigint)`
      : sql``;
    const { rows } = await sql<{
      resource_type: string;
      id: string;
      version_id: number | string;
      content: { resourceType: string; id?: string } | null;
    }>`select resource_type, id, version_id, content from fhir_history ${from}
      order by resource_type, id, version_id limit ${batch}`.execute(db);
    if (rows.length === 0) break;
    const filed = rows.filter((r) => r.content);
    if (filed.length)
      await sql`update fhir_history h set compartments = string_to_array(x.p, ${SEP})
        from unnest(${filed.map((r) => r.resource_type)}::text[], ${filed.map((r) => r.id)}::text[],
          ${filed.map((r) => Number(r.version_id))}::bigint[],
          ${filed.map((r) => compartmentsOf(r.resource_type, r.id, r.content!).join(SEP))}::text[]) as x(t, i, v, p)
        where h.resource_type = x.t and h.id = x.i and h.version_id = x.v`.execute(db);
    const last = rows[rows.length - 1]!;
    after = [last.resource_type, last.id, Number(last.version_id)];
    if (rows.length < batch) break;
  }
  await sql`update fhir_history h set compartments = p.compartments from fhir_history p
    where h.deleted and p.resource_type = h.resource_type and p.id = h.id and p.version_id = h.version_id - 1`.execute(
    db,
  );
}

function compartmentsOf(type: string, id: string, content: { resourceType: string }): string[] {
  const ids = new Set(patientCompartmentIds({ ...content, resourceType: type, id }));
  if (type === 'Patient') ids.add(id);
  return [...ids];
}
