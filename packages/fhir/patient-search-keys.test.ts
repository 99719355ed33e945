import { describe, expect, it } from 'vitest';
import { capabilityStatement } from './capability-statement.ts';
import { extractIndexRows } from './index-rows.ts';
import { parseSearch } from './parse-search.ts';
import { PINYIN_SEARCH_PARAMETER_URL, phoneDigits, pinyinKeys } from './patient-search-keys.ts';
import { getSearchParameter } from './search-parameters.ts';

const patient = (name: Record<string, unknown>[], extra: Record<string, unknown> = {}) => ({
  resourceType: 'Patient',
  id: 'p1',
  name,
  ...extra,
});
const rows = (resource: { resourceType: string }, param: string) =>
  extractIndexRows(resource)
    .strings.filter((r) => r.param === param)
    .map((r) => r.value);

describe('the pinyin search parameter (Patient)', () => {
  it('is registered as a string parameter with its own canonical URL', () => {
    const def = getSearchParameter('Patient', 'pinyin');
    expect(def?.type).toBe('string');
    expect(def?.url).toBe('https://qihuang.dev/fhir/SearchParameter/Patient-pinyin');
    expect(PINYIN_SEARCH_PARAMETER_URL).toBe(def?.url);
    expect(parseSearch('Patient', [['pinyin', 'WXY']]).filters[0]).toMatchObject({
      param: 'pinyin',
      type: 'string',
      values: [{ value: 'wxy' }],
    });
  });

  it('indexes full pinyin, initials and the given name for family + given', () => {
    const keys = rows(patient([{ family: '王', given: ['秀英'] }]), 'pinyin');
    expect(keys).toEqual(expect.arrayContaining(['wangxiuying', 'wang xiuying', 'wxy', 'xiuying']));
  });

  it('reads a name written only as text (surname first)', () => {
    expect(rows(patient([{ text: '王秀英' }]), 'pinyin')).toEqual(
      expect.arrayContaining(['wangxiuying', 'wxy']),
    );
  });

  it('reads polyphonic surnames as surnames (单 shan, 曾 zeng, 区 ou, 解 xie)', () => {
    expect(pinyinKeys({ family: '单', given: ['田芳'] })).toContain('shantianfang');
    expect(pinyinKeys({ family: '曾', given: ['国藩'] })).toContain('zengguofan');
    expect(pinyinKeys({ family: '区', given: ['志华'] })).toContain('ouzhihua');
    expect(pinyinKeys({ text: '解晓东' })).toContain('xiexiaodong');
    expect(pinyinKeys({ family: '欧阳', given: ['娜娜'] })).toEqual(
      expect.arrayContaining(['ouyangnana', 'oynn', 'nana']),
    );
  });

  it('gives ü both as u and as v (吕 lu / lv)', () => {
    expect(pinyinKeys({ family: '吕', given: ['布'] })).toEqual(expect.arrayContaining(['lubu', 'lvbu']));
  });

  it('indexes nothing for Latin names (the name parameter finds those)', () => {
    expect(rows(patient([{ family: 'Wyman', given: ['Alfreda'] }]), 'pinyin')).toEqual([]);
  });

  it('is advertised in the CapabilityStatement with its definition URL', () => {
    const cs = capabilityStatement({ baseUrl: 'https://h/fhir/R4', date: '2026-01-01T00:00:00Z' });
    const p = cs.rest?.[0]?.resource?.find((r) => r.type === 'Patient');
    const param = p?.searchParam?.find((s) => s.name === 'pinyin');
    expect(param).toMatchObject({
      type: 'string',
      definition: 'https://qihuang.dev/fhir/SearchParameter/Patient-pinyin',
    });
    expect(param?.documentation).toMatch(/pinyin/i);
    expect(param?.documentation).not.toMatch(/REFERENCE|§|UNVERIFIED/);
    // Standard parameters keep their HL7 definitions.
    expect(p?.searchParam?.find((s) => s.name === 'phone')?.definition).toBe(
      'http://hl7.org/fhir/SearchParameter/Patient-phone',
    );
  });
});

describe('the phone parameter also indexes the number as digits', () => {
  it('strips spaces, dashes, brackets and the +86 / 0086 country code', () => {
    expect(phoneDigits('+86 138-0013-8000')).toBe('13800138000');
    expect(phoneDigits('0086 13800138000')).toBe('13800138000');
    expect(phoneDigits('(010) 6512-3456')).toBe('01065123456');
    expect(phoneDigits('555-397-1190')).toBe('5553971190');
    expect(phoneDigits('tel')).toBeUndefined();
  });

  it('keeps the number as written and adds its digits', () => {
    const tokens = extractIndexRows(
      patient([], {
        telecom: [
          { system: 'phone', value: '+86 138-0013-8000' },
          { system: 'email', value: 'a@b.org' },
        ],
      }),
    ).tokens.filter((t) => t.param === 'phone');
    expect(tokens).toEqual([
      { param: 'phone', system: null, code: '+86 138-0013-8000' },
      { param: 'phone', system: null, code: '13800138000' },
    ]);
  });
});
