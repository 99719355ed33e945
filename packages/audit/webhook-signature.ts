/**
 * Signing of outgoing webhooks (audit checkpoints), following Stripe's scheme: HMAC-SHA256 with a shared secret
 * over `<timestamp>.<body>` — the exact bytes sent, prefixed by the Unix time in seconds that is also sent — so a
 * captured delivery cannot be replayed outside the receiver's tolerance window (Stripe's default: 300 s).
 *
 *   X-Qihuang-Timestamp: 1772355600
 *   X-Qihuang-Signature: sha256=<hex HMAC-SHA256(secret, "1772355600." + body)>
 *
 * `verifyWebhookSignature` is what a receiver (or a test) runs on the raw body before parsing it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-qihuang-signature';
export const TIMESTAMP_HEADER = 'x-qihuang-timestamp';
/** How far a delivery's timestamp may be from the receiver's clock (Stripe's default tolerance). */
export const DEFAULT_TOLERANCE_SECONDS = 300;

function hmacHex(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/** The two headers to send with `body` (which must be sent byte for byte as signed). */
export function signWebhook(secret: string, body: string, now: Date): Record<string, string> {
  if (!secret) throw new Error('a webhook signing secret is required');
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: `sha256=${hmacHex(secret, timestamp, body)}` };
}

export type WebhookVerifyResult =
  | { ok: true; timestamp: number }
  | { ok: false; reason: 'missing-headers' | 'bad-timestamp' | 'expired' | 'bad-signature' };

export interface WebhookVerifyInput {
  secret: string;
  /** The raw request body, exactly as received (not re-serialised JSON). */
  body: string;
  /** Header lookup, case-insensitive (e.g. `(name) => request.headers.get(name)`). */
  header: (name: string) => string | null | undefined;
  now?: Date;
  toleranceSeconds?: number;
}

/** Checks a delivery: both headers present, timestamp within the tolerance, signature equal (constant time). */
export function verifyWebhookSignature(input: WebhookVerifyInput): WebhookVerifyResult {
  const timestamp = input.header(TIMESTAMP_HEADER) ?? input.header('X-Qihuang-Timestamp');
  const signature = input.header(SIGNATURE_HEADER) ?? input.header('X-Qihuang-Signature');
  if (!timestamp || !signature) return { ok: false, reason: 'missing-headers' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'bad-timestamp' };
  const seconds = Number(timestamp);
  const now = (input.now ?? new Date()).getTime() / 1000;
  if (Math.abs(now - seconds) > (input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) {
    return { ok: false, reason: 'expired' };
  }
  const expected = Buffer.from(`sha256=${hmacHex(input.secret, timestamp, input.body)}`, 'utf8');
  const given = Buffer.from(signature.trim(), 'utf8');
  if (!input.secret || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad-signature' };
  }
  return { ok: true, timestamp: seconds };
}
