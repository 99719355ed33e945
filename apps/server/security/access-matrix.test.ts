/**
 * Access matrix (issue 15): every route of the built app × every principal (anonymous, each role, patient A,
 * patient B, API keys with no scopes / Observation.read / *.read) × own, other and linked patient ids. The
 * route list comes from the app itself (route-table.ts), so a new route is covered without editing this file.
 * The matrix runs once per database in beforeAll; each invariant is its own test over the recorded answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { PUBLIC_ROUTES, planOrder, plansFor, routeTable, type Plan } from './test-support/route-table.ts';
import {
  C,
  changed,
  createSecurityWorld,
  referencesIn,
  resourceTypesIn,
  serverErrorProblem,
  snapshotTracker,
  type Principal,
  type SecurityWorld,
} from './test-support/security-fixture.ts';

/** What one request did; bodies are reduced to the findings so the records stay small. */
interface Outcome {
  principal: Principal;
  plan: Plan;
  status: number;
  cacheControl: string;
  serverError?: string;
  leaks: string[];
  types: string[];
  changedAll: string[];
  changedOther: string[];
  ownCreatinineChanged: boolean;
}

/** Containers and metadata any authenticated caller may see whatever its scopes. */
const NEUTRAL_TYPES = new Set(['Bundle', 'OperationOutcome', 'CapabilityStatement']);
/** Requests that only read even though they are POSTs. */
const READ_POSTS = /^POST \/(kb\/search|guard\/check|fhir\/R4\/:type\/_search|cds-services\/:id$)/;

function leaksIn(p: Principal, world: SecurityWorld, text: string): string[] {
  if (!p.patient) return [];
  const found: string[] = [];
  for (const s of [p.other.mrn, p.other.family, p.other.given, p.other.phone, C.chartMarker])
    if (text.includes(s)) found.push(`text "${s}"`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return found;
  }
  const forbidden = new Set([`Patient/${p.other.id}`, `Patient/${C.id}`]);
  for (const ref of referencesIn(parsed))
    if ([...forbidden].some((f) => ref === f || ref.endsWith(`/${f}`))) found.push(`reference ${ref}`);
  const otherIds = new Set(Object.values(world.data[p.other.id]!).filter((v) => typeof v === 'string'));
  otherIds.add(world.cObservation);
  const walk = (v: unknown, depth: number): void => {
    if (depth > 100 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => walk(x, depth + 1));
    const r = v as { resourceType?: unknown; id?: unknown };
    if (typeof r.resourceType === 'string' && typeof r.id === 'string' && otherIds.has(r.id))
      found.push(`resource ${r.resourceType}/${r.id}`);
    for (const x of Object.values(v)) walk(x, depth + 1);
  };
  walk(parsed, 0);
  return found;
}

