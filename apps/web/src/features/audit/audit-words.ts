/**
 * The audit page in the page's language (issue 20): FHIR AuditEvent type, subtype and outcome codes as words
 * (no "RESTful Operation / search-type" on a Chinese screen); a refused request reads as refused access with
 * the reason (the server records the HTTP status and error code in the entry's detail); a model call names
 * the model; a search says how many records it returned; patients by name where the server gave one (the
 * reference kept for the tooltip). Pure: takes the event and a translate function.
 */
import type { AuditEvent, AuditEventEntity } from '@medplum/fhirtypes';

type T = (key: string, options?: Record<string, unknown>) => string;

const QH = 'https://qihuang.dev/fhir/StructureDefinition';
const DETAIL_URL = `${QH}/audit-detail`;
/** The zone the server says its times are shown in (the hospital's), on the search Bundle's meta. */
export const TIME_ZONE_URL = `${QH}/time-zone`;

/** FHIR / DICOM event type codes the server writes → message key under auditWords.types. */
const TYPES: Record<string, string> = {
  rest: 'rest',
  '110114': 'authentication',
  '110136': 'securityRoles',
  '110106': 'export',
  'model-call': 'modelCall',
  'cds-feedback': 'cdsFeedback',
};
const SUBTYPES: Record<string, string> = {
  read: 'read',
  vread: 'vread',
  'search-type': 'search',
  'history-instance': 'history',
  create: 'create',
  update: 'update',
  delete: 'delete',
  operation: 'operation',
  transaction: 'transaction',
  '110122': 'login',
  '110123': 'logout',
  admin: 'admin',
  export: 'export',
};
/** FHIR resource types the console names in words (others keep the type name). */
export const RESOURCE_TYPES = [
  'Patient',
  'Observation',
  'Condition',
  'MedicationRequest',
  'MedicationStatement',
  'AllergyIntolerance',
  'Flag',
  'CarePlan',
  'Practitioner',
  'Encounter',
  'AuditEvent',
] as const;

export function auditDetail(event: AuditEvent): Record<string, unknown> {
  const raw = event.extension?.find((x) => x.url === DETAIL_URL)?.valueString;
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function resourceTypeWord(type: string, t: T): string {
  return (RESOURCE_TYPES as readonly string[]).includes(type) ? t(`auditWords.resources.${type}`) : type;
}

/** "FHIR 操作 / 搜索", "用户认证 / 登录", "模型调用". */
export function eventText(event: AuditEvent, t: T): string {
  const type = event.type?.code ? TYPES[event.type.code] : undefined;
  const typeWord = type ? t(`auditWords.types.${type}`) : (event.type?.display ?? event.type?.code);
  const subWords = (event.subtype ?? [])
    .map((s) => {
      const key = s.code ? SUBTYPES[s.code] : undefined;
      if (key) return t(`auditWords.subtypes.${key}`);
      // model-call / cds-feedback repeat the type as subtype
      return s.code && TYPES[s.code] ? undefined : (s.display ?? s.code);
    })
    .filter((w): w is string => Boolean(w) && w !== typeWord);
  return [typeWord, ...subWords].filter(Boolean).join(' / ');
}

/** The outcome; a refused request (403, or a 404 that may hide another patient's record) as refused access. */
export function outcomeText(event: AuditEvent, t: T): string {
  const outcome = event.outcome ?? '0';
  if (outcome === '0') return t('audit.outcomes.0');
  const detail = auditDetail(event);
  const status = typeof detail.status === 'number' ? detail.status : undefined;
  const code = typeof detail.code === 'string' ? detail.code : undefined;
  if (status === 403 || code === 'forbidden') return t('auditWords.refused.forbidden');
  if (status === 404 || code === 'not-found') return t('auditWords.refused.notFound');
  if (status === 401 || code === 'unauthenticated') return t('auditWords.refused.unauthenticated');
  if (typeof detail.errorCode === 'string') return t('auditWords.failedWith', { code: detail.errorCode });
  return ['0', '4', '8', '12'].includes(outcome) ? t(`audit.outcomes.${outcome}`) : outcome;
}

export interface EntityView {
  text: string;
  /** The reference or query behind the text. */
  title?: string;
}

function decodeQuery(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(value), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

function entityView(entity: AuditEventEntity, t: T): EntityView | undefined {
  const reference = entity.what?.reference;
  const patient = /^Patient\/(.+)$/.exec(reference ?? '');
  if (patient)
    return entity.what?.display
      ? { text: entity.what.display, title: reference }
      : { text: t('auditWords.patientRef', { id: patient[1] }), title: reference };
  const query = decodeQuery(entity.query);
  if (reference && !reference.includes('/'))
    return {
      text: t('auditWords.query', { type: resourceTypeWord(reference, t) }),
      ...(query ? { title: query } : {}),
    };
  if (reference) {
    const [type = '', id = ''] = reference.split('/');
    return { text: `${resourceTypeWord(type, t)} ${id}`, title: reference };
  }
  if (entity.type?.code === '2')
    return {
      text: t(query?.includes('_type=') ? 'auditWords.chartQuery' : 'auditWords.systemObject'),
      ...(query ? { title: query } : {}),
    };
  return entity.type?.display ? { text: entity.type.display } : undefined;
}

/** What the event touched: the model called, the records (patients by name), how many a search returned. */
export function entityViews(event: AuditEvent, t: T): EntityView[] {
  const detail = auditDetail(event);
  const views: EntityView[] = [];
  if (event.type?.code === 'model-call' && typeof detail.model === 'string')
    views.push({
      text: t('auditWords.model', { model: detail.model }),
      ...(typeof detail.target === 'string'
        ? { title: t('auditWords.target', { target: detail.target }) }
        : {}),
    });
  for (const entity of event.entity ?? []) {
    const view = entityView(entity, t);
    if (view) views.push(view);
  }
  const count = typeof detail.total === 'number' ? detail.total : detail.returned;
  if (event.subtype?.some((s) => s.code === 'search-type') && typeof count === 'number')
    views.push({ text: t('auditWords.results', { count }) });
  return views;
}

/** The zone named on the search Bundle (the hospital's), if any. */
export function bundleTimeZone(bundle: { meta?: { extension?: { url: string; valueCode?: string }[] } }) {
  return bundle.meta?.extension?.find((x) => x.url === TIME_ZONE_URL)?.valueCode;
}
