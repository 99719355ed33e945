/** Ingestion formats are a table (DOCUMENT_FORMATS): formatOf and parseDocument read only the table. */
import { describe, expect, it } from 'vitest';
import { DOCUMENT_FORMATS, formatOf, parseDocument } from './parse.ts';

describe('the document format table', () => {
  it('maps every extension of every row back to its row', () => {
    for (const [format, reader] of Object.entries(DOCUMENT_FORMATS))
      for (const ext of reader.extensions) expect(formatOf(`Guide.${ext.toUpperCase()}`)).toBe(format);
  });
  it('names the known types when refusing one', () => {
    expect(() => formatOf('notes.rtf')).toThrow(
      'Unsupported document type ".rtf" (notes.rtf): use .md, .txt, .html, .pdf or .docx',
    );
  });
  it('reads through the row: title from the first heading, else the file name', async () => {
    const md = await parseDocument('dir/guide.md', '# 高血压\n\n正文');
    expect(md).toMatchObject({ format: 'markdown', title: '高血压' });
    const txt = await parseDocument('dir/plain.txt', '# not a heading in text\nbody');
    expect(txt).toMatchObject({ format: 'text', title: 'plain' });
  });
});
