/** The printed prescription slip's shape (care routes' `GET /prescriptions/{id}/slip`). Type-only. */

/** `GET /prescriptions/{id}/slip?lang=`: what a printed 处方笺 shows, in one language (issue 20). */
export interface PrescriptionSlip {
  id: string;
  /** `active` (signed) prints as a prescription; anything else prints with the "draft" watermark. */
  status: string;
  signed: boolean;
  /**
   * Signed by the prescriber and awaiting the pharmacist's review (decision 0017): not a prescription to dispense
   * until approved; it prints marked so, like a draft.
   */
  awaitingReview?: true;
  /** The hospital's name (config QIHUANG_HOSPITAL_NAME); absent when not configured. */
  hospital?: string;
  patient: { id: string; name?: string; sex?: string; ageYears?: number; mrn?: string };
  /** The department recorded on the order's encounter or requester, when there is one. */
  department?: string;
  diagnoses: string[];
  lines: {
    drug: string;
    strength?: string;
    dose?: string;
    route?: string;
    frequency?: string;
    quantity?: string;
    days?: number;
  }[];
  prescriber?: string;
  signedAt?: string;
  authoredOn?: string;
  /** The pharmacist's review (前置审方) when the order was reviewed. */
  review?: { state: 'approved' | 'returned'; by?: string; at?: string };
}
