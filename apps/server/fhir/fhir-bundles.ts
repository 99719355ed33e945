/**
 * Builds searchset and history Bundles with absolute fullUrls and paging links.
 *
 * The searchset answer of the API is built as text (`searchsetBundleJson`): each resource is the database's
 * JSON text spliced in unparsed. Parsing 1,000-row pages into objects and serialising them again held the
 * server's thread for ten concurrent clients long enough to delay `/healthz` past 100 ms (issue 15,
 * docs/decisions/0004). `searchsetBundle` builds the same Bundle as an object (same keys, same order); tests
 * check that both agree.
 */
import type { HistoryEntry, StoredJsonRow, StoredRow } from '@qihuang/store';

interface SearchsetOptions<Row> {
  base: string;
  selfUrl: URL;
  total?: number;
  matches: Row[];
  included: Row[];
  count: number;
  offset: number;
}

/** Bundle.link of a searchset: self, then next and previous pages (`_offset` / `_count`). */
function searchsetLinks(options: SearchsetOptions<unknown>): { relation: string; url: string }[] {
  const { selfUrl, total, matches, count, offset } = options;
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
  return link;
}

export function searchsetBundle(options: SearchsetOptions<StoredRow>): Record<string, unknown> {
  const { base, total, matches, included } = options;
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(total !== undefined ? { total } : {}),
    link: searchsetLinks(options),
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

/**
 * The searchset Bundle as JSON text, with each row's resource text (`json`, from the database, valid JSON)
 * spliced in as it is. Everything else is serialised with JSON.stringify; keys in the order of
 * `searchsetBundle`.
 */
export function searchsetBundleJson(options: SearchsetOptions<StoredJsonRow>): string {
  const { base, total, matches, included } = options;
  const parts: string[] = [];
  const entry = (row: StoredJsonRow, mode: string) =>
    `{"fullUrl":${JSON.stringify(`${base}/${row.resource_type}/${row.id}`)},"resource":${row.json},"search":{"mode":"${mode}"}}`;
  for (const row of matches) parts.push(entry(row, 'match'));
  for (const row of included) parts.push(entry(row, 'include'));
  const head = `{"resourceType":"Bundle","type":"searchset",${total !== undefined ? `"total":${JSON.stringify(total)},` : ''}"link":${JSON.stringify(searchsetLinks(options))}`;
  return `${head},"entry":[${parts.join(',')}]}`;
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
