/**
 * Turns parsed FHIR search filters into SQL conditions over `fhir_resource r`, each answered from an index
 * table (fhir_token, fhir_string, fhir_date, fhir_reference, fhir_quantity) — never by scanning JSON.
 * Every value is a bound parameter.
 *
 * Date semantics (row range [rs, re), value range [vs, ve), both end-exclusive; FHIR R4 §3.1.1.4.2,
 * simplified as most servers do):
 *   eq: rs >= vs and re <= ve   ne: not eq   gt: re > ve   lt: rs < vs   ge: gt or eq   le: lt or eq
 *   sa: rs >= ve   eb: re <= vs   ap: ranges overlap (the 10 % widening of the spec is not applied)
 * (the same table as packages/fhir/README.md)
 */
import { sql, type RawBuilder } from 'kysely';
import { QihuangError } from '@qihuang/contracts';
import type { DatePrefix, Filter } from '@qihuang/fhir';

type Condition = RawBuilder<unknown>;

const or = (parts: Condition[]): Condition =>
  parts.length === 1 ? parts[0]! : sql`(${sql.join(parts, sql` or `)})`;

function dateCondition(prefix: DatePrefix, rs: Condition, re: Condition, vs: string, ve: string): Condition {
  switch (prefix) {
    case 'eq':
      return sql`(${rs} >= ${vs}::timestamptz and ${re} <= ${ve}::timestamptz)`;
    case 'ne':
      return sql`not (${rs} >= ${vs}::timestamptz and ${re} <= ${ve}::timestamptz)`;
    case 'gt':
      return sql`${re} > ${ve}::timestamptz`;
    case 'lt':
      return sql`${rs} < ${vs}::timestamptz`;
    case 'ge':
      return sql`(${re} > ${ve}::timestamptz or (${rs} >= ${vs}::timestamptz and ${re} <= ${ve}::timestamptz))`;
    case 'le':
      return sql`(${rs} < ${vs}::timestamptz or (${rs} >= ${vs}::timestamptz and ${re} <= ${ve}::timestamptz))`;
    case 'sa':
      return sql`${rs} >= ${ve}::timestamptz`;
    case 'eb':
      return sql`${re} <= ${vs}::timestamptz`;
    case 'ap':
      return sql`(${rs} < ${ve}::timestamptz and ${re} > ${vs}::timestamptz)`;
  }
}

/** Half a unit of the last significant digit: `5.4` matches [5.35, 5.45) (FHIR implicit precision). */
function precisionHalfWidth(value: number): number {
  const text = String(value);
  const decimals = text.includes('.') ? text.split('.')[1]!.length : 0;
  return 0.5 * 10 ** -decimals;
}

function numberCondition(prefix: DatePrefix, column: Condition, value: number): Condition {
  const half = precisionHalfWidth(value);
  switch (prefix) {
    case 'eq':
    case 'ap':
      return sql`(${column} >= ${value - half} and ${column} < ${value + half})`;
    case 'ne':
      return sql`not (${column} >= ${value - half} and ${column} < ${value + half})`;
    case 'gt':
    case 'sa':
      return sql`${column} > ${value}`;
    case 'lt':
    case 'eb':
      return sql`${column} < ${value}`;
    case 'ge':
      return sql`${column} >= ${value}`;
    case 'le':
      return sql`${column} <= ${value}`;
  }
}

const owner = (table: string) =>
  sql`${sql.ref(`${table}.resource_type`)} = r.resource_type and ${sql.ref(`${table}.resource_id`)} = r.id`;

function exists(table: string, param: string, condition: Condition): Condition {
  return sql`exists (select 1 from ${sql.table(table)} where ${owner(table)} and ${sql.ref(`${table}.param`)} = ${param} and ${condition})`;
}

const SUPPORTED_MODIFIERS: Record<Filter['type'], (string | undefined)[]> = {
  token: [undefined, 'missing', 'not'],
  string: [undefined, 'missing', 'exact', 'contains'],
  date: [undefined, 'missing'],
  reference: [undefined, 'missing'],
  quantity: [undefined, 'missing'],
  number: [undefined, 'missing'],
  uri: [undefined, 'missing'],
};

