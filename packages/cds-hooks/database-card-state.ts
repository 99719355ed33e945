/**
 * Alert-fatigue state in the database, so that an overridden card stays suppressed across restarts and server
 * replicas, and feedback can name the card's finding whichever replica issued it.
 */
import { sql, type Kysely } from 'kysely';
import type { CardRef, CardStateStore } from './state.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any application database that ran migration 0500
export function createDatabaseCardState(db: Kysely<any>): CardStateStore {
  return {
    async rememberCard(uuid, ref) {
      await sql`insert into cds_card (uuid, service_id, patient_id, finding_id, suggestion_ids)
        values (${uuid}, ${ref.serviceId}, ${ref.patientId}, ${ref.findingId}, ${JSON.stringify(ref.suggestionIds)}::jsonb)
        on conflict (uuid) do nothing`.execute(db);
    },
    async lookupCard(uuid) {
      const { rows } = await sql<{
        service_id: string;
        patient_id: string;
        finding_id: string;
        suggestion_ids: string[];
      }>`
        select service_id, patient_id, finding_id, suggestion_ids from cds_card where uuid = ${uuid}`.execute(
        db,
      );
      const row = rows[0];
      return row
        ? ({
            serviceId: row.service_id,
            patientId: row.patient_id,
            findingId: row.finding_id,
            suggestionIds: row.suggestion_ids,
          } satisfies CardRef)
        : undefined;
    },
    async markOverridden(patientId, findingId) {
      await sql`insert into cds_override (patient_id, finding_id) values (${patientId}, ${findingId}) on conflict do nothing`.execute(
        db,
      );
    },
    async isOverridden(patientId, findingId) {
      const { rows } =
        await sql`select 1 from cds_override where patient_id = ${patientId} and finding_id = ${findingId}`.execute(
          db,
        );
      return rows.length > 0;
    },
  };
}
