/**
 * The audit page shows patients by name where its viewer may read patients (issue 20): each AuditEvent entity
 * that is a Patient reference gets `what.display` = the patient's name (FHIR Reference.display); the reference
 * (the id) stays. A viewer who may not read patients (an auditor) keeps the references only. Deleted patients
 * and patients without a name keep the reference. The audit entry itself is never changed.
 */
import { resourceName } from '@qihuang/fhir';
import type { Database } from '@qihuang/store';

interface EntityLike {
  what?: { reference?: string; display?: string };
}

/** "王秀英" / "Mary Smith": the one display name of a Patient (@qihuang/fhir, issue 20). */
export function patientName(content: unknown): string | undefined {
  return resourceName(content);
}

const PATIENT = /^Patient\/([^/]+)$/;

const entitiesOf = (event: Record<string, unknown>): EntityLike[] =>
  Array.isArray(event.entity) ? (event.entity as EntityLike[]) : [];

export async function withPatientNames<T extends Record<string, unknown>>(
  db: Database['db'],
  mayReadPatients: boolean,
  events: T[],
): Promise<T[]> {
  if (!mayReadPatients) return events;
  const ids = new Set<string>();
  for (const event of events)
    for (const entity of entitiesOf(event)) {
      const id = PATIENT.exec(entity.what?.reference ?? '')?.[1];
      if (id) ids.add(id);
    }
  if (ids.size === 0) return events;
  const rows = await db
    .selectFrom('fhir_resource')
    .select(['id', 'content'])
    .where('resource_type', '=', 'Patient')
    .where('id', 'in', [...ids])
    .where('deleted', '=', false)
    .execute();
  const names = new Map<string, string>();
  for (const row of rows) {
    const content: unknown = typeof row.content === 'string' ? JSON.parse(row.content) : row.content;
    const name = patientName(content);
    if (name) names.set(row.id, name);
  }
  if (names.size === 0) return events;
  return events.map((event) =>
    Array.isArray(event.entity)
      ? {
          ...event,
          entity: entitiesOf(event).map((entity) => {
            const name = names.get(PATIENT.exec(entity.what?.reference ?? '')?.[1] ?? '');
            return name && entity.what ? { ...entity, what: { ...entity.what, display: name } } : entity;
          }),
        }
      : event,
  );
}
