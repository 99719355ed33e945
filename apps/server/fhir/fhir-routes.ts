/**
 * FHIR R4 REST API (mounted at /fhir/R4). A thin HTTP layer over FhirRepository: every error becomes an
 * OperationOutcome; every success carries ETag, Last-Modified and (on create) Location.
 */
import { Hono, type Context } from 'hono';
import { QihuangError, type AuditRecord } from '@qihuang/contracts';
import { capabilityStatement, isResourceType } from '@qihuang/fhir';
import { processBatch, processTransaction, type FhirRepository, type FhirResource } from '@qihuang/store';
import {
  notifyWritten,
  writtenInBundle,
  type WriteObserver,
  type WrittenResource,
} from '@qihuang/store/write-observer';
import { requestContext, type AppEnv } from '../context.ts';
import { safeError } from '../logging.ts';
import { historyBundle, searchsetBundle, searchsetBundleJson } from './fhir-bundles.ts';
import { FHIR_JSON, fhirError } from './fhir-error.ts';
import { auditRefusal } from './refusal-audit.ts';

const STARTED = new Date().toISOString();

export { FHIR_JSON };

export interface FhirRouteDeps {
  repository: FhirRepository;
  /** Optional handler for AuditEvent searches (the audit log is not stored as FHIR resources). */
  auditEvents?: (c: Context<AppEnv>) => Promise<Record<string, unknown>>;
  softwareVersion: string;
  security?: Parameters<typeof capabilityStatement>[0]['security'];
  /**
   * Called after every committed create, update, conditional write, batch and transaction (e.g. BP alert
   * evaluation, issue 17). A follow-up that could not finish is retried by its owner; the write stands and the
   * answer carries `X-Qihuang-Alert-Evaluation: pending`.
   */
  writeObservers?: readonly WriteObserver[];
}

function fhirJson(c: Context, body: unknown, status = 200, headers: Record<string, string> = {}) {
  return c.body(JSON.stringify(body), status as 200, { 'Content-Type': FHIR_JSON, ...headers });
}

async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (type && !/json/i.test(type)) {
    throw new QihuangError('invalid-input', `Content-Type must be application/fhir+json, got "${type}"`, {
      status: 415,
    });
  }
  const text = await c.req.text();
  if (!text.trim())
    throw new QihuangError('invalid-input', 'The request body is empty; a FHIR JSON resource is required');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new QihuangError('invalid-input', `The body is not valid JSON: ${(error as Error).message}`, {
      issues: [{ severity: 'error', code: 'structure', message: 'malformed JSON' }],
    });
  }
}

function assertType(type: string): void {
  if (!isResourceType(type)) {
    throw new QihuangError('not-found', `Unknown resource type "${type}"`, {
      issues: [
        { severity: 'error', code: 'not-supported', message: `Resource type ${type} is not supported` },
      ],
    });
  }
}

function versionHeaders(resource: FhirResource): Record<string, string> {
  const meta = (resource.meta ?? {}) as { versionId?: string; lastUpdated?: string };
  const headers: Record<string, string> = {};
  if (meta.versionId) headers.ETag = `W/"${meta.versionId}"`;
  if (meta.lastUpdated) headers['Last-Modified'] = new Date(meta.lastUpdated).toUTCString();
  return headers;
}

function baseUrl(c: Context): string {
  const url = new URL(c.req.url);
  return `${url.origin}/fhir/R4`;
}

/** `_since` as the store needs it: an instant (or a date), or a 400 — never a database cast error. */
function sinceParam(c: Context): string | undefined {
  const since = c.req.query('_since');
  if (since === undefined) return undefined;
  if (!isInstant(since))
    throw new QihuangError(
      'invalid-input',
      '_since must be an instant (YYYY-MM-DDThh:mm:ss[.sss]Z or ±hh:mm) or a date (YYYY-MM-DD)',
      { issues: [{ severity: 'error', code: 'value', message: 'invalid _since', expression: ['_since'] }] },
    );
  return since;
}

const INSTANT_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2})))?$/;

export function isInstant(value: string): boolean {
  const m = INSTANT_RE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return false;
  if (m[8] !== undefined && (Number(m[8]) > 14 || Number(m[9]) > 59)) return false;
  return true;
}

