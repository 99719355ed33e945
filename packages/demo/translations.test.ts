import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_DATA_DIR } from './seed.ts';
import { TRANSLATION_URL, codingZh, rxnormZh, translateBundle, translateResource } from './translations.ts';

type Concept = { text?: string; coding?: { system?: string; code?: string; display?: string }[] };

function demoConcepts(): Concept[] {
  const out: Concept[] = [];
  for (const file of readdirSync(DEMO_DATA_DIR).filter((f) => f.endsWith('.json'))) {
    const bundle = JSON.parse(readFileSync(join(DEMO_DATA_DIR, file), 'utf8')) as {
      entry: { resource: Record<string, unknown> }[];
    };
    for (const { resource: r } of bundle.entry) {
      if (r.resourceType === 'Condition' || r.resourceType === 'AllergyIntolerance')
        out.push(r.code as Concept);
      if (r.resourceType === 'MedicationRequest') out.push(r.medicationCodeableConcept as Concept);
      if (r.resourceType === 'Encounter') {
        out.push(...((r.type as Concept[]) ?? []), ...((r.reasonCode as Concept[]) ?? []));
      }
    }
  }
  return out.filter(Boolean);
}

const zhOf = (holder: unknown) =>
  (
    (holder as { extension?: { url: string; extension: { url: string; valueString?: string }[] }[] })
      ?.extension ?? []
  )
    .find((e) => e.url === TRANSLATION_URL)
    ?.extension.find((x) => x.url === 'content')?.valueString;

describe('zh-CN names for the demo records (issue 20)', () => {
  it('has a Chinese name for every SNOMED CT and RxNorm code the demo patients’ records show', () => {
    const missing = demoConcepts()
      .flatMap((c) => c.coding ?? [])
      .filter((c) => !codingZh(c))
      .map((c) => `${c.system} ${c.code} ${c.display}`);
    expect([...new Set(missing)]).toEqual([]);
  });

  it('takes drug names from the drug knowledge base where it has them', () => {
    expect(rxnormZh('316049')).toBe('氢氯噻嗪 25 mg');
    expect(rxnormZh('197361')).toBe('氨氯地平 5 mg 口服片');
    expect(rxnormZh('313782')).toBe('对乙酰氨基酚 325 mg 口服片');
    expect(rxnormZh('834061')).toBe('青霉素V钾 250 mg 口服片');
  });

  it('adds the translation extension on display and text, keeping the English', () => {
    const condition = translateResource({
      resourceType: 'Condition',
      code: {
        text: 'Acute bronchitis (disorder)',
        coding: [
          { system: 'http://snomed.info/sct', code: '10509002', display: 'Acute bronchitis (disorder)' },
        ],
      },
    }) as unknown as {
      code: { text: string; _text: unknown; coding: { display: string; _display: unknown }[] };
    };
    expect(condition.code.text).toBe('Acute bronchitis (disorder)');
    expect(zhOf(condition.code._text)).toBe('急性支气管炎');
    expect(condition.code.coding[0]!.display).toBe('Acute bronchitis (disorder)');
    expect(zhOf(condition.code.coding[0]!._display)).toBe('急性支气管炎');
    // Idempotent: a second pass adds nothing.
    const twice = translateResource(condition) as typeof condition;
    expect((twice.code._text as { extension: unknown[] }).extension).toHaveLength(1);

    const bundle = translateBundle({
      resourceType: 'Bundle',
      entry: [
        {
          resource: {
            resourceType: 'Encounter',
            type: [
              {
                text: 'Encounter for check up (procedure)',
                coding: [
                  {
                    system: 'http://snomed.info/sct',
                    code: '185349003',
                    display: 'Encounter for check up (procedure)',
                  },
                ],
              },
            ],
          },
        },
      ],
    }) as { entry: { resource: { type: { _text: unknown }[] } }[] };
    expect(zhOf(bundle.entry[0]!.resource.type[0]!._text)).toBe('健康体检');
  });
});
