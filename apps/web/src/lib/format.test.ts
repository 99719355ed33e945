import { describe, expect, it } from 'vitest';
import { codeText, deceasedInfo, formatDate } from './format.ts';

describe('formatDate in the patient/hospital zone', () => {
  it('shows a UTC instant in the zone the server bucketed it in', () => {
    expect(formatDate('2026-12-06T20:05:00Z', 'zh-CN', true, 'Asia/Shanghai')).toBe('2026-12-07 04:05');
    expect(formatDate('2026-12-06T20:05:00Z', 'en', false, 'Asia/Shanghai')).toBe('2026-12-07');
    expect(formatDate('2026-12-06T20:05:00Z', 'en', true, 'America/New_York')).toBe('2026-12-06 15:05');
  });
  it('keeps date-only values and falls back to the browser zone for an unknown zone', () => {
    expect(formatDate('2026-12-06', 'en', true, 'Asia/Shanghai')).toBe('2026-12-06');
    expect(formatDate('2026-12-06T20:05:00Z', 'en', true, 'Not/AZone')).toBe(
      formatDate('2026-12-06T20:05:00Z', 'en', true),
    );
  });
});

describe('deceasedInfo', () => {
  it('gives the date of death and the age at death, not the age today', () => {
    expect(deceasedInfo({ birthDate: '1957-06-29', deceasedDateTime: '1981-03-04T10:00:00+08:00' })).toEqual({
      date: '1981-03-04',
      ageAtDeath: 23,
    });
    expect(deceasedInfo({ birthDate: '1957-06-29', deceasedDateTime: '1981-07-01' })).toEqual({
      date: '1981-07-01',
      ageAtDeath: 24,
    });
  });
  it('marks deceasedBoolean without a date, and a living patient as undefined', () => {
    expect(deceasedInfo({ birthDate: '1957-06-29', deceasedBoolean: true })).toEqual({});
    expect(deceasedInfo({ birthDate: '1957-06-29', deceasedBoolean: false })).toBeUndefined();
    expect(deceasedInfo({ birthDate: '1957-06-29' })).toBeUndefined();
  });
});

describe('codeText', () => {
  const panel = {
    text: 'Blood pressure panel with all children optional',
    coding: [
      {
        system: 'http://loinc.org',
        code: '85354-9',
        display: 'Blood pressure panel with all children optional',
      },
    ],
  };
  it("names the platform's own vital signs in the screen's language", () => {
    expect(codeText(panel, 'zh-CN')).toBe('血压');
    expect(codeText(panel, 'en')).toBe('Blood pressure');
  });
  it("keeps the record's own text for other codes, and without a language", () => {
    expect(
      codeText({ text: 'Hemoglobin A1c', coding: [{ system: 'http://loinc.org', code: '4548-4' }] }, 'zh-CN'),
    ).toBe('Hemoglobin A1c');
    expect(codeText(panel)).toBe('Blood pressure panel with all children optional');
  });
  it('reads the FHIR translation extension on text and display for the page language (issue 20)', () => {
    const ext = (lang: string, content: string) => ({
      extension: [
        {
          url: 'http://hl7.org/fhir/StructureDefinition/translation',
          extension: [
            { url: 'lang', valueCode: lang },
            { url: 'content', valueString: content },
          ],
        },
      ],
    });
    const onText = {
      text: 'Hypertension',
      _text: ext('zh-CN', '高血压'),
      coding: [{ system: 'http://snomed.info/sct', code: '38341003', display: 'Hypertension' }],
    };
    expect(codeText(onText, 'zh-CN')).toBe('高血压');
    expect(codeText(onText, 'zh')).toBe('高血压');
    // A clinician's English screen keeps the original.
    expect(codeText(onText, 'en')).toBe('Hypertension');
    expect(codeText(onText)).toBe('Hypertension');
    const onDisplay = {
      coding: [
        {
          system: 'http://snomed.info/sct',
          code: '38341003',
          display: 'Hypertensive disorder',
          _display: ext('zh-CN', '高血压'),
        },
      ],
    };
    expect(codeText(onDisplay, 'zh-CN')).toBe('高血压');
    expect(codeText(onDisplay, 'en')).toBe('Hypertensive disorder');
  });
});

describe('zoneDisplayName (issue 20: no IANA id on a Chinese screen)', () => {
  it('names the zone in the reader language and falls back to the id', async () => {
    const { zoneDisplayName } = await import('./format.ts');
    const at = new Date('2026-12-07T00:00:00Z');
    expect(zoneDisplayName('Asia/Shanghai', 'zh-CN', at)).toBe('中国标准时间');
    expect(zoneDisplayName('Asia/Shanghai', 'en', at)).toBe('China Standard Time');
    expect(zoneDisplayName('Not/AZone', 'zh-CN', at)).toBe('Not/AZone');
    expect(zoneDisplayName(undefined, 'zh-CN', at)).toBe('');
  });
});
