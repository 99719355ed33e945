import type { Resource } from '@medplum/fhirtypes';
import { QihuangError } from '@qihuang/contracts';
import type { FhirReader } from './fhir-source.ts';
import type { HookRequest } from './request.ts';

/** Replaces prefetch tokens ({{context.patientId}}, {{userPractitionerId}} …) with values from the request. */
export function fillTemplate(template: string, request: HookRequest): string {
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_m, path: string) => {
    const ctx = request.context as Record<string, unknown>;
    const value = path.startsWith('context.')
      ? ctx[path.slice('context.'.length)]
      : path === 'userPractitionerId' || path === 'userPractitionerRoleId' || path === 'userPatientId'
        ? String(ctx.userId ?? '').split('/')[1]
        : undefined;
    return encodeURIComponent(String(value ?? ''));
  });
}

export interface GatherResult {
  resources: Resource[];
  /** Prefetch keys that came from prefetch vs. were fetched (for the evidence trail / tests). */
  fromPrefetch: string[];
  fetched: string[];
}

/**
 * Collects the FHIR data named by the service's prefetch templates: the request's `prefetch` when it holds the
 * key (a null value means "the client found nothing"), otherwise a read through `open()` — the reader for the
 * request's `fhirServer` (fhir-source.ts: this platform in-process, or an allow-listed server), created only
 * when some key is missing, so a refused `fhirServer` matters only when it would be used. Without either source
 * for the patient, the call is refused (412).
 */
export async function gatherResources(
  request: HookRequest,
  templates: Record<string, string>,
  open: () => FhirReader,
): Promise<GatherResult> {
  const resources: Resource[] = [];
  const fromPrefetch: string[] = [];
  const fetched: string[] = [];
  let read: FhirReader | undefined;
  for (const [key, template] of Object.entries(templates)) {
    if (request.prefetch && key in request.prefetch) {
      const value = request.prefetch[key];
      if (value && typeof value === 'object') resources.push(value as Resource);
      fromPrefetch.push(key);
      continue;
    }
    if (!request.fhirServer) {
      if (key === 'patient')
        throw new QihuangError(
          'precondition-failed',
          'no prefetch for "patient" and no fhirServer to fetch it from',
        );
      continue;
    }
    read ??= open();
    resources.push((await read(fillTemplate(template, request))) as Resource);
    fetched.push(key);
  }
  return { resources, fromPrefetch, fetched };
}
