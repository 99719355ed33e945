/**
 * Signing a prescription draft (clinicians; critical review findings acknowledged first) and withdrawing one.
 * Without pharmacy review the signed order is active at once and the order it replaces is stopped (statusReason
 * replaced) in the same transaction (issue 20/19). With pharmacy review (CareSettings.pharmacyReview, docs/decisions/0017) the signed order
 * stays `draft` — not actionable — with intent `order` and statusReason awaiting-pharmacist-review, and the order
 * it replaces stays active until the pharmacist approves (packages/pharmacy-review review-write.ts). The signer
 * is named by the user's display name (identity), else the username.
 */
import { QihuangError, type RequestContext } from '@qihuang/contracts';
import { identityDb } from '@qihuang/identity';
import {
  AWAITING_REVIEW_REASON,
  REVIEW_EXTENSION,
  isAwaitingReview,
  loadChart,
  replacementProvenance,
  stoppedAsReplaced,
  withStatusReason,
} from '@qihuang/pharmacy-review';
import { processTransaction, type FhirResource } from '@qihuang/store';
import type { DraftLanguage } from './draft-text.ts';
import { assertClinicalSide, assertSigner, nowOf, type CareDeps } from './deps.ts';
import { signingGoesToReview } from './settings.ts';
import { withPriorNames } from './prior-name.ts';
import { priorAtSigning, priorReference } from './prior-orders.ts';
import { draftView, reviewDrafts, SIGNATURE_EXTENSION } from './prescriptions.ts';
import { emergencyFindings } from './emergency-review.ts';
import { openEmergencies } from './open-emergency.ts';
import { secondReplacementRefusal } from './same-prior.ts';
import type { DraftView } from './api-types/index.ts';

/**
 * Stable reason ids at the start of an issue's message (`care.not-draft:cancelled: …`): the console names the
 * refusal in the page's language from them, the message staying as detail (issue 20).
 */
const NOT_DRAFT = 'care.not-draft';
const AWAITING = 'care.awaiting-review';
const reason = (id: string, message: string) => ({
  severity: 'error' as const,
  code: 'business-rule',
  message: `${id}: ${message}`,
});

function patientOf(resource: FhirResource): string {
  const ref = (resource as { subject?: { reference?: string } }).subject?.reference ?? '';
  return ref.replace(/^Patient\//, '');
}

/** The signed-in user's display name (identity), else the username. */
async function displayNameOf(deps: CareDeps, ctx: RequestContext): Promise<string> {
  const p = ctx.principal;
  if (p.kind !== 'user') return p.username;
  const row = await identityDb(deps.db)
    .selectFrom('identity_user')
    .select('display_name')
    .where('id', '=', p.id)
    .executeTakeFirst()
    .catch(() => undefined);
  return row?.display_name?.trim() || p.username;
}

/** The Practitioner resource standing for a signed-in clinician (created on first signature, named by display name). */
export async function practitionerFor(
  deps: CareDeps,
  ctx: RequestContext,
): Promise<{ reference: string; display: string }> {
  const p = ctx.principal;
  const id = `user-${p.id}`.replace(/[^A-Za-z0-9\-.]/g, '-').slice(0, 64);
  const display = await displayNameOf(deps, ctx);
  const existing = await deps.repository.read(ctx, 'Practitioner', id).catch(() => undefined);
  const named = (existing as { name?: { text?: string }[] } | undefined)?.name?.[0]?.text;
  if (!existing || named !== display) {
    await deps.repository.update(ctx, 'Practitioner', id, {
      ...(existing ?? {}),
      resourceType: 'Practitioner',
      id,
      active: true,
      identifier: [{ system: 'urn:qihuang:user', value: p.username }],
      name: [{ text: display }],
    });
  }
  return { reference: `Practitioner/${id}`, display };
}

/** The Provenance of a signature (author, signature type "Author's Signature"). */
function signatureProvenance(
  id: string,
  at: string,
  signer: { reference: string; display: string },
  awaitingReview: boolean,
) {
  return {
    resourceType: 'Provenance',
    target: [{ reference: `MedicationRequest/${id}` }],
    recorded: at,
    activity: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/v3-DataOperation',
          code: 'UPDATE',
          display: 'revise',
        },
      ],
      text: awaitingReview
        ? 'Clinician signed the prescription; awaiting pharmacist review'
        : 'Clinician signed the prescription draft',
    },
    agent: [
      {
        type: {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
              code: 'author',
            },
          ],
        },
        who: signer,
      },
    ],
    signature: [
      {
        type: [
          {
            system: 'urn:iso-astm:E1762-95:2013',
            code: '1.2.840.10065.1.12.1.1',
            display: "Author's Signature",
          },
        ],
        when: at,
        who: signer,
      },
    ],
  };
}

