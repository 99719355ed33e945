/** Annotated de-identification corpus: notes with exact identifier spans (see README.md). */
export const CORPUS_TYPES = [
  'NAME',
  'DOCTOR',
  'DATE',
  'AGE',
  'ID_CARD',
  'PASSPORT',
  'SSN',
  'INSURANCE_NO',
  'PHONE',
  'FAX',
  'EMAIL',
  'WECHAT',
  'QQ',
  'MRN',
  'ADMISSION_NO',
  'ACCOUNT_NO',
  'LICENSE_NO',
  'VEHICLE',
  'DEVICE',
  'URL',
  'IP',
  'ADDRESS',
  'ZIP',
  'EMPLOYER',
] as const;
export type CorpusType = (typeof CORPUS_TYPES)[number];

export interface CorpusSpan {
  type: CorpusType;
  start: number;
  end: number;
  text: string;
}

export interface CorpusNote {
  id: string;
  lang: 'zh' | 'en';
  kind: string;
  text: string;
  spans: CorpusSpan[];
}

export interface CorpusFile {
  /** The part's name in parts.ts (`tuning`, `tuning-2`, `held-out`, …). */
  part: string;
  header: string[];
  notes: CorpusNote[];
}
