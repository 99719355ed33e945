import pg from 'pg';
import { createHash, hash } from 'node:crypto';
import { canonicalSql } from '@qihuang/audit/verify.ts';
import { Kysely, PostgresDialect, sql } from 'kysely';
const pool = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:5432/qh_bench_keep', max: 2 });
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
const canon = sql`select ${canonicalSql} as c from audit_entry limit 1`.compile(db).sql.replace(/^select /, '').replace(/ as c from audit_entry limit \$?\d*$/, '');
const N = 25000;
async function run(label: string, text: string, each?: (r: any) => void) {
  const c0 = process.cpuUsage(); const t0 = performance.now();
  let after = 0; let n = 0;
  for (;;) {
    const r = await pool.query({ text, values: [after, N] });
    if (each) for (const row of r.rows) each(row);
    n += r.rows.length;
    if (r.rows.length < N) break;
    after = Number(r.rows[r.rows.length - 1].seq);
  }
  const cpu = process.cpuUsage(c0);
  console.log(label, n, 'wall', ((performance.now() - t0) / 1000).toFixed(2), 'node cpu', ((cpu.user + cpu.system) / 1e6).toFixed(2));
}
const q = `select seq, prev_hash, hash, ${canon} as canonical from audit_entry where seq > $1 order by seq limit $2`;
await run('pg server only (count)', `select max(seq) as seq, count(*) from (select seq, ${canon} as canonical from audit_entry where seq > $1 order by seq limit $2) t`.replace('count(*)', 'count(*), sum(length(canonical))'));
await run('fetch canonical, no hash', q);
await run('fetch + createHash', q, (r) => { createHash('sha256').update(r.canonical).digest('hex') === r.hash; });
await run('fetch + crypto.hash', q, (r) => { hash('sha256', r.canonical) === r.hash; });
await run('pg sha256 server-side count', `select max(seq) as seq, count(*) filter (where ok) from (select seq, pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(${canon}, 'UTF8')), 'hex') = hash as ok from audit_entry where seq > $1 order by seq limit $2) t`);
await pool.end();
