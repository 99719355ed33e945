/**
 * The badge of an allergy or a condition on the chart by its verification status (issue 20): one the patient
 * reported that no clinician has confirmed yet reads "患者自述·待确认" (it still counts in prescription review);
 * a rejected one "已否定". Confirmed or unstated: no badge. Pure.
 */
export type ReportedBadge = 'unconfirmed' | 'rejected';

export function reportedBadge(resource: {
  verificationStatus?: { coding?: { code?: string }[] };
  meta?: { tag?: { system?: string; code?: string }[] };
}): ReportedBadge | undefined {
  const code = resource.verificationStatus?.coding?.find((c) => c.code)?.code;
  if (code === 'refuted' || code === 'entered-in-error') return 'rejected';
  if (code === 'unconfirmed' || code === 'provisional') return 'unconfirmed';
  // Written by the patient and not yet saved by a clinician (the store's recorded-by tag, docs/decisions/0003).
  const tagged = resource.meta?.tag?.some(
    (t) => t.system === 'urn:qihuang:recorded-by' && t.code === 'patient',
  );
  return tagged && code !== 'confirmed' ? 'unconfirmed' : undefined;
}
