/**
 * Where in a file a rejected transaction failed: the first `Bundle.entry[N]` that the store's (or the server's)
 * issues name, as the entry's index and the resource's type and id. Without such an expression the whole file
 * (or line) failed and only the reason is known.
 */
import { isQihuangError } from '@qihuang/contracts';

export interface RejectionPlace {
  /** 0-based index of the entry in the file's Bundle (FHIRPath `Bundle.entry[N]`). */
  index?: number;
  resourceType?: string;
  resourceId?: string;
}

const ENTRY = /Bundle\.entry\[(\d+)\]/;

/** The entry index the error points at, from its issues' expressions, else from its message. */
export function entryIndexOf(error: unknown): number | undefined {
  const texts: string[] = [];
  if (isQihuangError(error)) for (const issue of error.issues) texts.push(...(issue.expression ?? []));
  if (error instanceof Error) texts.push(error.message);
  for (const text of texts) {
    const match = ENTRY.exec(text);
    if (match) return Number(match[1]);
  }
  return undefined;
}

/** The resource of `entries[index]` (the file's own entries, in the order the transaction kept). */
export function placeIn(entries: readonly unknown[], index: number | undefined): RejectionPlace {
  if (index === undefined) return {};
  const resource = (entries[index] as { resource?: { resourceType?: unknown; id?: unknown } } | undefined)
    ?.resource;
  return {
    index,
    ...(typeof resource?.resourceType === 'string' ? { resourceType: resource.resourceType } : {}),
    ...(typeof resource?.id === 'string' ? { resourceId: resource.id } : {}),
  };
}

/** A one-entry retry bundle's `Bundle.entry[0]` means nothing to the reader of an NDJSON file: drop it. */
export function withoutRetryIndex(reason: string): string {
  return reason.replace(/Bundle\.entry\[0\]\.?/g, '');
}
