/**
 * Wires the packages into one app: the FHIR repository with access and audit hooks, identity, and every
 * mount. The only place that knows all route families.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import { withAgentNames } from './audit-agent-names.ts';
import { withPatientNames } from './audit-patient-names.ts';
import { patientLinkCheck } from './patient-link-check.ts';
import { createAuditLog, parseAuditDateParams, searchAuditEvents, type AuditLog } from '@qihuang/audit';
import {
  BP_OPENAPI,
  createAlertEvaluator,
  createAlertHub,
  createAlertNotifier,
  createBpRoutes,
  createAbpmRoutes,
  ABPM_OPENAPI,
  createReadingProjector,
  type AlertEvaluator,
  type AlertHub,
  type AlertNotifier,
  type ReadingProjector,
} from '@qihuang/bp-monitoring';
import {
  CARE_OPENAPI,
  createCareRoutes,
  dispatchReminders,
  gatewayCareModel,
  type CareDeps,
  type CareSettings,
} from '@qihuang/care';
import { createCdsHooksRoutes, createDatabaseCardState } from '@qihuang/cds-hooks';
import type { Config } from '@qihuang/config';
import { QihuangError, SYSTEM_PRINCIPAL, type RequestContext } from '@qihuang/contracts';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { createEvalRoutes, gatewayModel } from '@qihuang/eval';
import { createGuardRoutes } from '@qihuang/guard';
import { createKnowledgeBase, createKnowledgeRoutes, type KnowledgeBase } from '@qihuang/knowledge';
import { createPharmacyReviewRoutes, PHARMACY_OPENAPI } from '@qihuang/pharmacy-review';
import {
  authenticate,
  createAdminRoutes,
  createAuthRoutes,
  createIdentity,
  requireAccess,
  requireRole,
  type Identity,
} from '@qihuang/identity';
import { analyzeGrownTables, FhirRepository, type Database } from '@qihuang/store';
import { createApiRefusalAudit } from './api-refusal-audit.ts';
import { createApp, type Mount } from './app.ts';
import { consoleMiddleware } from './console-static.ts';
import { createClientAddress, requestContext, type AppEnv } from './context.ts';
import { CDS_OPENAPI } from './openapi-cds.ts';
import { AUTH_OPENAPI, KNOWLEDGE_OPENAPI } from './openapi-auth.ts';
import { wireGateway } from './wire-gateway.ts';
import { wireKnowledgeModels } from './wire-knowledge.ts';

export interface BuildOptions {
  config: Config;
  database: Database;
  log: Logger;
  version: string;
  clock?: () => Date;
  /** 'disabled' = every caller is the local system user (tests of FHIR semantics only; never the server). */
  authentication?: 'required' | 'disabled';
  /**
   * Periodic gateway health checks from the start (default true: the console shows each provider's state
   * without "check now"); tests that count upstream requests turn them off.
   */
  gatewayHealthChecks?: boolean;
}

export interface BuiltApp {
  app: Hono<AppEnv>;
  repository: FhirRepository;
  identity: Identity;
  knowledge: KnowledgeBase;
  audit: AuditLog;
  /** The hypertension-care service's dependencies (demo seeding uses them). */
  care: CareDeps;
  /** Projects uploaded BP readings into FHIR Observations (drain() waits for all). */
  bpProjector: ReadingProjector;
  /** BP alerts acted on when readings arrive: evaluation (with retry), notification and escalation. */
  bpAlerts: { evaluator: AlertEvaluator; notifier: AlertNotifier; hub: AlertHub };
  close(): Promise<void>;
  /** /readyz answers 503 while not ready (e.g. demo data still loading). */
  setReady(ready: boolean): void;
}

