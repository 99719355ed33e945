/**
 * The patient's open emergency on the pharmacist's card (issue 20): an unacknowledged critical alert — a
 * crisis-range BP (REFERENCE §1.5) or an emergency the patient reported — read as care's open-emergency.ts reads
 * it (bp-monitoring's active alerts, severity critical), worded for the pharmacist in the card's language.
 */
import { listAlerts, type StoredAlert } from '@qihuang/bp-monitoring';
import type { RequestContext } from '@qihuang/contracts';
import type { FhirRepository } from '@qihuang/store';
import type { Language } from './api-types/index.ts';

/** The open critical alerts' own texts (newest first). */
export async function openCriticalAlerts(
  repository: FhirRepository,
  ctx: RequestContext,
  patientId: string,
): Promise<StoredAlert[]> {
  const active = await listAlerts(repository, ctx, { patientId, status: 'active', count: 50 });
  return active
    .filter((a) => a.status === 'active' && a.severity === 'critical')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** One line per open alert for the pharmacist: what is open and what to check with the prescriber. */
export function openAlertLines(
  alerts: readonly Pick<StoredAlert, 'kind' | 'summary'>[],
  lang: Language,
): string[] {
  return alerts.map((a) => {
    const reported = a.kind === 'reported-emergency';
    // The alert's text is whole sentences; inside brackets it ends without its full stop ("…症状）：", not "…症状。）：").
    const zh = bare(a.summary.zh);
    const en = bare(a.summary.en);
    if (lang === 'zh-CN')
      return reported
        ? `患者报告的急症尚未处理（${zh}）：请与处方医生确认已先评估急症`
        : `患者有未处理的血压危急值预警（${zh}）：请与处方医生确认已先评估有无高血压急症`;
    return reported
      ? `The patient reported an emergency that is still open (${en}): check with the prescriber that it was assessed first`
      : `The patient has an unacknowledged BP crisis alert (${en}): check with the prescriber that hypertensive emergency was assessed first`;
  });
}

/** A text without its closing sentence punctuation (。．.；;！!) and trailing spaces. */
function bare(text: string): string {
  return text.replace(/[\s。．.；;！!]+$/u, '');
}
