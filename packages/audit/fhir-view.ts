/**
 * The FHIR view of the audit trail: entries as R4 AuditEvent resources, a search over the indexed columns
 * (mounted by the server under GET /fhir/R4/AuditEvent) and an NDJSON export.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { AuditAction } from '@qihuang/contracts';
import { QihuangError } from '@qihuang/contracts';
import { rowToEntry, type AuditEntry, type AuditEntryRow } from './audit-log.ts';
import { auditDb, type AnyKysely } from './tables.ts';

const QH = 'https://qihuang.dev/fhir';
const DCM = 'http://dicom.nema.org/resources/ontology/DCM';
const REST = 'http://hl7.org/fhir/restful-interaction';
const EVENT_TYPE = 'http://terminology.hl7.org/CodeSystem/audit-event-type';

type Coding = { system: string; code: string; display?: string };

/** AuditEvent.action (C/R/U/D/E) and type/subtype per internal action. */
export const ACTION_CODES: Record<
  AuditAction,
  { code: 'C' | 'R' | 'U' | 'D' | 'E'; type: Coding; subtype: Coding }
> = {
  read: {
    code: 'R',
    type: { system: EVENT_TYPE, code: 'rest', display: 'RESTful Operation' },
    subtype: { system: REST, code: 'read' },
  },
  vread: {
    code: 'R',
    type: { system: EVENT_TYPE, code: 'rest', display: 'RESTful Operation' },
    subtype: { system: REST, code: 'vread' },
  },
  search: {
    code: 'E',
    type: { system: EVENT_TYPE, code: 'rest', display: 'RESTful Operation' },
    subtype: { system: REST, code: 'search-type' },
  },
  history: {
    code: 'R',
    type: { system: EVENT_TYPE, code: 'rest', display: 'RESTful Operation' },
    subtype: { system: REST, code: 'history-instance' },
  },
  create: {
    code: 'C',
    type: { system: EVENT_TYPE, code: 'rest', display: 'RESTful Operation' },
    subtype: { system: REST, code: 'create' },
  },
  update: {
    code: 'U',
    type: { system: EVENT_TYPE, code: 'rest', display: 'RESTful Operation' },
    subtype: { system: REST, code: 'update' },
  },
  delete: {
    code: 'D',
    type: { system: EVENT_TYPE, code: 'rest', display: 'RESTful Operation' },
    subtype: { system: REST, code: 'delete' },
  },
  operation: {
    code: 'E',
    type: { system: EVENT_TYPE, code: 'rest', display: 'RESTful Operation' },
    subtype: { system: REST, code: 'operation' },
  },
  transaction: {
    code: 'E',
    type: { system: EVENT_TYPE, code: 'rest', display: 'RESTful Operation' },
    subtype: { system: REST, code: 'transaction' },
  },
  login: {
    code: 'E',
    type: { system: DCM, code: '110114', display: 'User Authentication' },
    subtype: { system: DCM, code: '110122', display: 'Login' },
  },
  logout: {
    code: 'E',
    type: { system: DCM, code: '110114', display: 'User Authentication' },
    subtype: { system: DCM, code: '110123', display: 'Logout' },
  },
  admin: {
    code: 'E',
    type: { system: DCM, code: '110136', display: 'Security Roles Changed' },
    subtype: { system: `${QH}/CodeSystem/audit-action`, code: 'admin' },
  },
  'model-call': {
    code: 'E',
    type: { system: `${QH}/CodeSystem/audit-action`, code: 'model-call', display: 'Model call' },
    subtype: { system: `${QH}/CodeSystem/audit-action`, code: 'model-call' },
  },
  export: {
    code: 'R',
    type: { system: DCM, code: '110106', display: 'Export' },
    subtype: { system: `${QH}/CodeSystem/audit-action`, code: 'export' },
  },
  'cds-feedback': {
    code: 'C',
    type: { system: `${QH}/CodeSystem/audit-action`, code: 'cds-feedback', display: 'CDS feedback' },
    subtype: { system: `${QH}/CodeSystem/audit-action`, code: 'cds-feedback' },
  },
};

export type AuditEventResource = Record<string, unknown> & { resourceType: 'AuditEvent'; id: string };

