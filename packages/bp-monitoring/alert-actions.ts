/**
 * Closing an alert (危急值闭环): only with a recorded action — who contacted the patient, when, how, and what
 * was done. The Flag becomes inactive and the action is kept as FHIR: a completed `Task` (the follow-up), a
 * `Communication` (the contact with the patient) and a `Provenance` naming the person who recorded it, in one
 * transaction; the person's own audit entry records the closing. A request without a complete action is a 400
 * and changes nothing. Acknowledging is closing: there is no acknowledgement without an action. A contact that did
 * not reach the patient closes a critical or same-day alert only with a recorded hand-over; else it is recorded as
 * an attempt and the alert stays open (alert-attempts.ts, decision 0026).
 */
import { QihuangError, SYSTEM_PRINCIPAL, type RequestContext } from '@qihuang/contracts';
import { processTransaction, type FhirRepository, type FhirResource } from '@qihuang/store';
import { sql } from 'kysely';
import { iso, noticeOf } from './alert-notices.ts';
import { DEFAULT_TIME_ZONE, zoneOffsets } from './local-time.ts';
import { ACK_EXTENSION, ALERT_CODE_SYSTEM, fromFlag, type StoredAlert } from './alerts-store.ts';
import { isOnlyAnAttempt, recordAttempt } from './alert-attempts.ts';
import { authorProvenance } from './author-provenance.ts';
import {
  CONTACT_METHODS,
  HANDOVERS,
  type AlertAction,
  type ContactMethod,
  type Handover,
} from './api-types/index.ts';

export { CONTACT_METHODS, HANDOVERS, type AlertAction, type ContactMethod, type Handover };

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Clock skew allowed between the recording device and the server, either way (operational choice). */
export const CLOCK_SKEW_MS = 5 * 60_000;
const minuteOf = (ms: number): number => ms - (((ms % 60_000) + 60_000) % 60_000);

/** What the contact time is checked against: the alert's (earliest) reading and when the alert was raised. */
export interface ActionBounds {
  readingAt?: string;
  raisedAt?: string;
}

/** The caller's language and the hospital's zone: refusals speak the one and show times in the other. */
export interface ActionLocale {
  language?: 'zh-CN' | 'en';
  timeZone?: string;
}

const FIELD_ZH: Record<string, string> = {
  contactedBy: '联系人',
  contactedAt: '联系时间',
  action: '处置措施',
  method: '联系方式',
  patientReached: '是否联系到患者',
  handover: '转交方式',
};

/**
 * Checks the body; every missing or malformed field is named in the 400 with what is wrong, in the caller's
 * language, times in the hospital's zone. The contact time cannot be before the reading the alert is about, nor
 * (beyond the clock skew) before the alert or in the future.
 */
