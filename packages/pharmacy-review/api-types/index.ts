/**
 * The wire contract of /api/pharmacy (pharmacist review queue and daily report), type-only: the handlers build
 * these shapes and the console imports them with `import type` from `@qihuang/pharmacy-review/api-types`, so a
 * change to a response the console reads fails `tsc`. Nothing here has a runtime value.
 */
import type { Finding, FindingType, Severity } from '@qihuang/engines/prescription-review';

export type { FindingType, Severity };

/** The one language of a pharmacy answer (`lang`, else Accept-Language). */
export type Language = 'zh-CN' | 'en';

export type ReviewState = 'pending' | 'approved' | 'returned';
/** `GET /queue?status=`. */
export type QueueStatus = ReviewState | 'all';

export interface ReviewedFinding {
  id: string;
  type: FindingType;
  severity: Severity;
  /** Why the pharmacist approved despite this finding. */
  override?: string;
}

export interface ReviewRecord {
  state: ReviewState;
  /** The reviewer's username. */
  by?: string;
  /** The reviewer's display name at review time (shown to people; the username is not, issue 20). */
  byName?: string;
  at?: string;
  reason?: string;
  /**
   * On an approval: the order it stopped (`MedicationRequest/<id>`, statusReason replaced) because this switch or
   * dose change replaces it — recorded with who approved and when (issue 20/19).
   */
  stopped?: string;
  findings: ReviewedFinding[];
}

/** A review finding in the language asked for (one language per screen); `citation` only in English. */
export interface LocalizedFinding extends Omit<Finding, 'summary' | 'detail' | 'source'> {
  /** The prescriber acknowledged this (critical) finding when signing the order. */
  acknowledged?: boolean;
  /**
   * On an approved order: the finding was not among those the pharmacist saw at approval — it appeared after
   * (a new lab, condition or order); `at` is the time of the result behind it when that came after the approval.
   */
  afterApproval?: { at?: string };
  summary: string;
  detail: string;
  source: { id: string; label: string; citation?: string; url?: string };
}

/** A lab value the review engine used, with the date of its observation (ISO). */
export interface CardLab {
  value: number;
  unit: string;
  at?: string;
}

/** What the pharmacist needs beside the order: the chart facts the review engine read. */
export interface CardPatient {
  id?: string;
  name?: string;
  ageYears?: number;
  sex?: 'male' | 'female' | 'other' | 'unknown';
  /** Latest eGFR (mL/min/1.73 m²; reported, else computed from creatinine by the engine). */
  egfr?: CardLab;
  /** Latest serum potassium (mmol/L). */
  potassium?: CardLab;
  /** Recorded allergies (substance names, in the screen's language where the drug knowledge names them). */
  allergies: string[];
  /** Pregnancy status from the latest pregnancy-status observation; absent when none is recorded. */
  pregnant?: boolean;
}

/** A person who acted on the order: display name (else username) and role when they are a user. */
export interface Person {
  name: string;
  role?: string;
}

/** An order in the queue; also the answer of `POST /queue/{id}/approve` and `/return`. */
export interface QueueItem {
  id: string;
  status: string;
  authoredOn?: string;
  medication: string;
  dosage?: string;
  /** 天数 and 总量 the order carries (dispenseRequest), the quantity worded in the card's language ('28 片'). */
  supply?: { days?: number; quantity?: string };
  patient: CardPatient;
  /** The prescriber's name (a user's display name, else the Practitioner's name or the reference's display). */
  requester?: string;
  /** The prescriber's role when the prescriber is a user of this system. */
  requesterRole?: string;
  /** The prescriber's note on the order (MedicationRequest.note), as written. */
  note?: string;
  /**
   * The order this one replaces (priorPrescription; issue 20/19): a switch to another drug or a dose change of the
   * same drug. Not a duplicate of it: it is stopped (statusReason replaced) when this one is approved, and stays
   * active when this one is returned. `status` is that order's now (active while waiting, stopped once approved).
   */
  replaces?: {
    id: string;
    kind: 'switch' | 'dose-change';
    medication: string;
    status: string;
    /**
     * Awaiting review while another change replaced that order since (approved first): that change's medicine, in
     * the card's language. The order named stays the one replaced: never the other change (issue 20).
     */
    replacedBy?: string;
    /** That order is no longer current: when it stopped (issue 20). */
    stoppedAt?: string;
    /** Stopped outright by a clinician, not replaced by a change: the card warns the pharmacist (issue 20). */
    stoppedOutright?: true;
  };
  /**
   * Approval would be refused (the order it replaces was replaced by another change since): why, in the card's
   * language, without resource ids. Approval is not offered; returning it is (issue 20).
   */
  approvalRefused?: string;
  /** Who reviewed it (display name and role), when reviewed; `review.by` keeps the recorded username. */
  reviewer?: Person;
  review: ReviewRecord;
  findings: LocalizedFinding[];
  /** Highest severity among the findings, absent when there are none. */
  severity?: Severity;
  knowledgeVersion: string;
  /**
   * The patient's open emergency (unacknowledged critical BP alert or reported emergency), worded in the card's
   * language; absent when none is open (issue 20).
   */
  openEmergency?: string[];
  /**
   * How many critical issues the prescriber acknowledged when signing, as one line in the card's language
   * ("医生已确认 2 项严重问题并签署"); absent when none (issue 20).
   */
  acknowledged?: string;
}

/** `GET /queue`. */
export interface QueueAnswer {
  status: QueueStatus;
  lang: Language;
  /** The hospital's IANA zone (QIHUANG_TIME_ZONE): order and review times are shown in it. */
  timeZone: string;
  total: number;
  items: QueueItem[];
}

export interface DailyReport {
  date: string;
  /** Orders reviewed (approved + returned) that day. */
  reviewed: number;
  approved: number;
  returned: number;
  /** returned / reviewed (0 when nothing was reviewed), rounded to 4 decimals. */
  returnRate: number;
  /** Reviewed orders with at least one warning or critical finding. */
  flagged: number;
  /** Approved orders with at least one warning or critical finding (approved despite it). */
  overridden: number;
  /** overridden / flagged (0 when nothing was flagged), rounded to 4 decimals. */
  overrideRate: number;
  /** Warning/critical findings approved with the pharmacist's recorded reason. */
  overrideReasons: number;
  /** Warning/critical findings approved without a recorded reason (reviews from before reasons were required). */
  overridesWithoutReason: number;
  findings: {
    total: number;
    bySeverity: Record<Severity, number>;
    byType: { type: FindingType; total: number; info: number; warning: number; critical: number }[];
  };
}

/** `GET /report`: the day's report and the hospital's zone the day is counted in. */
export type ReportAnswer = DailyReport & { timeZone: string };
