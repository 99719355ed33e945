/** Validation dossiers (with signatures) and after-go-live tracking routes of /eval. */
import type { Hono } from 'hono';
import { z } from 'zod';
import { QihuangError } from '@qihuang/contracts';
import { readJson } from '@qihuang/http-edge';
import { body, type EvalEnv } from './http-helpers.ts';
import {
  checkThresholds,
  createDossier,
  getDossier,
  listDossiers,
  signDossier,
  subgroupGaps,
  type Dossier,
  type SigningRoles,
} from './dossier/dossier.ts';
import {
  DRIFT_METRICS,
  detectDrift,
  listDriftAlerts,
  recordLiveSample,
  regradeLiveSamples,
} from './tracking/live-tracking.ts';
import { createGrader } from './scoring/grader.ts';
import type { AnyKysely } from './tables.ts';
import type { EvalStore } from './runner/run-types.ts';
import type { ResolvedModel } from './routes.ts';

const SignatureSchema = z.object({
  role: z.string().min(1).max(100),
  /** Ignored: the signer is always the authenticated user. */
  signer: z.string().min(1).max(200).optional(),
  decision: z.enum(['approve', 'reject', 'revoke']),
  comment: z.string().max(4000).optional(),
});

const LiveSampleSchema = z.object({
  model: z.string().min(1),
  scenario: z.string().min(1),
  question: z.string(),
  answer: z.string(),
  reference: z.string().optional(),
  guardContradicted: z.boolean().optional(),
  reviewOverridden: z.boolean().optional(),
  sampledAt: z.string().datetime({ offset: true }).optional(),
});

const RegradeSchema = z.object({
  grader: z.object({ model: z.string().min(1) }),
  model: z.string().optional(),
  limit: z.number().int().min(1).max(10_000).optional(),
});

const WindowSchema = z.object({
  from: z.string().datetime({ offset: true }),
  to: z.string().datetime({ offset: true }),
});
const DriftSchema = z.object({
  model: z.string().min(1),
  scenario: z.string().optional(),
  metric: z.enum(DRIFT_METRICS),
  baseline: WindowSchema,
  recent: WindowSchema,
  alpha: z.number().gt(0).lt(1).optional(),
  minSamples: z.number().int().min(1).optional(),
});

const win = (w: { from: string; to: string }) => ({ from: new Date(w.from), to: new Date(w.to) });

export function registerGovernanceRoutes(
  app: Hono<EvalEnv>,
  {
    db,
    store,
    clock,
    model,
    signingRoles,
    onDossierChange,
  }: {
    db: AnyKysely;
    store: EvalStore;
    clock: () => Date;
    model: (name: string) => ResolvedModel;
    signingRoles: SigningRoles;
    onDossierChange?: (dossier: Dossier) => void;
  },
): void {
  const deps = { db };
  app.get('/dossiers', async (c) =>
    c.json({ dossiers: await listDossiers(deps.db, { model: c.req.query('model') }) }),
  );

  app.post('/dossiers', async (c) => {
    const raw = await readJson(c);
    const createdBy = c.get('principal')?.username ?? 'anonymous';
    return c.json(await createDossier(deps.db, raw, { createdBy, now: clock(), signingRoles }), 201);
  });

  app.get('/dossiers/:id', async (c) => {
    const dossier = await getDossier(deps.db, c.req.param('id'));
    if (!dossier) throw new QihuangError('not-found', `No dossier ${c.req.param('id')}`);
    return c.json({
      ...dossier,
      thresholdResults: await checkThresholds(store, dossier),
      subgroupGaps: await subgroupGaps(store, dossier),
      // Who may sign each required role (platform roles).
      signingRoles: Object.fromEntries(dossier.requiredRoles.map((r) => [r, signingRoles[r] ?? []])),
    });
  });

  app.post('/dossiers/:id/signatures', async (c) => {
    const input = await body(c, SignatureSchema);
    // Signatures are by the authenticated user, checked against the role the slot requires.
    const principal = c.get('principal');
    if (!principal) throw new QihuangError('unauthenticated', 'Signing a dossier needs a signed-in user');
    const dossier = await signDossier(
      deps.db,
      store,
      c.req.param('id'),
      {
        role: input.role,
        decision: input.decision,
        comment: input.comment,
        signer: principal.username,
        signerRole: principal.role,
      },
      clock(),
      { signingRoles },
    );
    onDossierChange?.(dossier);
    return c.json(dossier, 201);
  });

  app.post('/live-samples', async (c) => {
    const input = await body(c, LiveSampleSchema);
    const id = await recordLiveSample(deps.db, {
      ...input,
      sampledAt: input.sampledAt ? new Date(input.sampledAt) : clock(),
    });
    return c.json({ id }, 201);
  });

  app.post('/live-samples/regrade', async (c) => {
    const input = await body(c, RegradeSchema);
    const grader = model(input.grader.model);
    return c.json(
      await regradeLiveSamples(deps.db, createGrader({ client: grader.client, model: grader.target.model }), {
        model: input.model,
        limit: input.limit,
        now: clock,
      }),
    );
  });

  app.post('/drift', async (c) => {
    const input = await body(c, DriftSchema);
    return c.json(
      await detectDrift(deps.db, {
        ...input,
        baseline: win(input.baseline),
        recent: win(input.recent),
        now: clock(),
      }),
    );
  });

  app.get('/drift-alerts', async (c) =>
    c.json({ alerts: await listDriftAlerts(deps.db, { model: c.req.query('model') }) }),
  );
}
