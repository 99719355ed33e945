/**
 * The security suite's world: the whole app with authentication, two patients (A, B) with data written the way
 * real users write it (clinician-recorded creatinine, home readings, a Flag, a draft MedicationRequest, a
 * consultation), a third patient C whose Patient record links to A (issue 15 item 2), and one principal per
 * role plus API keys with narrow scopes. Also: a snapshot of every data table (to prove that a refused write or
 * a read changed nothing) and the response checks shared by the matrix and the hostile corpus.
 */
import { sql } from 'kysely';
import type { DatabaseKind } from '@qihuang/store';
import { createTestApp, type TestApp } from '../../test-support.ts';

export const NOW = new Date('2026-03-10T12:00:00Z');

/** Distinctive values, so a leak is found by a plain substring search of a response body. */
export interface PatientMarks {
  id: string;
  family: string;
  given: string;
  mrn: string;
  phone: string;
}
export const A: PatientMarks = {
  id: 'sec-pa',
  family: 'Alphaqin',
  given: 'Anwenly',
  mrn: 'MRN-ALPHA-71001',
  phone: '13900071001',
};
export const B: PatientMarks = {
  id: 'sec-pb',
  family: 'Bravozhang',
  given: 'Bolinde',
  mrn: 'MRN-BRAVO-82002',
  phone: '13900082002',
};
/** Patient C links to A (Patient.link): C's chart must not reach A through the link. */
export const C = { id: 'sec-pc', chartMarker: 'charlie-chart-marker-93003' };

export type PrincipalName =
  | 'anonymous'
  | 'admin'
  | 'clinician'
  | 'nurse'
  | 'pharmacist'
  | 'auditor'
  | 'patientA'
  | 'patientB'
  | 'keyNoScopes'
  | 'keyObservationRead'
  | 'keyAllRead';

export interface Principal {
  name: PrincipalName;
  token?: string;
  /** The patient this principal is (patients) or a default "own" patient for staff and keys. */
  own: PatientMarks;
  other: PatientMarks;
  patient: boolean;
  /** API keys: the resource types their scopes grant ('*' = all but AuditEvent). */
  keyTypes?: readonly string[] | '*';
}

/** Per patient: ids of the seeded resources (the matrix fills path parameters with these). */
export interface PatientData {
  creatinine: string;
  homeReading: string;
  flag: string;
  draft: string;
  consultation: string;
  /** Recorded by the clinician in the other patient's chart, then moved into this one (history spans both). */
  moved: string;
  carePlanReady: boolean;
}

export interface SecurityWorld {
  t: TestApp;
  kind: DatabaseKind;
  principals: Principal[];
  data: Record<string, PatientData>;
  cObservation: string;
  victimUserId: string;
  victimKeyId: string;
  collectionId: string;
  /** CDS Hooks service ids from discovery. */
  cdsServices: string[];
  auth(p: Principal): Record<string, string>;
}

const PASSWORD = 'security-suite-password-1';

