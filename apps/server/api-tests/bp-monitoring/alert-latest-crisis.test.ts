/**
 * Issue 20 item 2: once a later crisis reading joined an open crisis alert, the alert's own text names the latest
 * crisis reading and when it was measured, so every screen that shows the alert's summary (the /alerts inbox, the
 * care tab's emergency banner, the chart) says what the patient has now, not only the reading that raised it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';

const NOW = new Date('2026-12-07T02:30:00Z'); // 10:30 in Shanghai

describe.each(DATABASE_KINDS)('the alert text names the latest crisis reading on %s', (kind) => {
  let t: TestApp;
  let now = NOW;
  let clinician = '';
  const auth = () => ({ Authorization: `Bearer ${clinician}` });
  const upload = async (csv: string) => {
    const response = await t.request(`/api/bp/patients/lc-1/readings?lang=zh-CN`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'text/csv' },
      body: `time,sbp,dbp,unit\n${csv}`,
    });
    expect(response.status).toBeLessThan(300);
  };
  const alerts = async () =>
    (await (await t.request(`/api/bp/alerts?status=active&patient=lc-1`, { headers: auth() })).json()) as {
      kind: string;
      summary: { zh: string; en: string };
    }[];

  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => now, 'required');
    clinician = await t.userToken({ username: 'doc', password: 'doctor-password-1', role: 'clinician' });
    const put = await t.request(`/fhir/R4/Patient/lc-1`, {
      method: 'PUT',
      headers: auth(),
      json: { resourceType: 'Patient', id: 'lc-1', gender: 'male', birthDate: '1950-01-01' },
    });
    expect(put.status).toBeLessThan(300);
  });
  afterAll(async () => {
    await t.closeAll();
  });

  it('the summary says the later crisis reading and its time after it joined', async () => {
    await upload('2026-12-06T08:00:00+08:00,198,130,mmHg');
    const [raised] = (await alerts()).filter((a) => a.kind === 'crisis');
    expect(raised!.summary.zh).toContain('198/130');
    now = new Date(NOW.getTime() + 5 * 60_000);
    await upload('2026-12-07T10:34:00+08:00,192,126,mmHg');
    const open = (await alerts()).filter((a) => a.kind === 'crisis');
    expect(open).toHaveLength(1);
    const { zh, en } = open[0]!.summary;
    expect(zh).toContain('198/130');
    expect(zh).toMatch(/最新危急读数 192\/126 mmHg[^;；]*10:34/);
    expect(en).toMatch(/latest crisis reading 192\/126 mmHg[^;]*10:34/);
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
    // A second joined reading replaces the "latest" (no stacking of earlier latest readings).
    now = new Date(NOW.getTime() + 10 * 60_000);
    await upload('2026-12-07T10:39:00+08:00,186,122,mmHg');
    const again = (await alerts()).filter((a) => a.kind === 'crisis')[0]!.summary.zh;
    expect(again).toMatch(/最新危急读数 186\/122 mmHg[^;；]*10:39/);
    expect(again).not.toContain('192/126');
    expect(again.match(/最新危急读数/g)).toHaveLength(1);
    // The instruction is said once, at the end, as a sentence (a non-author try read it twice, without 。).
    for (const text of [raised!.summary.zh, zh, again]) {
      expect(text.match(/请立即评估有无靶器官损害症状/g)).toHaveLength(1);
      expect(text).toMatch(/请立即评估有无靶器官损害症状。$/);
    }
  });
});
