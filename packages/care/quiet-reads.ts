/**
 * One audit row for a view that reads many charts (issue 20 item 10: the care panel wrote ~20 rows per view, one
 * per search and chart read). The repository handed to the view records its reads and searches instead of
 * auditing each (writes are audited as always); the caller then writes one row naming every patient whose data
 * was read, so the log still says who saw which patients.
 */
import type { AuditRecord } from '@qihuang/contracts';
import type { FhirRepository } from '@qihuang/store';

export interface QuietReads {
  /** The repository to read through: same data and access rules, reads not audited one by one. */
  repository: FhirRepository;
  /** Patients whose data the reads touched, sorted. */
  patients(): string[];
  /** How many reads and searches were folded into the one row. */
  reads(): number;
}

const READS: ReadonlySet<AuditRecord['action']> = new Set(['read', 'vread', 'search', 'history']);

export function quietReads(repo: FhirRepository): QuietReads {
  const patients = new Set<string>();
  let reads = 0;
  // Same instance state (database, access rules, clock) through the prototype; only `audit` differs.
  const quiet = Object.create(repo) as FhirRepository;
  quiet.audit = async (executor, ctx, record) => {
    if (!READS.has(record.action) || record.outcome !== 'success') return repo.audit(executor, ctx, record);
    for (const id of record.patientIds) patients.add(id);
    reads++;
  };
  return { repository: quiet, patients: () => [...patients].sort(), reads: () => reads };
}
