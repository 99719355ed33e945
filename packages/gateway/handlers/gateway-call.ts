/**
 * What the HTTP layer hands to a handler and gets back: handlers know nothing of Hono, so the same code
 * serves HTTP, the CLI and tests.
 */
import type { Principal } from '../governance/gateway-auth.ts';
import type { KnownIdentifiers } from '../de-identification/de-identify.ts';

export type Json = Record<string, unknown>;

export interface GatewayCall {
  principal: Principal;
  body: Json;
  requestId: string;
  /** `patient`: strip reasoning from the answer (header `x-qihuang-audience: patient`). */
  audience?: 'patient' | 'clinician';
  /** Patient the call concerns (header `x-qihuang-patient`), for the audit record. */
  patient?: string;
  /** Identifiers the caller knows (header `x-qihuang-patient-names`, body field `qihuang`). */
  known: KnownIdentifiers;
  /** Aborted when the client goes away. */
  signal?: AbortSignal;
}

export type GatewayResult =
  | { status: number; headers: Record<string, string>; body: string }
  | { status: number; headers: Record<string, string>; stream: ReadableStream<Uint8Array> };

/**
 * Optional request extension, removed before the request goes upstream:
 * `"qihuang": { "patient": "Patient/123", "names": ["张三"], "identifiers": ["ZY2023-004512"] }`.
 */
export function takeExtension(body: Json): { body: Json; patient?: string; known: KnownIdentifiers } {
  if (!('qihuang' in body)) return { body, known: {} };
  const { qihuang, ...rest } = body;
  const ext = (qihuang && typeof qihuang === 'object' ? qihuang : {}) as Json;
  const strings = (value: unknown) =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  return {
    body: rest,
    patient: typeof ext.patient === 'string' ? ext.patient : undefined,
    known: { names: strings(ext.names), identifiers: strings(ext.identifiers) },
  };
}

export function mergeKnown(a: KnownIdentifiers, b: KnownIdentifiers, patient?: string): KnownIdentifiers {
  return {
    names: [...(a.names ?? []), ...(b.names ?? [])],
    identifiers: [...(a.identifiers ?? []), ...(b.identifiers ?? []), ...(patient ? [patient] : [])],
  };
}
