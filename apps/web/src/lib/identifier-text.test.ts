/**
 * Issue 20 (non-author try): the clinician's banner showed Synthea's raw UUID as 标识号. The hospital's record
 * number is shown when there is one, else nothing: never a raw UUID, never another kind of identifier (SSN, licence).
 */
import { describe, expect, it } from 'vitest';
import { identifierText } from './format.ts';

const UUID = '9912abd9-c8bc-43c5-8608-e8e74d2d5d22';
const mr = (value: string) => ({ type: { coding: [{ code: 'MR' }] }, value });

describe('identifierText', () => {
  it('the MRN', () => {
    expect(identifierText([{ value: UUID }, mr('MZ20261207')])).toBe('MZ20261207');
  });
  it('Synthea: every id a UUID (its MR too), an SSN and a licence: nothing', () => {
    expect(
      identifierText([
        { system: 'https://github.com/synthetichealth/synthea', value: UUID },
        mr(UUID),
        { type: { coding: [{ code: 'SS' }] }, value: '999-12-3456' },
        { type: { coding: [{ code: 'DL' }] }, value: 'S99912345' },
      ]),
    ).toBe('');
  });
  it('an official identifier when there is no MRN', () => {
    expect(identifierText([{ use: 'official', value: 'H-00042' }])).toBe('H-00042');
  });
});