async function json<T>(response: Response, what: string): Promise<T> {
  const text = await response.text();
  if (response.status >= 300) throw new Error(`seed ${what}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

function patientResource(p: PatientMarks, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    resourceType: 'Patient',
    id: p.id,
    identifier: [{ system: 'urn:oid:2.16.840.1.113883.2.4.6.3', value: p.mrn }],
    name: [{ family: p.family, given: [p.given] }],
    telecom: [{ system: 'phone', value: p.phone }],
    gender: 'female',
    birthDate: '1958-04-02',
    ...extra,
  };
}

export function observation(
  subject: string,
  performer: string,
  code: string,
  value: number,
  unit: string,
  id?: string,
): Record<string, unknown> {
  return {
    resourceType: 'Observation',
    ...(id ? { id } : {}),
    status: 'final',
    category: [
      {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' },
        ],
      },
    ],
    code: { coding: [{ system: 'http://loinc.org', code }] },
    subject: { reference: `Patient/${subject}` },
    performer: [{ reference: performer }],
    effectiveDateTime: '2026-03-08T08:00:00Z',
    valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
  };
}

/** A week of home readings (CSV, as a cuff exports them), high enough to raise an alert. */
function homeReadingsCsv(): string {
  const rows = ['time,sbp,dbp,unit,heart_rate,device_id'];
  for (let d = 3; d <= 9; d++) {
    const day = `2026-03-${String(d).padStart(2, '0')}`;
    rows.push(`${day}T07:00:00+08:00,168,104,mmHg,72,cuff-S`, `${day}T21:00:00+08:00,166,102,mmHg,72,cuff-S`);
  }
  return rows.join('\n');
}

export async function createSecurityWorld(kind: DatabaseKind): Promise<SecurityWorld> {
  const t = await createTestApp(kind, {}, () => NOW, 'required');
  const db = t.repository.db;
  const token: Partial<Record<PrincipalName, string>> = {};
  for (const role of ['admin', 'clinician', 'nurse', 'pharmacist', 'auditor'] as const)
    token[role] = await t.userToken({ username: `sec-${role}`, password: PASSWORD, role });
  const bearer = (name: PrincipalName) => ({ Authorization: `Bearer ${token[name]}` });
  const staff = bearer('clinician');

  // Patients are registered by a clinician; C links to A.
  for (const resource of [
    patientResource(A),
    patientResource(B),
    {
      resourceType: 'Patient',
      id: C.id,
      name: [{ family: 'Charliewen', given: ['Cuiling'] }],
      gender: 'male',
      link: [{ other: { reference: `Patient/${A.id}` }, type: 'seealso' }],
    },
  ]) {
    await json(
      await t.request(`/fhir/R4/Patient/${String(resource.id)}`, {
        method: 'PUT',
        headers: staff,
        json: resource,
      }),
      `Patient/${String(resource.id)}`,
    );
  }
  token.patientA = await t.userToken({
    username: 'sec-patient-a',
    password: PASSWORD,
    role: 'patient',
    patientId: A.id,
  });
  token.patientB = await t.userToken({
    username: 'sec-patient-b',
    password: PASSWORD,
    role: 'patient',
    patientId: B.id,
  });

  const data: Record<string, PatientData> = {};
  for (const [p, who] of [
    [A, 'patientA'],
    [B, 'patientB'],
  ] as const) {
    const post = async (path: string, body: unknown, headers: Record<string, string>) =>
      json<{ id: string }>(await t.request(path, { method: 'POST', headers, json: body }), path);
    // Creatinine 2.9 mg/dL recorded by the clinician (drives eGFR and prescription review).
    const creatinine = await post(
      '/fhir/R4/Observation',
      observation(p.id, 'Practitioner/sec-dr', '2160-0', 2.9, 'mg/dL'),
      staff,
    );
    // A home heart-rate reading the patient entered themself.
    const home = await post(
      '/fhir/R4/Observation',
      {
        ...observation(p.id, `Patient/${p.id}`, '8867-4', 71, '/min'),
        category: [
          {
            coding: [
              { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' },
            ],
          },
        ],
      },
      bearer(who),
    );
    const flag = await post(
      '/fhir/R4/Flag',
      {
        resourceType: 'Flag',
        status: 'active',
        code: { text: 'Fall risk' },
        subject: { reference: `Patient/${p.id}` },
      },
      staff,
    );
    const draft = await post(
      '/fhir/R4/MedicationRequest',
      {
        resourceType: 'MedicationRequest',
        status: 'draft',
        intent: 'proposal',
        medicationCodeableConcept: { text: 'amlodipine 5 mg tablet' },
        subject: { reference: `Patient/${p.id}` },
        dosageInstruction: [{ text: '5 mg once daily' }],
      },
      staff,
    );
    // Not essential to the world: a failure here shows up as a finding of the matrix, not a failed seed.
    const readings = await t.request(`/api/bp/patients/${p.id}/readings`, {
      method: 'POST',
      headers: { ...bearer(who), 'content-type': 'text/csv' },
      body: homeReadingsCsv(),
    });
    if (readings.status >= 300)
      console.warn(`[security] seed: BP upload for ${p.id} answered ${readings.status}`);
    // Filed under the other patient first, then corrected to this one: its version 1 is the other's (item 13).
    const elsewhere = p === A ? B : A;
    const moved = await post(
      '/fhir/R4/Observation',
      observation(elsewhere.id, 'Practitioner/sec-dr', '2345-7', 6.1, 'mmol/L'),
      staff,
    );
    await json(
      await t.request(`/fhir/R4/Observation/${moved.id}`, {
        method: 'PUT',
        headers: staff,
        json: observation(p.id, 'Practitioner/sec-dr', '2345-7', 6.1, 'mmol/L', moved.id),
      }),
      'moved observation',
    );
    const consultation = await post(
      `/api/care/patients/${p.id}/consultations`,
      { language: 'en' },
      bearer(who),
    );
    const plan = await t.request(`/api/care/patients/${p.id}/care-plan`, {
      method: 'PUT',
      headers: staff,
      json: {},
    });
    data[p.id] = {
      creatinine: creatinine.id,
      homeReading: home.id,
      flag: flag.id,
      draft: draft.id,
      consultation: consultation.id,
      moved: moved.id,
      carePlanReady: plan.status < 300,
    };
  }
  await t.bpProjector.drain();
  const cObs = await json<{ id: string }>(
    await t.request('/fhir/R4/Observation', {
      method: 'POST',
      headers: staff,
      json: {
        ...observation(C.id, 'Practitioner/sec-dr', '2160-0', 1.1, 'mg/dL'),
        note: [{ text: C.chartMarker }],
      },
    }),
    'C observation',
  );

  const admin = await t.identity.createUser(db, {
    username: 'sec-victim',
    password: PASSWORD,
    role: 'nurse',
  });
  const key = async (name: string, scopes: string[]) =>
    t.identity.createApiKey(db, { name, scopes }, admin.id);
  const victimKey = await key('sec-victim-key', []);
  const keyNone = await key('sec-key-none', []);
  const keyObs = await key('sec-key-obs', ['system/Observation.read']);
  const keyAll = await key('sec-key-all', ['system/*.read']);
  token.keyNoScopes = keyNone.key;
  token.keyObservationRead = keyObs.key;
  token.keyAllRead = keyAll.key;
  const collection = await json<{ id: string }>(
    await t.request('/kb/collections', {
      method: 'POST',
      headers: { ...bearer('admin'), 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'sec-collection', allowedRoles: ['clinician', 'patient'] }),
    }),
    'kb collection',
  );

  const discovery = await json<{ services: { id: string }[] }>(await t.request('/cds-services'), 'discovery');

  const staffPrincipal = (name: PrincipalName, keyTypes?: Principal['keyTypes']): Principal => ({
    name,
    token: token[name],
    own: A,
    other: B,
    patient: false,
    ...(keyTypes ? { keyTypes } : {}),
  });
  // Order matters: patients and keys first (the data they probe is still as seeded), staff last (they may
  // legitimately change or delete it).
  const principals: Principal[] = [
    { name: 'anonymous', own: A, other: B, patient: false },
    { name: 'patientA', token: token.patientA, own: A, other: B, patient: true },
    { name: 'patientB', token: token.patientB, own: B, other: A, patient: true },
    staffPrincipal('keyNoScopes', []),
    staffPrincipal('keyObservationRead', ['Observation']),
    staffPrincipal('keyAllRead', '*'),
    staffPrincipal('auditor'),
    staffPrincipal('pharmacist'),
    staffPrincipal('nurse'),
    staffPrincipal('clinician'),
    staffPrincipal('admin'),
  ];
  return {
    t,
    kind,
    principals,
    data,
    cObservation: cObs.id,
    victimUserId: admin.id,
    victimKeyId: victimKey.id,
    collectionId: collection.id,
    cdsServices: discovery.services.map((s) => s.id),
    auth: (p): Record<string, string> => (p.token ? { Authorization: `Bearer ${p.token}` } : {}),
  };
}

/** One row per stored thing: `table|key` → a version stamp, with the patient it belongs to when known. */
export type Snapshot = Map<string, { stamp: string; patients: string[] }>;

/**
 * Every data table that a request could change, keyed by row. Audit, tokens, login throttle, gateway usage and
 * CDS card state are left out: they change on reads by design.
 */
const SNAPSHOT_ROWS = sql`
    select 'fhir|' || resource_type || '/' || id as k, version_id::text || ':' || deleted::text as stamp,
      case when resource_type = 'Patient' then array_append(compartments, id) else compartments end as patients
      from fhir_resource
    union all select 'bp|' || patient_id || '/' || id, version::text || ':' || pending::text, array[patient_id]
      from bp_reading
    union all select 'consultation|' || id, status || ':' || step_index::text || ':' ||
      jsonb_array_length(messages)::text || ':' || coalesce(saved::text, ''), array[patient_id]
      from care_consultation
    union all select 'adherence|' || patient_id || '/' || day, taken::text, array[patient_id]
      from care_medication_adherence
    union all select 'user|' || id, role || ':' || disabled::text || ':' || coalesce(patient_id, '') || ':' ||
      password_hash, null from identity_user
    union all select 'key|' || id, coalesce(revoked_at::text, '') || ':' || array_to_string(scopes, ','), null
      from identity_api_key
    union all select 'kb|' || id, name, null from kb_collection
    union all select 'kbdoc|' || id, collection_id, null from kb_document
    union all select 'eval|' || id, status, null from eval_run
    union all select 'dossier|' || id, id, null from eval_dossier`;

export async function snapshot(world: SecurityWorld): Promise<Snapshot> {
  const { rows } = await sql<{
    k: string;
    stamp: string;
    patients: string[] | null;
  }>`${SNAPSHOT_ROWS}`.execute(world.t.repository.db);
  return new Map(rows.map((r) => [r.k, { stamp: r.stamp, patients: r.patients ?? [] }]));
}

/**
 * Snapshots around a run of requests, cheaply: after each request only a digest of the rows is read; the rows
 * themselves only when the digest moved. (Requests run one at a time, so "after" of one is "before" of the next.)
 */
export async function snapshotTracker(
  world: SecurityWorld,
): Promise<{ step(): Promise<{ before: Snapshot; after: Snapshot }> }> {
  const digest = async () =>
    (
      await sql<{ d: string | null }>`select md5(string_agg(k || '=' || stamp, ',' order by k)) as d
        from (${SNAPSHOT_ROWS}) rows`.execute(world.t.repository.db)
    ).rows[0]?.d ?? '';
  let baseline = await snapshot(world);
  let last = await digest();
  return {
    step: async () => {
      const now = await digest();
      if (now === last) return { before: baseline, after: baseline };
      const before = baseline;
      baseline = await snapshot(world);
      last = await digest();
      return { before, after: baseline };
    },
  };
}

/** Keys whose row appeared, vanished or changed (optionally only rows of one patient). */
export function changed(before: Snapshot, after: Snapshot, patientId?: string): string[] {
  const out: string[] = [];
  const concerns = (v: { patients: string[] } | undefined) => !patientId || !!v?.patients.includes(patientId);
  for (const [k, v] of before) {
    const now = after.get(k);
    if ((concerns(v) || concerns(now)) && now?.stamp !== v.stamp) out.push(k);
  }
  for (const [k, v] of after) if (!before.has(k) && concerns(v)) out.push(`+${k}`);
  return out;
}

/**
 * A server error is a failure. 501 (not supported) and 503 (no model configured, service unavailable) are
 * answers, but only as a shaped error with a code that is not `internal`.
 */
export function serverErrorProblem(status: number, body: string): string | undefined {
  if (status < 500) return undefined;
  if (status === 501 || status === 503) {
    if (/"(code|type)":"(not-supported|unavailable|model-not-configured)"/.test(body)) return undefined;
    if (/"resourceType":"OperationOutcome"/.test(body) && !/Internal error/.test(body)) return undefined;
  }
  return `${status}: ${body.slice(0, 200)}`;
}

/** Every `resourceType` string anywhere in a JSON value (Bundles, nested and contained resources). */
export function resourceTypesIn(value: unknown, out = new Set<string>(), depth = 0): Set<string> {
  if (depth > 200 || value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    for (const item of value) resourceTypesIn(item, out, depth + 1);
    return out;
  }
  for (const [k, v] of Object.entries(value)) {
    if (k === 'resourceType' && typeof v === 'string') out.add(v);
    else resourceTypesIn(v, out, depth + 1);
  }
  return out;
}

/** Every `reference` value anywhere in a JSON value. */
export function referencesIn(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 200 || value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    for (const item of value) referencesIn(item, out, depth + 1);
    return out;
  }
  for (const [k, v] of Object.entries(value)) {
    if (k === 'reference' && typeof v === 'string') out.push(v);
    else referencesIn(v, out, depth + 1);
  }
  return out;
}
