/**
 * What the de-identifier finds. Categories follow the 18 HIPAA Safe Harbor identifiers
 * (45 CFR §164.514(b)(2)(i)) plus the Chinese equivalents; the placeholder of a value is `[CATEGORY_n]`.
 *
 * Safe Harbor item → category: (A) names → PATIENT_NAME / RELATIVE_NAME / CLINICIAN_NAME; (B) geographic
 * subdivisions smaller than a state → ADDRESS, ZIP (first three digits kept unless the area is small);
 * (C) dates except the year, ages over 89 → DATE (shifted), AGE (grouped); (D) phone → PHONE; (E) fax → FAX;
 * (F) e-mail → EMAIL; (G) SSN → SSN, 身份证 → ID_CARD, passport → PASSPORT; (H) medical record numbers → MRN;
 * (I) health plan numbers → INSURANCE_NO (医保/社保); (J) account numbers → ACCOUNT_NO (bank cards);
 * (K) certificate/licence numbers → LICENSE_NO; (L) vehicle identifiers and plates → VEHICLE;
 * (M) device identifiers and serials → DEVICE; (N) URLs → URL; (O) IP addresses → IP; (P)/(Q) biometric
 * identifiers and photographs are not text (images go to the cloud only when allowed); (R) any other unique
 * number or code → ADMISSION_NO, WECHAT, QQ, IDENTIFIER (caller-supplied). Employers of the patient or
 * relatives → EMPLOYER (Safe Harbor lists them among the relatives' and employers' identifiers).
 */
export type PhiCategory =
  | 'PATIENT_NAME'
  | 'RELATIVE_NAME'
  | 'CLINICIAN_NAME'
  | 'ID_CARD'
  | 'PASSPORT'
  | 'SSN'
  | 'INSURANCE_NO'
  | 'PHONE'
  | 'FAX'
  | 'EMAIL'
  | 'WECHAT'
  | 'QQ'
  | 'MRN'
  | 'ADMISSION_NO'
  | 'ACCOUNT_NO'
  | 'LICENSE_NO'
  | 'VEHICLE'
  | 'DEVICE'
  | 'URL'
  | 'IP'
  | 'ADDRESS'
  | 'ZIP'
  | 'EMPLOYER'
  | 'DATE'
  | 'AGE'
  | 'IDENTIFIER';

/** One identifier found in a text: `text.slice(start, end)`. */
export interface PhiSpan {
  category: PhiCategory;
  start: number;
  end: number;
  text: string;
}

/** A span with what replaces it (placeholder, shifted date, grouped age or generalised ZIP). */
export interface ReplacedSpan extends PhiSpan {
  replacement: string;
}

/** Identifiers the caller already knows (patient context): always replaced. */
export interface KnownIdentifiers {
  names?: readonly string[];
  identifiers?: readonly string[];
}

/** Categories whose values are looked for everywhere once found (a name found after 患者 is hidden bare too). */
export const PROPAGATED: ReadonlySet<PhiCategory> = new Set<PhiCategory>([
  'PATIENT_NAME',
  'RELATIVE_NAME',
  'CLINICIAN_NAME',
  'EMPLOYER',
  'MRN',
  'ADMISSION_NO',
  'INSURANCE_NO',
  'ACCOUNT_NO',
  'LICENSE_NO',
  'DEVICE',
  'WECHAT',
  'IDENTIFIER',
]);
