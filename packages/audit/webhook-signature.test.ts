import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './webhook-signature.ts';

describe('webhook signature (Stripe scheme: HMAC-SHA256 over "<timestamp>.<body>")', () => {
  const now = new Date('2026-03-01T12:00:00.000Z');
  const body = '{"type":"qihuang.audit.checkpoint","seq":7,"hash":"ab","at":"2026-03-01T12:00:00.000Z"}';

  it('signs the timestamp and the exact body, as a receiver recomputes it with openssl/any HMAC library', () => {
    const headers = signWebhook('k', body, now);
    const expected = createHmac('sha256', 'k').update(`1772366400.${body}`).digest('hex');
    expect(headers).toEqual({
      'x-qihuang-timestamp': '1772366400',
      'x-qihuang-signature': `sha256=${expected}`,
    });
  });

  it('verifies within the tolerance and refuses tampering, other secrets, replays and missing headers', () => {
    const headers = signWebhook('k', body, now);
    const header = (name: string) => headers[name.toLowerCase()];
    expect(verifyWebhookSignature({ secret: 'k', body, header, now })).toEqual({
      ok: true,
      timestamp: 1772366400,
    });
    const in4min = new Date(now.getTime() + 240_000);
    expect(verifyWebhookSignature({ secret: 'k', body, header, now: in4min }).ok).toBe(true);
    const in6min = new Date(now.getTime() + 360_000);
    expect(verifyWebhookSignature({ secret: 'k', body, header, now: in6min })).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(verifyWebhookSignature({ secret: 'k2', body, header, now })).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    expect(verifyWebhookSignature({ secret: 'k', body: `${body} `, header, now }).ok).toBe(false);
    expect(verifyWebhookSignature({ secret: 'k', body, header: () => undefined, now })).toEqual({
      ok: false,
      reason: 'missing-headers',
    });
    // A replayed signature with a fresh timestamp does not match (the timestamp is signed).
    const moved = { ...headers, 'x-qihuang-timestamp': '1772366500' };
    const movedHeader = (name: string) => moved[name as keyof typeof moved];
    expect(verifyWebhookSignature({ secret: 'k', body, header: movedHeader, now }).ok).toBe(false);
    expect(() => signWebhook('', body, now)).toThrow(/secret/);
  });
});