export function filterCondition(filter: Filter): Condition {
  if (!SUPPORTED_MODIFIERS[filter.type].includes(filter.modifier)) {
    // Never silently ignore a modifier: an unsupported one would widen the search.
    throw new QihuangError(
      'invalid-input',
      `The modifier :${filter.modifier} is not supported for ${filter.param} (${filter.type})`,
      {
        issues: [
          {
            severity: 'error',
            code: 'not-supported',
            message: `modifier :${filter.modifier} is not supported`,
            expression: [filter.param],
          },
        ],
      },
    );
  }
  if (filter.modifier === 'missing') {
    if (filter.param === '_id' || filter.param === '_lastUpdated')
      return sql`${filter.missing ? sql`false` : sql`true`}`;
    const table = tableFor(filter.type);
    const present = exists(table, filter.param, sql`true`);
    return filter.missing ? sql`not ${present}` : present;
  }
  if (filter.param === '_id' && filter.type === 'token') {
    const ids = filter.values.map((v) => v.code).filter((c): c is string => typeof c === 'string');
    return ids.length ? sql`r.id = any(${ids}::text[])` : sql`false`;
  }
  if (filter.param === '_lastUpdated' && filter.type === 'date') {
    return or(
      filter.values.map((v) =>
        dateCondition(
          v.prefix,
          sql`r.last_updated`,
          sql`r.last_updated + interval '1 millisecond'`,
          v.start,
          v.end,
        ),
      ),
    );
  }
  switch (filter.type) {
    case 'token': {
      const t = 'fhir_token';
      const matches = filter.values.map((v) => {
        const parts: Condition[] = [];
        if (v.code !== undefined) parts.push(sql`${sql.ref(`${t}.code`)} = ${v.code}`);
        if (v.system === null) parts.push(sql`${sql.ref(`${t}.system`)} is null`);
        else if (v.system !== undefined) parts.push(sql`${sql.ref(`${t}.system`)} = ${v.system}`);
        return parts.length ? sql`(${sql.join(parts, sql` and `)})` : sql`true`;
      });
      const condition = exists(t, filter.param, or(matches));
      return filter.modifier === 'not' ? sql`not ${condition}` : condition;
    }
    case 'string': {
      const t = 'fhir_string';
      const matches = filter.values.map((v) => {
        if (filter.modifier === 'exact') return sql`${sql.ref(`${t}.value`)} = ${v.value}`;
        if (filter.modifier === 'contains')
          return sql`${sql.ref(`${t}.value`)} like ${'%' + escapeLike(v.value) + '%'}`;
        return sql`${sql.ref(`${t}.value`)} like ${escapeLike(v.value) + '%'}`;
      });
      return exists(t, filter.param, or(matches));
    }
    case 'date': {
      const t = 'fhir_date';
      return exists(
        t,
        filter.param,
        or(
          filter.values.map((v) =>
            dateCondition(v.prefix, sql.ref(`${t}.start_at`), sql.ref(`${t}.end_at`), v.start, v.end),
          ),
        ),
      );
    }
    case 'reference': {
      const t = 'fhir_reference';
      const matches = filter.values.map((v) => {
        const parts: Condition[] = [];
        const id = v.id ?? v.url;
        if (id !== undefined) parts.push(sql`${sql.ref(`${t}.target_id`)} = ${id}`);
        if (v.targetType) parts.push(sql`${sql.ref(`${t}.target_type`)} = ${v.targetType}`);
        return parts.length ? sql`(${sql.join(parts, sql` and `)})` : sql`true`;
      });
      return exists(t, filter.param, or(matches));
    }
    case 'quantity': {
      const t = 'fhir_quantity';
      const matches = filter.values.map((v) => {
        const parts: Condition[] = [numberCondition(v.prefix, sql.ref(`${t}.value`), v.value)];
        if (v.code !== undefined) parts.push(sql`${sql.ref(`${t}.code`)} = ${v.code}`);
        if (v.system !== undefined && v.system !== null)
          parts.push(sql`${sql.ref(`${t}.system`)} = ${v.system}`);
        return sql`(${sql.join(parts, sql` and `)})`;
      });
      return exists(t, filter.param, or(matches));
    }
    case 'number': {
      const t = 'fhir_quantity';
      return exists(
        t,
        filter.param,
        or(filter.values.map((v) => numberCondition(v.prefix, sql.ref(`${t}.value`), v.value))),
      );
    }
    case 'uri': {
      const t = 'fhir_token';
      return exists(t, filter.param, or(filter.values.map((v) => sql`${sql.ref(`${t}.code`)} = ${v.value}`)));
    }
    default: {
      const unknown: never = filter;
      throw new QihuangError(
        'invalid-input',
        `Unsupported search parameter type in ${JSON.stringify(unknown)}`,
      );
    }
  }
}

function tableFor(type: Filter['type']): string {
  switch (type) {
    case 'token':
    case 'uri':
      return 'fhir_token';
    case 'string':
      return 'fhir_string';
    case 'date':
      return 'fhir_date';
    case 'reference':
      return 'fhir_reference';
    case 'quantity':
    case 'number':
      return 'fhir_quantity';
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
