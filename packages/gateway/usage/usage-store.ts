import type { UsageDimension, UsageSummaryRow } from '../api-types/index.ts';

export type { UsageDimension, UsageSummaryRow };
/**
 * Usage accounting: one record per model call, summarised by key, model, scenario, target and day.
 */
export interface UsageRecord {
  /** ISO timestamp of the call's start. */
  at: string;
  /** UTC day, YYYY-MM-DD. */
  day: string;
  requestId: string;
  /** Principal id (API key or user). */
  keyId: string;
  principalKind: 'user' | 'key' | 'service';
  /** The model name the client asked for. */
  model: string;
  /** Scenario: the virtual model that served the call (or the provider id). */
  scenario: string;
  /** Provider id that answered (last one tried, on failure); null when none was tried. */
  target: string | null;
  location: 'on-premises' | 'cloud' | null;
  endpoint: 'chat' | 'embeddings';
  stream: boolean;
  promptTokens: number;
  completionTokens: number;
  reasoningTokens: number;
  totalTokens: number;
  /** True when the upstream reported no usage and the counts are estimates. */
  estimated: boolean;
  latencyMs: number;
  /** Time to first byte for streamed answers. */
  ttftMs: number | null;
  outcome: 'success' | 'error' | 'client-error' | 'rate-limited' | 'refused' | 'cancelled';
  errorCode: string | null;
}

export const usageDimensions = [
  'key',
  'model',
  'scenario',
  'target',
  'day',
] as const satisfies readonly UsageDimension[];

export interface UsageQuery {
  groupBy: readonly UsageDimension[];
  /** First day included (YYYY-MM-DD). */
  from?: string;
  /** Last day included (YYYY-MM-DD). */
  to?: string;
  keyId?: string;
  model?: string;
  scenario?: string;
}

export interface UsageStore {
  append(records: readonly UsageRecord[]): Promise<void>;
  summarize(query: UsageQuery): Promise<UsageSummaryRow[]>;
}

const FIELD: Record<UsageDimension, keyof UsageRecord> = {
  key: 'keyId',
  model: 'model',
  scenario: 'scenario',
  target: 'target',
  day: 'day',
};

export function matchesQuery(record: UsageRecord, query: UsageQuery): boolean {
  return (
    (query.from === undefined || record.day >= query.from) &&
    (query.to === undefined || record.day <= query.to) &&
    (query.keyId === undefined || record.keyId === query.keyId) &&
    (query.model === undefined || record.model === query.model) &&
    (query.scenario === undefined || record.scenario === query.scenario)
  );
}

/** In-memory store (tests, single-node quick start). Bounded: the oldest records go first. */
export class MemoryUsageStore implements UsageStore {
  readonly records: UsageRecord[] = [];

  constructor(private readonly maxRecords = 1_000_000) {}

  async append(records: readonly UsageRecord[]): Promise<void> {
    this.records.push(...records);
    if (this.records.length > this.maxRecords) this.records.splice(0, this.records.length - this.maxRecords);
  }

  async summarize(query: UsageQuery): Promise<UsageSummaryRow[]> {
    const groups = new Map<string, { row: UsageSummaryRow; latency: number }>();
    for (const record of this.records) {
      if (!matchesQuery(record, query)) continue;
      const key = query.groupBy.map((d) => String(record[FIELD[d]])).join('\u0000');
      let group = groups.get(key);
      if (!group) {
        const row: UsageSummaryRow = {
          requests: 0,
          errors: 0,
          promptTokens: 0,
          completionTokens: 0,
          reasoningTokens: 0,
          totalTokens: 0,
          avgLatencyMs: 0,
        };
        for (const d of query.groupBy) Object.assign(row, { [d]: record[FIELD[d]] });
        group = { row, latency: 0 };
        groups.set(key, group);
      }
      const { row } = group;
      row.requests += 1;
      if (record.outcome !== 'success') row.errors += 1;
      row.promptTokens += record.promptTokens;
      row.completionTokens += record.completionTokens;
      row.reasoningTokens += record.reasoningTokens;
      row.totalTokens += record.totalTokens;
      group.latency += record.latencyMs;
    }
    return [...groups.values()]
      .map(({ row, latency }) => ({
        ...row,
        avgLatencyMs: row.requests ? Math.round(latency / row.requests) : 0,
      }))
      .sort((a, b) => sortKey(a, query).localeCompare(sortKey(b, query)));
  }
}

export const sortKey = (row: UsageSummaryRow, query: UsageQuery) =>
  query.groupBy.map((d) => String(row[d] ?? '')).join('\u0000');
