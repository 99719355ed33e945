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
  return {
    async transaction(bundle) {
      const response = await fetchImpl(`${base}/fhir/R4`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/fhir+json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(bundle),
      });
      const body = (await response.json().catch(() => ({}))) as {
        issue?: { diagnostics?: string }[];
        entry?: ResponseEntry[];
      };
      if (!response.ok) {
        throw new QihuangError(
          'invalid-input',
          `server answered ${response.status}: ${body.issue?.map((i) => i.diagnostics).join('; ') ?? ''}`,
        );
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
