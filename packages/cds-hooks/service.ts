/**
 * What a CDS service is: a row of the service table (services.ts) with its discovery entry and its handler.
 * The router (routes.ts) finds the row, parses the request for the row's hook and calls the handler, so a new
 * service is a new row — no edit to the router (issue 19).
 */
import type { DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import type { Severity } from '@qihuang/engines/prescription-review';
import type { GatherResult } from './fhir-data.ts';
import type { HookRequest } from './request.ts';
import type { CardStateStore } from './state.ts';
import type { CdsCard, HookId } from './types.ts';

/** Per-hospital settings (alert-fatigue controls). */
export interface CdsHooksConfig {
  /** Cards below this indicator are not sent (default 'warning': info findings stay in the audit, not on screen). */
  severityThreshold: Severity;
  /** Rule ids / finding ids / "type:<type>" the hospital switched off. */
  suppress: string[];
  /**
   * The hospital's language: cards are in it when the request's Accept-Language names neither en nor zh
   * (default 'zh'; decision 0016).
   */
  locale: 'zh' | 'en';
  /** The hospital's IANA time zone: times on cards are local times in it (default Asia/Shanghai). */
  timeZone: string;
  /**
   * eGFR, creatinine and potassium results older than this many days are called stale on the cards that rest on
   * them (the card still fires; default 90, decision 0016).
   */
  labWindowDays: number;
  /** Fallback card source url when the finding's source has none. */
  sourceUrl?: string;
}

/** Everything a handler gets for one call. */
export interface CdsServiceContext {
  service: CdsService;
  request: HookRequest;
  /**
   * The resources the service's prefetch templates name: from the request's prefetch, else read from its
   * fhirServer (this platform in-process or an allow-listed server; fhir-data.ts).
   */
  gather(): Promise<GatherResult>;
  now: Date;
  config: CdsHooksConfig;
  /** The cards' language for this call: Accept-Language (en / zh), else `config.locale`. */
  locale: 'zh' | 'en';
  kb: DrugKnowledgeBase;
  /** Cards sent (for feedback) and findings the clinician overrode (not repeated). */
  state: CardStateStore;
  uuid: () => string;
}

export interface CdsService {
  id: string;
  hook: HookId;
  title: string;
  description: string;
  /** Prefetch templates announced in discovery and gathered for the handler. */
  prefetch: Readonly<Record<string, string>>;
  usageRequirements?: string;
  handle(context: CdsServiceContext): Promise<CdsCard[]>;
}
