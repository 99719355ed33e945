/**
 * A CKD diagnosis stated for an eGFR of 60 or more with an albuminuria of A1 ("eGFR 80、ACR 15 mg/g，已经可以诊断
 * 为慢性肾脏病2期"): REFERENCE §4.3 [V2] — G1/G2 without markers of kidney damage (e.g. A1, no structural
 * abnormality) is not CKD. A sentence that names a structural marker, or denies the diagnosis, is not read.
 */
import { renalIn } from './discourse.ts';
import { acrValueIn } from './extract-labs.ts';

export interface CkdDiagnosisData {
  egfr: number;
  acr: { value: number; unit: 'mg/g' | 'mg/mmol' };
}

const CKD = '(?:慢性肾脏病|慢性肾病|CKD|chronic kidney disease)';
/** The diagnosis said: "诊断为/属于/算 慢性肾脏病", "慢性肾脏病2期", "CKD stage 2", "this is CKD G2". */
const SAID = new RegExp(
  `(?:诊断|确诊|算(?:是)?|属于|就是)[^，。;；]{0,8}${CKD}|${CKD}\\s*(?:G?\\s*[12]\\s*期|stage\\s*[12]\\b|G[12](?![0-9]))|\\b(?:has|have|is|counts as|meets|diagnos\\w*)\\b[^.;]{0,24}${CKD}`,
  'i',
);
const DENIED =
  /不(?:算|属于|能诊断|诊断|构成|是|够)|并非|尚不|还不|未达到|\bnot\b|isn't|doesn't|does not|\bno\b CKD|无需诊断/i;
/** A marker of kidney damage other than albuminuria (structure, sediment, biopsy, transplant). */
const MARKER =
  /囊肿|结构|影像|B超|超声|活检|血尿|管型|移植|cyst|structural|imaging|ultrasound|biopsy|haematuria|hematuria|casts|transplant/i;

export function ckdDiagnosisIn(
  text: string,
  last: { egfr?: number; acr?: { value: number; unit: 'mg/g' | 'mg/mmol' } },
): CkdDiagnosisData | undefined {
  if (!SAID.test(text) || DENIED.test(text) || MARKER.test(text)) return undefined;
  const egfr = renalIn(text).egfr ?? last.egfr;
  const acr = acrValueIn(text) ?? last.acr;
  if (egfr === undefined || !acr || egfr < 60) return undefined;
  return { egfr, acr };
}

/** An eGFR said to lie in a stated eGFR range ("eGFR 25 …属于靶器官损害（eGFR 30–59范围）", "eGFR 52 falls in the
 * eGFR 60–89 band"): the value must lie in it (arithmetic on the answer's own numbers). */
export interface EgfrInRangeData {
  egfr: number;
  low: number;
  high: number;
}
const IN_RANGE =
  /(?:eGFR|GFR)\s*(?:为|在)?\s*(\d{1,3})\s*(?:[–—\-~～]|至|到|to)\s*(\d{1,3})\s*(?:mL\/min(?:\/1\.73\s*m²?)?\s*)?(?:的)?(?:范围|区间|之间|\brange\b|\bband\b)/i;
const BELONGS =
  /属于|归入|落在|放在|\bfalls? (?:in|into|within)\b|\bbelongs?\b|\bplaces? (?:him|her|them|it)\b/i;

export function egfrInRangeIn(text: string): EgfrInRangeData | undefined {
  const m = IN_RANGE.exec(text.normalize('NFKC'));
  if (!m || !BELONGS.test(text) || DENIED.test(text)) return undefined;
  const egfr = renalIn(text).egfr;
  const low = Number(m[1]);
  const high = Number(m[2]);
  if (egfr === undefined || !(low < high) || egfr === low || egfr === high) return undefined;
  return { egfr, low, high };
}

/** The chronicity stated in a CKD definition ("eGFR below 60 for more than 1 month", "持续超过3个月"): REFERENCE §4.3
 * — abnormalities present for more than 3 months. */
export interface CkdDurationData {
  months: number;
}
const DEFINES_CKD = new RegExp(
  `(?:defin\\w*|diagnos\\w*|criteri\\w*|定义|诊断|标准)[^。.;；]{0,60}${CKD}|${CKD}[^。.;；]{0,60}(?:defin\\w*|diagnos\\w*|criteri\\w*|定义|诊断|标准|requires?|需要|须)`,
  'i',
);
const DURATION =
  /(?:for|lasting|persist\w*(?: for)?|present for)\s+(?:more than|over|longer than|at least|>|≥)\s*(\d+|one|two|three|six)\s*(months?|weeks?|days?)\b|(?:持续|超过|大于|>|≥|至少)\s*(?:超过|大于)?\s*(\d+|[一二两三六])\s*(?:个)?\s*(月|周|星期|天)/i;
const WORD: Record<string, number> = { one: 1, two: 2, three: 3, six: 6, 一: 1, 二: 2, 两: 2, 三: 3, 六: 6 };

export function ckdDurationIn(text: string): CkdDurationData | undefined {
  if (!/CKD|慢性肾|chronic kidney/i.test(text) || !/月|周|星期|天|month|week|day/i.test(text))
    return undefined;
  if (!DEFINES_CKD.test(text) || DENIED.test(text)) return undefined;
  const m = DURATION.exec(text);
  if (!m) return undefined;
  const n = m[1] ?? m[3];
  const unit = (m[2] ?? m[4] ?? '').toLowerCase();
  const count = WORD[n as string] ?? Number(n);
  if (!Number.isFinite(count)) return undefined;
  const months = /^(?:month|月)/.test(unit)
    ? count
    : /^(?:week|周|星期)/.test(unit)
      ? count / 4.345
      : count / 30.44;
  return { months };
}
