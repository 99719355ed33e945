/**
 * An emergency reported in the consultation becomes a critical alert Flag in the patient's chart at once (kind
 * `reported-emergency`, raised by the triage, not by a reading rule), so the care team's inbox has it.
 */
import type { RequestContext } from '@qihuang/contracts';
import { saveAlerts } from '@qihuang/bp-monitoring';
import type { Alert, AlertKind } from '@qihuang/engines/blood-pressure';
import type { TriageResult } from '@qihuang/engines/hypertension-care';
import { withIntakeScopes, type CareDeps } from './deps.ts';

export async function raiseEmergencyFlag(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  result: TriageResult,
  at: string,
): Promise<void> {
  const alert: Alert = {
    key: `reported-emergency-${at}`,
    // Not one of the engine's reading-based alert kinds: raised by the consultation triage.
    kind: 'reported-emergency' as AlertKind,
    severity: 'critical',
    raisedAt: at,
    readingIds: result.crisisReading ? [result.crisisReading.id] : [],
    values: result.crisisReading ? { sbp: result.crisisReading.sbp, dbp: result.crisisReading.dbp } : {},
    rule: result.rule,
    source: result.source,
    display: {
      zh: `患者问诊中报告急症症状：${result.redFlags.map((f) => f.display.zh).join('、')}`,
      en: `Emergency symptoms reported in the consultation: ${result.redFlags.map((f) => f.display.en).join(', ')}`,
    },
  };
  await saveAlerts(deps.repository, withIntakeScopes(ctx), patientId, [alert]);
}
