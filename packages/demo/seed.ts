/**
 * First-start demo data: the committed Synthea patients (data/synthea-r4, Apache-2.0, synthetic) plus a
 * seeded synthetic home blood-pressure series; the codes patients read get zh-CN names (translations.ts) and a home cuff (Device) per patient, whose BP alerts are raised as
 * the series is written, and a few recent synthetic orders for the pharmacist's review queue (pharmacy-orders.ts).
 * Idempotent: a setting records that it ran, and every resource is written by stable id.
 */
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { RequestContext } from '@qihuang/contracts';
import { raiseAlerts } from '@qihuang/bp-monitoring';
import { collectFiles, importFiles, repositoryTarget, type ImportSummary } from '@qihuang/importer';
import { processTransaction, type FhirRepository } from '@qihuang/store';
import { generateHomeBpSeries, HOME_BP_PROFILES } from './home-bp-series.ts';
import { seedPharmacyOrders } from './pharmacy-orders.ts';
import { translateBundle } from './translations.ts';
import { markTranslationsDone, upgradeDemoTranslations } from './translations-upgrade.ts';

export const DEMO_DATA_DIR = fileURLToPath(new URL('./data/synthea-r4/', import.meta.url));
const SEED_KEY = 'demo-seeded-v1';

export interface SeedResult {
  seeded: boolean;
  summary?: ImportSummary;
  homeReadings?: number;
  /** Recent orders written for the pharmacist's queue (0 when they were already there). */
  pharmacyOrders?: number;
  /** Records of a database seeded before the demo wrote Chinese names that got them now (translations-upgrade.ts). */
  translated?: number;
}

export async function seedDemoData(
  repo: FhirRepository,
  ctx: RequestContext,
  now: Date,
): Promise<SeedResult> {
  const done = await repo.db
    .selectFrom('kv_setting')
    .select('key')
    .where('key', '=', SEED_KEY)
    .executeTakeFirst();
  // The review-queue orders have their own setting, so a demo database seeded before they existed gets them too.
  // So do the Chinese names: a database seeded before them gets them on its next start (issue 20).
  if (done) {
    const pharmacyOrders = await seedPharmacyOrders(repo, ctx, now);
    const translated = await upgradeDemoTranslations(repo, ctx, now, DEMO_DATA_DIR);
    return { seeded: false, pharmacyOrders, ...(translated ? { translated } : {}) };
  }
  // The Synthea records are English: each code a patient reads gets its zh-CN name (translations.ts).
  const target = repositoryTarget(repo, ctx);
  const summary = await importFiles(
    { transaction: (bundle, options) => target.transaction(translateBundle(bundle), options) },
    collectFiles([DEMO_DATA_DIR]),
  );
  const { rows: patients } = await sql<{
    id: string;
  }>`select id from fhir_resource where resource_type = 'Patient' and deleted = false order by id`.execute(
    repo.db,
  );
  let homeReadings = 0;
  for (const [index, { id }] of patients.entries()) {
    const profile = HOME_BP_PROFILES[index % HOME_BP_PROFILES.length]!;
    const series = generateHomeBpSeries({
      patientId: id,
      seed: 1000 + index,
      profile,
      // Ends at the seeding time (local day of `now`, nothing later): never readings in the future.
      now: now.toISOString(),
      days: 30,
    });
    const deviceId = `demo-cuff-${id}`.slice(0, 64);
    const device = {
      resourceType: 'Device',
      id: deviceId,
      status: 'active',
      manufacturer: 'Qihuang demo (synthetic)',
      deviceName: [{ name: 'Home blood-pressure cuff (synthetic demo)', type: 'user-friendly-name' }],
      patient: { reference: `Patient/${id}` },
    };
    const entries = [device, ...series.observations].map((resource) => ({
      resource,
      request: { method: 'PUT', url: `${resource.resourceType}/${resource.id}` },
    }));
    await processTransaction(repo, ctx, { resourceType: 'Bundle', type: 'transaction', entry: entries });
    // Alerts are raised when readings are written (the assessment GET writes nothing).
    await raiseAlerts(repo, id, { now: now.toISOString(), cause: ctx });
    homeReadings += series.readings.length;
  }
  await repo.db
    .insertInto('kv_setting')
    .values({ key: SEED_KEY, value: JSON.stringify({ at: now.toISOString(), files: summary.files }) })
    .execute();
  const pharmacyOrders = await seedPharmacyOrders(repo, ctx, now);
  await markTranslationsDone(repo, now); // written with their Chinese above
  return { seeded: true, summary, homeReadings, pharmacyOrders };
}
