import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { queryTerms } from '@qihuang/knowledge';
const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/qh_kbtune' }); await c.connect(); await c.query('set enable_seqscan = off');
const lines = readFileSync('/work/shared/data/toyhom-medqa/questions.jsonl', 'utf8').trim().split('\n');
queryTerms('预热');
for (const li of [3, 10, 50]) {
  const q = JSON.parse(lines[li]!);
  const terms = queryTerms(`${q.title} ${q.ask}`);
  const info = await c.query(`select x.t as term, plainto_tsquery('simple', x.t)::text as tq, coalesce(k.df, 0)::int as df from unnest($1::text[]) as x(t) left join kb_term k on k.term = x.t`, [terms]);
  const known = info.rows.filter((r: any) => r.df > 0).sort((a: any, b: any) => a.df - b.df).slice(0, 12);
  const idf = known.map((r: any) => Math.log(1 + (6001 - r.df + 0.5) / (r.df + 0.5)));
  let budget = 0; const cand: string[] = [];
  for (const r of known) { if (cand.length && budget + r.df > 2000) break; cand.push(`(${r.tq})`); budget += r.df; }
  const A = `select c.id, (select sum(q.idf * f.tf * 2.2 / (f.tf + 1.2 * (0.25 + 0.75 * c.ntoks / 60::float8))) from unnest($1::tsquery[], $2::float8[]) as q(tq, idf), lateral (select ts_rank_cd(c.tsv, q.tq) * 10 as tf) as f) as score
   from kb_chunk c where c.tsv @@ $3::tsquery order by score desc limit 30`;
  const B = `select c.id, (select sum(q.idf * cardinality(u.positions) * 2.2 / (cardinality(u.positions) + 1.2 * (0.25 + 0.75 * c.ntoks / 60::float8)))
     from unnest(c.tsv) as u join unnest($1::text[], $2::float8[]) as q(lex, idf) on q.lex = u.lexeme) as score
   from kb_chunk c where c.tsv @@ $3::tsquery order by score desc limit 30`;
  for (const [name, sql, params] of [['A', A, [known.map((r: any) => r.tq), idf, cand.join(' | ')]], ['B', B, [known.map((r: any) => r.term), idf, cand.join(' | ')]]] as const) {
    const ts: number[] = [];
    let rows: any[] = [];
    for (let i = 0; i < 5; i++) { const t = performance.now(); rows = (await c.query(sql, params as any)).rows; ts.push(performance.now() - t); }
    console.log(li, name, 'cand', budget, 'ms', ts.map((x) => x.toFixed(1)).join(' '), rows.slice(0, 3).map((r) => r.id + ':' + Number(r.score).toFixed(2)).join(' '));
  }
}
await c.end();
