/**
 * Round trip of the Synthea bundles: the committed demo copy (packages/demo/data/synthea-r4) always, and
 * ../shared/data/synthea-r4 when present. Every resource is readable afterwards, search counts per type equal
 * the counts in the files, and every reference resolves. Importing again changes nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DATA_DIR } from '@qihuang/demo';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { collectFiles, importFiles, repositoryTarget } from '@qihuang/importer';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { createTestApp, type TestApp } from '../test-support.ts';

const SHARED = join(import.meta.dirname, '../../../../shared/data/synthea-r4');
const sources = [DEMO_DATA_DIR, ...(existsSync(SHARED) ? [SHARED] : [])];

function fileCounts(dir: string) {
  const counts: Record<string, number> = {};
  const fullUrls = new Set<string>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const bundle = JSON.parse(readFileSync(join(dir, name), 'utf8')) as {
      entry: { fullUrl: string; resource: { resourceType: string } }[];
    };
    for (const e of bundle.entry) {
      // The same Organization/Practitioner appears in several patients' bundles under one fullUrl: count it once.
      if (!fullUrls.has(e.fullUrl))
        counts[e.resource.resourceType] = (counts[e.resource.resourceType] ?? 0) + 1;
      fullUrls.add(e.fullUrl);
    }
  }
  return { counts, fullUrls };
}

describe.each(DATABASE_KINDS.flatMap((kind) => sources.map((dir) => [kind, dir] as const)))(
  'Synthea round trip on %s from %s',
  (kind, dir) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(async () => t.closeAll());
    const ctx = { requestId: 'test', principal: SYSTEM_PRINCIPAL };

    it('imports, counts, reads and resolves every reference; a second import changes nothing', async () => {
      const expected = fileCounts(dir);
      const summary = await importFiles(repositoryTarget(t.repository, ctx), collectFiles([dir]));
      expect(summary.rejected).toEqual([]);
      for (const [type, n] of Object.entries(expected.counts)) {
        const response = await t.request(`/fhir/R4/${type}?_summary=count`);
        expect(((await response.json()) as { total: number }).total, type).toBe(n);
      }
      // Every resource readable: ids are the bundle's urn:uuid values.
      for (const url of [...expected.fullUrls].slice(0, 400)) {
        const id = url.replace('urn:uuid:', '');
        const { rows } = await sql<{
          resource_type: string;
        }>`select resource_type from fhir_resource where id = ${id}`.execute(t.repository.db);
        expect(rows).toHaveLength(1);
        const read = await t.request(`/fhir/R4/${rows[0]!.resource_type}/${id}`);
        expect(read.status).toBe(200);
      }
      // Every reference resolves to a stored resource.
      const { rows: dangling } = await sql<{ n: number }>`select count(*)::int as n from fhir_reference x
      where x.target_type is not null and not exists (select 1 from fhir_resource r where r.resource_type = x.target_type and r.id = x.target_id)`.execute(
        t.repository.db,
      );
      expect(dangling[0]?.n).toBe(0);
      const { rows: versions } = await sql<{
        n: number;
      }>`select count(*)::int as n from fhir_history`.execute(t.repository.db);
      const again = await importFiles(repositoryTarget(t.repository, ctx), collectFiles([dir]));
      expect(again.written).toBe(0);
      const { rows: after } = await sql<{ n: number }>`select count(*)::int as n from fhir_history`.execute(
        t.repository.db,
      );
      expect(after[0]?.n).toBe(versions[0]?.n);
    });
  },
);

describe.skipIf(!existsSync(join(SHARED, '..', 'fhir-r4-examples')))(
  'HL7 example resources (../shared/data/fhir-r4-examples)',
  () => {
    it.each(DATABASE_KINDS)('are accepted on %s', async (kind) => {
      const t = await createTestApp(kind);
      try {
        const dir = join(SHARED, '..', 'fhir-r4-examples');
        for (const name of readdirSync(dir).filter(
          (f) => f.endsWith('.json') && !f.startsWith('operationoutcome'),
        )) {
          const resource = JSON.parse(readFileSync(join(dir, name), 'utf8')) as {
            resourceType: string;
            id: string;
          };
          const response = await t.request(`/fhir/R4/${resource.resourceType}/${resource.id}`, {
            method: 'PUT',
            json: resource,
          });
          expect(response.status, `${name}: ${await response.clone().text()}`).toBeLessThan(300);
        }
      } finally {
        await t.closeAll();
      }
    });
  },
);
