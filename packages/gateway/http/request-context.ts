/** Reads the gateway's request headers into a GatewayCall (the only place that knows their names). */
import type { Context } from 'hono';
import { readJson } from '@qihuang/http-edge';
import type { Principal } from '../governance/gateway-auth.ts';
import type { GatewayCall, Json } from '../handlers/gateway-call.ts';
import { GatewayError } from './gateway-error.ts';

export const HEADERS = {
  audience: 'x-qihuang-audience',
  patient: 'x-qihuang-patient',
  /** Comma-separated, each percent-encoded (HTTP headers are ASCII): known names to de-identify. */
  patientNames: 'x-qihuang-patient-names',
  requestId: 'x-request-id',
} as const;

export function bearerOf(c: Context): string | undefined {
  const header = c.req.header('authorization');
  if (!header) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(header);
  return match ? match[1]!.trim() : undefined;
}

/** The body as a JSON object, refused as an OpenAI `invalid_json` error (the HTTP-edge kit reads it). */
export async function jsonBody(c: Context): Promise<Json> {
  return (await readJson(c, {
    object: true,
    refuse: (_message, reason) =>
      new GatewayError(
        'invalid-input',
        reason === 'not-json'
          ? 'the request body is not valid JSON'
          : 'the request body must be a JSON object',
        { openAiCode: 'invalid_json' },
      ),
  })) as Json;
}

function names(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part) => {
      try {
        return decodeURIComponent(part.trim());
      } catch {
        return part.trim();
      }
    })
    .filter(Boolean);
}

export function gatewayCallOf(
  c: Context,
  principal: Principal,
  body: Json,
  newRequestId: () => string,
): GatewayCall {
  const audience = c.req.header(HEADERS.audience);
  return {
    principal,
    body,
    requestId: c.req.header(HEADERS.requestId) || newRequestId(),
    audience: audience === 'patient' ? 'patient' : audience === 'clinician' ? 'clinician' : undefined,
    patient: c.req.header(HEADERS.patient) || undefined,
    known: { names: names(c.req.header(HEADERS.patientNames)) },
    // Only streams need to notice a client leaving before the first byte (creating the signal has a cost);
    // once streaming, cancelling the response stream stops the upstream call.
    signal: body.stream === true ? c.req.raw.signal : undefined,
  };
}