export function parseAlertAction(
  body: unknown,
  now: string,
  bounds: ActionBounds = {},
  locale: ActionLocale = {},
): AlertAction {
  const zh = locale.language === 'zh-CN';
  const zone = locale.timeZone ?? DEFAULT_TIME_ZONE;
  const offsetAt = zoneOffsets(zone);
  const local = (t: string) => {
    const ms = Date.parse(t);
    return `${new Date(ms + offsetAt(ms) * 60_000).toISOString().slice(0, 16).replace('T', ' ')}${zh ? `（${zone}）` : ` (${zone})`}`;
  };
  const name = (field: string) => (zh ? (FIELD_ZH[field] ?? field) : field);
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const issues: { field: string; message: string }[] = [];
  const text = (field: string, max: number) => {
    const v = b[field];
    if (typeof v !== 'string' || v.trim() === '')
      issues.push({ field, message: zh ? `请填写${name(field)}` : `${field} is required` });
    else if (v.trim().length < 2)
      issues.push({
        field,
        message: zh ? `${name(field)}太短（至少 2 个字）` : `${field} is too short (at least 2 characters)`,
      });
    else if (v.length > max)
      issues.push({
        field,
        message: zh ? `${name(field)}超过 ${max} 个字` : `${field} is longer than ${max} characters`,
      });
    return typeof v === 'string' ? v.trim() : '';
  };
  const contactedBy = text('contactedBy', 200);
  const action = text('action', 2000);
  const contactedAt = typeof b.contactedAt === 'string' ? b.contactedAt : '';
  if (!DATE_TIME.test(contactedAt) || Number.isNaN(Date.parse(contactedAt)))
    issues.push({
      field: 'contactedAt',
      message: zh ? '联系时间须为带时区的日期时间' : 'contactedAt must be a date-time with its offset',
    });
  else if (Date.parse(contactedAt) > Date.parse(now) + CLOCK_SKEW_MS)
    issues.push({
      field: 'contactedAt',
      message: zh
        ? `联系时间 ${local(contactedAt)}晚于现在 ${local(now)}`
        : `contactedAt (${local(contactedAt)}) is in the future (now ${local(now)})`,
    });
  // A contact time is entered to the minute (the form's time field), a reading is stored to the second: a contact
  // in the reading's own minute is not before it.
  else if (bounds.readingAt && Date.parse(contactedAt) < minuteOf(Date.parse(bounds.readingAt)))
    issues.push({
      field: 'contactedAt',
      message: zh
        ? `联系时间 ${local(contactedAt)}早于该警报的读数测量时间 ${local(bounds.readingAt)}`
        : `contactedAt (${local(contactedAt)}) is before the reading the alert is about (measured ${local(bounds.readingAt)})`,
    });
  else if (bounds.raisedAt && Date.parse(contactedAt) < Date.parse(bounds.raisedAt) - CLOCK_SKEW_MS)
    issues.push({
      field: 'contactedAt',
      message: zh
        ? `联系时间 ${local(contactedAt)}早于警报发出时间 ${local(bounds.raisedAt)}`
        : `contactedAt (${local(contactedAt)}) is before the alert was raised (${local(bounds.raisedAt)})`,
    });
  if (!CONTACT_METHODS.includes(b.method as ContactMethod))
    issues.push({
      field: 'method',
      message: zh
        ? `联系方式须为以下之一：${CONTACT_METHODS.join('、')}`
        : `method must be one of ${CONTACT_METHODS.join(', ')}`,
    });
  if (typeof b.patientReached !== 'boolean')
    issues.push({
      field: 'patientReached',
      message: zh ? '请选择是否联系到患者' : 'patientReached must be true or false',
    });
  if (b.handover !== undefined && !HANDOVERS.includes(b.handover as Handover))
    issues.push({
      field: 'handover',
      message: zh
        ? `转交方式须为已派救护车（ambulance）或已转急诊（emergency-department）`
        : `handover must be one of ${HANDOVERS.join(', ')}`,
    });
  if (issues.length)
    throw new QihuangError(
      'invalid-input',
      zh
        ? `关闭警报须记录处置措施：${issues.map((i) => i.message).join('；')}`
        : `An alert is closed only with the action taken: ${issues.map((i) => i.message).join('; ')}`,
      {
        issues: issues.map((i) => ({
          severity: 'error' as const,
          code: 'required',
          message: i.message,
          expression: [i.field],
        })),
      },
    );
  return {
    contactedBy,
    contactedAt,
    method: b.method as ContactMethod,
    patientReached: b.patientReached as boolean,
    action,
    ...(b.handover !== undefined ? { handover: b.handover as Handover } : {}),
  };
}

