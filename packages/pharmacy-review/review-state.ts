/**
 * The pharmacist's review state of one MedicationRequest, kept on the order itself as the FHIR extension
 * `urn:qihuang:pharmacy-review` (nested: state, by, by-name, at, reason, and one `finding` per engine finding seen at
 * review time with its optional override reason). Absent extension = pending.
 */
import type { Finding, FindingType, Severity } from '@qihuang/engines/prescription-review';
import type { FhirResource } from '@qihuang/store';
import type { ReviewState, ReviewedFinding, ReviewRecord } from './api-types/index.ts';

export type { ReviewState, ReviewedFinding, ReviewRecord };

export const REVIEW_EXTENSION = 'urn:qihuang:pharmacy-review';

interface Extension {
  url: string;
  valueString?: string;
  valueCode?: string;
  valueDateTime?: string;
  extension?: Extension[];
}

const STATES = new Set<ReviewState>(['pending', 'approved', 'returned']);

export function readReview(resource: FhirResource): ReviewRecord {
  const ext = ((resource as { extension?: Extension[] }).extension ?? []).find(
    (e) => e.url === REVIEW_EXTENSION,
  );
  if (!ext) return { state: 'pending', findings: [] };
  const parts = ext.extension ?? [];
  const value = (url: string) => {
    const p = parts.find((x) => x.url === url);
    return p?.valueCode ?? p?.valueString ?? p?.valueDateTime;
  };
  const state = value('state') as ReviewState | undefined;
  const record: ReviewRecord = {
    state: state && STATES.has(state) ? state : 'pending',
    findings: parts
      .filter((p) => p.url === 'finding')
      .map((p) => {
        const sub = (url: string) => {
          const s = p.extension?.find((x) => x.url === url);
          return s?.valueCode ?? s?.valueString;
        };
        const override = sub('override');
        return {
          id: sub('id') ?? '',
          type: (sub('type') ?? 'unknown-drug') as FindingType,
          severity: (sub('severity') ?? 'info') as Severity,
          ...(override ? { override } : {}),
        };
      }),
  };
  const by = value('by');
  const byName = value('by-name');
  const at = value('at');
  const reason = value('reason');
  const stopped = value('stopped');
  if (by) record.by = by;
  if (byName) record.byName = byName;
  if (at) record.at = at;
  if (reason) record.reason = reason;
  if (stopped) record.stopped = stopped;
  return record;
}

/** The resource with its review extension replaced (other extensions kept). */
export function withReview<T extends FhirResource>(resource: T, record: ReviewRecord): T {
  const others = ((resource as { extension?: Extension[] }).extension ?? []).filter(
    (e) => e.url !== REVIEW_EXTENSION,
  );
  const parts: Extension[] = [{ url: 'state', valueCode: record.state }];
  if (record.by) parts.push({ url: 'by', valueString: record.by });
  if (record.byName) parts.push({ url: 'by-name', valueString: record.byName });
  if (record.at) parts.push({ url: 'at', valueDateTime: record.at });
  if (record.reason) parts.push({ url: 'reason', valueString: record.reason });
  if (record.stopped) parts.push({ url: 'stopped', valueString: record.stopped });
  for (const f of record.findings) {
    const sub: Extension[] = [
      { url: 'id', valueString: f.id },
      { url: 'type', valueCode: f.type },
      { url: 'severity', valueCode: f.severity },
    ];
    if (f.override) sub.push({ url: 'override', valueString: f.override });
    parts.push({ url: 'finding', extension: sub });
  }
  return { ...resource, extension: [...others, { url: REVIEW_EXTENSION, extension: parts }] };
}

export function snapshot(findings: Finding[], overrides: Record<string, string> = {}): ReviewedFinding[] {
  return findings.map((f) => ({
    id: f.id,
    type: f.type,
    severity: f.severity,
    ...(overrides[f.id]?.trim() ? { override: overrides[f.id]!.trim() } : {}),
  }));
}