describe.each(DATABASE_KINDS)('access matrix on %s', (kind) => {
  let world: SecurityWorld;
  const outcomes: Outcome[] = [];
  let routeCount = 0;

  beforeAll(async () => {
    const started = performance.now();
    world = await createSecurityWorld(kind);
    const routes = routeTable(world.t.app);
    const tracker = await snapshotTracker(world);
    routeCount = routes.length;
    for (const p of world.principals) {
      const plans = routes.flatMap((r) => plansFor(world, p, r)).sort((a, b) => planOrder(a) - planOrder(b));
      const creatinineKey = `fhir|Observation/${world.data[p.own.id]!.creatinine}`;
      for (const plan of plans) {
        const response = await world.t.app.request(`http://localhost${plan.url}`, {
          method: plan.method,
          headers: { ...plan.headers, ...world.auth(p) },
          ...(plan.body === undefined ? {} : { body: plan.body }),
        });
        const text = await response.text();
        const { before, after } = await tracker.step();
        let types: string[] = [];
        try {
          types = [...resourceTypesIn(JSON.parse(text))];
        } catch {
          // not JSON (event streams, CSV): no resources to walk
        }
        const serverError = serverErrorProblem(response.status, text);
        outcomes.push({
          principal: p,
          plan,
          status: response.status,
          cacheControl: response.headers.get('cache-control') ?? '',
          ...(serverError ? { serverError } : {}),
          leaks: leaksIn(p, world, text),
          types,
          changedAll: changed(before, after),
          changedOther: p.patient
            ? [...changed(before, after, p.other.id), ...changed(before, after, C.id)]
            : [],
          ownCreatinineChanged: before.get(creatinineKey)?.stamp !== after.get(creatinineKey)?.stamp,
        });
      }
    }
    const principals = new Set(outcomes.map((o) => o.principal.name)).size;
    console.log(
      `[security] access matrix on ${kind}: ${outcomes.length} requests, ${routeCount} routes, ${principals} principals, ${Math.round(performance.now() - started)} ms`,
    );
  });
  afterAll(async () => world?.t.closeAll());

  const describeOutcome = (o: Outcome, extra = '') =>
    `${o.principal.name} ${o.plan.method} ${o.plan.url} [${o.plan.target}] → ${o.status}${extra ? ` ${extra}` : ''}`;

  it('covers every route of the app for every principal', () => {
    const routes = routeTable(world.t.app);
    expect(routes.length).toBeGreaterThan(90);
    for (const p of world.principals) {
      const covered = new Set(outcomes.filter((o) => o.principal === p).map((o) => o.plan.route));
      expect(routes.filter((r) => !covered.has(`${r.method} ${r.path}`))).toEqual([]);
    }
  });

  it('no request answers a server error (item 12)', () => {
    expect(outcomes.filter((o) => o.serverError).map((o) => describeOutcome(o, o.serverError))).toEqual([]);
  });

  it('anonymous callers get 401 on every non-public route', () => {
    const wrong = outcomes.filter(
      (o) => o.principal.name === 'anonymous' && !PUBLIC_ROUTES.has(o.plan.route) && o.status !== 401,
    );
    expect(wrong.map((o) => describeOutcome(o))).toEqual([]);
  });

  it("a patient never receives the other patient's identifiers, names or resources, nor the linked chart, nor earlier versions filed under the other patient (items 2, 13)", () => {
    const leaking = outcomes.filter((o) => o.leaks.length);
    expect(leaking.map((o) => describeOutcome(o, o.leaks.join(', ')))).toEqual([]);
  });

  it("a patient never changes the other patient's data or the linked patient's (item 1)", () => {
    const writes = outcomes.filter((o) => o.changedOther.length);
    expect(writes.map((o) => describeOutcome(o, o.changedOther.join(', ')))).toEqual([]);
  });

  it('a patient cannot update or delete the clinician-recorded creatinine in their own chart (item 3)', () => {
    const patients = outcomes.filter((o) => o.principal.patient);
    const tried = patients.filter(
      (o) =>
        o.plan.target === 'own' &&
        ['PUT', 'DELETE'].includes(o.plan.method) &&
        o.plan.url.includes(world.data[o.principal.own.id]!.creatinine),
    );
    expect(tried.length).toBeGreaterThanOrEqual(4); // PUT, conditional PUT, DELETE for both patients
    const changedIt = patients.filter((o) => o.ownCreatinineChanged);
    expect(changedIt.map((o) => describeOutcome(o))).toEqual([]);
    expect(tried.filter((o) => o.status < 400).map((o) => describeOutcome(o))).toEqual([]);
  });

  it('API keys receive only the resource types their scopes grant (item 6)', () => {
    const wrong = outcomes.filter((o) => {
      const granted = o.principal.keyTypes;
      if (granted === undefined) return false;
      return o.types.some((type) =>
        NEUTRAL_TYPES.has(type) ? false : granted === '*' ? type === 'AuditEvent' : !granted.includes(type),
      );
    });
    expect(wrong.map((o) => describeOutcome(o, o.types.join(',')))).toEqual([]);
  });

  it('patient data is never cached: FHIR and /api answers carry Cache-Control: no-store (item 14)', () => {
    const wrong = outcomes.filter(
      (o) => /^\/(fhir|api)\//.test(o.plan.url) && o.status < 300 && !/no-store/.test(o.cacheControl),
    );
    expect(wrong.map((o) => describeOutcome(o, `cache-control "${o.cacheControl}"`))).toEqual([]);
  });

  it('a refused write changes nothing', () => {
    const wrong = outcomes.filter((o) => o.plan.method !== 'GET' && o.status >= 400 && o.changedAll.length);
    expect(wrong.map((o) => describeOutcome(o, o.changedAll.join(', ')))).toEqual([]);
  });

  it('reads have no side effects (item 8: the BP assessment GET writes no Flags)', () => {
    const wrong = outcomes.filter((o) => o.plan.method === 'GET' && o.changedAll.length);
    expect(wrong.map((o) => describeOutcome(o, o.changedAll.join(', ')))).toEqual([]);
  });

  it('read-only API keys change nothing: no knowledge collections or documents (item 5), no records', () => {
    const wrong = outcomes.filter(
      (o) => o.principal.keyTypes !== undefined && !READ_POSTS.test(o.plan.route) && o.changedAll.length,
    );
    expect(wrong.map((o) => describeOutcome(o, o.changedAll.join(', ')))).toEqual([]);
    const managed = outcomes.filter(
      (o) =>
        o.principal.keyTypes !== undefined &&
        /^(POST|DELETE) \/kb\/collections/.test(o.plan.route) &&
        o.status < 300,
    );
    expect(managed.map((o) => describeOutcome(o))).toEqual([]);
  });
});
