/**
 * The route table of the built app (Hono's own list, middleware removed) and, for each route and principal, a
 * few plausible requests with the path parameters filled with the principal's own ids, the other patient's and
 * C's. A route nobody listed here still gets requests (unknown parameters get a placeholder, bodies default to
 * `{}`), so a new route is covered by the matrix the day it is mounted.
 */
import type { Hono } from 'hono';
import { inspectRoutes } from 'hono/dev';
import { C, observation, type PatientMarks, type Principal, type SecurityWorld } from './security-fixture.ts';

export interface Route {
  method: string;
  path: string;
}

/** Routes anyone may call without credentials. */
export const PUBLIC_ROUTES: ReadonlySet<string> = new Set([
  'GET /healthz',
  'GET /readyz',
  'GET /openapi.json',
  'POST /auth/login',
  'GET /cds-services',
]);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any app's routes
export function routeTable(app: Hono<any, any, any>): Route[] {
  const seen = new Set<string>();
  const routes: Route[] = [];
  for (const r of inspectRoutes(app)) {
    if (r.isMiddleware) continue;
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    routes.push({ method: r.method, path: r.path });
  }
  return routes;
}

export type Target = 'own' | 'other' | 'linked' | 'none';

export interface Plan {
  route: string;
  method: string;
  url: string;
  target: Target;
  headers: Record<string, string>;
  body?: string;
}

/** The FHIR types whose routes the matrix exercises (each with seeded rows for both patients). */
export const MATRIX_TYPES = ['Patient', 'Observation', 'Flag', 'MedicationRequest'] as const;

interface Value {
  value: string;
  target: Target;
  /** For FHIR ids: which seeded resource it is. */
  what?: string;
}

function idsOfType(world: SecurityWorld, p: Principal, type: string): Value[] {
  const of = (patient: PatientMarks, target: Target): Value[] => {
    const d = world.data[patient.id]!;
    switch (type) {
      case 'Patient':
        return [{ value: patient.id, target, what: 'patient' }];
      case 'Observation':
        return [
          { value: d.creatinine, target, what: 'creatinine' },
          ...(target === 'own'
            ? [
                { value: d.homeReading, target, what: 'home' },
                { value: d.moved, target, what: 'moved' },
              ]
            : []),
        ];
      case 'Flag':
        return [{ value: d.flag, target, what: 'flag' }];
      case 'MedicationRequest':
        return [{ value: d.draft, target, what: 'draft' }];
      default:
        return [{ value: 'sec-unknown', target: 'none' }];
    }
  };
  // C (linked to A) matters to patients only; staff and keys see it like any other patient.
  const linked: Value[] = !p.patient
    ? []
    : type === 'Patient'
      ? [{ value: C.id, target: 'linked', what: 'patient' }]
      : type === 'Observation'
        ? [{ value: world.cObservation, target: 'linked', what: 'creatinine' }]
        : [];
  return [...of(p.own, 'own'), ...of(p.other, 'other'), ...linked];
}

function paramValues(world: SecurityWorld, p: Principal, path: string, name: string): Value[] {
  const both = (pick: (patient: PatientMarks) => string): Value[] => [
    { value: pick(p.own), target: 'own' },
    { value: pick(p.other), target: 'other' },
  ];
  const d = (patient: PatientMarks) => world.data[patient.id]!;
  if (name === 'vid') return [{ value: '1', target: 'none' }];
  if (name === 'cid') return both((x) => d(x).consultation);
  if (name === 'mrid') return both((x) => d(x).draft);
  if (name === 'id') {
    if (path.includes('/patients/:id')) return both((x) => x.id);
    if (path.startsWith('/api/bp/alerts/')) return both((x) => d(x).flag);
    if (path.startsWith('/api/pharmacy/queue/')) return both((x) => d(x).draft);
    if (path.startsWith('/admin/users/')) return [{ value: world.victimUserId, target: 'none' }];
    if (path.startsWith('/admin/api-keys/')) return [{ value: world.victimKeyId, target: 'none' }];
    if (path.startsWith('/kb/collections/'))
      return [
        { value: world.collectionId, target: 'none' },
        { value: 'sec-missing-collection', target: 'none' },
      ];
    if (path.startsWith('/cds-services/'))
      return world.cdsServices.map((value) => ({ value, target: 'none' }));
  }
  return [{ value: `sec-missing-${name.toLowerCase()}`, target: 'none' }];
}

const JSON_HEADERS = { 'content-type': 'application/json' };
const FHIR_HEADERS = { 'content-type': 'application/fhir+json' };

