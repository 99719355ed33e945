/** FHIR R4 reads used by the console (application/fhir+json; errors are OperationOutcome). */
import type {
  AllergyIntolerance,
  AuditEvent,
  Bundle,
  Condition,
  Encounter,
  MedicationRequest,
  Observation,
  Patient,
  Resource,
} from '@medplum/fhirtypes';
import { request, sameOriginPath, type RequestOptions } from './client.ts';
import { mergePatientPages, patientSearchQueries } from './patient-search.ts';

const BASE = '/fhir/R4';
const FHIR_JSON = 'application/fhir+json';

export interface Page<T> {
  items: T[];
  total?: number;
  next?: string;
}

function toPage<T extends Resource>(bundle: Bundle<T>): Page<T> {
  const items = (bundle.entry ?? [])
    .filter((e) => e.search?.mode !== 'include' && e.search?.mode !== 'outcome')
    .map((e) => e.resource)
    .filter((r): r is T => r !== undefined);
  const next = bundle.link?.find((l) => l.relation === 'next')?.url;
  return { items, total: bundle.total, next: next ? sameOriginPath(next) : undefined };
}

export async function search<T extends Resource>(
  type: T['resourceType'],
  query: RequestOptions['query'],
  signal?: AbortSignal,
): Promise<Page<T>> {
  return toPage(await request<Bundle<T>>(`${BASE}/${type}`, { query, accept: FHIR_JSON, signal }));
}

/** Follows a Bundle `next` link (already made same-origin). */
export async function searchNext<T extends Resource>(next: string, signal?: AbortSignal): Promise<Page<T>> {
  return toPage(await request<Bundle<T>>(next, { accept: FHIR_JSON, signal }));
}

export function read<T extends Resource>(
  type: T['resourceType'],
  id: string,
  signal?: AbortSignal,
): Promise<T> {
  return request<T>(`${BASE}/${type}/${encodeURIComponent(id)}`, { accept: FHIR_JSON, signal });
}

export const fhir = {
  /** One search box: name, full name either order, pinyin, identifier, phone (patient-search.ts), merged. */
  searchPatients: async (text: string, signal?: AbortSignal): Promise<Page<Patient>> =>
    mergePatientPages(
      await Promise.all(
        patientSearchQueries(text).map((query) =>
          search<Patient>('Patient', { ...query, _count: 20, _sort: 'family' }, signal),
        ),
      ),
    ),
  patient: (id: string, signal?: AbortSignal) => read<Patient>('Patient', id, signal),
  conditions: (id: string, signal?: AbortSignal) => search<Condition>('Condition', { patient: id }, signal),
  medications: (id: string, signal?: AbortSignal) =>
    search<MedicationRequest>('MedicationRequest', { patient: id }, signal),
  allergies: (id: string, signal?: AbortSignal) =>
    search<AllergyIntolerance>('AllergyIntolerance', { patient: id }, signal),
  encounters: (id: string, signal?: AbortSignal) =>
    search<Encounter>('Encounter', { patient: id, _sort: '-date', _count: 10 }, signal),
  /** Newest first; `pages` > 1 follows next links (200 per page) for longer trends. */
  vitalSigns: async (id: string, signal?: AbortSignal, pages = 1): Promise<Page<Observation>> => {
    const first = await search<Observation>(
      'Observation',
      { patient: id, category: 'vital-signs', _sort: '-date', _count: 200 },
      signal,
    );
    const items = [...first.items];
    let next = first.next;
    for (let i = 1; i < pages && next; i++) {
      const more = await searchNext<Observation>(next, signal);
      items.push(...more.items);
      next = more.next;
    }
    return { items, total: first.total, next };
  },
  auditEvents: (query: RequestOptions['query'], signal?: AbortSignal) =>
    search<AuditEvent>('AuditEvent', query, signal),
};
