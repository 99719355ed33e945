/** Issue 20: a condition the patient named in the intake reads in Chinese on a zh record screen. */
import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { validateResource } from '@qihuang/fhir';
import { intakeResources } from './intake.ts';

describe('intake conditions carry their Chinese name', () => {
  it('adds the FHIR translation extension (zh-CN) to the condition text, keeping the SNOMED CT display', () => {
    const { drafts } = intakeResources({
      patientId: 'p1',
      consultationId: 'consult-1',
      answers: { history: '高血压' },
      language: 'zh',
      now: '2026-03-10T04:00:00Z',
      drugs: createDrugKnowledgeBase(),
    });
    const condition = drafts.find((d) => d.resourceType === 'Condition') as unknown as {
      code: {
        text: string;
        _text?: {
          extension: {
            url: string;
            extension: { url: string; valueString?: string; valueCode?: string }[];
          }[];
        };
      };
    };
    expect(condition.code.text).toBe('Hypertensive disorder');
    const translation = condition.code._text!.extension[0]!;
    expect(translation.url).toBe('http://hl7.org/fhir/StructureDefinition/translation');
    expect(translation.extension).toEqual([
      { url: 'lang', valueCode: 'zh-CN' },
      { url: 'content', valueString: '高血压' },
    ]);
    expect(validateResource(condition as never).filter((i) => i.severity === 'error')).toEqual([]);
  });
});
