/**
 * Validation dossier per model: qualification (vendor, version, licence, where it runs), base-model
 * statement, evidence runs checked against the hospital's thresholds, ethics checklist, and approvals signed
 * by named roles. Each signing role (slot) names the platform roles that may sign it (DEFAULT_SIGNING_ROLES,
 * configurable); a dossier is approved when every required slot's latest decision is an approval, each by a
 * different person. `isApprovedFor` / `dossierApproval` let the gateway refuse to route to a model without
 * an approved dossier (gateway setting `governance.requireApprovedDossier`).
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { QihuangError } from '@qihuang/contracts';
import { parseInput } from '@qihuang/http-edge';
import { evalDb, type AnyKysely, type EvalDossierTable } from '../tables.ts';
import type { Selectable } from 'kysely';
import type { EvalStore } from '../runner/run-types.ts';
import type { MetricCell } from '../reports/report-types.ts';

export const ThresholdSchema = z.object({
  name: z.string().min(1).max(200),
  /** Evidence run to read (by purpose; the latest such run of the dossier). */
  purpose: z.enum(['safety', 'scenario', 'knowledge', 'hallucination', 'other']),
  /** Category of the run's summary; overall when absent. */
  category: z.string().max(200).optional(),
  /** Minimum mean score (fraction). */
  min: z.number().min(0).max(1),
  /** Compare the lower 95 % bound instead of the mean (stricter). */
  useLowerBound: z.boolean().optional(),
});
export type Threshold = z.infer<typeof ThresholdSchema>;

const EthicsEntry = z.object({ done: z.boolean(), note: z.string().max(4000).optional() });
export const EthicsSchema = z.object({
  consent: EthicsEntry,
  biasBySubgroup: EthicsEntry.extend({ maxGap: z.number().min(0).max(1).optional() }),
  transparency: EthicsEntry,
  humanOversight: EthicsEntry,
});
export type EthicsChecklist = z.infer<typeof EthicsSchema>;

export const DossierInputSchema = z.object({
  model: z.string().min(1).max(200),
  modelVersion: z.string().min(1).max(200),
  vendor: z.string().min(1).max(200),
  licence: z.string().min(1).max(200),
  /** Where it runs: on-premises host/cluster, or the cloud region and provider. */
  deployment: z.string().min(1).max(1000),
  location: z.enum(['on-premises', 'cloud']),
  baseModelStatement: z.string().min(1).max(20000),
  /** Scenarios the approval covers ("*" for all). */
  scenarios: z.array(z.string().min(1).max(200)).min(1),
  thresholds: z.array(ThresholdSchema).default([]),
  evidence: z
    .array(
      z.object({
        runId: z.string().min(1),
        purpose: ThresholdSchema.shape.purpose,
        scenario: z.string().optional(),
      }),
    )
    .default([]),
  ethics: EthicsSchema,
  requiredRoles: z
    .array(z.string().min(1).max(100))
    .min(1)
    .default(['medical-director', 'information-security', 'ethics-committee']),
  validUntil: z.string().datetime({ offset: true }).optional(),
});
export type DossierInput = z.input<typeof DossierInputSchema>;

/**
 * Which platform users (by their role, see `Role` in @qihuang/contracts) may sign each approval slot. A
 * dossier's `requiredRoles` must be slots of this table; the server may pass its own (deps.signingRoles).
 */
export const DEFAULT_SIGNING_ROLES: Readonly<Record<string, readonly string[]>> = {
  'medical-director': ['clinician', 'admin'],
  'clinical-lead': ['clinician', 'admin'],
  'information-security': ['admin', 'auditor'],
  'ethics-committee': ['clinician', 'auditor'],
  'pharmacy-lead': ['pharmacist'],
  'nursing-lead': ['nurse'],
};

export type SigningRoles = Readonly<Record<string, readonly string[]>>;

