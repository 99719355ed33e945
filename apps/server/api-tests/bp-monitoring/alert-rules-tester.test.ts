/**
 * Issue 17, a hospital tester's findings on the alert loop (decision 0009), end to end on the server:
 * 1. advice and alert follow one rule: a crisis reading inside the write-time look-back raises an alert and gets
 *    urgent advice naming when it was measured; an older one gets no "call 120 now", only a note to tell the clinic;
 * 2. while a critical crisis alert is open, a new crisis reading joins it (no second alert, no second escalation);
 * 3. the close form refuses impossible contact times and says what is wrong with a too-short action;
 * 4. each care-team route refuses others in its own words; 5. timeliness has both reading- and alert-based figures.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';

const NOW = new Date('2026-12-06T04:00:00Z'); // 12:00 in Shanghai

describe.each(DATABASE_KINDS)('alert rules found by the tester on %s', (kind) => {
  let t: TestApp;
  let now = NOW;
  let hook: Server;
  const received: { type: string; alert: string }[] = [];
  let clinician = '';
  let nurse = '';
  let pharmacist = '';
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const upload = async (patientId: string, csv: string, lang = 'zh-CN') => {
    const response = await t.request(`/api/bp/patients/${patientId}/readings?lang=${lang}`, {
      method: 'POST',
      headers: { ...auth(clinician), 'content-type': 'text/csv' },
      body: `time,sbp,dbp,unit\n${csv}`,
    });
    expect(response.status).toBeLessThan(300);
    return (await response.json()) as {
      records: { category: string }[];
      advice?: { level: string; title: string; steps: string[] };
    };
  };
  const alerts = async (patientId: string, status = 'all') =>
    (await (
      await t.request(`/api/bp/alerts?status=${status}&patient=${patientId}`, { headers: auth(clinician) })
    ).json()) as {
      id: string;
      kind: string;
      severity: string;
      status: string;
      readings: string[];
      joined?: { id: string; time: string; sbp: number; dbp: number }[];
    }[];

  beforeAll(async () => {
    hook = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push(JSON.parse(body) as { type: string; alert: string });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    const port = (hook.address() as AddressInfo).port;
    t = await createTestApp(
      kind,
      { careWebhookUrl: `http://127.0.0.1:${port}/hook`, bpAlertEscalateMinutes: 15 },
      () => now,
      'required',
    );
    clinician = await t.userToken({ username: 'doc', password: 'doctor-password-1', role: 'clinician' });
    nurse = await t.userToken({ username: 'nurse', password: 'nurse-password-1', role: 'nurse' });
    pharmacist = await t.userToken({ username: 'ph', password: 'pharma-password-1', role: 'pharmacist' });
    for (const id of ['tr-old', 'tr-3d', 'tr-dup', 'tr-close'])
      expect(
        (
          await t.request(`/fhir/R4/Patient/${id}`, {
            method: 'PUT',
            headers: auth(clinician),
            json: { resourceType: 'Patient', id, gender: 'male', birthDate: '1950-01-01' },
          })
        ).status,
      ).toBeLessThan(300);
  });
  afterAll(async () => {
    await t.closeAll();
    await new Promise((resolve) => hook.close(resolve));
  });

  it('item 1: a 35-day-old crisis reading gets no "call 120 now" and no alert; a note to tell the clinic', async () => {
    const answer = await upload('tr-old', '2026-11-01T08:00:00+08:00,210,130,mmHg');
    expect(answer.records[0]!.category).toBe('crisis');
    expect(answer.advice?.level).toBe('old-reading');
    const text = `${answer.advice!.title}\n${answer.advice!.steps.join('\n')}`;
    expect(text).not.toMatch(/120|马上|立即/);
    expect(text).toMatch(/11月1日/);
    expect(text).toMatch(/210\/130/);
    expect(text).toMatch(/诊所|医生/);
    expect((await alerts('tr-old')).filter((a) => a.kind === 'crisis' || a.severity === 'critical')).toEqual(
      [],
    );
    const en = await upload('tr-old', '2026-11-01T08:00:00+08:00,210,130,mmHg', 'en');
    expect(en.advice!.title).toMatch(/1 November/);
    expect(JSON.stringify(en.advice)).not.toMatch(/[\u4e00-\u9fff]|call 120/);
  });

  it('item 1: a 3-day-old crisis reading raises the alert and the urgent advice names the measured date', async () => {
    const answer = await upload('tr-3d', '2026-12-03T08:00:00+08:00,185,125,mmHg');
    expect(answer.advice?.level).toBe('crisis');
    expect(answer.advice!.title).toContain('您 12月3日 测量的 185/125');
    expect(answer.advice!.steps.join('\n')).toContain('拨打 120');
    const en = await upload('tr-3d', '2026-12-03T08:00:00+08:00,185,125,mmHg', 'en');
    expect(en.advice!.title).toContain('measured on 3 December');
    expect(JSON.stringify(en.advice)).not.toMatch(/[\u4e00-\u9fff]/);
    const raised = (await alerts('tr-3d')).filter((a) => a.kind === 'crisis');
    expect(raised.map((a) => [a.kind, a.severity])).toEqual([['crisis', 'critical']]);
    // Today's reading says "today" and its time, in the patient's zone.
    const today = await upload(
      'tr-3d',
      '2026-12-06T11:50:00+08:00,150,90,mmHg\n2026-12-06T11:55:00+08:00,190,100,mmHg',
    );
    expect(today.advice!.title).toContain('您今天 11:55 测量的 190/100');
  });

  it('item 2: a second crisis reading while the alert is open joins it; after close a new one is raised', async () => {
    await upload('tr-dup', '2026-12-06T11:50:00+08:00,192,118,mmHg');
    await t.bpAlerts.notifier.sweep();
    const [first] = await alerts('tr-dup');
    now = new Date(NOW.getTime() + 7 * 60_000);
    await upload('tr-dup', '2026-12-06T11:57:00+08:00,196,121,mmHg');
    await t.bpAlerts.notifier.sweep();
    const open = await alerts('tr-dup');
    expect(open).toHaveLength(1);
    expect(open[0]!.id).toBe(first!.id);
    expect(open[0]!.readings).toHaveLength(2);
    expect(open[0]!.joined).toMatchObject([{ sbp: 196, dbp: 121 }]);
    expect(Date.parse(open[0]!.joined![0]!.time)).toBe(Date.parse('2026-12-06T11:57:00+08:00'));
    const mine = received.filter((r) => r.alert === `Flag/${first!.id}`).map((r) => r.type);
    expect(mine).toEqual(['bp-critical-alert', 'bp-critical-alert-repeat']);
    // One escalation only, on the first alert's clock.
    now = new Date(NOW.getTime() + 20 * 60_000);
    await t.bpAlerts.notifier.sweep();
    await t.bpAlerts.notifier.sweep();
    expect(
      received.filter((r) => r.alert === `Flag/${first!.id}` && r.type === 'bp-critical-alert-escalated'),
    ).toHaveLength(1);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from bp_alert_notice where patient_id = 'tr-dup' and escalated_at is not null`.execute(
      t.repository.db,
    );
    expect(rows[0]!.n).toBe(1);
    const closed = await t.request(`/api/bp/alerts/${first!.id}/close`, {
      method: 'POST',
      headers: { ...auth(nurse), 'content-type': 'application/json' },
      body: JSON.stringify({
        contactedBy: 'Nurse Li',
        contactedAt: new Date(now.getTime() - 60_000).toISOString(),
        method: 'phone',
        patientReached: true,
        action: 'Advised to go to the emergency department',
      }),
    });
    expect(closed.status).toBe(200);
    now = new Date(NOW.getTime() + 30 * 60_000);
    await upload('tr-dup', '2026-12-06T12:29:00+08:00,200,125,mmHg');
    const after = (await alerts('tr-dup')).filter((a) => a.kind === 'crisis');
    expect(after).toHaveLength(2);
    const fresh = after.find((a) => a.id !== first!.id)!;
    expect(fresh.status).toBe('active');
    expect(fresh.readings).toHaveLength(1); // only the new reading, not the closed alert's
    // The timeliness report counts the alert once, never the "another reading" notice.
    now = new Date(NOW.getTime() + 31 * 60_000);
    const report = (await (
      await t.request('/api/bp/alerts/timeliness', { headers: auth(clinician) })
    ).json()) as { alerts: number };
    expect(report.alerts).toBe(3); // tr-3d, tr-dup (closed), tr-dup (new)
  });

  it('item 3: impossible contact times and a too-short action are refused, saying what is wrong', async () => {
    now = new Date(NOW.getTime() + 60 * 60_000);
    await upload('tr-close', '2026-12-06T12:40:00+08:00,199,119,mmHg'); // alert raised 13:00 (05:00Z)
    const [alert] = await alerts('tr-close', 'active');
    const close = (body: Record<string, unknown>, lang = 'en') =>
      t.request(`/api/bp/alerts/${alert!.id}/close`, {
        method: 'POST',
        headers: { ...auth(nurse), 'content-type': 'application/json', 'accept-language': lang },
        body: JSON.stringify({
          contactedBy: 'Nurse Li',
          contactedAt: new Date(now.getTime() - 60_000).toISOString(),
          method: 'phone',
          patientReached: true,
          action: 'Advised rest and a repeat reading',
          ...body,
        }),
      });
    const message = async (r: Response) => {
      expect(r.status).toBe(400);
      return JSON.stringify(await r.json());
    };
    expect(await message(await close({ contactedAt: '2026-12-06T12:30:00+08:00' }))).toMatch(
      /before the reading/,
    );
    expect(await message(await close({ contactedAt: '2026-12-06T12:45:00+08:00' }))).toMatch(
      /before the alert/,
    );
    expect(
      await message(await close({ contactedAt: new Date(now.getTime() + 60 * 60_000).toISOString() })),
    ).toMatch(/in the future/);
    const short = await message(await close({ action: 'x' }));
    expect(short).toMatch(/action is too short/);
    expect(short).not.toMatch(/action is required/);
    // Issue 17 (close refusal): the caller's language, times in the hospital's zone (Asia/Shanghai), never raw UTC.
    const future = await message(await close({ contactedAt: '2030-01-01T15:00:00.000Z' }, 'zh-CN,zh;q=0.9'));
    expect(future).toMatch(/联系时间 2030-01-01 23:00（Asia\/Shanghai）晚于现在/);
    expect((JSON.parse(future) as { error: { message: string } }).error.message).not.toMatch(
      /contactedAt|closed|\d{2}(:\d{2})*(\.\d+)?Z/,
    );
    expect(await message(await close({ contactedAt: '2030-01-01T15:00:00.000Z' }))).toMatch(
      /contactedAt \(2030-01-01 23:00 \(Asia\/Shanghai\)\) is in the future/,
    );
    expect(await message(await close({ action: 'x' }, 'zh-CN'))).toMatch(/处置措施太短/);
    expect((await alerts('tr-close', 'active')).map((a) => a.id)).toEqual([alert!.id]);
    expect((await close({})).status).toBe(200);
  });

  it('item 4: each care-team route refuses a pharmacist in its own words', async () => {
    const timeliness = await t.request('/api/bp/alerts/timeliness', { headers: auth(pharmacist) });
    expect(timeliness.status).toBe(403);
    const text = JSON.stringify(await timeliness.json());
    expect(text).toContain('The critical-value timeliness report is for the care team');
    expect(text).not.toContain('alert stream');
    const stream = await t.request('/api/bp/alerts/stream', {
      headers: { ...auth(pharmacist), accept: 'text/event-stream' },
    });
    expect(stream.status).toBe(403);
    expect(JSON.stringify(await stream.json())).toContain('The alert stream is for the care team');
  });

  it('item 5: timeliness answers reading- and alert-based figures, alert-based as the headline', async () => {
    const report = (await (
      await t.request('/api/bp/alerts/timeliness?target=30', { headers: auth(clinician) })
    ).json()) as Record<string, unknown>;
    expect(report.headline).toBe('alertToClose');
    for (const key of ['readingToClose', 'alertToClose'])
      expect(Object.keys(report[key] as object).sort()).toEqual(
        ['count', 'medianMinutes', 'p90Minutes', 'withinTargetPercent'].sort(),
      );
  });
});
