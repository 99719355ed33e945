/**
 * Withdrawing a reading as entered in error (issue 20, decision 0020): the patient within 24 h of entering it, the
 * care team any reading; a reason required; the reading-store row and the Observations entered-in-error with a
 * Provenance and an audit entry; the reading leaves the readings list, the assessment and the alert evaluation; a
 * critical alert stays open with the note, a non-critical one raised only by it is closed. Bad input: 4xx, nothing
 * changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';

const START = Date.parse('2026-03-10T12:00:00Z');

describe.each(DATABASE_KINDS)('withdrawing a BP reading on %s', (kind) => {
  let t: TestApp;
  let now = new Date(START);
  let clinician = '';
  let nurse = '';
  let pharmacist = '';
  let patient = '';
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const system = { requestId: 'test', principal: SYSTEM_PRINCIPAL };

  const upload = async (
    token: string,
    patientId: string,
    sbp: number,
    dbp: number,
    key: string,
    time: string,
  ) => {
    const response = await t.request(`/api/bp/patients/${patientId}/readings?format=fhir&lang=zh-CN`, {
      method: 'POST',
      headers: auth(token),
      json: {
        resourceType: 'Observation',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
        identifier: [{ system: 'urn:qihuang:patient-entry', value: key }],
        subject: { reference: `Patient/${patientId}` },
        effectiveDateTime: time,
        component: [
          {
            code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
            valueQuantity: { value: sbp },
          },
          {
            code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] },
            valueQuantity: { value: dbp },
          },
        ],
      },
    });
    expect(response.status).toBeLessThan(300);
    const answer = (await response.json()) as { records: { id?: string }[] };
    return answer.records[0]!.id!;
  };
  const readings = async (token: string, patientId: string) =>
    (
      (await (
        await t.request(`/api/bp/patients/${patientId}/readings`, { headers: auth(token) })
      ).json()) as {
        readings: { id: string; sbp: number }[];
      }
    ).readings;
  const withdraw = (token: string, patientId: string, id: string, body: unknown, lang = 'en') =>
    t.request(`/api/bp/patients/${patientId}/readings/${id}/entered-in-error?lang=${lang}`, {
      method: 'POST',
      headers: { ...auth(token), 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  /** Moves the clock and signs everyone in again (tokens expire with the clock). */
  const at = async (hours: number) => {
    now = new Date(START + hours * 3_600_000);
    const login = async (username: string, password: string) => {
      const response = await t.request('/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      return ((await response.json()) as { access_token: string }).access_token;
    };
    clinician = await login('doc', 'doctor-password-1');
    nurse = await login('nurse', 'nurse-password-1');
    pharmacist = await login('pharm', 'pharm-password-1');
    patient = await login('pat', 'patient-password-1');
  };
  const fingerprint = async () =>
    (
      await sql<{ n: string }>`select
        (select count(*) from fhir_history) || '/' || (select count(*) from audit_entry where query = 'bp-reading-withdraw')
        || '/' || (select string_agg(id || status, ',' order by id) from bp_reading) as n`.execute(
        t.repository.db,
      )
    ).rows[0]!.n;

  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => now, 'required');
    clinician = await t.userToken({ username: 'doc', password: 'doctor-password-1', role: 'clinician' });
    nurse = await t.userToken({ username: 'nurse', password: 'nurse-password-1', role: 'nurse' });
    pharmacist = await t.userToken({ username: 'pharm', password: 'pharm-password-1', role: 'pharmacist' });
    for (const id of ['wd-p1', 'wd-p2']) {
      const put = await t.request(`/fhir/R4/Patient/${id}`, {
        method: 'PUT',
        headers: auth(clinician),
        json: { resourceType: 'Patient', id, gender: 'female', birthDate: '1960-01-01' },
      });
      expect(put.status).toBeLessThan(300);
    }
    patient = await t.userToken({
      username: 'pat',
      password: 'patient-password-1',
      role: 'patient',
      patientId: 'wd-p1',
    });
  });
  afterAll(async () => t.closeAll());

  it('the patient withdraws a duplicate: entered-in-error everywhere, Provenance, audit; gone from list and assessment', async () => {
    now = new Date(START);
    await upload(patient, 'wd-p1', 128, 82, 'k-1', '2026-03-10T19:00:00+08:00');
    const duplicate = await upload(patient, 'wd-p1', 168, 82, 'k-2', '2026-03-10T19:01:00+08:00');
    expect((await readings(patient, 'wd-p1')).map((r) => r.sbp)).toEqual([168, 128]);

    await at(1);
    const response = await withdraw(patient, 'wd-p1', duplicate, { reason: '手滑多按了一个 8' }, 'zh-CN');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      reading: `Observation/${duplicate}`,
      status: 'entered-in-error',
      alertEvaluation: 'done',
    });
    const observation = await t.repository.read(system, 'Observation', duplicate);
    expect(observation.status).toBe('entered-in-error');
    expect(JSON.stringify(observation.note)).toContain('手滑多按了一个 8');
    const row = await sql<{ status: string; pending: boolean }>`
      select status, pending from bp_reading where id = ${duplicate}`.execute(t.repository.db);
    expect(row.rows).toEqual([{ status: 'entered-in-error', pending: false }]);
    const provenance = await t.repository.search(system, 'Provenance', [
      ['target', `Observation/${duplicate}`],
    ]);
    expect(provenance.matches).toHaveLength(1);
    expect(provenance.matches[0]!.content).toMatchObject({
      activity: { coding: [{ code: 'NULLIFY' }] },
      reason: [{ text: '手滑多按了一个 8' }],
      agent: [{ who: { reference: 'Patient/wd-p1' } }],
    });
    const audited = await sql<{ principal_kind: string; query: string }>`
      select principal_kind, query from audit_entry where query = 'bp-reading-withdraw' order by seq`.execute(
      t.repository.db,
    );
    expect(audited.rows.map((r) => r.principal_kind).sort()).toEqual(['system', 'user']);
    // Gone from the phone's list and from the assessment.
    expect((await readings(patient, 'wd-p1')).map((r) => r.sbp)).toEqual([128]);
    const report = (await (
      await t.request('/api/bp/patients/wd-p1/assessment', { headers: auth(clinician) })
    ).json()) as { series: { sbp: number }[] };
    expect(report.series.map((s) => s.sbp)).toEqual([128]);
    // A re-send of the withdrawn entry (same key) does not revive it, even with other values.
    await upload(patient, 'wd-p1', 169, 82, 'k-2', '2026-03-10T19:01:00+08:00');
    await t.bpProjector?.drain?.();
    expect((await t.repository.read(system, 'Observation', duplicate)).status).toBe('entered-in-error');
    expect((await readings(patient, 'wd-p1')).map((r) => r.sbp)).toEqual([128]);
  });

  it('bad input is a clear 4xx and changes nothing', async () => {
    await at(2);
    const id = await upload(patient, 'wd-p1', 131, 84, 'k-3', '2026-03-10T20:00:00+08:00');
    const before = await fingerprint();
    const cases: [string, Response, number, RegExp][] = [
      ['no reason', await withdraw(patient, 'wd-p1', id, {}), 400, /reason is required/],
      ['blank reason', await withdraw(patient, 'wd-p1', id, { reason: ' ' }, 'zh-CN'), 400, /请填写撤回原因/],
      ['long reason', await withdraw(nurse, 'wd-p1', id, { reason: 'x'.repeat(501) }), 400, /500/],
      ['not JSON', await withdraw(nurse, 'wd-p1', id, '{'), 400, /not valid JSON/],
      ['unknown reading', await withdraw(nurse, 'wd-p1', 'bp-nope', { reason: 'dup' }), 404, /not known/],
      ['another patient', await withdraw(patient, 'wd-p2', id, { reason: 'dup' }), 404, /not known/],
      ['pharmacist', await withdraw(pharmacist, 'wd-p1', id, { reason: 'dup' }), 403, /care team/],
    ];
    for (const [name, response, status, message] of cases) {
      expect([name, response.status]).toEqual([name, status]);
      expect([name, JSON.stringify(await response.json())]).toEqual([name, expect.stringMatching(message)]);
    }
    expect(await fingerprint()).toBe(before);
    // Withdrawn once; a second time is 409 and changes nothing.
    expect((await withdraw(nurse, 'wd-p1', id, { reason: 'duplicate' })).status).toBe(200);
    const after = await fingerprint();
    const again = await withdraw(patient, 'wd-p1', id, { reason: 'duplicate' });
    expect(again.status).toBe(409);
    expect(await fingerprint()).toBe(after);
  });

  it('after 24 h the patient is refused (ask the care team); a nurse withdraws it', async () => {
    await at(3);
    const id = await upload(patient, 'wd-p1', 140, 90, 'k-4', '2026-03-10T21:00:00+08:00');
    await at(28);
    const late = await withdraw(patient, 'wd-p1', id, { reason: 'wrong arm' });
    expect(late.status).toBe(403);
    expect(JSON.stringify(await late.json())).toMatch(/within 24 hours/);
    const byNurse = await withdraw(nurse, 'wd-p1', id, { reason: 'patient called: wrong arm' });
    expect(byNurse.status).toBe(200);
    const provenance = await t.repository.search(system, 'Provenance', [['target', `Observation/${id}`]]);
    expect(provenance.matches[0]!.content).toMatchObject({ agent: [{ who: { display: 'user/nurse' } }] });
  });

  it('an office reading recorded by a clinician: the patient may not withdraw it, the clinician may', async () => {
    const put = await t.request('/fhir/R4/Observation/office-wd-1', {
      method: 'PUT',
      headers: auth(clinician),
      json: {
        resourceType: 'Observation',
        id: 'office-wd-1',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
        subject: { reference: 'Patient/wd-p1' },
        effectiveDateTime: '2026-03-11T09:00:00+08:00',
        component: [
          {
            code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
            valueQuantity: { value: 150 },
          },
          {
            code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] },
            valueQuantity: { value: 95 },
          },
        ],
      },
    });
    expect(put.status).toBe(201);
    const byPatient = await withdraw(patient, 'wd-p1', 'office-wd-1', { reason: 'not mine' });
    expect(byPatient.status).toBe(403);
    expect(JSON.stringify(await byPatient.json())).toMatch(/care team/);
    expect(
      (await withdraw(clinician, 'wd-p1', 'office-wd-1', { reason: 'other patient’s cuff' })).status,
    ).toBe(200);
    expect((await t.repository.read(system, 'Observation', 'office-wd-1')).status).toBe('entered-in-error');
  });

  it('a crisis alert stays open with the note (and in the timeliness counts); a warning raised only by it is closed', async () => {
    await at(30);
    const crisis = await upload(patient, 'wd-p1', 192, 126, 'k-5', '2026-03-11T21:00:00+08:00');
    const flags = await t.repository.search(system, 'Flag', [
      ['patient', 'wd-p1'],
      ['status', 'active'],
    ]);
    const crisisFlag = flags.matches.find((m) => JSON.stringify(m.content).includes(crisis));
    expect(crisisFlag).toBeDefined();
    // A warning alert naming only this reading (stored as the evaluator stores one).
    await t.repository.update(system, 'Flag', 'alert-wd-warning', {
      resourceType: 'Flag',
      id: 'alert-wd-warning',
      status: 'active',
      code: { coding: [{ system: 'urn:qihuang:bp-alert', code: 'rapid-rise' }], text: 'Rapid rise' },
      subject: { reference: 'Patient/wd-p1' },
      period: { start: now.toISOString() },
      extension: [
        {
          url: 'urn:qihuang:bp-alert-detail',
          valueString: JSON.stringify({ key: 'wd-warning', severity: 'warning', readingIds: [crisis] }),
        },
      ],
    });
    const timeliness = async () =>
      (
        (await (
          await t.request('/api/bp/alerts/timeliness?from=2026-03-01&to=2026-03-31', {
            headers: auth(clinician),
          })
        ).json()) as { alerts: number }
      ).alerts;
    expect(await timeliness()).toBe(1);

    await at(31);
    const response = await withdraw(patient, 'wd-p1', crisis, {
      reason: 'cuff slipped, measured again 128/80',
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { alerts: { id: string; outcome: string }[] };
    expect(answer.alerts).toEqual(
      expect.arrayContaining([
        { id: crisisFlag!.id, outcome: 'noted' },
        { id: 'alert-wd-warning', outcome: 'closed' },
      ]),
    );
    const inbox = (await (
      await t.request('/api/bp/alerts?status=all&patient=wd-p1', { headers: auth(clinician) })
    ).json()) as { id: string; status: string; withdrawn?: { id: string; by: string; reason: string }[] }[];
    const open = inbox.find((a) => a.id === crisisFlag!.id)!;
    expect(open.status).toBe('active');
    expect(open.withdrawn).toEqual([
      expect.objectContaining({ id: crisis, by: 'patient', reason: 'cuff slipped, measured again 128/80' }),
    ]);
    expect(inbox.find((a) => a.id === 'alert-wd-warning')?.status).toBe('inactive');
    // Still a critical alert to close (issue 20): counted, never silenced.
    expect(await timeliness()).toBe(1);
    // No new alert from the remaining readings.
    const active = await t.repository.search(system, 'Flag', [
      ['patient', 'wd-p1'],
      ['status', 'active'],
    ]);
    expect(active.matches.map((m) => m.id)).toEqual([crisisFlag!.id]);
  });

  it('raw FHIR: staff may not change the values of a patient-authored Observation (409), only withdraw it', async () => {
    await at(32);
    const id = await upload(patient, 'wd-p1', 135, 85, 'k-6', '2026-03-12T03:00:00+08:00');
    const current = await t.repository.read(system, 'Observation', id);
    const changed = JSON.parse(JSON.stringify(current)) as typeof current & {
      component: { valueQuantity: { value: number } }[];
    };
    changed.component[0]!.valueQuantity.value = 120;
    const before = await fingerprint();
    for (const token of [nurse, clinician]) {
      const put = await t.request(`/fhir/R4/Observation/${id}`, {
        method: 'PUT',
        headers: auth(token),
        json: changed,
      });
      expect(put.status).toBe(409);
      expect(JSON.stringify(await put.json())).toMatch(/entered-in-error/);
      const transaction = await t.request('/fhir/R4', {
        method: 'POST',
        headers: auth(token),
        json: {
          resourceType: 'Bundle',
          type: 'transaction',
          entry: [{ resource: changed, request: { method: 'PUT', url: `Observation/${id}` } }],
        },
      });
      expect(transaction.status).toBe(409);
      const del = await t.request(`/fhir/R4/Observation/${id}`, { method: 'DELETE', headers: auth(token) });
      expect(del.status).toBe(409);
    }
    expect(await fingerprint()).toBe(before);
    // The one change allowed: status → entered-in-error (values as they are), e.g. by an integration.
    const put = await t.request(`/fhir/R4/Observation/${id}`, {
      method: 'PUT',
      headers: auth(nurse),
      json: { ...current, status: 'entered-in-error', note: [{ text: 'duplicate' }] },
    });
    expect(put.status).toBe(200);
    expect((await readings(patient, 'wd-p1')).map((r) => r.sbp)).not.toContain(135);
  });
});