function unknownSlots(roles: readonly string[], signingRoles: SigningRoles): string[] {
  return roles.filter((role) => !Object.hasOwn(signingRoles, role));
}

export interface ThresholdResult extends Threshold {
  runId: string | null;
  value: number | null;
  met: boolean;
}

export interface Approval {
  role: string;
  signer: string;
  decision: 'approve' | 'reject' | 'revoke';
  comment: string | null;
  signedAt: string;
}

export interface Dossier {
  id: string;
  model: string;
  modelVersion: string;
  vendor: string;
  licence: string;
  deployment: string;
  location: string;
  baseModelStatement: string;
  scenarios: string[];
  thresholds: Threshold[];
  evidence: z.infer<typeof DossierInputSchema>['evidence'];
  ethics: EthicsChecklist;
  requiredRoles: string[];
  status: EvalDossierTable['status'];
  validUntil: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  approvals: Approval[];
}

const parse = parseInput;

const toDossier = (row: Selectable<EvalDossierTable>, approvals: Approval[]): Dossier => ({
  id: row.id,
  model: row.model,
  modelVersion: row.model_version,
  vendor: row.vendor,
  licence: row.licence,
  deployment: row.deployment,
  location: row.location,
  baseModelStatement: row.base_model_statement,
  scenarios: row.scenarios,
  thresholds: row.safety_thresholds as Threshold[],
  evidence: row.evidence as Dossier['evidence'],
  ethics: row.ethics as EthicsChecklist,
  requiredRoles: row.required_roles,
  status: row.status,
  validUntil: row.valid_until ? new Date(row.valid_until).toISOString() : null,
  createdBy: row.created_by,
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
  approvals,
});

