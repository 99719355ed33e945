import { describe, expect, it } from 'vitest';
import type { Patient } from '@medplum/fhirtypes';
import { mergePatientPages, patientSearchQueries } from './patient-search.ts';

describe('patientSearchQueries: one box, the FHIR searches it issues', () => {
  it('no text: every patient', () => {
    expect(patientSearchQueries('  ')).toEqual([{}]);
  });

  it('Latin words: name parts ANDed (either order) and pinyin', () => {
    expect(patientSearchQueries('Alfreda  Wyman')).toEqual([
      { name: ['Alfreda', 'Wyman'] },
      { pinyin: 'alfredawyman' },
    ]);
    expect(patientSearchQueries('wang')).toEqual([{ name: ['wang'] }, { pinyin: 'wang' }]);
    expect(patientSearchQueries('wang xiuying')).toContainEqual({ pinyin: 'wangxiuying' });
  });

  it('a Chinese name: as written, and split after a one- and a two-character surname', () => {
    expect(patientSearchQueries('王秀英')).toEqual([
      { name: ['王秀英'] },
      { name: ['王', '秀英'] },
      { name: ['王秀', '英'] },
    ]);
    expect(patientSearchQueries('王')).toEqual([{ name: ['王'] }]);
    expect(patientSearchQueries('王 秀英')).toEqual([{ name: ['王', '秀英'] }]);
  });

  it('letters with digits: an identifier, as typed and in either case', () => {
    expect(patientSearchQueries('mz20261207')).toEqual([{ identifier: 'mz20261207,MZ20261207' }]);
    expect(patientSearchQueries('3287b938-4670-47eb-91e5-e0ce3df71405')).toEqual([
      { identifier: '3287b938-4670-47eb-91e5-e0ce3df71405,3287B938-4670-47EB-91E5-E0CE3DF71405' },
    ]);
    // `|` and `,` are escaped: the whole text is one value.
    expect(patientSearchQueries('a|b,1')).toEqual([{ identifier: 'a\\|b\\,1,A\\|B\\,1' }]);
  });

  it('digits: an identifier and a phone number (digits only, +86 and separators dropped)', () => {
    expect(patientSearchQueries('+86 138-0013-8000')).toEqual([
      { identifier: '+86 138-0013-8000,8613800138000' },
      { phone: '13800138000' },
    ]);
    expect(patientSearchQueries('13800138000')).toEqual([
      { identifier: '13800138000' },
      { phone: '13800138000' },
    ]);
    // An ID card number ending in x.
    expect(patientSearchQueries('11010519491231002x')).toEqual([
      { identifier: '11010519491231002x,11010519491231002X' },
    ]);
    // Too short to be a phone number.
    expect(patientSearchQueries('1234')).toEqual([{ identifier: '1234' }]);
  });
});

const p = (id: string): Patient => ({ resourceType: 'Patient', id });

describe('mergePatientPages', () => {
  it('keeps the first of each patient, counts each once, follows the one next link', () => {
    const merged = mergePatientPages([
      { items: [p('a'), p('b')], total: 25, next: '/fhir/R4/Patient?page=2' },
      { items: [p('b'), p('c')], total: 2 },
      { items: [], total: 0 },
    ]);
    expect(merged.items.map((x) => x.id)).toEqual(['a', 'b', 'c']);
    expect(merged.total).toBe(26);
    expect(merged.next).toBe('/fhir/R4/Patient?page=2');
  });
  it('one search: its page as it is', () => {
    const page = { items: [p('a')], total: 1 };
    expect(mergePatientPages([page])).toEqual(page);
  });
});
