/**
 * Hospital formulary CSV loader. Columns (header row required, order free, UTF-8, RFC 4180 quoting):
 *
 * | column    | required | meaning                                                                  |
 * |-----------|----------|--------------------------------------------------------------------------|
 * | code      | yes      | local item code (HIS 药品编码), unique                                   |
 * | name      | yes      | local product name, e.g. `苯磺酸氨氯地平片(络活喜)`                       |
 * | generic   | no       | knowledge-base drug id or generic name; when empty, matched from `name` |
 * | strength  | no       | e.g. `5 mg`, `0.25 g`                                                    |
 * | form      | no       | dosage form (片, 胶囊, tablet …)                                         |
 * | route     | no       | oral / iv / im …                                                          |
 * | brand_zh  | no       | Chinese brand name, added to the name index                              |
 * | brand_en  | no       | English brand name, added to the name index                              |
 * | atc       | no       | ATC code (informational; checked against the matched drug when present)  |
 * | rxnorm    | no       | RxCUI of the product                                                      |
 *
 * Each bad row becomes an error with its line number; good rows are kept.
 */
import { readCsv } from '@qihuang/csv';
import { parseDose, type Quantity } from './parse-dose.ts';

export interface FormularyItem {
  code: string;
  name: string;
  drugId: string;
  strength?: Quantity;
  form?: string;
  route?: string;
  brandZh?: string;
  brandEn?: string;
  atc?: string;
  rxnorm?: string;
}

export interface FormularyRowError {
  line: number;
  message: string;
}

export interface FormularyLoadResult {
  items: FormularyItem[];
  errors: FormularyRowError[];
}

/** Resolves a generic name or product name to a drug id (the knowledge base provides it). */
export type DrugResolver = (text: string) => string | undefined;

export const FORMULARY_COLUMNS = [
  'code',
  'name',
  'generic',
  'strength',
  'form',
  'route',
  'brand_zh',
  'brand_en',
  'atc',
  'rxnorm',
] as const;

export function loadFormularyCsv(csv: string, resolve: DrugResolver): FormularyLoadResult {
  // Blank lines kept so error line numbers are the file's.
  const rows = readCsv(csv, { blankLines: 'keep' });
  const errors: FormularyRowError[] = [];
  const items: FormularyItem[] = [];
  const header = rows[0]?.map((h) => h.trim().toLowerCase());
  if (!header || !header.includes('code') || !header.includes('name')) {
    return { items, errors: [{ line: 1, message: 'header must include the columns "code" and "name"' }] };
  }
  const unknown = header.filter((h) => h && !(FORMULARY_COLUMNS as readonly string[]).includes(h));
  if (unknown.length) errors.push({ line: 1, message: `unknown column(s) ignored: ${unknown.join(', ')}` });
  const seen = new Set<string>();
  rows.slice(1).forEach((cells, index) => {
    const line = index + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const get = (col: string) => {
      const i = header.indexOf(col);
      const v = i >= 0 ? cells[i]?.trim() : undefined;
      return v ? v : undefined;
    };
    const code = get('code');
    const name = get('name');
    if (!code || !name) return errors.push({ line, message: 'code and name are required' });
    if (seen.has(code)) return errors.push({ line, message: `duplicate code "${code}"` });
    const generic = get('generic');
    const drugId = (generic && resolve(generic)) ?? resolve(name);
    if (!drugId) return errors.push({ line, message: `cannot match "${generic ?? name}" to a known drug` });
    const item: FormularyItem = { code, name, drugId };
    const strength = get('strength');
    if (strength) {
      const amount = parseDose(strength).amounts[0];
      if (!amount) return errors.push({ line, message: `cannot read strength "${strength}"` });
      item.strength = amount;
    }
    const optional: [keyof FormularyItem, string][] = [
      ['form', 'form'],
      ['route', 'route'],
      ['brandZh', 'brand_zh'],
      ['brandEn', 'brand_en'],
      ['atc', 'atc'],
      ['rxnorm', 'rxnorm'],
    ];
    for (const [key, col] of optional) {
      const v = get(col);
      if (v) (item as unknown as Record<string, string>)[key] = v;
    }
    seen.add(code);
    items.push(item);
  });
  return { items, errors };
}
