import { sql } from 'kysely';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { openDatabase, FhirRepository } from '@qihuang/store';
import { createPostgresTestDatabase } from '@qihuang/test-kit';
import { extractIndexRows, loadFhirDefinitions, validateResource } from '@qihuang/fhir';
import { ingest, toFhirBpObservation, toFhirHeartRateObservation } from '@qihuang/engines/blood-pressure';
import { uploadReadings } from '@qihuang/bp-monitoring';
import { createAuditLog } from '@qihuang/audit';

loadFhirDefinitions();
const size = 1000;
function csv(batch: number): string {
  const rows = ['time,sbp,dbp,unit,heart_rate,device_id'];
  const start = Date.parse('2025-01-01T00:00:00Z') + batch * size * 600_000;
  for (let i = 0; i < size; i++) {
    const t = new Date(start + i * 600_000).toISOString();
    rows.push(`${t},${120 + (i % 40)},${75 + (i % 20)},mmHg,${60 + (i % 30)},cuff-${batch % 3}`);
  }
  return rows.join('\n');
}
const time = (label: string, f: () => unknown) => { const t = performance.now(); const r = f(); console.log(label, (performance.now() - t).toFixed(1), 'ms'); return r; };
const text = csv(0);
const r = time('ingest', () => ingest(text, { now: '2026-11-01T00:00:00Z', patientId: 'Patient/p1' })) as ReturnType<typeof ingest>;
const obs = time('toFhir', () => r.readings.flatMap((x) => [toFhirBpObservation({ ...x, deviceId: 'Device/d1' }), toFhirHeartRateObservation({ ...x, deviceId: 'Device/d1' })!])) as any[];
time('validate', () => obs.forEach((o) => validateResource(o)));
time('validate2', () => obs.forEach((o) => validateResource(o)));
let n = { t: 0, s: 0, d: 0, r: 0, q: 0 };
time('extract', () => obs.forEach((o) => { const x = extractIndexRows(o); n.t += x.tokens.length + x.uris.length; n.s += x.strings.length; n.d += x.dates.length; n.r += x.references.length; n.q += x.quantities.length + x.numbers.length; }));
console.log('index rows per batch', n);
time('stringify', () => obs.map((o) => JSON.stringify(o)));

const target = await createPostgresTestDatabase('postgres://postgres@127.0.0.1:5432/test');
const database0 = await openDatabase({ url: target.url, poolSize: 4 });
await database0.close();
const { Kysely, PostgresDialect } = await import('kysely');
const pg = (await import('pg')).default;
const logq: string[] = [];
const database = { db: new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: target.url, max: 4 }) }), log: (e) => { logq.push(`${e.queryDurationMillis.toFixed(1)} ${e.query.sql.replace(/\s+/g, ' ').slice(0, 90)}`); } }), close: async () => { await database.db.destroy(); } };
const audit = createAuditLog();
const repo = new FhirRepository(database.db, { audit: (e, c, rec) => audit.append(e, c, rec).then(() => undefined) });
const ctx = { requestId: 'x', principal: SYSTEM_PRINCIPAL };
await repo.update(ctx, 'Patient', 'p1', { resourceType: 'Patient', id: 'p1' });
for (let b = 0; b < 3; b++) {
  const t = performance.now();
  await uploadReadings(repo, ctx, 'p1', csv(b), { now: '2026-11-01T00:00:00Z' });
  console.log('upload', b, (performance.now() - t).toFixed(0)); console.log(logq.join('\n')); logq.length = 0;
}
const { rows } = await sql<{ relname: string; n: string }>`select relname, n_live_tup as n from pg_stat_user_tables where relname like 'fhir%'`.execute(database.db);
console.log(rows);
await database.close();
await target.drop();
