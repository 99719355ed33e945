/** Kysely table types of the care scenario (migration 0700-care). */
import type { ColumnType, Kysely } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: written as JSON text, read as the parsed value. */
type Json<T> = ColumnType<T, string, string>;

export interface CareConsultationTable {
  id: string;
  patient_id: string;
  status: 'active' | 'stopped' | 'completed';
  language: 'zh' | 'en';
  step_index: number;
  answers: Json<Record<string, string>>;
  messages: Json<unknown[]>;
  triage: Json<unknown> | null;
  saved: Json<unknown> | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CareMedicationAdherenceTable {
  patient_id: string;
  day: string;
  taken: boolean;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface CareReminderDeliveryTable {
  patient_id: string;
  day: string;
  session: string;
  status: 'sending' | 'sent' | 'failed';
  detail: string | null;
  sent_at: Timestamp;
}

export interface CareTables {
  care_consultation: CareConsultationTable;
  care_medication_adherence: CareMedicationAdherenceTable;
  care_reminder_delivery: CareReminderDeliveryTable;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKysely = Kysely<any>;

export function careDb(db: AnyKysely): Kysely<CareTables> {
  return db as Kysely<CareTables>;
}
