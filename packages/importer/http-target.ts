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
