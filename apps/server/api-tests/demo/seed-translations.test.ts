/**
 * Issue 20: the demo's Synthea records are English; the loader stores the zh-CN name of each code a patient reads
 * as FHIR's translation extension, and the FHIR API answers it (the console's codeText reads it on a zh screen).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { seedDemoData } from '@qihuang/demo';

const NOW = new Date('2026-03-10T04:00:00Z');
const TRANSLATION = 'http://hl7.org/fhir/StructureDefinition/translation';

type Ext = { url: string; extension?: { url: string; valueCode?: string; valueString?: string }[] };
const zh = (element: { extension?: Ext[] } | undefined) =>
  element?.extension?.find((e) => e.url === TRANSLATION)?.extension?.find((x) => x.url === 'content')
    ?.valueString;

describe.each(DATABASE_KINDS)('demo seed stores zh-CN names on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => NOW);
  }, 300_000);
  afterAll(async () => t?.closeAll());

  it('keeps the English display and adds the translation extension (conditions, medicines, encounters)', async () => {
    await seedDemoData(t.repository, { requestId: 'seed', principal: SYSTEM_PRINCIPAL }, NOW);
    const one = async (type: string, code: string, path: string) => {
      const { rows } = await sql<{ content: Record<string, unknown> }>`
        select content from fhir_resource where resource_type = ${type} and not deleted
          and content::text like ${`%"code": "${code}"%`} limit 1`.execute(t.repository.db);
      expect(rows.length, `${type} ${code}`).toBe(1);
      return rows[0]!.content[path] as never;
    };
    const hypertension = (await one('Condition', '38341003', 'code')) as {
      text: string;
      _text?: { extension?: Ext[] };
      coding: { display: string; _display?: { extension?: Ext[] } }[];
    };
    expect(hypertension.text).toBe('Hypertension');
    expect(zh(hypertension._text)).toBe('高血压');
    expect(zh(hypertension.coding[0]!._display)).toBe('高血压');

    const med = (await one('MedicationRequest', '313782', 'medicationCodeableConcept')) as {
      text: string;
      _text?: { extension?: Ext[] };
    };
    expect(med.text).toBe('Acetaminophen 325 MG Oral Tablet');
    expect(zh(med._text)).toBe('对乙酰氨基酚 325 mg 口服片');

    const types = (await one('Encounter', '185349003', 'type')) as { _text?: { extension?: Ext[] } }[];
    expect(zh(types[0]!._text)).toBe('健康体检');
  }, 600_000);
});
