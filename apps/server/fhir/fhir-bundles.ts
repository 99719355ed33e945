/** Builds searchset and history Bundles with absolute fullUrls and paging links. */
import type { HistoryEntry, StoredRow } from '@qihuang/store';

export function searchsetBundle(options: {
  base: string;
  selfUrl: URL;
  total?: number;
  matches: StoredRow[];
  included: StoredRow[];
  count: number;
  offset: number;
}): Record<string, unknown> {
  const { base, selfUrl, total, matches, included, count, offset } = options;
  const link = [{ relation: 'self', url: selfUrl.toString() }];
  const page = (newOffset: number) => {
    const url = new URL(selfUrl);
    url.searchParams.set('_offset', String(newOffset));
    url.searchParams.set('_count', String(count));
    return url.toString();
  };
  const summaryOnly = selfUrl.searchParams.get('_summary') === 'count';
  const hasMore =
    !summaryOnly && (total !== undefined ? offset + matches.length < total : matches.length === count);
  if (hasMore && count > 0) link.push({ relation: 'next', url: page(offset + count) });
  if (offset > 0) link.push({ relation: 'previous', url: page(Math.max(0, offset - count)) });
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(total !== undefined ? { total } : {}),
    link,
    entry: [
      ...matches.map((row) => ({
        fullUrl: `${base}/${row.resource_type}/${row.id}`,
        resource: row.content,
        search: { mode: 'match' },
      })),
      ...included.map((row) => ({
        fullUrl: `${base}/${row.resource_type}/${row.id}`,
        resource: row.content,
        search: { mode: 'include' },
      })),
    ],
  };
}

export function historyBundle(
  base: string,
  selfUrl: URL,
  total: number,
  entries: HistoryEntry[],
): Record<string, unknown> {
  return {
    resourceType: 'Bundle',
    type: 'history',
    total,
    link: [{ relation: 'self', url: selfUrl.toString() }],
    entry: entries.map((e) => ({
      fullUrl: `${base}/${e.resource_type}/${e.id}`,
      ...(e.content ? { resource: e.content } : {}),
      request: {
        method: e.method,
        url: e.method === 'POST' ? e.resource_type : `${e.resource_type}/${e.id}`,
      },
      response: {
        status: e.method === 'POST' ? '201' : e.deleted ? '204' : '200',
        etag: `W/"${e.version_id}"`,
        lastModified: new Date(e.last_updated).toISOString(),
      },
    })),
  };
}
