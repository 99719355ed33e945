/**
 * Withdrawing a blood-pressure reading as entered in error (issue 20, docs/decisions/0020). Values are never
 * edited in place: a correction is a withdrawal plus a new reading.
 * - Who: the patient, for a reading of their own record (their upload, or a home reading filed as theirs) within
 *   WITHDRAW_WINDOW_HOURS of its entry; a clinician or nurse, for any reading of a patient they can read. A reason
 *   is required.
 * - What changes, in one transaction: the `bp_reading` row (status entered-in-error, never projected or revived
 *   again), the BP Observation and its heart-rate Observation (FHIR R4 status entered-in-error, the reason as a
 *   note), a Provenance (activity NULLIFY, the person, the reason) and the person's own audit entry. The FHIR
 *   resources are written as the system (a patient or nurse may not write Provenance by scope); the person is named
 *   in the Provenance and the audit entry, under the same request id.
 * - Then the alerts that named it (withdraw-alerts.ts) and a new evaluation (the route).
 * Bad input: 4xx, nothing changes.
 */
import { sql, type Transaction } from 'kysely';
import { QihuangError, SYSTEM_PRINCIPAL, type RequestContext } from '@qihuang/contracts';
import { stableId, toFhirBpObservation } from '@qihuang/engines/blood-pressure';
import type { FhirRepository, FhirResource, StoreTables } from '@qihuang/store';
import { BP_PANEL_CODES } from './patient-context.ts';
import type { PatientLanguage } from './reading-advice.ts';
import { readingOf, type ReadingRow } from './reading-store.ts';

/**
 * How long after entering it a patient may withdraw a reading themselves (operational choice, not a guideline
 * number: long enough to notice a typo or a duplicate the same day; after it, the care team decides).
 */
export const WITHDRAW_WINDOW_HOURS = 24;
export const REASON_MAX = 500;

const say = (lang: PatientLanguage, zh: string, en: string) => (lang === 'zh-CN' ? zh : en);

/** The request body's reason: 2–500 characters after trimming, else 400 naming the field. */
export function parseWithdrawal(body: unknown, lang: PatientLanguage): { reason: string } {
  const raw = (body as { reason?: unknown } | null)?.reason;
  const reason = typeof raw === 'string' ? raw.trim() : '';
  const fault =
    typeof body !== 'object' || body === null
      ? say(lang, '请求内容应为 JSON 对象 {"reason": "…"}', 'The body must be a JSON object {"reason": "…"}')
      : reason.length < 2
        ? say(lang, '请填写撤回原因（至少 2 个字）', 'A reason is required (at least 2 characters)')
        : reason.length > REASON_MAX
          ? say(lang, `原因最多 ${REASON_MAX} 个字`, `The reason is limited to ${REASON_MAX} characters`)
          : undefined;
  if (fault)
    throw new QihuangError('invalid-input', fault, {
      issues: [{ severity: 'error', code: 'invalid', message: fault, expression: ['reason'] }],
    });
  return { reason };
}

interface ResourceRow {
  id: string;
  content: FhirResource | null;
  deleted: boolean;
  compartments: string[];
  author: string | null;
}

export interface Withdrawn {
  reading: string;
  withdrawnAt: string;
  by: 'patient' | 'care-team';
  reason: string;
}