/** Closes an active alert with the recorded action; answers the alert as it now is. */
export async function closeAlert(
  repo: FhirRepository,
  ctx: RequestContext,
  id: string,
  body: unknown,
  now: string,
  locale: ActionLocale = {},
): Promise<StoredAlert> {
  // The care team, or a hospital system acting for it (service principal, e.g. a call-centre integration).
  if (!['clinician', 'nurse', 'admin', 'service'].includes(ctx.principal.role))
    throw new QihuangError('forbidden', 'Alerts are closed by the care team (clinician, nurse)');
  parseAlertAction(body, now, {}, locale); // the body's own faults first, before the alert is read
  const flag = await repo.read(ctx, 'Flag', id);
  if ((flag.code as { coding?: { system?: string }[] }).coding?.[0]?.system !== ALERT_CODE_SYSTEM)
    throw new QihuangError('not-found', `Alert ${id} is not known`);
  if (flag.status !== 'active') throw new QihuangError('version-conflict', `Alert ${id} is closed already`);
  const notice = await noticeOf(repo, id);
  const raisedAt = iso(notice?.raised_at) ?? (flag.period as { start?: string } | undefined)?.start;
  const readingAt = iso(notice?.reading_at);
  const action = parseAlertAction(
    body,
    now,
    {
      ...(readingAt ? { readingAt } : {}),
      ...(raisedAt ? { raisedAt } : {}),
    },
    locale,
  );
  // Not reached and not handed over: an attempt, recorded; the alert stays open (decision 0026).
  if (isOnlyAnAttempt(flag, action)) return recordAttempt(repo, ctx, flag, action, now);
  const patient = String((flag.subject as { reference?: string }).reference ?? '');
  const patientId = patient.replace(/^Patient\//, '');
  const who = `${ctx.principal.kind}/${ctx.principal.username}`;
  const acknowledged = { by: ctx.principal.username, at: now, ...action };
  const updated: FhirResource = {
    ...flag,
    status: 'inactive',
    period: { ...(flag.period as object), end: now },
    extension: [
      ...((flag.extension as { url: string }[] | undefined) ?? []).filter((e) => e.url !== ACK_EXTENSION),
      { url: ACK_EXTENSION, valueString: JSON.stringify(acknowledged) },
    ],
  };
  const task: FhirResource = {
    resourceType: 'Task',
    id: `cv-task-${id}`,
    status: 'completed',
    intent: 'order',
    priority: 'stat',
    code: {
      coding: [{ system: 'urn:qihuang:bp-alert-action', code: 'alert-follow-up' }],
      text: 'BP alert follow-up',
    },
    focus: { reference: `Flag/${id}` },
    for: { reference: patient },
    authoredOn: now,
    lastModified: now,
    executionPeriod: {
      start: (flag.period as { start?: string } | undefined)?.start ?? now,
      end: action.contactedAt,
    },
    owner: { display: action.contactedBy },
    businessStatus: {
      text: action.patientReached
        ? 'patient reached'
        : `patient not reached${action.handover ? `; handed over: ${action.handover}` : ''}`,
    },
    note: [{ text: action.action, authorString: action.contactedBy, time: action.contactedAt }],
  };
  const communication: FhirResource = {
    resourceType: 'Communication',
    id: `cv-contact-${id}`,
    status: action.patientReached ? 'completed' : 'not-done',
    ...(action.patientReached ? {} : { statusReason: { text: 'patient not reached' } }),
    category: [
      {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/communication-category', code: 'notification' },
        ],
      },
    ],
    medium: [{ text: action.method }],
    subject: { reference: patient },
    about: [{ reference: `Flag/${id}` }, { reference: `Task/cv-task-${id}` }],
    sent: action.contactedAt,
    recipient: [{ reference: patient }],
    sender: { display: action.contactedBy },
    payload: [{ contentString: action.action }],
  };
  const provenance = authorProvenance(
    `cv-prov-${id}`,
    [`Flag/${id}`, `Task/cv-task-${id}`, `Communication/cv-contact-${id}`],
    now,
    who,
  );
  // Written as the system (a nurse may not write Flags or Tasks by scope); the person is named in the
  // Provenance and in their own audit entry below, under the same request id.
  const system: RequestContext = { ...ctx, principal: SYSTEM_PRINCIPAL };
  await processTransaction(repo, system, {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [updated, task, communication, provenance].map((resource) => ({
      resource,
      request: { method: 'PUT', url: `${resource.resourceType}/${resource.id}` },
    })),
  });
  await sql`update bp_alert_notice set acknowledged_at = ${now}::timestamptz, acknowledged_by = ${who}
    where (flag_id = ${id} or flag_id like ${`${id}/repeat/%`}) and acknowledged_at is null`.execute(repo.db);
  await repo.audit(repo.db, ctx, {
    action: 'operation',
    outcome: 'success',
    resourceType: 'Flag',
    resourceId: id,
    query: 'bp-alert-close',
    patientIds: [patientId],
    detail: {
      method: action.method,
      patientReached: action.patientReached,
      ...(action.handover ? { handover: action.handover } : {}),
    },
  });
  return fromFlag(updated);
}