/** The body a caller would send to a non-FHIR route (default `{}`). */
function apiBody(world: SecurityWorld, p: Principal, route: Route, patientId: string): string | undefined {
  const key = `${route.method} ${route.path}`;
  const bodies: Record<string, unknown> = {
    'POST /auth/login': { username: 'sec-victim', password: 'security-suite-password-1' },
    'POST /api/bp/patients/:id/readings': undefined,
    'POST /api/care/patients/:id/medication-adherence': { date: '2026-03-09', taken: true },
    'POST /api/care/patients/:id/consultations': { language: 'en' },
    'POST /api/care/consultations/:cid/messages': { text: 'I had a headache this morning' },
    'POST /api/care/patients/:id/narrative': { language: 'en' },
    'POST /api/care/patients/:id/proposal': { language: 'en' },
    'POST /api/care/prescriptions/:mrid/sign': { acknowledge: [] },
    'POST /api/care/patients/:id/copilot': { messages: [{ role: 'user', content: 'Summarise the chart' }] },
    'POST /api/pharmacy/queue/:id/return': { reason: 'dose check' },
    'POST /cds-services/:id': {
      hook: 'order-sign',
      hookInstance: '0d8d0c4e-8a3a-4b7a-9c61-5d0f7c1f0a01',
      context: {
        userId: 'Practitioner/sec-dr',
        patientId,
        draftOrders: { resourceType: 'Bundle', type: 'collection', entry: [] },
      },
    },
    'POST /kb/collections': { name: `sec-new-${p.name}` },
    'POST /kb/collections/:id/documents': { filename: 'note.txt', text: 'Home blood pressure targets' },
    'POST /kb/search': { query: 'blood pressure target' },
    'POST /guard/check': { answer: 'Amlodipine 5 mg once daily', question: 'What dose?' },
    'POST /v1/chat/completions': { model: 'sec-model', messages: [{ role: 'user', content: 'hello' }] },
    'POST /v1/embeddings': { model: 'sec-model', input: 'hello' },
    'POST /admin/users': {
      username: `sec-new-${p.name.toLowerCase()}`,
      password: 'another-password-1',
      role: 'nurse',
    },
    'PATCH /admin/users/:id': { displayName: 'Renamed by the matrix' },
    'POST /admin/api-keys': { name: `sec-new-${p.name}`, scopes: [] },
  };
  if (key === 'POST /api/bp/patients/:id/readings') {
    return `time,sbp,dbp,unit,heart_rate,device_id\n2026-03-09T12:00:00+08:00,150,95,mmHg,70,cuff-S`;
  }
  if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method) || route.method === 'DELETE')
    return undefined;
  return JSON.stringify(key in bodies ? bodies[key] : {});
}

function fhirResource(
  type: string,
  v: Value,
  p: Principal,
  subject: string,
  performer: string,
): Record<string, unknown> {
  const id = v.target === 'none' ? {} : { id: v.value };
  switch (type) {
    case 'Patient':
      return { resourceType: 'Patient', ...id, name: [{ family: 'Matrixwritten' }], gender: 'other' };
    case 'Observation':
      // The clinician's creatinine 2.9 → 0.8; a home reading 71 → 64.
      return v.what === 'home'
        ? observation(subject, performer, '8867-4', 64, '/min', v.value)
        : observation(subject, performer, '2160-0', 0.8, 'mg/dL', v.target === 'none' ? undefined : v.value);
    case 'Flag':
      return {
        resourceType: 'Flag',
        ...id,
        status: 'inactive',
        code: { text: 'Fall risk' },
        subject: { reference: `Patient/${subject}` },
      };
    case 'MedicationRequest':
      return {
        resourceType: 'MedicationRequest',
        ...id,
        status: 'active',
        intent: 'order',
        medicationCodeableConcept: { text: 'amlodipine 10 mg tablet' },
        subject: { reference: `Patient/${subject}` },
      };
    default:
      return { resourceType: type, ...id };
  }
}

const patientOf = (p: Principal, v: Value) =>
  v.target === 'other' ? p.other.id : v.target === 'linked' ? C.id : p.own.id;

