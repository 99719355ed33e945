import { describe, expect, it } from 'vitest';
import { noteText } from './note-text.ts';

const note = {
  text: 'Engine proposal (US label: amlodipine 5 mg qd): first-line drug',
  _text: {
    extension: [
      {
        url: 'http://hl7.org/fhir/StructureDefinition/translation',
        extension: [
          { url: 'lang', valueCode: 'zh-CN' },
          { url: 'content', valueString: '引擎建议（美国说明书：氨氯地平 5 mg 每日一次）：一线药物' },
        ],
      },
    ],
  },
};

describe('order notes in the screen language (issue 20 item 2)', () => {
  it('a zh screen reads the note’s zh translation, an en screen its text', () => {
    expect(noteText([note], 'zh-CN')).toBe('引擎建议（美国说明书：氨氯地平 5 mg 每日一次）：一线药物');
    expect(noteText([note], 'en')).toBe('Engine proposal (US label: amlodipine 5 mg qd): first-line drug');
  });
  it('a note with no translation (a clinician’s own) is shown as written', () => {
    expect(noteText([{ text: ' take with food ' }, note], 'zh-CN')).toBe(
      'take with food\n引擎建议（美国说明书：氨氯地平 5 mg 每日一次）：一线药物',
    );
    expect(noteText(undefined, 'zh-CN')).toBe('');
  });
});