/** Version ids are integers the database holds; a larger number names no version (404, not a cast error). */
function versionParam(vid: string, type: string, id: string): string {
  if (/^\d+$/.test(vid) && Number(vid) > 2_147_483_647)
    throw new QihuangError('not-found', `${type}/${id} has no version ${vid.slice(0, 24)}`);
  return vid;
}

function pagingParams(c: Context): { count: number; offset: number } {
  const count = Math.min(Math.max(Number(c.req.query('_count') ?? 50) || 50, 1), 1000);
  const offset = Math.max(Number(c.req.query('_offset') ?? 0) || 0, 0);
  return { count, offset };
}

export function createFhirRoutes(deps: FhirRouteDeps): Hono<AppEnv> {
  const { repository } = deps;
  const app = new Hono<AppEnv>();
  const observe = async (c: Context<AppEnv>, written: WrittenResource[]): Promise<Record<string, string>> => {
    const outcome = await notifyWritten(deps.writeObservers ?? [], requestContext(c), written);
    return outcome ? { 'X-Qihuang-Alert-Evaluation': outcome } : {};
  };
  const one = (resource: FhirResource): WrittenResource[] => [
    { resourceType: resource.resourceType, id: String(resource.id), resource },
  ];

  app.onError(async (error, c) => {
    const shaped = fhirError(error);
    const status = shaped.status;
    // A client that went away (navigated on) is not a server fault: noted, without a stack.
    if (status >= 500 && c.req.raw.signal.aborted)
      c.get('log')?.info('FHIR request ended: the client went away');
    else if (status >= 500) c.get('log')?.error({ error: safeError(error) }, 'FHIR request failed');
    if (error instanceof QihuangError)
      await auditRefusal(repository, c, status, error.code).catch((auditError: unknown) =>
        c.get('log')?.error({ error: safeError(auditError) }, 'refused request could not be audited'),
      );
    return fhirJson(c, shaped.body, status, shaped.headers);
  });

  app.get('/metadata', (c) =>
    fhirJson(
      c,
      capabilityStatement({
        baseUrl: baseUrl(c),
        software: { name: 'Qihuang', version: deps.softwareVersion },
        date: STARTED,
        conditionalCreate: true,
        conditionalUpdate: true,
        security: deps.security,
      }),
    ),
  );

  app.post('/', async (c) => {
    const body = (await readJson(c)) as { type?: string };
    const ctx = requestContext(c);
    if (body?.type === 'batch') {
      const batch = await processBatch(repository, ctx, body);
      return fhirJson(c, batch, 200, await observe(c, writtenInBundle(batch)));
    }
    const result = await processTransaction(repository, ctx, body);
    return fhirJson(c, result.bundle, 200, await observe(c, writtenInBundle(result.bundle)));
  });

  const search = async (c: Context<AppEnv>, type: string, params: URLSearchParams) => {
    assertType(type);
    if (type === 'AuditEvent' && deps.auditEvents) return fhirJson(c, await deps.auditEvents(c));
    params.delete('_format');
    params.delete('_pretty');
    const offset = Number(params.get('_offset') ?? 0) || 0;
    params.delete('_offset');
    // Resources as the database's JSON text, spliced into the Bundle unparsed (fhir-bundles.ts), and sent as
    // bytes encoded once (a string body is measured for Content-Length and then encoded again to be written).
    const result = await repository.searchJson(requestContext(c), type, [
      ...params.entries(),
      ['_offset', String(offset)],
    ]);
    const selfUrl = new URL(c.req.url);
    const bundle = searchsetBundleJson({
      base: baseUrl(c),
      selfUrl,
      total: result.total,
      matches: result.matches,
      included: result.included,
      count: result.parsed.count,
      offset: result.parsed.offset,
    });
    return c.body(Buffer.from(bundle), 200, { 'Content-Type': FHIR_JSON });
  };

  app.get('/:type', (c) => search(c, c.req.param('type'), new URL(c.req.url).searchParams));
  app.post('/:type/_search', async (c) => {
    const form = new URLSearchParams(await c.req.text());
    for (const [k, v] of new URL(c.req.url).searchParams) form.append(k, v);
    return search(c, c.req.param('type'), form);
  });

  app.get('/:type/_history', async (c) => {
    const type = c.req.param('type');
    assertType(type);
    const { count, offset } = pagingParams(c);
    const result = await repository.history(requestContext(c), type, undefined, {
      count,
      offset,
      since: sinceParam(c),
    });
    return fhirJson(c, historyBundle(baseUrl(c), new URL(c.req.url), result.total, result.entries));
  });

  app.get('/Patient/:id/$everything', async (c) => {
    const { count, offset } = pagingParams(c);
    const id = c.req.param('id');
    const result = await repository.everything(requestContext(c), id, {
      count: c.req.query('_count') ? count : 1000,
      offset,
    });
    return fhirJson(
      c,
      searchsetBundle({
        base: baseUrl(c),
        selfUrl: new URL(c.req.url),
        total: result.total,
        matches: result.rows,
        included: [],
        count: c.req.query('_count') ? count : 1000,
        offset,
      }),
    );
  });

  app.post('/:type', async (c) => {
    const type = c.req.param('type');
    assertType(type);
    const body = await readJson(c);
    const ifNoneExist = c.req.header('if-none-exist');
    const result = await repository.create(requestContext(c), body, { ifNoneExist, resourceType: type });
    const { resource } = result;
    const version = (resource.meta as { versionId?: string }).versionId;
    const headers = {
      ...versionHeaders(resource),
      Location: `${baseUrl(c)}/${type}/${resource.id}/_history/${version}`,
      ...(result.created ? await observe(c, one(resource)) : {}),
    };
    return fhirJson(c, resource, result.created ? 201 : 200, headers);
  });

  app.put('/:type', async (c) => {
    // Conditional update: PUT /Type?search
    const type = c.req.param('type');
    assertType(type);
    const query = new URL(c.req.url).search;
    if (!query)
      throw new QihuangError(
        'invalid-input',
        'PUT needs an id (/Type/id) or search parameters (conditional update)',
      );
    const body = await readJson(c);
    const ctx = requestContext(c);
    const result = await processTransaction(repository, ctx, {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [{ resource: body as FhirResource, request: { method: 'PUT', url: `${type}${query}` } }],
    });
    const entry = (result.bundle.entry as { resource: FhirResource; response: { status: string } }[])[0]!;
    return fhirJson(c, entry.resource, entry.response.status.startsWith('201') ? 201 : 200, {
      ...versionHeaders(entry.resource),
      ...(await observe(c, writtenInBundle(result.bundle))),
    });
  });

  app.get('/:type/:id', async (c) => {
    const type = c.req.param('type');
    assertType(type);
    const resource = await repository.read(requestContext(c), type, c.req.param('id'));
    return fhirJson(c, resource, 200, versionHeaders(resource));
  });

  app.put('/:type/:id', async (c) => {
    const type = c.req.param('type');
    assertType(type);
    const body = await readJson(c);
    const result = await repository.update(requestContext(c), type, c.req.param('id'), body, {
      ifMatch: c.req.header('if-match'),
    });
    const headers = { ...versionHeaders(result.resource), ...(await observe(c, one(result.resource))) };
    if (result.created) headers.Location = `${baseUrl(c)}/${type}/${result.resource.id}/_history/1`;
    return fhirJson(c, result.resource, result.created ? 201 : 200, headers);
  });

  app.delete('/:type/:id', async (c) => {
    const type = c.req.param('type');
    assertType(type);
    await repository.delete(requestContext(c), type, c.req.param('id'));
    return c.body(null, 204);
  });

  app.get('/:type/:id/_history', async (c) => {
    const type = c.req.param('type');
    assertType(type);
    const { count, offset } = pagingParams(c);
    const result = await repository.history(requestContext(c), type, c.req.param('id'), {
      count,
      offset,
      since: sinceParam(c),
    });
    return fhirJson(c, historyBundle(baseUrl(c), new URL(c.req.url), result.total, result.entries));
  });

  app.get('/:type/:id/_history/:vid', async (c) => {
    const type = c.req.param('type');
    assertType(type);
    const id = c.req.param('id');
    const vid = versionParam(c.req.param('vid'), type, id);
    const resource = await repository.vread(requestContext(c), type, id, vid);
    return fhirJson(c, resource, 200, versionHeaders(resource));
  });

  return app;
}

export type { AuditRecord };