/** One audit entry as an R4 AuditEvent. id = the sequence number. */
export function toAuditEvent(entry: AuditEntry): AuditEventResource {
  const codes = ACTION_CODES[entry.action as AuditAction] ?? {
    code: 'E' as const,
    type: { system: `${QH}/CodeSystem/audit-action`, code: entry.action },
    subtype: { system: `${QH}/CodeSystem/audit-action`, code: entry.action },
  };
  const entities: Record<string, unknown>[] = [];
  if (entry.resourceType || entry.query) {
    entities.push({
      ...(entry.resourceType
        ? {
            what: {
              reference: entry.resourceId ? `${entry.resourceType}/${entry.resourceId}` : entry.resourceType,
            },
          }
        : {}),
      type: {
        system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type',
        code: '2',
        display: 'System Object',
      },
      ...(entry.query ? { query: Buffer.from(entry.query, 'utf8').toString('base64') } : {}),
    });
  }
  for (const patientId of entry.patientIds) {
    entities.push({
      what: { reference: `Patient/${patientId}` },
      type: {
        system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type',
        code: '1',
        display: 'Person',
      },
      role: { system: 'http://terminology.hl7.org/CodeSystem/object-role', code: '1', display: 'Patient' },
    });
  }
  const extension: Record<string, unknown>[] = [
    { url: `${QH}/StructureDefinition/audit-sequence`, valueInteger: entry.seq },
    { url: `${QH}/StructureDefinition/audit-hash`, valueString: entry.hash },
    { url: `${QH}/StructureDefinition/audit-previous-hash`, valueString: entry.prevHash },
    { url: `${QH}/StructureDefinition/request-id`, valueString: entry.requestId },
  ];
  if (entry.detail)
    extension.push({ url: `${QH}/StructureDefinition/audit-detail`, valueString: entry.detail });
  return {
    resourceType: 'AuditEvent',
    id: String(entry.seq),
    extension,
    type: codes.type,
    subtype: [codes.subtype],
    action: codes.code,
    recorded: entry.recorded,
    outcome: entry.outcome === 'success' ? '0' : '4',
    agent: [
      {
        type: {
          coding: [
            entry.principalKind === 'user'
              ? {
                  system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
                  code: 'IRCP',
                  display: 'information recipient',
                }
              : { system: DCM, code: '110150', display: 'Application' },
          ],
        },
        role: [{ coding: [{ system: `${QH}/CodeSystem/role`, code: entry.role }] }],
        who: {
          identifier: { system: `${QH}/principal/${entry.principalKind}`, value: entry.principalId },
          display: entry.username,
        },
        altId: entry.username,
        requestor: true,
        ...(entry.clientAddress ? { network: { address: entry.clientAddress, type: '2' } } : {}),
      },
    ],
    source: {
      observer: { display: 'Qihuang' },
      type: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/security-source-type',
          code: '4',
          display: 'Application Server',
        },
      ],
    },
    ...(entities.length ? { entity: entities } : {}),
  };
}

export interface AuditSearchFilters {
  /** Patient id or `Patient/id`. */
  patient?: string;
  /** Principal id or username. */
  agent?: string;
  /** Inclusive lower bound (instant). */
  dateFrom?: Date | string;
  /** Inclusive upper bound (instant). */
  dateTo?: Date | string;
  /** Exclusive lower bound (`gt`). */
  dateAfter?: Date | string;
  /** Exclusive upper bound (`lt`). */
  dateBefore?: Date | string;
  /** FHIR action code (C/R/U/D/E) or an internal action name (login, read, …). Several: comma-separated. */
  action?: string;
}

export interface AuditSearchOptions extends AuditSearchFilters {
  count: number;
  offset: number;
}

function instant(value: Date | string, name: string): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new QihuangError('invalid-input', `${name}: not a date "${String(value)}"`);
  return date;
}

/**
 * FHIR `date` search values with prefixes (eq, ge, le, gt, lt; partial dates 2026, 2026-03, 2026-03-01, or
 * full instants) to the filter bounds.
 */
export function parseAuditDateParams(
  values: readonly string[],
): Pick<AuditSearchFilters, 'dateFrom' | 'dateTo' | 'dateAfter' | 'dateBefore'> {
  const out: ReturnType<typeof parseAuditDateParams> = {};
  for (const raw of values) {
    const match = /^(eq|ge|le|gt|lt)?(\d{4}(?:-\d{2}(?:-\d{2}(?:T.+)?)?)?)$/.exec(raw.trim());
    if (!match) throw new QihuangError('invalid-input', `date: cannot read "${raw}"`);
    const prefix = match[1] ?? 'eq';
    const text = match[2] ?? '';
    const { start, end } = dateRange(text);
    // start inclusive, end exclusive
    if (prefix === 'eq') {
      out.dateFrom = start;
      out.dateBefore = end;
    } else if (prefix === 'ge') out.dateFrom = start;
    else if (prefix === 'gt') out.dateFrom = end;
    else if (prefix === 'le') out.dateBefore = end;
    else out.dateBefore = start;
  }
  return out;
}

