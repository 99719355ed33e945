/** The gateway benchmark's request body and its autocannon run (50 connections, non-streaming). */
import { createRequire } from 'node:module';

// autocannon ships no types; the part used here.
interface CannonResult {
  latency: { p50: number; p99: number };
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: {
  url: string;
  method: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  body: string;
}) => Promise<CannonResult>;

export const bodyOf = (stream: boolean) =>
  JSON.stringify({
    model: 'clinical-copilot',
    messages: [
      { role: 'system', content: '你是心血管专科临床助手。' },
      {
        role: 'user',
        content: '患者男，58岁，血压 128/78 mmHg，服用氨氯地平 5 mg qd，目前方案是否需要调整？',
      },
    ],
    ...(stream ? { stream: true } : {}),
  });

export async function cannon(
  target: { url: string; headers: Record<string, string> },
  seconds: number,
): Promise<{ p50: number; p99: number; rps: number; errors: number; requests: number }> {
  const result = await autocannon({
    url: `${target.url}/chat/completions`,
    method: 'POST',
    connections: 50,
    duration: seconds,
    headers: { ...target.headers, 'content-type': 'application/json' },
    body: bodyOf(false),
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    errors: result.non2xx + result.errors + result.timeouts,
    requests: result.requests.total,
  };
}
