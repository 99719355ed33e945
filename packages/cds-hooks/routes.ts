import { Hono, type Context } from 'hono';
import { QihuangError } from '@qihuang/contracts';
import { errorHandler, platformError } from '@qihuang/http-edge';
import type { DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { cardLanguage } from './card-text.ts';
import { gatherResources } from './fhir-data.ts';
import { fhirSource, type OwnFhir } from './fhir-source.ts';
import { parseFeedback, parseHookRequest } from './request.ts';
import type { CdsHooksConfig, CdsService } from './service.ts';
import { discovery, findService, SERVICE_TABLE } from './services.ts';
import {
  createMemoryCardState,
  createMemoryFeedbackSink,
  type CardStateStore,
  type FeedbackSink,
} from './state.ts';
import type { CdsResponse } from './types.ts';

export type { CdsHooksConfig } from './service.ts';

/** Days after which an eGFR/creatinine/potassium result is called stale on a card (decision 0016). */
export const DEFAULT_LAB_WINDOW_DAYS = 90;

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
  /** The services offered (default SERVICE_TABLE): discovery lists them, the router calls their handlers. */
  services?: readonly CdsService[];
}

/** CDS error shape: `{"error": {"code", "message", "issues"?}}` with the QihuangError status. */
const cdsError = (error: unknown) =>
  platformError(error, { internalMessage: 'internal error in CDS service' });

const notJson = () => new QihuangError('invalid-input', 'request body is not valid JSON');
const utf8 = new TextDecoder(); // as Request.text(): a BOM dropped, invalid bytes replaced

/**
 * The body as JSON; refused in the CDS wording clients already match. Read as bytes: the server's input guard
 * has read them already and Hono hands back the same buffer, whereas `c.req.text()` (readJson) would copy that
 * buffer into a web Response and stream it again (~13 µs of an order-sign call, issue 19). The same answers as
 * readJson without options: text() decodes the same way, and JSON.parse refuses an empty body too.
 */
async function body(c: Context): Promise<unknown> {
  try {
    return JSON.parse(utf8.decode(await c.req.arrayBuffer())) as unknown;
  } catch {
    throw notJson();
  }
}

export function createCdsHooksRoutes(deps: CdsHooksDeps): Hono {
  const config: CdsHooksConfig = {
    severityThreshold: 'warning',
    suppress: [],
    locale: 'zh',
    timeZone: 'Asia/Shanghai',
    labWindowDays: DEFAULT_LAB_WINDOW_DAYS,
    ...deps.config,
  };
  const uuid = deps.uuid ?? (() => crypto.randomUUID());
  const now = deps.now ?? (() => new Date());
  const fetchFn = deps.fetch ?? fetch;
  const state = deps.state ?? createMemoryCardState();
  const sink = deps.feedbackSink ?? createMemoryFeedbackSink();
  const app = new Hono();

  app.onError(errorHandler(cdsError, { label: 'CDS service' }));

  const services = deps.services ?? SERVICE_TABLE;
  const serviceOf = (id: string): CdsService => {
    const service = findService(id, services);
    if (!service) throw new QihuangError('not-found', `no CDS service "${id}"`);
    return service;
  };

  app.get('/cds-services', (c) => c.json(discovery(services)));

  app.post('/cds-services/:id', async (c) => {
    const service = serviceOf(c.req.param('id'));
    const request = parseHookRequest(await body(c), service.hook);
    const cards = await service.handle({
      service,
      request,
      gather: () =>
        gatherResources(request, service.prefetch, () =>
          fhirSource(request.fhirServer!, request.fhirAuthorization?.access_token, c.req.raw, {
            allowed: deps.fhirServers ?? [],
            fetch: fetchFn,
            ...(deps.ownFhir ? { own: deps.ownFhir } : {}),
          }),
        ),
      now: now(),
      config,
      locale: cardLanguage(c.req.header('accept-language'), config.locale),
      kb: deps.kb,
      state,
      uuid,
    });
    return c.json({ cards } satisfies CdsResponse);
  });

  app.post('/cds-services/:id/feedback', async (c) => {
    const service = serviceOf(c.req.param('id'));
    const { feedback } = parseFeedback(await body(c));
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