export async function signPrescription(
  deps: CareDeps,
  ctx: RequestContext,
  id: string,
  acknowledge: string[],
  lang: DraftLanguage = 'en',
): Promise<DraftView> {
  assertSigner(ctx);
  const resource = await deps.repository.read(ctx, 'MedicationRequest', id);
  const status = (resource as { status?: string }).status;
  if (status !== 'draft')
    throw new QihuangError('conflict', `MedicationRequest/${id} is ${status}; only a draft can be signed`, {
      issues: [reason(`${NOT_DRAFT}:${status}`, `MedicationRequest/${id} is ${status}`)],
    });
  if (isAwaitingReview(resource))
    throw new QihuangError(
      'conflict',
      `MedicationRequest/${id} is signed and awaiting the pharmacist's review`,
      { issues: [reason(AWAITING, `MedicationRequest/${id} is awaiting the pharmacist's review`)] },
    );
  const patientId = patientOf(resource);
  const now = nowOf(deps);
  const chart = await loadChart(deps.repository, ctx, patientId);
  // A switch or dose change names the patient's current order it replaces now (issue 20/19): the one named at
  // proposal, its successor if it was replaced meanwhile, or the drug's order that became active since; the
  // review leaves that order out, as the pharmacist's does.
  const prior = priorAtSigning(deps, resource, chart.resources);
  const named = prior
    ? ({ ...resource, priorPrescription: priorReference(prior) } as FhirResource)
    : resource;
  // An open emergency is a critical finding too: signed only once acknowledged (emergency-review.ts, issue 20).
  const findings = [
    ...emergencyFindings(await openEmergencies(deps, ctx, patientId), [named]),
    ...reviewDrafts(deps, chart, [named], now),
  ];
  // A second pending change of the order another change awaiting the pharmacist replaces: never signed, whatever
  // is acknowledged (same-prior.ts, issue 20/19).
  const second = secondReplacementRefusal(named, chart.resources, deps.drugs, lang);
  if (second) throw second;
  const critical = findings.filter((f) => f.severity === 'critical' && !acknowledge.includes(f.id));
  if (critical.length > 0) {
    // In the request's language (issue 20); each issue starts with the finding id the console unticks.
    const said = critical.map((f) => f.summary[lang]);
    throw new QihuangError(
      'conflict',
      lang === 'zh'
        ? `签署前请先确认严重审核问题：${said.join('；')}`
        : `Acknowledge the critical review findings before signing: ${said.join('; ')}`,
      {
        issues: critical.map((f) => ({
          severity: 'error' as const,
          code: 'business-rule',
          message: `${f.id}: ${f.summary[lang]}`,
        })),
      },
    );
  }
  const signer = await practitionerFor(deps, ctx);
  const at = now.toISOString();
  const review = signingGoesToReview(deps);
  // Without pharmacy review the order replaced stops (statusReason replaced) in the same transaction: never the
  // old and new drug or dose together. With it, the old order stays until the pharmacist approves (decision 0017).
  const priors = !review && prior && (prior as { status?: string }).status === 'active' ? [prior] : [];
  // A re-signature after a pharmacist's return starts a new review: the old review record goes.
  const extension = [
    ...((resource as { extension?: { url: string }[] }).extension ?? []).filter(
      (e) => e.url !== SIGNATURE_EXTENSION && e.url !== REVIEW_EXTENSION,
    ),
    {
      url: SIGNATURE_EXTENSION,
      valueString: JSON.stringify({ by: signer.display, at, acknowledged: acknowledge }),
    },
  ];
  const base = { ...named, intent: 'order', authoredOn: at, requester: signer, extension } as FhirResource;
  const signed = review
    ? withStatusReason({ ...base, status: 'draft' } as FhirResource, AWAITING_REVIEW_REASON)
    : withStatusReason({ ...base, status: 'active' } as FhirResource, undefined);
  await processTransaction(deps.repository, ctx, {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      { resource: signed, request: { method: 'PUT', url: `MedicationRequest/${id}` } },
      ...priors.flatMap((p) => [
        {
          resource: stoppedAsReplaced(p),
          request: { method: 'PUT', url: `MedicationRequest/${String(p.id)}` },
        },
        {
          resource: replacementProvenance(String(p.id), id, at, signer),
          request: { method: 'POST', url: 'Provenance' },
        },
      ]),
      {
        resource: signatureProvenance(id, at, signer, review),
        request: { method: 'POST', url: 'Provenance' },
      },
    ],
  });
  await deps.audit(ctx, {
    action: 'operation',
    outcome: 'success',
    resourceType: 'MedicationRequest',
    resourceId: id,
    query: 'sign-prescription',
    patientIds: [patientId],
    detail: {
      signer: signer.reference,
      acknowledged: acknowledge,
      findings: findings.map((f) => f.id),
      ...(review ? { awaitingReview: true } : {}),
      ...(priors.length > 0 ? { stopped: priors.map((p) => `MedicationRequest/${String(p.id)}`) } : {}),
    },
  });
  const [shown] = await withPriorNames(deps, ctx, [signed]);
  return draftView(shown!, findings, lang, deps.drugs);
}

export async function cancelPrescription(
  deps: CareDeps,
  ctx: RequestContext,
  id: string,
  lang: DraftLanguage = 'en',
): Promise<DraftView> {
  assertClinicalSide(ctx);
  if (ctx.principal.role === 'nurse')
    throw new QihuangError('forbidden', 'Only a clinician can withdraw a draft');
  const resource = await deps.repository.read(ctx, 'MedicationRequest', id);
  const status = (resource as { status?: string }).status;
  if (status !== 'draft')
    throw new QihuangError('conflict', `MedicationRequest/${id} is not a draft`, {
      issues: [reason(`${NOT_DRAFT}:${status}`, `MedicationRequest/${id} is ${status}`)],
    });
  const cancelled = { ...resource, status: 'cancelled' } as FhirResource;
  await deps.repository.update(ctx, 'MedicationRequest', id, cancelled);
  return draftView(cancelled, [], lang, deps.drugs);
}