export async function buildApp(options: BuildOptions): Promise<BuiltApp> {
  const { config, database, log, clock } = options;
  const db = database.db;
  // Every audit append goes through the refusal audit, which then knows a request already logged its failure.
  const refusals = createApiRefusalAudit(createAuditLog({ clock }), db);
  const audit = refusals.audit;
  const identity = createIdentity({ db, clock });
  const repository = new FhirRepository(db, {
    clock,
    authorize: (principal, resourceType, mode) => void requireAccess(principal, resourceType, mode),
    audit: async (executor, ctx, record) => void (await audit.append(executor, ctx, record)),
  });
  const required = options.authentication !== 'disabled';
  const authn = required
    ? (authenticate({ db, clock, identity }) as unknown as MiddlewareHandler<AppEnv>)
    : undefined;
  const context = (c: unknown) => requestContext(c as Context<AppEnv>);
  const readiness = { ready: true };
  const mounts: Mount[] = [];

  mounts.push({
    path: '/auth',
    public: true,
    routes: createAuthRoutes({ db, clock, identity, audit }),
    openapi: AUTH_OPENAPI.auth,
  });
  // Large uploads are projected into FHIR Observations in the background; every 5 s it also picks up
  // readings another replica left pending.
  // BP alerts on every write path (issue 17): evaluation with a retry queue, then the care team is told
  // (console stream, webhook, FHIR Communication) and unclosed critical alerts are escalated; both sweep every 5 s.
  const alertHub = createAlertHub();
  const alertNotifier = createAlertNotifier(repository, {
    hub: alertHub,
    escalateAfterMinutes: config.bpAlertEscalateMinutes,
    ...(config.careWebhookUrl
      ? {
          webhook: {
            url: config.careWebhookUrl,
            ...(config.careWebhookSecret ? { secret: config.careWebhookSecret } : {}),
          },
        }
      : {}),
    ...(clock ? { clock } : {}),
    onError: (error) => log.error({ err: error }, 'BP alert notification failed; will retry'),
  });
  const alertEvaluator = createAlertEvaluator(repository, {
    timeZone: config.timeZone,
    onRaised: () => alertNotifier.kick(),
    onError: (error) => log.error({ err: error }, 'BP alert evaluation failed; queued for retry'),
  });
  alertEvaluator.start(5000);
  alertNotifier.start(5000);
  const bpProjector = createReadingProjector(repository, {
    intervalMs: 5000,
    onError: (error) => log.error({ err: error }, 'BP readings could not be projected into FHIR; will retry'),
    evaluate: (patientIds, cause) => alertEvaluator.evaluate(patientIds, cause),
  });
  mounts.push({
    path: '/api/bp',
    routes: createBpRoutes({
      repository,
      context,
      clock,
      projector: bpProjector,
      evaluator: alertEvaluator,
      hub: alertHub,
      escalateAfterMinutes: config.bpAlertEscalateMinutes,
      timeZone: config.timeZone,
    }),
    openapi: BP_OPENAPI,
  });
  mounts.push({ path: '/api/abpm', routes: createAbpmRoutes({ repository, context, clock, timeZone: config.timeZone }), openapi: ABPM_OPENAPI }); // prettier-ignore

  const drugKnowledge = createDrugKnowledgeBase();
  const cardState = createDatabaseCardState(db, {
    onError: (error) => log.error({ err: error }, 'CDS card state could not be written'),
  });
  mounts.push({
    path: '/api/pharmacy',
    routes: createPharmacyReviewRoutes({ repository, context, drugs: drugKnowledge, clock, timeZone: config.timeZone, identity }), // prettier-ignore
    openapi: PHARMACY_OPENAPI,
  });
  // CDS Hooks: discovery is public; calls and feedback need a caller; feedback goes to the audit log.
  const cdsContext = new AsyncLocalStorage<RequestContext>();
  const cds = new Hono<AppEnv>();
  if (authn) {
    cds.use('/cds-services/:id', authn);
    cds.use('/cds-services/:id/*', authn);
  }
  cds.use('/cds-services/:id/*', async (c, next) => cdsContext.run(context(c), next));
  cds.route(
    '/',
    createCdsHooksRoutes({
      kb: drugKnowledge,
      state: cardState,
      fetch: globalThis.fetch,
      // fhirServer: only allow-listed servers are fetched; this platform's own FHIR is read in-process as the caller.
      fhirServers: config.cdsFhirServers,
      // Card times in the hospital's zone; the cards' language comes from Accept-Language (decision 0016).
      config: { timeZone: config.timeZone },
      ownFhir: {
        path: '/fhir/R4',
        read: async (relativeUrl, request) => {
          const authorization = request.headers.get('authorization');
          return app.request(`/fhir/R4/${relativeUrl}`, {
            headers: { accept: 'application/fhir+json', ...(authorization ? { authorization } : {}) },
          });
        },
      },
      ...(clock ? { now: clock } : {}),
      feedbackSink: {
        record: async (entry) => {
          const ctx = cdsContext.getStore();
          if (!ctx) return;
          await audit.append(db, ctx, {
            action: 'cds-feedback',
            outcome: 'success',
            patientIds: entry.patientId ? [entry.patientId] : [],
            detail: {
              service: entry.serviceId,
              card: entry.card,
              outcome: entry.outcome,
              finding: entry.findingId,
              overrideReason: entry.overrideReason?.code ?? entry.overrideReason?.display,
            },
          });
        },
      },
    }),
  );
  mounts.push({ path: '/', public: true, routes: cds, openapi: CDS_OPENAPI });

  // Evaluation centre: admins and clinicians run and review evaluations; auditors may read reports. Dossier
  // signatures are open to staff roles: the route checks the signer's role against the slot signed.
  const evaluation = new Hono<AppEnv>();
  evaluation.use('*', async (c, next) => {
    const principal = c.get('principal');
    if (c.req.method === 'GET') requireRole(principal, 'admin', 'clinician', 'auditor');
    else if (c.req.path.endsWith('/signatures'))
      requireRole(principal, 'admin', 'clinician', 'auditor', 'pharmacist', 'nurse');
    else requireRole(principal, 'admin', 'clinician');
    await next();
  });
  evaluation.route(
    '/',
    createEvalRoutes({
      db,
      // Models are reached through the in-process gateway (created below; used only once requests arrive).
      resolveModel: (name) => gatewayModel(gateway.runtime, name),
      onDossierChange: () => gateway.runtime.invalidateApprovals(),
      ...(clock ? { clock } : {}),
    }),
  );
  mounts.push({ path: '/eval', routes: evaluation });

  // Knowledge base (keyword search always; vectors when an embedding model and pgvector are available) and the
  // grounding guard, checking answers against the drug knowledge base and the engines. Both call models in-process
  // through the gateway (wire-knowledge.ts), so the gateway runtime is made first; its routes mount below.
  const gateway = await wireGateway({ config, database, identity, audit, log });
  if (options.gatewayHealthChecks ?? true) gateway.runtime.startHealthChecks();
  const models = wireKnowledgeModels(gateway.runtime, log);
  const knowledge = createKnowledgeBase({
    db,
    embed: models.embed,
    vectorsEnabled: models.vectorsEnabled,
    warn: (message: string) => log.warn(message),
  });
  mounts.push({ path: '/kb', routes: createKnowledgeRoutes({ knowledge }), openapi: KNOWLEDGE_OPENAPI.kb });
  mounts.push({
    path: '/guard',
    routes: createGuardRoutes({ drugs: drugKnowledge, policy: 'annotate', complete: models.complete }),
    openapi: KNOWLEDGE_OPENAPI.guard,
  });

  // Full-process hypertension care: engines + store + review + knowledge + guard, the model via the gateway.
  const careDeps: CareDeps & CareSettings = {
    db,
    timeZone: config.timeZone,
    officeWindowMonths: config.officeBpWindowMonths,
    reportedEmergencyDays: config.reportedEmergencyDays,
    ...(config.hospitalName ? { hospitalName: config.hospitalName } : {}),
    pharmacyReview: config.pharmacyReview,
    repository,
    drugs: drugKnowledge,
    knowledge,
    model: gatewayCareModel(gateway.runtime),
    audit: async (ctx, record) => void (await audit.append(db, ctx, record)),
    ...(clock ? { clock } : {}),
    ...(config.careWebhookUrl
      ? {
          webhook: {
            url: config.careWebhookUrl,
            ...(config.careWebhookSecret ? { secret: config.careWebhookSecret } : {}),
          },
        }
      : {}),
  };
  mounts.push({
    path: '/api/care',
    routes: createCareRoutes({ ...careDeps, context }),
    openapi: CARE_OPENAPI,
  });
  const reminders = config.careWebhookUrl
    ? setInterval(() => {
        dispatchReminders(careDeps, { requestId: 'care-reminders', principal: SYSTEM_PRINCIPAL }).catch(
          (error: unknown) => log.error({ err: error }, 'care reminders could not be dispatched'),
        );
      }, 5 * 60_000)
    : undefined;
  reminders?.unref();
  // Planner statistics after writes that grew the FHIR tables (imports, transactions, seeding): the embedded
  // database never runs autovacuum (packages/store/table-statistics.ts).
  const statistics = setInterval(() => {
    analyzeGrownTables(db).catch((error: unknown) =>
      log.warn({ err: error }, 'planner statistics could not be refreshed'),
    );
  }, 60_000);
  statistics.unref();

  mounts.push(...gateway.mounts);
  // Mounted last so that /admin/gateway/* reaches the gateway's own admin routes first.
  // A patient account links to a Patient that exists (422 before identity writes anything).
  mounts.push({
    path: '/admin',
    public: true,
    routes: patientLinkCheck({
      ...(authn ? { authn } : {}),
      patientExists: async (id) =>
        (await db
          .selectFrom('fhir_resource')
          .select('id')
          .where('resource_type', '=', 'Patient')
          .where('id', '=', id)
          .where('deleted', '=', false)
          .executeTakeFirst()) !== undefined,
    }),
  });
  mounts.push({
    path: '/admin',
    public: true,
    routes: createAdminRoutes({ db, clock, identity, audit }),
    openapi: AUTH_OPENAPI.admin,
  });

  const app = createApp({
    database,
    repository,
    log,
    version: options.version,
    bodyLimitBytes: config.bodyLimitBytes,
    corsOrigins: config.corsOrigins,
    clientAddress: createClientAddress(config.trustProxy),
    ...(authn ? { authenticate: authn } : {}),
    auditEvents: async (c) => {
      requireRole(c.get('principal'), 'auditor', 'admin');
      const q = new URL(c.req.url).searchParams;
      for (const key of q.keys()) {
        if (!['patient', 'agent', 'date', 'action', '_count', '_offset', '_format'].includes(key)) {
          throw new QihuangError(
            'invalid-input',
            `Unknown AuditEvent search parameter "${key}" (patient, agent, date, action, _count)`,
          );
        }
      }
      const count = Math.min(Number(q.get('_count') ?? 50) || 50, 1000);
      const offset = Number(q.get('_offset') ?? 0) || 0;
      const result = await searchAuditEvents(db, {
        ...(q.get('patient') ? { patient: q.get('patient')! } : {}),
        ...(q.get('agent') ? { agent: q.get('agent')! } : {}),
        ...(q.get('action') ? { action: q.get('action')! } : {}),
        ...parseAuditDateParams(q.getAll('date')),
        count,
        offset,
      });
      await audit.append(db, context(c), {
        action: 'search',
        outcome: 'success',
        resourceType: 'AuditEvent',
        query: q.toString(),
        patientIds: [],
      });
      const base = `${new URL(c.req.url).origin}/fhir/R4`;
      const next =
        offset + result.resources.length < result.total
          ? [{ relation: 'next', url: withOffset(c.req.url, offset + count, count) }]
          : [];
      return {
        resourceType: 'Bundle',
        // The zone the console shows these times in: the hospital's, as on every other page (issue 20).
        meta: { extension: [{ url: TIME_ZONE_EXTENSION, valueCode: config.timeZone }] },
        type: 'searchset',
        total: result.total,
        link: [{ relation: 'self', url: c.req.url }, ...next],
        // Each user agent named by their display name (the recorded user name and id stay);
        // Patients by name where the viewer may read patients (the reference stays).
        entry: (
          await withPatientNames(
            db,
            repository.allows(context(c), 'Patient', 'read'),
            await withAgentNames(identity, result.resources),
          )
        ).map((r) => ({
          fullUrl: `${base}/AuditEvent/${r.id}`,
          resource: r,
          search: { mode: 'match' },
        })),
      };
    },
    mounts,
    refusalAudit: refusals.middleware,
    writeObservers: [alertEvaluator.observer],
    console: consoleMiddleware(),
    readiness,
  });
  return {
    app,
    repository,
    identity,
    knowledge,
    audit,
    care: careDeps,
    bpProjector,
    bpAlerts: { evaluator: alertEvaluator, notifier: alertNotifier, hub: alertHub },
    close: async () => {
      if (reminders) clearInterval(reminders);
      clearInterval(statistics);
      await bpProjector.stop();
      await alertEvaluator.stop();
      await alertNotifier.stop();
      await cardState.flush();
      await gateway.runtime.close();
    },
    setReady: (ready) => void (readiness.ready = ready),
  };
}

const TIME_ZONE_EXTENSION = 'https://qihuang.dev/fhir/StructureDefinition/time-zone';

function withOffset(url: string, offset: number, count: number): string {
  const next = new URL(url);
  next.searchParams.set('_offset', String(offset));
  next.searchParams.set('_count', String(count));
  return next.toString();
}
