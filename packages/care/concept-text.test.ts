import { describe, expect, it } from 'vitest';
import { conceptText } from './concept-text.ts';

const zh = (content: string) => ({
  extension: [
    {
      url: 'http://hl7.org/fhir/StructureDefinition/translation',
      extension: [
        { url: 'lang', valueCode: 'zh-CN' },
        { url: 'content', valueString: content },
      ],
    },
  ],
});

describe('conceptText (issue 20)', () => {
  it('reads the zh translation on a Chinese screen and keeps the record’s text on an English one', () => {
    const hctz = { text: 'Hydrochlorothiazide 25 MG', _text: zh('氢氯噻嗪 25 mg') };
    expect(conceptText(hctz, 'zh')).toBe('氢氯噻嗪 25 mg');
    expect(conceptText(hctz, 'en')).toBe('Hydrochlorothiazide 25 MG');
    expect(
      conceptText(
        { coding: [{ display: 'Amlodipine 5 MG Oral Tablet', _display: zh('氨氯地平 5 mg 口服片') }] },
        'zh',
      ),
    ).toBe('氨氯地平 5 mg 口服片');
    expect(conceptText({ text: 'Lisinopril 10 MG' }, 'zh')).toBe('Lisinopril 10 MG');
  });
});
