import { describe, expect, it } from 'vitest';
import { conceptText, conditionText } from './concept-text.ts';

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

describe('conditionText: a condition named in the screen language (issue 20)', () => {
  it('drops the SNOMED semantic tag on an English screen', () => {
    const c = { text: 'Essential hypertension (disorder)', coding: [{ display: 'x' }] };
    expect(conditionText(c, 'en')).toBe('Essential hypertension');
    expect(conceptText({ text: 'Viral sinusitis (disorder)' }, 'en')).toBe('Viral sinusitis');
    expect(conceptText({ text: 'Body mass index 30+ - obesity (finding)' }, 'en')).toBe(
      'Body mass index 30+ - obesity',
    );
  });
  it('names a condition with no zh translation from the concept lexicon on a Chinese screen', () => {
    const snomed = (code: string, display: string) => ({
      text: display,
      coding: [{ system: 'http://snomed.info/sct', code, display }],
    });
    expect(conditionText(snomed('59621000', 'Essential hypertension (disorder)'), 'zh')).toBe('高血压');
    expect(conditionText(snomed('230690007', 'Stroke'), 'zh')).toBe('脑卒中');
    expect(conditionText({ text: 'Type 2 diabetes mellitus' }, 'zh')).toBe('糖尿病');
    // A translation the record carries wins; an unknown condition keeps its text (without the tag).
    expect(conditionText({ text: 'Gout', _text: zh('痛风症') }, 'zh')).toBe('痛风症');
    expect(conditionText({ text: 'Sprain of ankle (disorder)' }, 'zh')).toBe('Sprain of ankle');
  });
});
