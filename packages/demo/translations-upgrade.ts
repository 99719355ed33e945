/**
 * Brings a demo database seeded before the demo wrote Chinese names up to date (issue 20: a zh screen of such a
 * database read 'Amlodipine 5 mg oral tablet' and '开方备注：Switch from hydrochlorothiazide…', since seeding writes
 * once). On a start with demo data, once (setting TRANSLATIONS_UPGRADE_KEY): the demo's Synthea records (the
 * resources of its data files, by id) get the zh-CN names translations.ts gives at import, and the demo orders their
 * medicine and note in Chinese as demoMedicationRequest writes them — FHIR's translation extension beside the
 * English, nothing else changed, a new version only where something was added. Records the demo did not write are
 * not touched. A data upgrade of demo rows, not a schema migration: no table changes.
 */
import { readFileSync } from 'node:fs';
import type { RequestContext } from '@qihuang/contracts';
import { collectFiles } from '@qihuang/importer';
import type { FhirRepository, FhirResource } from '@qihuang/store';
import { DEMO_ORDERS, type DemoOrder } from './pharmacy-orders.ts';
import { TRANSLATION_URL, translateResource } from './translations.ts';

export const TRANSLATIONS_UPGRADE_KEY = 'demo-translations-v1';

/** The resource types translations.ts translates. */
const TYPES = [
  'Condition',
  'AllergyIntolerance',
  'Procedure',
  'MedicationRequest',
  'MedicationStatement',
  'Encounter',
] as const;
/** Records per write (one transaction each). */
const CHUNK = 200;

type Json = Record<string, unknown>;

const hasTranslation = (element: unknown) =>
  ((element as { extension?: { url?: string }[] } | undefined)?.extension ?? []).some(
    (e) => e.url === TRANSLATION_URL,
  );
const zhElement = (element: unknown, zh: string) => ({
  ...((element as Json | undefined) ?? {}),
  extension: [
    ...(((element as Json | undefined)?.extension as unknown[] | undefined) ?? []),
    {
      url: TRANSLATION_URL,
      extension: [
        { url: 'lang', valueCode: 'zh-CN' },
        { url: 'content', valueString: zh },
      ],
    },
  ],
});

/** A stored demo order with its medicine's and note's Chinese (as demoMedicationRequest writes them), if missing. */
export function orderWithChinese(stored: FhirResource, order: DemoOrder): FhirResource {
  const r = stored as Json;
  const concept = r.medicationCodeableConcept as Json | undefined;
  let out: Json = r;
  if (concept && concept.text === order.text && !hasTranslation(concept._text))
    out = {
      ...out,
      medicationCodeableConcept: { ...concept, _text: zhElement(concept._text, order.textZh) },
    };
  const notes = r.note as Json[] | undefined;
  if (order.note && order.noteZh && Array.isArray(notes))
    out = {
      ...out,
      note: notes.map((n) =>
        n.text === order.note && !hasTranslation(n._text)
          ? { ...n, _text: zhElement(n._text, order.noteZh!) }
          : n,
      ),
    };
  return out as FhirResource;
}

/** `Type/id` of every record of TYPES in the demo's data files. */
function demoRecordKeys(files: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const file of files) {
    const bundle = JSON.parse(readFileSync(file, 'utf8')) as { entry?: { resource?: Json }[] };
    for (const { resource } of bundle.entry ?? [])
      if (
        resource &&
        (TYPES as readonly unknown[]).includes(resource.resourceType) &&
        typeof resource.id === 'string'
      )
        keys.add(`${String(resource.resourceType)}/${resource.id}`);
  }
  return keys;
}

/** Records that the upgrade is done (a fresh seed writes the Chinese at import). */
export async function markTranslationsDone(repo: FhirRepository, now: Date, translated = 0): Promise<void> {
  await repo.db
    .insertInto('kv_setting')
    .values({ key: TRANSLATIONS_UPGRADE_KEY, value: JSON.stringify({ at: now.toISOString(), translated }) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

/**
 * Adds the missing Chinese to the demo's records once; returns how many records got a new version (0 when done
 * before). `files`: the demo's data files (seed.ts passes DEMO_DATA_DIR's).
 */
export async function upgradeDemoTranslations(
  repo: FhirRepository,
  ctx: RequestContext,
  now: Date,
  dataDir: string,
): Promise<number> {
  const done = await repo.db
    .selectFrom('kv_setting')
    .select('key')
    .where('key', '=', TRANSLATIONS_UPGRADE_KEY)
    .executeTakeFirst();
  if (done) return 0;
  const demo = demoRecordKeys(collectFiles([dataDir]));
  const orders = new Map(DEMO_ORDERS.map((o) => [o.id, o]));
  const rows = await repo.db
    .selectFrom('fhir_resource')
    .select(['resource_type', 'id', 'content'])
    .where('resource_type', 'in', [...TYPES])
    .where('deleted', '=', false)
    .execute();
  const changed: FhirResource[] = [];
  for (const row of rows) {
    const content = row.content as FhirResource | null;
    if (!content) continue;
    const order = row.resource_type === 'MedicationRequest' ? orders.get(row.id) : undefined;
    const next = order
      ? orderWithChinese(content, order)
      : demo.has(`${row.resource_type}/${row.id}`)
        ? translateResource(content)
        : content;
    if (next !== content && JSON.stringify(next) !== JSON.stringify(content)) changed.push(next);
  }
  let translated = 0;
  for (let i = 0; i < changed.length; i += CHUNK) {
    const result = await repo.bulkUpsert(ctx, changed.slice(i, i + CHUNK), {
      audit: { query: 'demo-translations' },
    });
    translated += result.updated;
  }
  await markTranslationsDone(repo, now, translated);
  return translated;
}
