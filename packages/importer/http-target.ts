/**
 * Import into a running server (`--server URL`): each transaction is POSTed to its FHIR endpoint. The bundles
 * carry stable ids (PUTs, stable-ids.ts), so a rerun after a crash or a second import writes nothing twice; an
 * entry the server reports as unchanged (an informational outcome, no new version) is counted as unchanged.
 */
import { QihuangError } from '@qihuang/contracts';
import type { ImportTarget } from './import-files.ts';

interface ResponseEntry {
  response?: {
    status?: string;
    outcome?: { issue?: { severity?: string; diagnostics?: string }[] };
  };
}

const isUnchanged = (entry: ResponseEntry) =>
  entry.response?.outcome?.issue?.some(
    (i) => i.severity === 'information' && i.diagnostics?.startsWith('unchanged'),
  ) === true;

export function httpTarget(
  serverUrl: string,
  token: string | undefined,
  fetchImpl: typeof fetch = fetch,
): ImportTarget {
  const base = serverUrl.replace(/\/+$/, '').replace(/\/fhir\/R4$/, '');
  const url = `${base}/fhir/R4`;
  return {
    url,
    async transaction(bundle) {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/fhir+json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(bundle),
      }).catch((error: unknown) => {
        throw unreachable(url, error);
      });
      const body = (await response.json().catch(() => ({}))) as {
        issue?: { diagnostics?: string; expression?: string[] }[];
        entry?: ResponseEntry[];
      };
      if (!response.ok) {
        // Each problem with the element it names (Bundle.entry[N]…), as the embedded import reports it.
        const issues = (body.issue ?? []).map((i) => ({
          severity: 'error' as const,
          code: 'invalid',
          message: i.diagnostics ?? '',
          ...(i.expression?.length ? { expression: i.expression } : {}),
        }));
        const problems = issues
          .map((i) => [i.expression?.join(', '), i.message].filter(Boolean).join(' '))
          .join('; ');
        throw new QihuangError('invalid-input', `${url} answered ${response.status}: ${problems}`, {
          issues,
        });
      }
      const entries = (bundle.entry as { resource?: { resourceType?: string } }[] | undefined) ?? [];
      const byType: Record<string, number> = {};
      for (const e of entries)
        if (e.resource?.resourceType)
          byType[e.resource.resourceType] = (byType[e.resource.resourceType] ?? 0) + 1;
      const written = (body.entry ?? []).filter((e) => {
        const status = e.response?.status ?? '';
        return status.startsWith('201') || (status.startsWith('200') && !isUnchanged(e));
      }).length;
      return { written, byType, total: entries.length };
    },
  };
}

/** Node's network error codes in words (undici's "fetch failed" hides them in `cause`). */
const NETWORK_CAUSES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

/**
 * The server could not be reached: the import stops (no file is "rejected" for it) with 'unavailable', which
 * the CLI exits 1 for (docs/operations.md, "The command line"), naming the URL and the cause.
 */
function unreachable(url: string, error: unknown): QihuangError {
  let cause: unknown = error;
  let code: string | undefined;
  for (let depth = 0; cause && depth < 4 && !code; depth++) {
    const c = (cause as { code?: unknown }).code;
    if (typeof c === 'string') code = c;
    const errors = (cause as { errors?: unknown[] }).errors; // AggregateError (IPv4 and IPv6 both refused)
    cause = (cause as { cause?: unknown }).cause ?? errors?.[0];
  }
  const words = (code && NETWORK_CAUSES[code]) ?? (error as Error).message ?? String(error);
  return new QihuangError(
    'unavailable',
    `cannot reach the server: ${words} (${code ?? 'network error'}) at ${url}`,
    {
      cause: error,
    },
  );
}
