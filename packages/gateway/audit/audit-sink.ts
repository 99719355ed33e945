/**
 * Every model call is audited through an injected sink (the audit-log package implements it). The gateway
 * hands events to a batch writer, so a slow sink never delays a model call.
 */
export interface GatewayAuditEvent {
  type: 'gateway.chat' | 'gateway.embeddings';
  at: string;
  requestId: string;
  principal: { id: string; kind: 'user' | 'key' | 'service'; role?: string };
  /** Patient the call concerns, from the `x-qihuang-patient` header or the request's `qihuang.patient`. */
  patient?: string;
  model: string;
  scenario: string;
  target: string | null;
  location: 'on-premises' | 'cloud' | null;
  attempts: number;
  outcome: 'success' | 'error' | 'client-error' | 'rate-limited' | 'refused' | 'cancelled';
  errorCode?: string;
  tokens: { prompt: number; completion: number; reasoning: number; total: number; estimated: boolean };
  latencyMs: number;
  /** Reasoning text, kept even when stripped from a patient-facing answer (policy `audit.storeReasoning`). */
  reasoning?: string;
  /** Identifier counts replaced before a cloud call (never the values). */
  deidentified?: Record<string, number>;
  reasoningStripped: boolean;
  /** Prompt messages and answer, only when policy `audit.storePrompts` is on. */
  prompt?: unknown;
  answer?: string;
}

export interface AuditSink {
  record(event: GatewayAuditEvent): Promise<void>;
  /** Optional: records a batch at once (e.g. in one database transaction); `record` is used otherwise. */
  recordBatch?(events: GatewayAuditEvent[]): Promise<void>;
}

/** Keeps events in memory (tests, quick start without a database). Bounded. */
export class MemoryAuditSink implements AuditSink {
  readonly events: GatewayAuditEvent[] = [];

  constructor(private readonly maxEvents = 100_000) {}

  async record(event: GatewayAuditEvent): Promise<void> {
    this.events.push(event);
    // Drop the oldest tenth at once: shifting one by one costs O(n) per event once full.
    if (this.events.length > this.maxEvents) this.events.splice(0, Math.ceil(this.maxEvents / 10));
  }
}
