/**
 * Issue 20: a demo database seeded before the demo wrote Chinese names (the Synthea records' translation
 * extensions, 4d4d188; the demo orders' medicine and note, 2e62d98) kept its English rows — seeding writes once —
 * so a zh screen showed 'Amlodipine 5 mg oral tablet' and '开方备注：Switch from hydrochlorothiazide…'. On the next
 * start with demo data, the demo's own records get the Chinese they lack (once, setting demo-translations-v1); a
 * record's other content, and every record the demo did not write, are left as they are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { seedDemoData } from '@qihuang/demo';

const NOW = new Date('2026-03-10T04:00:00Z');
const CTX = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
const TRANSLATION = 'http://hl7.org/fhir/StructureDefinition/translation';
const KEY = 'demo-translations-v1';

type Json = Record<string, unknown>;
/** The content as a demo seeded before the translations wrote it: no `_text` / `_display` translations. */
const english = (content: Json): Json =>
  JSON.parse(JSON.stringify(content, (k, v) => (k === '_text' || k === '_display' ? undefined : v))) as Json;
const zhTexts = (content: unknown): string[] =>
  (
    JSON.stringify(content).match(new RegExp(`"url":"${TRANSLATION}"[^\\]]*?"valueString":"([^"]*)"`, 'g')) ??
    []
  ).map((m) => m.replace(/.*"valueString":"/, '').replace(/"$/, ''));

describe.each(DATABASE_KINDS)('a demo seeded before the Chinese names, restarted, on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => NOW);
  }, 300_000);
  afterAll(async () => t?.closeAll());

  const row = async (type: string, id: string) =>
    (
      await sql<{ content: Json; version_id: string }>`
        select content, version_id from fhir_resource where resource_type = ${type} and id = ${id}`.execute(
        t.repository.db,
      )
    ).rows[0]!;

  it('gets the Chinese of its demo orders and Synthea records once; other records untouched', async () => {
    const first = await seedDemoData(t.repository, CTX, NOW);
    expect(first.seeded).toBe(true);
    // A fresh seed is already translated: the upgrade is recorded as done without a pass over the records.
    const setting = await t.repository.db
      .selectFrom('kv_setting')
      .select('key')
      .where('key', '=', KEY)
      .executeTakeFirst();
    expect(setting?.key).toBe(KEY);

    // The older database: the same records as that seed wrote them, in English only.
    const condition = (
      await sql<{ id: string }>`select id from fhir_resource where resource_type = 'Condition'
        and content::text like '%"code": "38341003"%' order by id limit 1`.execute(t.repository.db)
    ).rows[0]!.id;
    const older = [
      ['MedicationRequest', 'demo-rx-barrows-chlorthalidone'],
      ['MedicationRequest', 'demo-rx-kutch-amlodipine'],
      ['Condition', condition],
    ] as const;
    for (const [type, id] of older)
      await t.repository.update(CTX, type, id, english((await t.repository.read(CTX, type, id)) as Json));
    // A record the demo did not write (a clinician's own), English with a known code: not the demo's to change.
    await t.repository.update(CTX, 'Condition', 'clinic-own-htn', {
      resourceType: 'Condition',
      id: 'clinic-own-htn',
      subject: ((await t.repository.read(CTX, 'Condition', condition)) as Json).subject,
      code: {
        coding: [{ system: 'http://snomed.info/sct', code: '38341003', display: 'Hypertension' }],
        text: 'HTN',
      },
    });
    await t.repository.db.deleteFrom('kv_setting').where('key', '=', KEY).execute();
    for (const [type, id] of older) expect(zhTexts((await row(type, id)).content), id).toEqual([]);

    // Restart with demo data.
    const second = await seedDemoData(t.repository, CTX, NOW);
    expect(second.seeded).toBe(false);
    expect(second.translated).toBe(3);
    const chlorthalidone = (await row('MedicationRequest', 'demo-rx-barrows-chlorthalidone')).content;
    expect(zhTexts(chlorthalidone).sort()).toEqual(
      ['由氢氯噻嗪换药：家庭血压高于目标。', '氯噻酮 12.5 mg 片'].sort(),
    );
    expect((chlorthalidone.medicationCodeableConcept as Json).text).toBe(
      'Chlorthalidone 12.5 mg oral tablet',
    );
    expect(zhTexts((await row('MedicationRequest', 'demo-rx-kutch-amlodipine')).content)).toEqual([
      '氨氯地平 5 mg 片',
    ]);
    expect(zhTexts((await row('Condition', condition)).content)).toEqual(['高血压', '高血压']);
    expect(zhTexts((await row('Condition', 'clinic-own-htn')).content)).toEqual([]);

    // Once: a third start writes nothing.
    const versions = await Promise.all(older.map(([type, id]) => row(type, id).then((r) => r.version_id)));
    const third = await seedDemoData(t.repository, CTX, NOW);
    expect(third.translated ?? 0).toBe(0);
    expect(await Promise.all(older.map(([type, id]) => row(type, id).then((r) => r.version_id)))).toEqual(
      versions,
    );
  }, 600_000);
});
