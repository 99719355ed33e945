/** Kysely table types of the FHIR store. Other packages declare their own tables beside their migrations. */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface FhirResourceTable {
  resource_type: string;
  id: string;
  version_id: number;
  last_updated: Timestamp;
  deleted: boolean;
  content: JSONColumnType<Record<string, unknown>> | null;
  compartments: string[];
  /**
   * Who created the resource (first version; kept across versions): `Patient/<id>` for a patient principal,
   * `<kind>/<principal id>` otherwise. Null for rows written before authors were recorded (unknown author).
   */
  author: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface FhirHistoryTable {
  resource_type: string;
  id: string;
  version_id: number;
  last_updated: Timestamp;
  deleted: boolean;
  method: 'POST' | 'PUT' | 'DELETE';
  content: JSONColumnType<Record<string, unknown>> | null;
  /** Patients whose compartment this version was filed under (a deletion: those of the version it deleted). */
  compartments: ColumnType<string[], string[] | undefined, string[]>;
}

interface IndexBase {
  resource_type: string;
  resource_id: string;
  param: string;
}

export interface FhirTokenTable extends IndexBase {
  system: string | null;
  code: string | null;
}
export interface FhirStringTable extends IndexBase {
  value: string;
}
export interface FhirDateTable extends IndexBase {
  start_at: string;
  end_at: string;
}
export interface FhirReferenceTable extends IndexBase {
  target_type: string | null;
  target_id: string | null;
}
export interface FhirQuantityTable extends IndexBase {
  value: number;
  system: string | null;
  code: string | null;
}

export interface StoreTables {
  fhir_resource: FhirResourceTable;
  fhir_history: FhirHistoryTable;
  fhir_token: FhirTokenTable;
  fhir_string: FhirStringTable;
  fhir_date: FhirDateTable;
  fhir_reference: FhirReferenceTable;
  fhir_quantity: FhirQuantityTable;
  kv_setting: { key: string; value: ColumnType<unknown, string, string>; updated_at: Generated<Date> };
}
