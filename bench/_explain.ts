import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { queryTerms } from '@qihuang/knowledge';
const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/qh_kbtune' }); await c.connect();
const q = JSON.parse(readFileSync('/work/shared/data/toyhom-medqa/questions.jsonl', 'utf8').split('\n')[3]!);
let t = performance.now();
const terms = queryTerms(`${q.title} ${q.ask}`);
console.log('segment ms', (performance.now() - t).toFixed(1), terms.length);
t = performance.now();
const info = await c.query(`select x.t as term, plainto_tsquery('simple', x.t)::text as tq, coalesce(k.df, 0)::int as df from unnest($1::text[]) as x(t) left join kb_term k on k.term = x.t`, [terms]);
console.log('df ms', (performance.now() - t).toFixed(1));
const known = info.rows.filter((r: any) => r.df > 0).sort((a: any, b: any) => a.df - b.df).slice(0, 12);
const n = 6001, avgdl = 60;
const idf = known.map((r: any) => Math.log(1 + (n - r.df + 0.5) / (r.df + 0.5)));
let budget = 0; const cand: string[] = [];
for (const r of known) { if (cand.length && budget + r.df > 2000) break; cand.push(`(${r.tq})`); budget += r.df; }
console.log(known.map((r: any) => `${r.term}:${r.df}`).join(' '), '| cand', cand.length, budget);
const sqlText = `explain (analyze, buffers) select c.id, (select sum(q.idf * f.tf * 2.2 / (f.tf + 1.2 * (0.25 + 0.75 * c.ntoks / $4::float8))) from unnest($1::tsquery[], $2::float8[]) as q(tq, idf), lateral (select ts_rank_cd(c.tsv, q.tq) * 10 as tf) as f) as score
 from kb_chunk c join kb_document d on d.id = c.document_id join kb_collection k on k.id = c.collection_id where c.tsv @@ $3::tsquery order by score desc limit 30`;
t = performance.now();
const ex = await c.query(sqlText, [known.map((r: any) => r.tq), idf, cand.join(' | '), avgdl]);
console.log('query ms', (performance.now() - t).toFixed(1));
console.log(ex.rows.map((r: any) => r['QUERY PLAN']).join('\n'));
await c.end();