/** Marks one reading entered-in-error; answers what was withdrawn (the route then updates the alerts). */
export async function withdrawReading(
  repo: FhirRepository,
  ctx: RequestContext,
  patientId: string,
  readingId: string,
  body: unknown,
  options: { now: string; lang: PatientLanguage },
): Promise<Withdrawn> {
  const { lang, now } = options;
  const role = ctx.principal.role;
  if (role !== 'patient' && role !== 'clinician' && role !== 'nurse')
    throw new QihuangError(
      'forbidden',
      say(
        lang,
        '只有患者本人或医护人员可以撤回读数',
        'A reading is withdrawn by the patient who entered it or by the care team (clinician, nurse)',
      ),
    );
  const { reason } = parseWithdrawal(body, lang);
  const notKnown = () =>
    new QihuangError('not-found', say(lang, '找不到这条读数', `Reading ${readingId} is not known`));
  if (role === 'patient' && ctx.principal.patientId !== patientId) throw notKnown();
  await repo.read(ctx, 'Patient', patientId); // 404 for an unknown patient or one the caller cannot read
  const heartRateId = readingId.startsWith('bp-') ? `hr-${readingId.slice(3)}` : undefined;
  const by = role === 'patient' ? ('patient' as const) : ('care-team' as const);
  await repo.db.transaction().execute(async (trx) => {
    const { rows: stored } = await sql<ReadingRow & { status: string; received_at: Date | string }>`
      select patient_id, id, device_id, time, sbp, dbp, heart_rate, version, status, received_at from bp_reading
      where patient_id = ${patientId} and id = ${readingId} for update`.execute(trx);
    const row = stored[0];
    const { rows: resources } = await sql<ResourceRow>`
      select id, content, deleted, compartments, author from fhir_resource
      where resource_type = 'Observation' and id = any(${[readingId, heartRateId ?? readingId]}::text[])
      order by id for update`.execute(trx);
    const observation = resources.find((r) => r.id === readingId && !r.deleted && r.content);
    const heartRate = resources.find((r) => r.id === heartRateId && !r.deleted && r.content);
    if (!row && !observation) throw notKnown();
    if (observation && !observation.compartments.includes(patientId)) throw notKnown();
    const current = observation?.content ?? (toFhirBpObservation(readingOf(row!)) as unknown as FhirResource);
    const codes = ((current.code as { coding?: { code?: string }[] } | undefined)?.coding ?? []).map(
      (c) => c.code ?? '',
    );
    if (!codes.some((c) => BP_PANEL_CODES.includes(c)))
      throw new QihuangError(
        'invalid-input',
        say(lang, '这不是一条血压读数', `Observation/${readingId} is not a blood-pressure reading`),
      );
    if (row?.status === 'entered-in-error' || current.status === 'entered-in-error')
      throw new QihuangError(
        'conflict',
        say(lang, '这条读数已经撤回', `Reading ${readingId} is already marked entered in error`),
      );
    if (role === 'patient') {
      // Their own record: a home reading of the reading store (filed as the patient's, projector.ts) or an
      // Observation the patient authored; never what the care team recorded (an office reading).
      if (observation && observation.author !== `Patient/${patientId}`)
        throw new QihuangError(
          'forbidden',
          say(
            lang,
            '这条读数由医护人员记录，如有错误请联系您的医生或护士',
            'This reading was recorded by your care team; ask them to correct it',
          ),
        );
      const entered = row?.received_at ?? (await firstVersionAt(trx, readingId));
      if (
        entered &&
        Date.parse(now) - Date.parse(new Date(entered).toISOString()) > WITHDRAW_WINDOW_HOURS * 3_600_000
      )
        throw new QihuangError(
          'forbidden',
          say(
            lang,
            `读数只能在录入后 ${WITHDRAW_WINDOW_HOURS} 小时内由您本人撤回；如有错误请联系您的医生或护士`,
            `You can withdraw a reading within ${WITHDRAW_WINDOW_HOURS} hours of entering it; after that, ask your care team`,
          ),
        );
    }
    const note = {
      text: `Entered in error (withdrawn by the ${by === 'patient' ? 'patient' : 'care team'}): ${reason}`,
      time: now,
      ...(by === 'patient'
        ? { authorReference: { reference: `Patient/${patientId}` } }
        : { authorString: ctx.principal.username }),
    };
    const nullified = (r: FhirResource): FhirResource => ({
      ...r,
      status: 'entered-in-error',
      note: [...((r.note as unknown[] | undefined) ?? []), note],
    });
    const targets = [nullified(current)];
    if (heartRate?.content && heartRate.content.status !== 'entered-in-error')
      targets.push(nullified(heartRate.content));
    const provenance: FhirResource = {
      resourceType: 'Provenance',
      id: `wd-${stableId(`withdraw|${patientId}|${readingId}`).slice(3)}`,
      target: targets.map((t) => ({ reference: `Observation/${String(t.id)}` })),
      recorded: now,
      activity: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/v3-DataOperation',
            code: 'NULLIFY',
            display: 'nullify',
          },
        ],
        text: 'Reading marked entered in error',
      },
      reason: [{ text: reason }],
      agent: [
        {
          type: {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
                code: 'author',
              },
            ],
          },
          who:
            by === 'patient'
              ? { reference: `Patient/${patientId}` }
              : { display: `${ctx.principal.kind}/${ctx.principal.username}` },
        },
      ],
    };
    // Each Observation keeps its author (a home reading the patient's, an office reading its clinician's).
    const authors = new Map(resources.map((r) => [r.id, r.author ?? `Patient/${patientId}`]));
    const own = by === 'patient' ? `Patient/${patientId}` : `${ctx.principal.kind}/${ctx.principal.id}`;
    await writeAsSystem(ctx, repo, trx, [...targets, provenance], (r) =>
      r.resourceType === 'Observation' ? (authors.get(String(r.id)) ?? `Patient/${patientId}`) : own,
    );
    if (row)
      await sql`update bp_reading set status = 'entered-in-error', pending = false, withdrawn_at = ${now}::timestamptz
        where patient_id = ${patientId} and id = ${readingId}`.execute(trx);
    await repo.audit(trx, ctx, {
      action: 'operation',
      outcome: 'success',
      resourceType: 'Observation',
      resourceId: readingId,
      query: 'bp-reading-withdraw',
      patientIds: [patientId],
      detail: { by, heartRate: targets.length > 1, pendingProjection: !observation },
    });
  });
  return { reading: readingId, withdrawnAt: now, by, reason };
}

/** The Observations and Provenance, as the system (Provenance by scope), each with the author given. */
async function writeAsSystem(
  ctx: RequestContext,
  repo: FhirRepository,
  trx: Transaction<StoreTables>,
  resources: FhirResource[],
  author: (resource: FhirResource) => string,
): Promise<void> {
  const system: RequestContext = { ...ctx, principal: SYSTEM_PRINCIPAL };
  await repo.bulkUpsert(system, resources, {
    transaction: trx,
    audit: { query: 'bp-reading-withdraw', detail: { resources: resources.length } },
    author,
  });
}

async function firstVersionAt(trx: Transaction<StoreTables>, id: string): Promise<string | undefined> {
  const { rows } = await sql<{ at: Date | string | null }>`
    select min(last_updated) as at from fhir_history where resource_type = 'Observation' and id = ${id}`.execute(
    trx,
  );
  const at = rows[0]?.at;
  return at ? new Date(at).toISOString() : undefined;
}
