/** China 2018 hypertension CV risk stratification (REFERENCE §3.4; cell values UNVERIFIED against the primary text). */
import type { Text } from './types.ts';

export type ChinaRiskLevel = 'low' | 'medium' | 'medium-high' | 'high' | 'high-very-high' | 'very-high';
export type BpColumn = 'high-normal' | 'grade-1' | 'grade-2' | 'grade-3';

export interface ChinaStratificationInput {
  sbp: number;
  dbp: number;
  /** Number of other CV risk factors (§3.4 list: age men >55 / women >65, smoking, IGT/IFG, dyslipidaemia, family history, obesity, homocysteine). */
  riskFactors: number;
  targetOrganDamage?: boolean;
  /** CKD stage 3 (row 3) */
  ckdStage3?: boolean;
  diabetesWithoutComplications?: boolean;
  /** Established CVD / clinical complications (row 4). */
  clinicalComplications?: boolean;
  /** The clinical complications by name (e.g. 脑卒中 / stroke), said in the reason when they decide row 4. */
  complications?: Text[];
  /** CKD stage ≥4 (row 4). */
  ckdStage4Plus?: boolean;
  diabetesWithComplications?: boolean;
}

export interface ChinaStratification {
  /** undefined = not stratified (below 130/85, §10.6 RS8). */
  level?: ChinaRiskLevel;
  column?: BpColumn;
  row: 0 | 1 | 2 | 3;
  rule: string;
  /** The rule as users read it, in each language (issue 20); `rule` stays the English key. */
  ruleText?: Text;
  source: string;
  inputs: ChinaStratificationInput;
  display: Text;
}

// §3.4 BP columns; the first column is SBP 130–139 and/or DBP 85–89, narrower than 正常高值.
export function bpColumn(sbp: number, dbp: number): BpColumn | undefined {
  if (sbp >= 180 || dbp >= 110) return 'grade-3'; // §3.4 / §1.3 grade 3
  if (sbp >= 160 || dbp >= 100) return 'grade-2'; // §1.3 grade 2
  if (sbp >= 140 || dbp >= 90) return 'grade-1'; // §1.3 grade 1
  if (sbp >= 130 || dbp >= 85) return 'high-normal'; // §3.4 130–139 / 85–89
  return undefined;
}

// §3.4 table: rows × columns [high-normal, grade 1, grade 2, grade 3]. Row 0 high-normal cell is "—" (not stratified).
const TABLE: (ChinaRiskLevel | undefined)[][] = [
  [undefined, 'low', 'medium', 'high'], // no other risk factors
  ['low', 'medium', 'medium-high', 'very-high'], // 1–2 risk factors
  ['medium-high', 'high', 'high', 'very-high'], // ≥3 RFs, TOD, CKD 3, diabetes without complications
  ['high-very-high', 'very-high', 'very-high', 'very-high'], // clinical complications, CKD ≥4, diabetes with complications
];
const COLS: BpColumn[] = ['high-normal', 'grade-1', 'grade-2', 'grade-3'];

const LEVEL_TEXT: Record<ChinaRiskLevel, Text> = {
  low: { zh: '低危', en: 'low risk' },
  medium: { zh: '中危', en: 'medium risk' },
  'medium-high': { zh: '中/高危', en: 'medium–high risk' },
  high: { zh: '高危', en: 'high risk' },
  'high-very-high': { zh: '高/很高危', en: 'high–very high risk' },
  'very-high': { zh: '很高危', en: 'very high risk' },
};

/** The table's columns and rows as the guideline names them (issue 20: rule text in each language). */
const COLUMN_ZH: Record<BpColumn, string> = {
  'high-normal': '收缩压130–139和/或舒张压85–89',
  'grade-1': '1级高血压',
  'grade-2': '2级高血压',
  'grade-3': '3级高血压',
};
const ROW_ZH = [
  '无其他危险因素',
  '1–2个其他危险因素',
  '≥3个其他危险因素、靶器官损害、CKD 3期或无并发症的糖尿病',
  '临床并发症、CKD ≥4期或有并发症的糖尿病',
] as const;

export function stratifyChina2018(input: ChinaStratificationInput): ChinaStratification {
  const row: 0 | 1 | 2 | 3 =
    input.clinicalComplications || input.ckdStage4Plus || input.diabetesWithComplications
      ? 3
      : input.riskFactors >= 3 ||
          input.targetOrganDamage ||
          input.ckdStage3 ||
          input.diabetesWithoutComplications
        ? 2
        : input.riskFactors >= 1
          ? 1
          : 0;
  const column = bpColumn(input.sbp, input.dbp);
  const level = column ? TABLE[row]?.[COLS.indexOf(column)] : undefined;
  // Row 4 decided by a clinical complication (§3.4; REFERENCE §10.6 RS5 prior stroke): the reason names it
  // (issue 20), so a very high risk is not explained by the risk factors alone.
  const byComplication = row === 3 && !!input.clinicalComplications;
  const names = byComplication ? (input.complications ?? []) : [];
  const rowText = byComplication
    ? `clinical complications${names.length ? ` (${names.map((n) => n.en).join(', ')})` : ''}`
    : [
        'no other risk factors',
        '1–2 risk factors',
        '≥3 risk factors / TOD / CKD 3 / diabetes',
        'clinical complications / CKD ≥4 / diabetes with complications',
      ][row];
  const rowZh = byComplication
    ? `临床并发症${names.length ? `（${names.map((n) => n.zh).join('、')}）` : ''}`
    : ROW_ZH[row];
  const reason: Text | undefined = byComplication
    ? names.length
      ? {
          zh: `（临床并发症：${names.map((n) => n.zh).join('、')}）`,
          en: ` (clinical complication${names.length > 1 ? 's' : ''}: ${names.map((n) => n.en).join(', ')})`,
        }
      : { zh: '（临床并发症）', en: ' (clinical complication)' }
    : undefined;
  const result: ChinaStratification = {
    row,
    rule: `${column ?? 'below 130/85'} × ${rowText}`,
    ruleText: {
      zh: `${column ? COLUMN_ZH[column] : '低于130/85'} × ${rowZh}`,
      en: `${column ?? 'below 130/85'} × ${rowText}`,
    },
    // REFERENCE §3.4 (cell values UNVERIFIED there); users see the guideline's own table name.
    source: '中国高血压防治指南 2018（血压升高患者心血管风险水平分层）',
    inputs: input,
    display: level
      ? {
          zh: `心血管风险分层：${LEVEL_TEXT[level].zh}${reason?.zh ?? ''}`,
          en: `Cardiovascular risk stratification: ${LEVEL_TEXT[level].en}${reason?.en ?? ''}`,
        }
      : {
          zh: '血压低于130/85 mmHg 或无对应分层，未分层',
          en: 'Not stratified (below 130/85 mmHg or no table cell)',
        },
  };
  if (column) result.column = column;
  if (level) result.level = level;
  return result;
}
