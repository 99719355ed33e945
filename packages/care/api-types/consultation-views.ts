/**
 * The clinician's view of a patient's consultations (GET /api/care/patients/{id}/consultation-views, issue 20):
 * every consultation, stopped ones too, with how it ended, its triage and the patient's own words.
 */
import type { TriageLevel } from '@qihuang/engines/hypertension-care';

export type ConsultationOutcome = 'emergency-stop' | 'stopped' | 'completed' | 'abandoned' | 'in-progress';

export interface ConsultationWords {
  at: string;
  text: string;
}

export interface ConsultationView {
  id: string;
  patientId: string;
  outcome: ConsultationOutcome;
  startedAt: string;
  /** The last activity (the stop, the save, the last answer). */
  updatedAt: string;
  language: 'zh' | 'en';
  /** The last triage, in the reader's language. */
  triage?: {
    level: TriageLevel;
    /** What the triage found ("需立即处理：…"). */
    text: string;
    /** The red flags the engine named, each with the patient's words that matched. */
    redFlags: { code: string; text: string; matched: string }[];
    /** The guideline sources as written (the console names them in its language, as on the triage banner). */
    source: string;
  };
  /** What the patient wrote, verbatim, in order. */
  patientWords: ConsultationWords[];
  /** The care team's alert that stands for this consultation's triage, if one was raised. */
  alertId?: string;
}