export async function createDossier(
  db: AnyKysely,
  input: unknown,
  {
    createdBy,
    now = new Date(),
    signingRoles = DEFAULT_SIGNING_ROLES,
  }: { createdBy: string; now?: Date; signingRoles?: SigningRoles },
): Promise<Dossier> {
  const d = parse(DossierInputSchema, input);
  const unknown = unknownSlots(d.requiredRoles, signingRoles);
  if (unknown.length) {
    throw new QihuangError(
      'invalid-input',
      `requiredRoles: unknown signing role${unknown.length > 1 ? 's' : ''} ${unknown.map((r) => `"${r}"`).join(', ')} (known: ${Object.keys(signingRoles).join(', ')})`,
    );
  }
  const id = `dossier-${randomBytes(6).toString('hex')}`;
  await evalDb(db)
    .insertInto('eval_dossier')
    .values({
      id,
      model: d.model,
      model_version: d.modelVersion,
      vendor: d.vendor,
      licence: d.licence,
      deployment: d.deployment,
      location: d.location,
      base_model_statement: d.baseModelStatement,
      scenarios: d.scenarios,
      safety_thresholds: JSON.stringify(d.thresholds),
      evidence: JSON.stringify(d.evidence),
      ethics: JSON.stringify(d.ethics),
      required_roles: d.requiredRoles,
      status: 'draft',
      valid_until: d.validUntil ?? null,
      created_by: createdBy,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return (await getDossier(db, id))!;
}

export async function getDossier(db: AnyKysely, id: string): Promise<Dossier | undefined> {
  const row = await evalDb(db).selectFrom('eval_dossier').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const approvals = await evalDb(db)
    .selectFrom('eval_approval')
    .selectAll()
    .where('dossier_id', '=', id)
    .orderBy('id')
    .execute();
  return toDossier(
    row,
    approvals.map((a) => ({
      role: a.role,
      signer: a.signer,
      decision: a.decision,
      comment: a.comment,
      signedAt: new Date(a.signed_at).toISOString(),
    })),
  );
}

export async function listDossiers(db: AnyKysely, { model }: { model?: string } = {}): Promise<Dossier[]> {
  let query = evalDb(db).selectFrom('eval_dossier').select('id').orderBy('created_at', 'desc');
  if (model) query = query.where('model', '=', model);
  const ids = await query.execute();
  return (await Promise.all(ids.map((r) => getDossier(db, r.id)))).filter((d): d is Dossier => !!d);
}

/** Reads each threshold's value from the latest completed evidence run of its purpose. */
export async function checkThresholds(
  store: EvalStore,
  dossier: Pick<Dossier, 'thresholds' | 'evidence'>,
): Promise<ThresholdResult[]> {
  const out: ThresholdResult[] = [];
  for (const t of dossier.thresholds) {
    const candidates = dossier.evidence.filter((e) => e.purpose === t.purpose);
    let value: number | null = null;
    let runId: string | null = null;
    for (const e of [...candidates].reverse()) {
      const run = await store.getRun(e.runId);
      if (run?.status !== 'completed' || !run.summary) continue;
      const c: MetricCell | undefined = t.category ? run.summary.byCategory[t.category] : run.summary;
      if (!c) continue;
      value = t.useLowerBound ? (c.ci?.lower ?? null) : c.mean;
      runId = run.id;
      break;
    }
    out.push({ ...t, runId, value, met: value !== null && value >= t.min });
  }
  return out;
}

/** Largest difference in mean score between values of one subgroup dimension across evidence runs. */
export async function subgroupGaps(
  store: EvalStore,
  dossier: Pick<Dossier, 'evidence'>,
): Promise<Record<string, number>> {
  const gaps: Record<string, number> = {};
  for (const e of dossier.evidence) {
    const run = await store.getRun(e.runId);
    for (const [dim, cells] of Object.entries(run?.summary?.bySubgroup ?? {})) {
      const means = Object.values(cells)
        .map((c) => c.mean)
        .filter((m): m is number => m !== null);
      if (means.length >= 2) gaps[`${e.runId}:${dim}`] = Math.max(...means) - Math.min(...means);
    }
  }
  return gaps;
}

/** The latest decision of each slot, with its signer. */
function latestBySlot(approvals: readonly { role: string; signer: string; decision: string }[]) {
  const latest = new Map<string, { signer: string; decision: string }>();
  for (const a of approvals) latest.set(a.role, { signer: a.signer, decision: a.decision });
  return latest;
}

export interface Signature {
  /** The approval slot signed (one of the dossier's required roles for an approval). */
  role: string;
  /** Username of the signer (the authenticated user, never taken from the request body). */
  signer: string;
  /** The signer's platform role; must be one the slot accepts (403 otherwise). */
  signerRole: string;
  decision: 'approve' | 'reject' | 'revoke';
  comment?: string;
}

/**
 * Records a signature. The signer's platform role must be one the slot accepts (403). An approval must be
 * for one of the dossier's required roles, by someone who has not approved another slot of it, and is
 * refused while thresholds are unmet or the ethics checklist is open; the dossier becomes `approved` when
 * every required role's latest decision is `approve`. A rejection or a revocation by any known slot takes
 * effect at once.
 */
export async function signDossier(
  db: AnyKysely,
  store: EvalStore,
  dossierId: string,
  signature: Signature,
  now: Date = new Date(),
  { signingRoles = DEFAULT_SIGNING_ROLES }: { signingRoles?: SigningRoles } = {},
): Promise<Dossier> {
  const dossier = await getDossier(db, dossierId);
  if (!dossier) throw new QihuangError('not-found', `No dossier ${dossierId}`);
  if (!signature.signer.trim() || !signature.role.trim())
    throw new QihuangError('invalid-input', 'signer and role are required');
  const slots = [...new Set([...dossier.requiredRoles, ...Object.keys(signingRoles)])];
  if (!slots.includes(signature.role)) {
    throw new QihuangError(
      'invalid-input',
      `Unknown signing role "${signature.role}" (this dossier is signed as ${dossier.requiredRoles.join(', ')})`,
    );
  }
  const accepted = Object.hasOwn(signingRoles, signature.role) ? signingRoles[signature.role]! : [];
  if (!accepted.includes(signature.signerRole)) {
    throw new QihuangError(
      'forbidden',
      `${signature.signer} (role ${signature.signerRole}) cannot sign as "${signature.role}": that role must be ` +
        (accepted.length
          ? `signed by a user with the role ${accepted.join(' or ')}`
          : 'configured with the platform roles that may sign it') +
        '. Ask a user holding it to sign.',
    );
  }
  if (signature.decision === 'approve') {
    if (!dossier.requiredRoles.includes(signature.role)) {
      throw new QihuangError(
        'invalid-input',
        `Role "${signature.role}" is not one of the dossier's signing roles (${dossier.requiredRoles.join(', ')})`,
      );
    }
    const other = [...latestBySlot(dossier.approvals)].find(
      ([slot, s]) => slot !== signature.role && s.decision === 'approve' && s.signer === signature.signer,
    );
    if (other) {
      throw new QihuangError(
        'conflict',
        `${signature.signer} has already approved this dossier as "${other[0]}"; each required role must be signed by a different person`,
      );
    }
    const unmet = (await checkThresholds(store, dossier)).filter((t) => !t.met);
    if (unmet.length) {
      throw new QihuangError(
        'conflict',
        `Thresholds not met: ${unmet.map((t) => `${t.name} (${t.value === null ? 'no evidence' : t.value.toFixed(3)} < ${t.min})`).join('; ')}`,
      );
    }
    const open = Object.entries(dossier.ethics)
      .filter(([, v]) => !v.done)
      .map(([k]) => k);
    if (open.length) throw new QihuangError('conflict', `Ethics checklist open: ${open.join(', ')}`);
  }
  const edb = evalDb(db);
  await edb.transaction().execute(async (trx) => {
    await trx
      .insertInto('eval_approval')
      .values({
        dossier_id: dossierId,
        role: signature.role,
        signer: signature.signer,
        decision: signature.decision,
        comment: signature.comment ?? null,
        signed_at: now,
      })
      .execute();
    const approvals = await trx
      .selectFrom('eval_approval')
      .selectAll()
      .where('dossier_id', '=', dossierId)
      .orderBy('id')
      .execute();
    const latest = latestBySlot(approvals);
    const status =
      signature.decision === 'revoke'
        ? 'revoked'
        : signature.decision === 'reject'
          ? 'rejected'
          : dossier.status === 'revoked'
            ? 'revoked'
            : dossier.requiredRoles.every((role) => latest.get(role)?.decision === 'approve')
              ? 'approved'
              : 'draft';
    await trx
      .updateTable('eval_dossier')
      .set({ status, updated_at: now })
      .where('id', '=', dossierId)
      .execute();
  });
  return (await getDossier(db, dossierId))!;
}

/** True when an approved, unexpired dossier covers this model for this scenario (or for every scenario). */
export async function isApprovedFor(
  db: AnyKysely,
  model: string,
  scenario: string,
  now: Date = new Date(),
): Promise<boolean> {
  const row = await evalDb(db)
    .selectFrom('eval_dossier')
    .select('id')
    .where('model', '=', model)
    .where('status', '=', 'approved')
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>', now)]))
    .where((eb) =>
      eb.or([
        eb(eb.val(scenario), '=', eb.fn.any('scenarios')),
        eb(eb.val('*'), '=', eb.fn.any('scenarios')),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/**
 * The gateway's approval check (`approval` in its runtime options) over the dossiers: a target is approved
 * for a scenario when an approved dossier names its upstream model, or its provider id, for that scenario.
 */
export function dossierApproval(
  db: AnyKysely,
  now: () => Date = () => new Date(),
): (target: { provider: string; model: string }, scenario: string) => Promise<boolean> {
  return async (target, scenario) =>
    (await isApprovedFor(db, target.model, scenario, now())) ||
    (target.provider !== target.model && (await isApprovedFor(db, target.provider, scenario, now())));
}
