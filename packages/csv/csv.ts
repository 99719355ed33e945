/**
 * The platform's one CSV reader (RFC 4180): comma separator, fields in double quotes with `""` for a quote,
 * line breaks (LF, CRLF or CR) inside quoted fields, a leading byte-order mark ignored. Pure (engines use it).
 * Readers of BP device exports, hospital formularies and evaluation suites all go through it.
 */

export interface ReadCsvOptions {
  /** 'skip' (default): rows that are one empty or all-blank field are dropped; 'keep': every row stays (line numbers). */
  blankLines?: 'skip' | 'keep';
  /** Trim spaces around each field (default false). */
  trim?: boolean;
}

const isBlank = (row: string[]) => row.length === 1 && row[0]!.trim() === '';

/** Every row of the text as its fields. */
export function readCsv(text: string, options: ReadCsvOptions = {}): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const trimmed = options.trim ? rows.map((r) => r.map((f) => f.trim())) : rows;
  return options.blankLines === 'keep' ? trimmed : trimmed.filter((r) => !isBlank(r));
}

/** The rows after the header, each keyed by its (trimmed) header name; missing fields are ''. */
export function readCsvRecords(
  text: string,
  options: Omit<ReadCsvOptions, 'blankLines'> = {},
): Record<string, string>[] {
  const [header, ...data] = readCsv(text, options);
  if (!header) return [];
  const names = header.map((name) => name.trim());
  return data.map((r) => Object.fromEntries(names.map((name, index) => [name, r[index] ?? ''])));
}

/** One value as a CSV field: quoted when it holds a comma, quote or line break; objects as JSON. */
export function csvCell(value: unknown): string {
  const text =
    value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
