/**
 * Hypertension-care engine (pure): emergency triage, treatment proposal, home-monitoring plan with reminders
 * and adherence, follow-up intervals, lifestyle goals and the clinician panel ranking.
 */
export * from './types.ts';
export {
  triage,
  findRedFlags,
  ALWAYS_EMERGENCY,
  CRISIS_SBP,
  CRISIS_DBP,
  DEFAULT_WINDOW_HOURS,
  RED_FLAG_TEXT,
  SUSPECTED_TIA,
  raiseTriage,
  higherLevel,
} from './triage.ts';
export {
  proposeTreatment,
  followUpDays,
  followUpSourceText,
  avoidedClasses,
  preferredClasses,
  REGIMEN_SETTLE_DAYS,
  RECHECK_HOME_DAYS,
  regimenSettledAt,
} from './treatment.ts';
export { GUIDELINE_EDITIONS, editionFor } from './guidelines/registry.ts';
export type { GuidelineEdition } from './guidelines/types.ts';
export { AGENTS, SPCS, CLASS_TEXT, nextDose, type AgentSpec, type SpcSpec } from './agents.ts';
export {
  monitoringPlan,
  hbpmWindow,
  WEEKLY_WINDOW_WEEKS,
  remindersFor,
  adherence,
  PLAN_DAYS,
  READINGS_PER_SESSION,
  MORNING_WINDOW,
  EVENING_WINDOW,
} from './monitoring.ts';
export { lifestyleGoals } from './lifestyle.ts';
export { rankPanel, scoreEntry, ADHERENCE_THRESHOLD } from './panel.ts';
