/** Usage records in PostgreSQL / PGlite (table `gateway_usage`, migration 0200-gateway-usage). */
import { sql, type Kysely } from 'kysely';
import {
  usageDimensions,
  type UsageQuery,
  type UsageRecord,
  type UsageStore,
  type UsageSummaryRow,
} from './usage-store.ts';

export interface GatewayUsageTable {
  at: Date | string;
  day: string;
  request_id: string;
  key_id: string;
  principal_kind: string;
  model: string;
  scenario: string;
  target: string | null;
  location: string | null;
  endpoint: string;
  stream: boolean;
  prompt_tokens: number;
  completion_tokens: number;
  reasoning_tokens: number;
  total_tokens: number;
  estimated: boolean;
  latency_ms: number;
  ttft_ms: number | null;
  outcome: string;
  error_code: string | null;
}

export interface GatewayUsageDatabase {
  gateway_usage: GatewayUsageTable;
}

const COLUMN = { key: 'key_id', model: 'model', scenario: 'scenario', target: 'target', day: 'day' } as const;

export class KyselyUsageStore implements UsageStore {
  private readonly db: Kysely<GatewayUsageDatabase>;

  // Any application database that ran migration 0200 will do; its other tables do not matter here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  constructor(db: Kysely<any>) {
    this.db = db as Kysely<GatewayUsageDatabase>;
  }

  async append(records: readonly UsageRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.db
      .insertInto('gateway_usage')
      .values(
        records.map((r) => ({
          at: r.at,
          day: r.day,
          request_id: r.requestId,
          key_id: r.keyId,
          principal_kind: r.principalKind,
          model: r.model,
          scenario: r.scenario,
          target: r.target,
          location: r.location,
          endpoint: r.endpoint,
          stream: r.stream,
          prompt_tokens: r.promptTokens,
          completion_tokens: r.completionTokens,
          reasoning_tokens: r.reasoningTokens,
          total_tokens: r.totalTokens,
          estimated: r.estimated,
          latency_ms: Math.round(r.latencyMs),
          ttft_ms: r.ttftMs === null ? null : Math.round(r.ttftMs),
          outcome: r.outcome,
          error_code: r.errorCode,
        })),
      )
      .execute();
  }

  async summarize(query: UsageQuery): Promise<UsageSummaryRow[]> {
    const dims = usageDimensions.filter((d) => query.groupBy.includes(d));
    let q = this.db
      .selectFrom('gateway_usage')
      .select([
        sql<number>`count(*)::int`.as('requests'),
        sql<number>`count(*) filter (where outcome <> 'success')::int`.as('errors'),
        sql<number>`coalesce(sum(prompt_tokens), 0)::float8`.as('promptTokens'),
        sql<number>`coalesce(sum(completion_tokens), 0)::float8`.as('completionTokens'),
        sql<number>`coalesce(sum(reasoning_tokens), 0)::float8`.as('reasoningTokens'),
        sql<number>`coalesce(sum(total_tokens), 0)::float8`.as('totalTokens'),
        sql<number>`coalesce(round(avg(latency_ms)), 0)::float8`.as('avgLatencyMs'),
      ]);
    for (const d of dims) q = q.select(sql.ref(COLUMN[d]).as(d)).groupBy(COLUMN[d]).orderBy(COLUMN[d]);
    if (query.from) q = q.where('day', '>=', query.from);
    if (query.to) q = q.where('day', '<=', query.to);
    if (query.keyId) q = q.where('key_id', '=', query.keyId);
    if (query.model) q = q.where('model', '=', query.model);
    if (query.scenario) q = q.where('scenario', '=', query.scenario);
    const rows = (await q.execute()) as unknown as UsageSummaryRow[];
    return rows;
  }
}
