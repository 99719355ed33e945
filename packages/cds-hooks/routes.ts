import { Hono } from 'hono';
import type { Bundle } from '@medplum/fhirtypes';
import { isQihuangError, QihuangError } from '@qihuang/contracts';
import type { DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import {
  buildReviewInput,
  resourcesOf,
  reviewPrescriptions,
  type Severity,
} from '@qihuang/engines/prescription-review';
import { findingToCard } from './cards.ts';
import { gatherResources } from './fhir-data.ts';
import { fhirSource, type OwnFhir } from './fhir-source.ts';
import { parseFeedback, parseHookRequest } from './request.ts';
import { discovery, findService, PRESCRIPTION_PREFETCH } from './services.ts';
import {
  createMemoryCardState,
  createMemoryFeedbackSink,
  type CardStateStore,
  type FeedbackSink,
} from './state.ts';
import type { CdsCard, CdsResponse } from './types.ts';

/** Per-hospital settings (alert-fatigue controls). */
export interface CdsHooksConfig {
  /** Cards below this indicator are not sent (default 'warning': info findings stay in the audit, not on screen). */
  severityThreshold: Severity;
  /** Rule ids / finding ids / "type:<type>" the hospital switched off. */
  suppress: string[];
  locale: 'zh' | 'en';
  /** Fallback card source url when the finding's source has none. */
  sourceUrl?: string;
}

export interface CdsHooksDeps {
  kb: DrugKnowledgeBase;
  /** Used only when a prefetch key is missing and the request names an allow-listed fhirServer. */
  fetch?: typeof fetch;
  /**
   * Remote FHIR base URLs a request's `fhirServer` may name (QIHUANG_CDS_FHIR_SERVERS); any other is refused
   * (403) without a request. Default: none.
   */
  fhirServers?: readonly string[];
  /** The platform's own FHIR API: always allowed as `fhirServer`, read in-process as the caller. */
  ownFhir?: OwnFhir;
  feedbackSink?: FeedbackSink;
  state?: CardStateStore;
  uuid?: () => string;
  now?: () => Date;
  config?: Partial<CdsHooksConfig>;
}

/** CDS error shape: `{"error": {"code", "message", "issues"?}}` with the QihuangError status. */
function errorBody(error: QihuangError) {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.issues.length ? { issues: error.issues } : {}),
    },
  };
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new QihuangError('invalid-input', 'request body is not valid JSON');
  }
}

export function createCdsHooksRoutes(deps: CdsHooksDeps): Hono {
  const config: CdsHooksConfig = { severityThreshold: 'warning', suppress: [], locale: 'zh', ...deps.config };
  const uuid = deps.uuid ?? (() => crypto.randomUUID());
  const now = deps.now ?? (() => new Date());
  const fetchFn = deps.fetch ?? fetch;
  const state = deps.state ?? createMemoryCardState();
  const sink = deps.feedbackSink ?? createMemoryFeedbackSink();
  const app = new Hono();

  app.onError((error, c) => {
    const e = isQihuangError(error) ? error : new QihuangError('internal', 'internal error in CDS service');
    return c.json(errorBody(e), e.status as 400);
  });

  app.get('/cds-services', (c) => c.json(discovery()));

  app.post('/cds-services/:id', async (c) => {
    const service = findService(c.req.param('id'));
    if (!service) throw new QihuangError('not-found', `no CDS service "${c.req.param('id')}"`);
    const request = parseHookRequest(await readJson(c.req.raw), service.hook);
    const gathered = await gatherResources(request, PRESCRIPTION_PREFETCH, () =>
      fhirSource(request.fhirServer!, request.fhirAuthorization?.access_token, c.req.raw, {
        allowed: deps.fhirServers ?? [],
        fetch: fetchFn,
        ...(deps.ownFhir ? { own: deps.ownFhir } : {}),
      }),
    );
    const draftOrders = resourcesOf(request.context.draftOrders as unknown as Bundle | undefined).filter(
      (r) => r.resourceType === 'MedicationRequest',
    );
    const input = buildReviewInput(gathered.resources, { now: now(), draftOrders });
    if (service.scope === 'drafts' && input.drafts.length === 0)
      return c.json({ cards: [] } satisfies CdsResponse);
    const result = reviewPrescriptions(input, deps.kb, {
      severityThreshold: config.severityThreshold,
      suppress: config.suppress,
      scope: service.scope,
    });
    const selections = new Set(request.context.selections ?? []);
    const patientId = request.context.patientId;
    const drafts = new Map(draftOrders.map((r) => [`${r.resourceType}/${r.id}`, r]));
    const cards: CdsCard[] = [];
    const summaries = new Set<string>();
    for (const finding of result.findings) {
      // order-select: only what concerns the orders just selected.
      if (selections.size && !finding.evidence.orders.some((o) => selections.has(o.id))) continue;
      // No repeat of a card the clinician overrode for this patient and these orders.
      if (await state.isOverridden(patientId, finding.id)) continue;
      const card = findingToCard(finding, {
        locale: config.locale,
        uuid,
        drafts,
        ...(config.sourceUrl ? { sourceUrl: config.sourceUrl } : {}),
      });
      if (summaries.has(card.summary)) continue;
      summaries.add(card.summary);
      await state.rememberCard(card.uuid!, {
        serviceId: service.id,
        patientId,
        findingId: finding.id,
        suggestionIds: (card.suggestions ?? []).map((s) => s.uuid!),
      });
      cards.push(card);
    }
    return c.json({ cards } satisfies CdsResponse);
  });

  app.post('/cds-services/:id/feedback', async (c) => {
    const service = findService(c.req.param('id'));
    if (!service) throw new QihuangError('not-found', `no CDS service "${c.req.param('id')}"`);
    const { feedback } = parseFeedback(await readJson(c.req.raw));
    for (const item of feedback) {
      const ref = await state.lookupCard(item.card);
      if (item.outcome === 'overridden' && ref) await state.markOverridden(ref.patientId, ref.findingId);
      const reason = item.overrideReason;
      await sink.record({
        serviceId: service.id,
        card: item.card,
        outcome: item.outcome,
        outcomeTimestamp: item.outcomeTimestamp,
        receivedAt: now().toISOString(),
        ...(ref ? { findingId: ref.findingId, patientId: ref.patientId } : {}),
        ...(item.acceptedSuggestions
          ? { acceptedSuggestions: item.acceptedSuggestions.map((s) => s.id) }
          : {}),
        ...(reason
          ? {
              overrideReason: {
                ...reason.reason,
                ...(reason.userComment ? { userComment: reason.userComment } : {}),
              },
            }
          : {}),
      });
    }
    return c.body(null, 200);
  });

  return app;
}
