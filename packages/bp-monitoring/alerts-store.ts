/**
 * Engine alerts stored as FHIR Flag resources (one per alert key, so re-evaluation never duplicates), listed
 * across patients for the clinicians' inbox and acknowledged with who and when (the Flag becomes inactive).
 */
import { resourceName } from '@qihuang/fhir';
import type { RequestContext } from '@qihuang/contracts';
import { stableId, type Alert, type PreviousAlert } from '@qihuang/engines/blood-pressure';
import { processTransaction, type FhirRepository, type FhirResource } from '@qihuang/store';
import { recordNotices } from './alert-notices.ts';
import type { ContactAttempt, StoredAlert, JoinedReading, WithdrawnReading } from './api-types/index.ts';
import { DEFAULT_TIME_ZONE, patientTimeZone, zoneOffsets } from './local-time.ts';
import { alertSummaryNow } from './withdrawn-text.ts';

export type { StoredAlert, JoinedReading };

export const ALERT_CODE_SYSTEM = 'urn:qihuang:bp-alert';
const ALERT_EXTENSION = 'urn:qihuang:bp-alert-detail';
export const ACK_EXTENSION = 'urn:qihuang:acknowledged';
/** Contacts that did not reach the patient, kept on the open alert (alert-attempts.ts, decision 0026). */
export const ATTEMPTS_EXTENSION = 'urn:qihuang:contact-attempts';

export function alertFlagId(patientId: string, key: string): string {
  return `alert-${stableId(`${patientId}|${key}`).slice(3)}`;
}

export function toFlag(patientId: string, alert: Alert): FhirResource {
  return {
    resourceType: 'Flag',
    id: alertFlagId(patientId, alert.key),
    status: 'active',
    category: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/flag-category',
            code: 'clinical',
            display: 'Clinical',
          },
        ],
      },
    ],
    code: { coding: [{ system: ALERT_CODE_SYSTEM, code: alert.kind }], text: alert.display.en },
    subject: { reference: `Patient/${patientId}` },
    period: { start: alert.raisedAt },
    extension: [
      {
        url: ALERT_EXTENSION,
        valueString: JSON.stringify({
          key: alert.key,
          severity: alert.severity,
          readingIds: alert.readingIds,
          values: alert.values,
          rule: alert.rule,
          source: alert.source,
          display: alert.display,
        }),
      },
    ],
  };
}

export interface AlertDetail {
  key?: string;
  severity?: string;
  readingIds?: string[];
  values?: Record<string, number>;
  rule?: string;
  source?: string;
  display?: { zh: string; en: string };
  /** The text the alert was raised with, kept once later crisis readings rewrote `display` (crisis-join.ts). */
  raisedDisplay?: { zh: string; en: string };
  joined?: JoinedReading[];
  /** Its readings withdrawn as entered in error after it was raised (withdraw-alerts.ts). */
  withdrawn?: WithdrawnReading[];
}

/** The Flag with its alert detail replaced. */
export function withAlertDetail(flag: FhirResource, d: AlertDetail): FhirResource {
  const code = flag.code as { text?: string } | undefined;
  return {
    ...flag,
    // The Flag's own text follows the alert's text (a FHIR reader sees what the alert says now).
    ...(code && d.display ? { code: { ...code, text: d.display.en } } : {}),
    extension: [
      ...((flag.extension as { url: string }[] | undefined) ?? []).filter((e) => e.url !== ALERT_EXTENSION),
      { url: ALERT_EXTENSION, valueString: JSON.stringify(d) },
    ],
  };
}

export const alertDetail = detail;

function detail(flag: FhirResource): AlertDetail {
  const ext = (flag.extension as { url: string; valueString?: string }[] | undefined)?.find(
    (e) => e.url === ALERT_EXTENSION,
  );
  try {
    return ext?.valueString ? (JSON.parse(ext.valueString) as AlertDetail) : {};
  } catch {
    return {};
  }
}

/**
 * The alert as every screen reads it. Its summary is its text as it stands now (withdrawn-text.ts): a reading
 * withdrawn as entered in error is said to be withdrawn, never quoted as the latest (issue 20). `offsetAt` places
 * a joined reading's time when that text is said again (the patient's zone, else the hospital's).
 */
