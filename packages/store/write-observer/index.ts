/**
 * Post-commit write observers: a service that must act when data arrives (e.g. BP alerts when a reading is
 * written) registers here without the store knowing it. Whoever commits a write — the FHIR route layer for
 * create/update/conditional/batch/transaction, the importer for its transactions — calls `notifyWritten` with
 * what it committed, after the commit. Observers never undo a write: the caller decides what to tell the
 * writer from the answer (`pending` = the observer could not finish and will retry on its own).
 */
import type { RequestContext } from '@qihuang/contracts';
import type { FhirResource } from '../fhir-repository/fhir-repository.ts';

export interface WrittenResource {
  resourceType: string;
  id: string;
  /** The stored content (absent for a deletion). */
  resource?: FhirResource;
}

/** 'done': handled; 'pending': not finished, the observer retries on its own; undefined: not its business. */
export type ObserverOutcome = 'done' | 'pending' | undefined;

export type WriteObserver = (
  ctx: RequestContext,
  written: readonly WrittenResource[],
) => Promise<ObserverOutcome> | ObserverOutcome;

/**
 * Runs every observer; a throwing observer counts as 'pending' (it must keep its own retry state).
 * Answers 'pending' if any observer is, 'done' if any handled the write, else undefined.
 */
export async function notifyWritten(
  observers: readonly WriteObserver[],
  ctx: RequestContext,
  written: readonly WrittenResource[],
): Promise<ObserverOutcome> {
  if (written.length === 0 || observers.length === 0) return undefined;
  let outcome: ObserverOutcome;
  for (const observer of observers) {
    let result: ObserverOutcome;
    try {
      result = await observer(ctx, written);
    } catch {
      result = 'pending';
    }
    if (result === 'pending') outcome = 'pending';
    else if (result === 'done' && outcome === undefined) outcome = 'done';
  }
  return outcome;
}

/** What a transaction- or batch-response Bundle says was written (entries with a resource and a 2xx). */
export function writtenInBundle(bundle: Record<string, unknown>): WrittenResource[] {
  const entries =
    (bundle.entry as { resource?: FhirResource; response?: { status?: string } }[] | undefined) ?? [];
  const out: WrittenResource[] = [];
  for (const entry of entries) {
    const status = entry.response?.status ?? '';
    const resource = entry.resource;
    if (!resource || typeof resource.id !== 'string' || !/^20[01]/.test(status)) continue;
    out.push({ resourceType: resource.resourceType, id: resource.id, resource });
  }
  return out;
}