function dateRange(text: string): { start: Date; end: Date } {
  if (text.includes('T')) {
    const at = instant(text, 'date');
    return { start: at, end: new Date(at.getTime() + 1) };
  }
  const [y, m, d] = text.split('-').map(Number) as [number, number?, number?];
  const start = new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1));
  const end =
    d !== undefined
      ? new Date(Date.UTC(y, (m ?? 1) - 1, d + 1))
      : m !== undefined
        ? new Date(Date.UTC(y, m, 1))
        : new Date(Date.UTC(y + 1, 0, 1));
  if (Number.isNaN(start.getTime())) throw new QihuangError('invalid-input', `date: cannot read "${text}"`);
  return { start, end };
}

function actionNames(action: string): string[] {
  const names = new Set<string>();
  for (const part of action
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (/^[CRUDE]$/.test(part)) {
      for (const [name, codes] of Object.entries(ACTION_CODES)) if (codes.code === part) names.add(name);
    } else if (part in ACTION_CODES) names.add(part);
    else
      throw new QihuangError('invalid-input', `action: unknown "${part}" (C, R, U, D, E or an action name)`);
  }
  return [...names];
}

function conditions(filters: AuditSearchFilters): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [];
  if (filters.patient) {
    const id = filters.patient.startsWith('Patient/') ? filters.patient.slice(8) : filters.patient;
    where.push(sql<SqlBool>`patient_ids @> array[${id}]::text[]`);
  }
  if (filters.agent) {
    where.push(sql<SqlBool>`(principal_id = ${filters.agent} or username = ${filters.agent})`);
  }
  if (filters.dateFrom) where.push(sql<SqlBool>`recorded_at >= ${instant(filters.dateFrom, 'dateFrom')}`);
  if (filters.dateTo) where.push(sql<SqlBool>`recorded_at <= ${instant(filters.dateTo, 'dateTo')}`);
  if (filters.dateAfter) where.push(sql<SqlBool>`recorded_at > ${instant(filters.dateAfter, 'dateAfter')}`);
  if (filters.dateBefore)
    where.push(sql<SqlBool>`recorded_at < ${instant(filters.dateBefore, 'dateBefore')}`);
  if (filters.action) {
    const names = actionNames(filters.action);
    where.push(names.length ? sql<SqlBool>`action = any(${names}::text[])` : sql<SqlBool>`false`);
  }
  return where;
}

const whereClause = (where: Expression<SqlBool>[]) =>
  where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``;

/** Newest first. */
export async function searchAuditEvents(
  db: AnyKysely,
  options: AuditSearchOptions,
): Promise<{ total: number; resources: AuditEventResource[] }> {
  const where = whereClause(conditions(options));
  const count = Math.max(0, Math.min(1000, Math.floor(options.count)));
  const offset = Math.max(0, Math.floor(options.offset));
  const adb = auditDb(db);
  const [totalResult, rows] = await Promise.all([
    sql<{ n: number }>`select count(*)::int as n from audit_entry ${where}`.execute(adb),
    count === 0
      ? Promise.resolve({ rows: [] as AuditEntryRow[] })
      : sql<AuditEntryRow>`select * from audit_entry ${where} order by seq desc limit ${count} offset ${offset}`.execute(
          adb,
        ),
  ]);
  return {
    total: Number(totalResult.rows[0]?.n ?? 0),
    resources: rows.rows.map((row) => toAuditEvent(rowToEntry(row))),
  };
}

/**
 * Writes matching entries, oldest first, as NDJSON lines of AuditEvent resources (keyset pagination; the
 * writer may be async for back-pressure). Returns the number of lines.
 */
export async function exportAuditNdjson(
  db: AnyKysely,
  filters: AuditSearchFilters & { since?: Date | string },
  write: (line: string) => void | Promise<void>,
): Promise<number> {
  const base = conditions({ ...filters, dateFrom: filters.dateFrom ?? filters.since });
  let after = 0;
  let lines = 0;
  for (;;) {
    const { rows } = await sql<AuditEntryRow>`
      select * from audit_entry ${whereClause([...base, sql<SqlBool>`seq > ${after}`])}
      order by seq limit 1000`.execute(db);
    for (const row of rows) {
      await write(`${JSON.stringify(toAuditEvent(rowToEntry(row)))}\n`);
      lines++;
      after = Number(row.seq);
    }
    if (rows.length < 1000) return lines;
  }
}