function fhirPlans(world: SecurityWorld, p: Principal, route: Route): Plan[] {
  const key = `${route.method} ${route.path}`;
  const self = p.patient ? `Patient/${p.own.id}` : 'Practitioner/sec-dr';
  const plans: Plan[] = [];
  const add = (url: string, target: Target, body?: unknown, headers: Record<string, string> = FHIR_HEADERS) =>
    plans.push({
      route: key,
      method: route.method,
      url,
      target,
      headers: body === undefined ? {} : headers,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  const patients: Value[] = [
    { value: p.own.id, target: 'own' },
    { value: p.other.id, target: 'other' },
    ...(p.patient ? [{ value: C.id, target: 'linked' as const }] : []),
  ];
  if (key === 'GET /fhir/R4/metadata') add('/fhir/R4/metadata', 'none');
  else if (key === 'POST /fhir/R4') {
    for (const v of patients.slice(0, 2))
      add('/fhir/R4', v.target, {
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [
          {
            fullUrl: 'urn:uuid:5b0e9a4c-1d2e-4f3a-8b6c-7d8e9f0a1b2c',
            resource: observation(v.value, self, '8867-4', 66, '/min'),
            request: { method: 'POST', url: 'Observation' },
          },
        ],
      });
  } else if (key === 'GET /fhir/R4/Patient/:id/$everything') {
    for (const v of patients) add(`/fhir/R4/Patient/${v.value}/$everything`, v.target);
  } else {
    for (const type of MATRIX_TYPES) {
      const base = `/fhir/R4/${type}`;
      const ids = idsOfType(world, p, type);
      switch (key) {
        case 'GET /fhir/R4/:type':
          add(base, 'none');
          for (const v of patients)
            add(
              type === 'Patient'
                ? `${base}?_id=${v.value}&_revinclude=Observation:subject`
                : `${base}?patient=${v.value}&_include=${type}:subject`,
              v.target,
            );
          break;
        case 'POST /fhir/R4/:type/_search':
          for (const v of patients)
            add(`${base}/_search`, v.target, `${type === 'Patient' ? '_id' : 'patient'}=${v.value}`, {
              'content-type': 'application/x-www-form-urlencoded',
            });
          break;
        case 'GET /fhir/R4/:type/_history':
          add(`${base}/_history`, 'none');
          break;
        case 'POST /fhir/R4/:type':
          for (const v of patients.slice(0, 2)) {
            add(base, v.target, fhirResource(type, { value: '', target: 'none' }, p, v.value, self));
            // The reverse pairing: the caller as subject, the other patient as performer.
            if (type === 'Observation' && v.target === 'other')
              add(base, v.target, observation(p.own.id, `Patient/${v.value}`, '8867-4', 67, '/min'));
          }
          break;
        case 'PUT /fhir/R4/:type':
          for (const v of ids)
            add(`${base}?_id=${v.value}`, v.target, fhirResource(type, v, p, patientOf(p, v), self));
          break;
        case 'PUT /fhir/R4/:type/:id':
          for (const v of ids) {
            add(`${base}/${v.value}`, v.target, fhirResource(type, v, p, patientOf(p, v), self));
            // Moving one's own record into the other patient's chart.
            if (v.target === 'own' && type !== 'Patient')
              add(`${base}/${v.value}`, 'other', fhirResource(type, v, p, p.other.id, self));
          }
          break;
        case 'GET /fhir/R4/:type/:id':
        case 'DELETE /fhir/R4/:type/:id':
        case 'GET /fhir/R4/:type/:id/_history':
        case 'GET /fhir/R4/:type/:id/_history/:vid':
          for (const v of ids)
            add(route.path.replace(':type', type).replace(':id', v.value).replace(':vid', '1'), v.target);
          break;
        default:
          // A FHIR route this table does not know yet: fill it generically.
          for (const v of ids)
            add(
              route.path.replace(':type', type).replace(/:[A-Za-z]+/g, v.value),
              v.target,
              ['GET', 'DELETE'].includes(route.method)
                ? undefined
                : fhirResource(type, v, p, patientOf(p, v), self),
            );
      }
    }
  }
  return plans;
}

/** Every request the matrix sends for this route as this principal. */
export function plansFor(world: SecurityWorld, p: Principal, route: Route): Plan[] {
  if (route.path.startsWith('/fhir/')) return fhirPlans(world, p, route);
  const names = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
  let fills: { path: string; target: Target; patient: string }[] = [
    { path: route.path.replace(/\/\*$/, '/sec-any'), target: 'none', patient: p.own.id },
  ];
  for (const name of names) {
    const next: typeof fills = [];
    for (const fill of fills)
      for (const v of paramValues(world, p, route.path, name))
        next.push({
          path: fill.path.replace(`:${name}`, encodeURIComponent(v.value)),
          target: v.target === 'none' ? fill.target : v.target,
          patient: v.target === 'other' ? p.other.id : fill.patient,
        });
    fills = next;
  }
  const method = route.method === 'ALL' ? 'GET' : route.method;
  return fills.map((fill) => {
    const body = apiBody(world, p, { ...route, method }, fill.patient);
    const csv = route.path.endsWith('/readings');
    const query =
      route.path === '/api/bp/alerts' || route.path === '/api/pharmacy/queue'
        ? `?patient=${fill.patient}`
        : '';
    return {
      route: `${route.method} ${route.path}`,
      method,
      url: fill.path + query,
      target: fill.target,
      headers: body === undefined ? {} : csv ? { 'content-type': 'text/csv' } : JSON_HEADERS,
      ...(body === undefined ? {} : { body }),
    };
  });
}

/** Order within one principal: reads, then writes, then deletes, then sign-out (so the token lives to the end). */
export function planOrder(plan: Plan): number {
  if (plan.route === 'POST /auth/logout') return 3;
  if (plan.method === 'DELETE') return 2;
  return plan.method === 'GET' ? 0 : 1;
}
