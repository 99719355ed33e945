/**
 * Measurement reminders through the hospital's webhook (SMS/WeChat gateway): each due session is sent once,
 * HMAC-signed, recorded — also when two dispatches run at once (server replicas, or `care remind` from cron).
 */
import { verifyWebhookSignature } from '@qihuang/audit';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { csv } from './care-test-support.ts';

describe('measurement reminders through the webhook', () => {
  let t: TestApp;
  let server: Server;
  const received: { body: Record<string, unknown>; raw: string; headers: Record<string, unknown> }[] = [];
  // Monday 2026-03-09 07:30 in China: the morning window of a daily plan is open.
  let now = new Date('2026-03-08T23:30:00Z');

  beforeAll(async () => {
    server = createServer((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString()));
      req.on('end', () => {
        received.push({
          body: JSON.parse(text) as Record<string, unknown>,
          raw: text,
          headers: req.headers,
        });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    t = await createTestApp(
      'pglite',
      { careWebhookUrl: `http://127.0.0.1:${port}/hook`, careWebhookSecret: 'shared-secret' },
      () => now,
      'disabled',
    );
    const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
    await t.repository.update(system, 'Patient', 'rm-1', {
      resourceType: 'Patient',
      id: 'rm-1',
      gender: 'male',
      birthDate: '1970-01-01',
    });
  }, 120_000);
  afterAll(async () => {
    await t?.closeAll();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('sends each due session once, signed, and records the delivery', async () => {
    const plan = await t.request('/api/care/patients/rm-1/care-plan', {
      method: 'PUT',
      json: {},
      headers: { 'content-type': 'application/json' },
    });
    expect(plan.status).toBe(200);
    expect(((await plan.json()) as { monitoring: { schedule: string } }).monitoring.schedule).toBe('daily');
    // Two dispatches at once (two server replicas): the session is claimed before sending, so it goes once.
    const [first, second] = await Promise.all([
      t.request('/api/care/reminders/dispatch', { method: 'POST' }),
      t.request('/api/care/reminders/dispatch', { method: 'POST' }),
    ]);
    const counts = [
      (await first.json()) as { sent: number; skipped: number },
      (await second.json()) as { sent: number; skipped: number },
    ];
    expect(counts.map((c) => c.sent).sort()).toEqual([0, 1]);
    expect(counts.map((c) => c.skipped).sort()).toEqual([0, 1]);
    expect(received).toHaveLength(1);
    expect(received[0]!.body).toMatchObject({
      type: 'bp-measurement-reminder',
      patient: 'Patient/rm-1',
      session: 'morning',
      date: '2026-03-09',
    });
    // Signed with a timestamp (replay window 300 s around the sender's clock), verified as a receiver would.
    const header = (name: string) => received[0]!.headers[name.toLowerCase()] as string | undefined;
    expect(
      verifyWebhookSignature({ secret: 'shared-secret', body: received[0]!.raw, header, now }),
    ).toMatchObject({ ok: true });
    expect(
      verifyWebhookSignature({ secret: 'other-secret', body: received[0]!.raw, header, now }),
    ).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(
      verifyWebhookSignature({
        secret: 'shared-secret',
        body: received[0]!.raw,
        header,
        now: new Date(now.getTime() + 3_600_000),
      }),
    ).toMatchObject({ ok: false, reason: 'expired' });
    // Same window again: nothing new is sent.
    const again = await t.request('/api/care/reminders/dispatch', { method: 'POST' });
    expect(await again.json()).toEqual({ sent: 0, failed: 0, skipped: 1 });
    // Readings taken: the session is done, no reminder.
    now = new Date('2026-03-09T11:00:00Z'); // 19:00 local, evening window open
    await t.request('/api/bp/patients/rm-1/readings', {
      method: 'POST',
      body: csv([
        ['2026-03-09T18:55:00+08:00', 142, 90],
        ['2026-03-09T18:57:00+08:00', 140, 88],
      ]),
      headers: { 'content-type': 'text/csv' },
    });
    const evening = await t.request('/api/care/reminders/dispatch', { method: 'POST' });
    expect(await evening.json()).toEqual({ sent: 0, failed: 0, skipped: 0 });
    expect(received).toHaveLength(1);
  });
});
