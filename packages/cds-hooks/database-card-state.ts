/**
 * Alert-fatigue state in the database, so that an overridden card stays suppressed across restarts and server
 * replicas, and feedback can name the card's finding whichever replica issued it.
 *
 * Kept off the hot path: a patient's overrides are read once and cached for `cacheMs` (another replica's new
 * override is seen within that time; this replica's at once; concurrent calls on a cold cache share one read),
 * and issued cards are written in batches
 * (`flushMs`) — lookups see unflushed cards too.
 */
import { sql, type Kysely } from 'kysely';
import type { CardRef, CardStateStore } from './state.ts';

export interface DatabaseCardStateOptions {
  /** Receives a failed batch write (the cards' feedback then cannot name their finding); never throws. */
  onError?: (error: unknown) => void;
  cacheMs?: number;
  flushMs?: number;
  now?: () => number;
}

export function createDatabaseCardState(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any application database that ran migration 0500
  db: Kysely<any>,
  options: DatabaseCardStateOptions = {},
): CardStateStore & { flush(): Promise<void> } {
  const cacheMs = options.cacheMs ?? 5000;
  const flushMs = options.flushMs ?? 100;
  const now = options.now ?? (() => Date.now());
  const overrides = new Map<string, { ids: Set<string>; at: number }>();
  let pending = new Map<string, CardRef>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let flushing: Promise<void> = Promise.resolve();

  const flush = async (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending.size === 0) return flushing;
    const batch = pending;
    pending = new Map();
    const entries = [...batch.entries()];
    flushing = flushing.then(async () => {
      try {
        await sql`insert into cds_card (uuid, service_id, patient_id, finding_id, suggestion_ids)
        select u, s, p, f, g::jsonb from unnest(${entries.map((e) => e[0])}::text[], ${entries.map((e) => e[1].serviceId)}::text[],
          ${entries.map((e) => e[1].patientId)}::text[], ${entries.map((e) => e[1].findingId)}::text[],
          ${entries.map((e) => JSON.stringify(e[1].suggestionIds))}::text[]) as x(u, s, p, f, g)
        on conflict (uuid) do nothing`.execute(db);
      } catch (error) {
        options.onError?.(error);
      }
    });
    return flushing;
  };

  /** Reads in flight, per patient: concurrent calls on a cold cache share one query (issue 19). */
  const reading = new Map<string, Promise<Set<string>>>();

  function overriddenFor(patientId: string): Set<string> | Promise<Set<string>> {
    const cached = overrides.get(patientId);
    if (cached && now() - cached.at < cacheMs) return cached.ids;
    let read = reading.get(patientId);
    if (!read) {
      read = (async () => {
        const { rows } = await sql<{
          finding_id: string;
        }>`select finding_id from cds_override where patient_id = ${patientId}`.execute(db);
        const ids = new Set(rows.map((r) => r.finding_id));
        if (overrides.size > 10_000) overrides.clear();
        overrides.set(patientId, { ids, at: now() });
        return ids;
      })().finally(() => reading.delete(patientId));
      reading.set(patientId, read);
    }
    return read;
  }

  return {
    flush,
    rememberCard(uuid, ref) {
      pending.set(uuid, ref);
      if (pending.size >= 500) void flush();
      else if (!timer) {
        timer = setTimeout(() => void flush(), flushMs);
        timer.unref?.();
      }
    },
    async lookupCard(uuid) {
      const unflushed = pending.get(uuid);
      if (unflushed) return unflushed;
      await flushing;
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
      overrides.get(patientId)?.ids.add(findingId);
      // A read that started before the insert may not see it: add it to that read's answer too.
      await reading
        .get(patientId)
        ?.then((ids) => ids.add(findingId))
        .catch(() => undefined);
    },
    async isOverridden(patientId, findingId) {
      return (await overriddenFor(patientId)).has(findingId);
    },
  };
}
