import { describe, expect, it } from 'vitest';
import type { FhirResource } from '@qihuang/store';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { intakeResources } from './intake.ts';
import { unconfirmedText } from './unconfirmed-text.ts';

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

describe('patient-recorded values on the Care tab in the screen language (issue 20 item 3)', () => {
  it('a condition reads its zh translation on zh, the record display on en', () => {
    const condition = {
      resourceType: 'Condition',
      code: {
        coding: [{ system: 'http://snomed.info/sct', code: '38341003', display: 'Hypertensive disorder' }],
        text: 'Hypertensive disorder',
        _text: zh('高血压'),
      },
    } as unknown as FhirResource;
    expect(unconfirmedText(condition, 'zh')).toBe('高血压');
    expect(unconfirmedText(condition, 'en')).toBe('Hypertensive disorder');
  });
  it('the smoking status the intake writes reads "吸烟状况：吸烟" on zh, with its date in Chinese brackets', () => {
    const { drafts } = intakeResources({
      patientId: 'p1',
      consultationId: 'c1',
      answers: { lifestyle: '我抽烟' },
      language: 'zh',
      now: '2026-12-07T08:00:00Z',
      drugs: createDrugKnowledgeBase(),
    });
    const smoking = drafts.find((d) => JSON.stringify(d).includes('72166-2'));
    expect(smoking).toBeDefined();
    expect(unconfirmedText(smoking!, 'zh')).toBe('吸烟状况：吸烟（2026-12-07）');
    expect(unconfirmedText(smoking!, 'en')).toBe('Tobacco smoking status: Smoker (2026-12-07)');
  });
});
