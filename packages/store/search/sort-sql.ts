/**
 * The page query of a search: which rows, in which order. Sorting is the expensive part (issue 15 item 4): a
 * sort key is a value in an index table (fhir_date, fhir_token, fhir_string, fhir_quantity), the lowest for
 * ascending and the highest for descending. A correlated `(select min(...))` per row let the planner turn each
 * min/max into a walk of the whole `(resource_type, param, value …)` index for every row (0.6 ms × rows × keys:
 * 10 s for three keys over the demo's 7,900 Observations). Instead:
 *
 *   1. `m`: the ids of the matching rows (the filters, answered from the index tables), materialised once;
 *   2. per key, a lateral min/max over the index table for each id of `m` (a probe of the
 *      `(resource_type, resource_id)` index; `group by` keeps the planner from the min/max rewrite), so the cost
 *      is a few index probes per match whatever the planner believes about row counts (PGlite never runs
 *      autovacuum, so its tables often have no statistics at all);
 *   3. sort the ids with their keys, keep the page (LIMIT/OFFSET), and only then read the page's rows
 *      (the content, often kilobytes of JSON, is read for the page only, not for every match).
 *
 * With no sort key, or only `_id` / `_lastUpdated` (columns of fhir_resource), the plain query is used: its
 * ORDER BY matches the `(resource_type, last_updated)` index, so the planner can stop after the page.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Filter, ParsedSearch, SortRule } from '@qihuang/fhir';

type Sql = RawBuilder<unknown>;

export interface SortKey extends SortRule {
  type: Filter['type'];
}

const INDEX_TABLE: Record<Filter['type'], string> = {
  token: 'fhir_token',
  uri: 'fhir_token',
  string: 'fhir_string',
  date: 'fhir_date',
  reference: 'fhir_reference',
  quantity: 'fhir_quantity',
  number: 'fhir_quantity',
};

function valueColumn(key: SortKey): string {
  if (key.type === 'date') return key.descending ? 'end_at' : 'start_at';
  if (key.type === 'token' || key.type === 'uri') return 'code';
  if (key.type === 'reference') return 'target_id';
  return 'value';
}

const isColumn = (param: string) => param === '_id' || param === '_lastUpdated';
const direction = (key: SortRule) => (key.descending ? sql`desc nulls last` : sql`asc nulls last`);

/**
 * `select <columns> from fhir_resource r where <where> order by … limit … offset …` for `search`, with `keys`
 * the sort rules typed from the search-parameter registry.
 */
export function pageQuery(search: ParsedSearch, keys: SortKey[], where: Sql, columns: Sql): Sql {
  if (keys.every((k) => isColumn(k.param))) {
    const order = keys.length
      ? sql.join(keys.map((k) => sql`${k.param === '_id' ? sql`r.id` : sql`r.last_updated`} ${direction(k)}`))
      : sql`r.last_updated desc`;
    return sql`select ${columns} from fhir_resource r where ${where}
      order by ${order}, r.id limit ${search.count} offset ${search.offset}`;
  }
  const joins: Sql[] = [];
  const pageColumns: Sql[] = [sql`m.id`, sql`m.last_updated`];
  const order: { inner: Sql; outer: Sql }[] = [];
  keys.forEach((key, i) => {
    const alias = `k${i}`;
    if (isColumn(key.param)) {
      const column = key.param === '_id' ? 'id' : 'last_updated';
      order.push({
        inner: sql`${sql.ref(`m.${column}`)} ${direction(key)}`,
        outer: sql`${sql.ref(`page.${column}`)} ${direction(key)}`,
      });
      return;
    }
    const table = INDEX_TABLE[key.type];
    const agg = key.descending ? sql`max` : sql`min`;
    // `group by` keeps the planner from turning min/max into an ordered walk of the (type, param, value …)
    // index (what made the old per-row subquery slow); the probe uses the (resource_type, resource_id) index.
    joins.push(sql`left join lateral (
      select ${agg}(${sql.ref(`s.${valueColumn(key)}`)}) as v from ${sql.table(table)} s
      where s.resource_type = ${search.resourceType} and s.resource_id = m.id and s.param = ${key.param}
      group by s.resource_id) ${sql.id(alias)} on true`);
    pageColumns.push(sql`${sql.ref(`${alias}.v`)} as ${sql.id(alias)}`);
    order.push({
      inner: sql`${sql.ref(`${alias}.v`)} ${direction(key)}`,
      outer: sql`${sql.ref(`page.${alias}`)} ${direction(key)}`,
    });
  });
  return sql`with m as materialized (select r.id, r.last_updated from fhir_resource r where ${where}),
    page as (
      select ${sql.join(pageColumns)} from m ${sql.join(joins, sql` `)}
      order by ${sql.join([...order.map((o) => o.inner), sql`m.id`])} limit ${search.count} offset ${search.offset})
    select ${columns} from page join fhir_resource r on r.resource_type = ${search.resourceType} and r.id = page.id
    order by ${sql.join([...order.map((o) => o.outer), sql`page.id`])}`;
}
