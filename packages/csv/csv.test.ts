import { describe, expect, it } from 'vitest';
import { csvCell, readCsv, readCsvRecords } from './index.ts';

describe('readCsv (RFC 4180)', () => {
  it('splits fields and rows', () => {
    expect(readCsv('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });
  it('reads quoted fields: commas, "" escapes, embedded LF and CRLF', () => {
    expect(readCsv('name,note\r\n"Li, Wei","said ""hi""\r\nthen left"\r\nx,"a\nb"\r\n')).toEqual([
      ['name', 'note'],
      ['Li, Wei', 'said "hi"\r\nthen left'],
      ['x', 'a\nb'],
    ]);
  });
  it('takes CRLF, LF and lone CR line ends, and no final line end', () => {
    expect(readCsv('a\r\nb\nc\rd')).toEqual([['a'], ['b'], ['c'], ['d']]);
  });
  it('ignores a leading byte-order mark', () => {
    expect(readCsv('\uFEFFtime,sbp\n1,2')).toEqual([
      ['time', 'sbp'],
      ['1', '2'],
    ]);
  });
  it('keeps empty fields; drops blank lines unless asked to keep them', () => {
    expect(readCsv('a,,c\n\n  \n,\n')).toEqual([
      ['a', '', 'c'],
      ['', ''],
    ]);
    expect(readCsv('a\n\nb', { blankLines: 'keep' })).toEqual([['a'], [''], ['b']]);
  });
  it('trims fields on request (quoted spaces too)', () => {
    expect(readCsv(' a , " b " ', { trim: true })).toEqual([['a', 'b']]);
    expect(readCsv(' a ')).toEqual([[' a ']]);
  });
  it('an unclosed quote runs to the end of the text', () => {
    expect(readCsv('a,"b\nc')).toEqual([['a', 'b\nc']]);
  });
  it('the RFC 4180 §2 examples', () => {
    // RFC 4180 §2 rules 1–7: records per line, optional header, quoted fields with CRLF, commas and "".
    expect(readCsv('aaa,bbb,ccc\r\nzzz,yyy,xxx\r\n')).toEqual([
      ['aaa', 'bbb', 'ccc'],
      ['zzz', 'yyy', 'xxx'],
    ]);
    expect(readCsv('"aaa","b\r\nbb","ccc"\r\nzzz,yyy,xxx')).toEqual([
      ['aaa', 'b\r\nbb', 'ccc'],
      ['zzz', 'yyy', 'xxx'],
    ]);
    expect(readCsv('"aaa","b""bb","ccc"')).toEqual([['aaa', 'b"bb', 'ccc']]);
  });
});

describe('readCsvRecords', () => {
  it('keys rows by the trimmed header; missing fields are empty', () => {
    expect(readCsvRecords(' id , text\n1,"x, y"\n2\n')).toEqual([
      { id: '1', text: 'x, y' },
      { id: '2', text: '' },
    ]);
    expect(readCsvRecords('')).toEqual([]);
  });
});

describe('csvCell', () => {
  it('quotes only what needs it and round-trips through readCsv', () => {
    const values = ['plain', 'a,b', 'say "x"', 'two\nlines', '', 3, { k: 'v' }, null];
    const line = values.map(csvCell).join(',');
    expect(readCsv(line, { blankLines: 'keep' })[0]).toEqual([
      'plain',
      'a,b',
      'say "x"',
      'two\nlines',
      '',
      '3',
      '{"k":"v"}',
      '',
    ]);
  });
});