export function fromFlag(
  flag: FhirResource,
  patientName?: string,
  offsetAt: (epochMs: number) => number = zoneOffsets(DEFAULT_TIME_ZONE),
): StoredAlert {
  const d = detail(flag);
  const ack = (flag.extension as { url: string; valueString?: string }[] | undefined)?.find(
    (e) => e.url === ACK_EXTENSION,
  );
  const subject = (flag.subject as { reference?: string } | undefined)?.reference ?? '';
  const attempts = contactAttempts(flag);
  return {
    id: String(flag.id),
    patientId: subject.replace(/^Patient\//, ''),
    ...(patientName ? { patientName } : {}),
    status: flag.status === 'active' ? 'active' : 'inactive',
    kind: (flag.code as { coding?: { code?: string }[] }).coding?.[0]?.code ?? 'unknown',
    severity: d.severity ?? 'warning',
    summary: alertSummaryNow(
      {
        summary: d.display ?? {
          zh: String((flag.code as { text?: string }).text ?? ''),
          en: String((flag.code as { text?: string }).text ?? ''),
        },
        ...(d.raisedDisplay ? { raisedSummary: d.raisedDisplay } : {}),
        readings: d.readingIds ?? [],
        values: d.values ?? {},
        ...(d.joined ? { joined: d.joined } : {}),
        ...(d.withdrawn ? { withdrawn: d.withdrawn } : {}),
      },
      offsetAt,
    ),
    createdAt: String((flag.period as { start?: string } | undefined)?.start ?? ''),
    readings: d.readingIds ?? [],
    values: d.values ?? {},
    rule: d.rule ?? '',
    source: d.source ?? '',
    ...(d.joined?.length ? { joined: d.joined } : {}),
    ...(d.withdrawn?.length ? { withdrawn: d.withdrawn } : {}),
    ...(ack?.valueString
      ? { acknowledged: (JSON.parse(ack.valueString) as StoredAlert['acknowledged'])! }
      : {}),
    ...(attempts.length ? { attempts } : {}),
  };
}

/** The contact attempts recorded on an alert Flag that did not reach the patient, oldest first. */
export function contactAttempts(flag: FhirResource): ContactAttempt[] {
  const ext = (flag.extension as { url: string; valueString?: string }[] | undefined)?.find(
    (e) => e.url === ATTEMPTS_EXTENSION,
  );
  try {
    const list: unknown = ext?.valueString ? JSON.parse(ext.valueString) : [];
    return Array.isArray(list) ? (list as ContactAttempt[]) : [];
  } catch {
    return [];
  }
}

/** A patient's alert Flags, as the engine's de-duplication and saveAlerts need them (one search). */
export interface AlertFlags {
  previous: PreviousAlert[];
  /** Ids of the alert Flags that exist (closed ones too). */
  ids: Set<string>;
  /** False when the patient has more alert Flags than one search page holds (ids may be incomplete). */
  complete: boolean;
  /** The newest open (active) critical crisis alert, which new crisis readings join (crisis-join.ts). */
  openCrisis?: FhirResource;
  /** Readings some crisis alert (open or closed) names already. */
  seenCrisis: Set<string>;
}

const FLAG_PAGE = 1000;

export async function alertFlagsOf(
  repo: FhirRepository,
  ctx: RequestContext,
  patientId: string,
): Promise<AlertFlags> {
  const result = await repo.search(ctx, 'Flag', [
    ['patient', patientId],
    ['code', `${ALERT_CODE_SYSTEM}|`],
    ['_count', String(FLAG_PAGE)],
    ['_total', 'none'],
  ]);
  const previous = result.matches.map((m) => {
    const flag = m.content as FhirResource;
    const d = detail(flag);
    return {
      kind: ((flag.code as { coding?: { code?: string }[] }).coding?.[0]?.code ??
        'crisis') as PreviousAlert['kind'],
      raisedAt: String((flag.period as { start?: string }).start),
      ...(d.readingIds ? { readingIds: d.readingIds } : {}),
    };
  });
  const crisis = result.matches
    .map((m) => m.content as FhirResource)
    .filter((f) => (f.code as { coding?: { code?: string }[] }).coding?.[0]?.code === 'crisis');
  const openCrisis = crisis
    .filter((f) => f.status === 'active' && detail(f).severity === 'critical')
    .sort((a, b) =>
      String((b.period as { start?: string }).start).localeCompare(
        String((a.period as { start?: string }).start),
      ),
    )[0];
  return {
    previous,
    ids: new Set(result.matches.map((m) => m.id)),
    complete: result.matches.length < FLAG_PAGE,
    ...(openCrisis ? { openCrisis } : {}),
    seenCrisis: new Set(crisis.flatMap((f) => detail(f).readingIds ?? [])),
  };
}

/** Previous alerts of a patient (for the engine's de-duplication). */
export async function previousAlerts(
  repo: FhirRepository,
  ctx: RequestContext,
  patientId: string,
): Promise<PreviousAlert[]> {
  return (await alertFlagsOf(repo, ctx, patientId)).previous;
}

export interface SaveAlertsOptions {
  /** The ids of ALL the patient's alert Flags, when the caller has just read them: no second search. */
  existing?: ReadonlySet<string>;
  /** Measurement time of the readings the alerts name (the notices' reading time), when the caller has them. */
  readingTimes?: ReadonlyMap<string, string>;
}

/** Stores new alerts; existing ones (same key) are left as they are — acknowledged alerts stay acknowledged. */
export async function saveAlerts(
  repo: FhirRepository,
  ctx: RequestContext,
  patientId: string,
  alerts: Alert[],
  options: SaveAlertsOptions = {},
): Promise<number> {
  if (alerts.length === 0) return 0;
  const flags = alerts.map((alert) => toFlag(patientId, alert));
  const known =
    options.existing ??
    new Set(
      (
        await repo.search(ctx, 'Flag', [
          ['_id', flags.map((f) => String(f.id)).join(',')],
          ['_count', '1000'],
          ['_total', 'none'],
        ])
      ).matches.map((m) => m.id),
    );
  const fresh = flags.filter((f) => !known.has(String(f.id)));
  if (fresh.length === 0) return 0;
  // The care team's notices first (alert-notices.ts): a Flag never exists without one.
  await recordNotices(
    repo,
    ctx,
    patientId,
    alerts
      .map((alert) => ({ flagId: alertFlagId(patientId, alert.key), alert }))
      .filter((a) => !known.has(a.flagId)),
    options.readingTimes,
  );
  await processTransaction(repo, ctx, {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: fresh.map((resource) => ({ resource, request: { method: 'PUT', url: `Flag/${resource.id}` } })),
  });
  return fresh.length;
}

/** The name the inbox shows for a patient (王秀英, Marcos Barrows: the one display name, issue 20), if any. */
export function patientName(patient: FhirResource): string | undefined {
  return resourceName(patient);
}

export async function listAlerts(
  repo: FhirRepository,
  ctx: RequestContext,
  options: {
    status?: 'active' | 'inactive' | 'all';
    patientId?: string;
    count?: number;
    /** The hospital's zone, for a patient without their own (times said in an alert's text). */
    timeZone?: string;
  },
): Promise<StoredAlert[]> {
  const params: [string, string][] = [
    ['code', `${ALERT_CODE_SYSTEM}|`],
    ['_count', String(options.count ?? 200)],
    ['_sort', '-_lastUpdated'],
    ['_include', 'Flag:patient'],
  ];
  if (options.status !== 'all') params.push(['status', options.status ?? 'active']);
  if (options.patientId) params.push(['patient', options.patientId]);
  const result = await repo.search(ctx, 'Flag', params);
  const names = new Map<string, string>();
  const hospital = options.timeZone ?? DEFAULT_TIME_ZONE;
  const zones = new Map<string, string>();
  for (const row of result.included) {
    if (row.resource_type !== 'Patient') continue;
    const name = patientName(row.content as FhirResource);
    if (name) names.set(row.id, name);
    zones.set(row.id, patientTimeZone(row.content, hospital));
  }
  const order = { critical: 0, warning: 1, info: 2 } as Record<string, number>;
  return result.matches
    .map((m) => {
      const patient = String((m.content.subject as { reference?: string }).reference ?? '').replace(
        /^Patient\//,
        '',
      );
      return fromFlag(
        m.content as FhirResource,
        names.get(patient),
        zoneOffsets(zones.get(patient) ?? hospital),
      );
    })
    .sort(
      (a, b) => (order[a.severity] ?? 3) - (order[b.severity] ?? 3) || b.createdAt.localeCompare(a.createdAt),
    );
}
