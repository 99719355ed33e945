import type { UsageRecord } from '../usage/usage-store.ts';

/** A successful chat usage record for tests; override what the test is about. */
export const usageRecord = (over: Partial<UsageRecord> = {}): UsageRecord => ({
  at: '2026-11-25T10:00:00.000Z',
  day: '2026-11-25',
  requestId: 'r',
  keyId: 'k1',
  principalKind: 'key',
  model: 'clinical-copilot',
  scenario: 'clinical-copilot',
  target: 'local',
  location: 'on-premises',
  endpoint: 'chat',
  stream: false,
  promptTokens: 10,
  completionTokens: 5,
  reasoningTokens: 2,
  totalTokens: 15,
  estimated: false,
  latencyMs: 100,
  ttftMs: null,
  outcome: 'success',
  errorCode: null,
  ...over,
});
