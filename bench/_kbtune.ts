import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { createKnowledgeBase } from '@qihuang/knowledge';
import { openDatabase } from '@qihuang/store';
const base = 'postgres://postgres@127.0.0.1:5432/';
const admin = new pg.Client({ connectionString: base + 'test' }); await admin.connect();
const exists = (await admin.query("select 1 from pg_database where datname='qh_kbtune'")).rowCount;
if (!exists) await admin.query('create database qh_kbtune'); await admin.end();
const database = await openDatabase({ url: base + 'qh_kbtune', poolSize: 2 });
const D = '/work/shared/data/toyhom-medqa/';
const qs = readFileSync(D + 'questions.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const as = readFileSync(D + 'answers.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const kb0 = createKnowledgeBase({ db: database.db });
if (!exists) {
  await kb0.ensureCollection({ name: 'medqa' }, SYSTEM_PRINCIPAL);
  for (let i = 0; i < as.length; i += 100) {
    const body = as.slice(i, i + 100).map((a: any) => `## ${a.aid}\n\n${a.text}\n`).join('\n');
    await kb0.ingest({ collection: 'medqa', filename: `m${i}.md`, content: `# answers\n\n${body}` }, SYSTEM_PRINCIPAL);
  }
}
for (const [terms, budget] of (process.argv[2] ?? '12:2000').split(',').map((x) => x.split(':').map(Number))) {
  const kb = createKnowledgeBase({ db: database.db, ranking: { scoringTerms: terms, candidateBudget: budget } });
  const ranks: (number | undefined)[] = []; const times: number[] = [];
  for (const q of qs.slice(0, Number(process.argv[3] ?? 300))) {
    const t = performance.now();
    const r = await kb.search({ query: `${q.title} ${q.ask}`, collections: ['medqa'], limit: 30, principal: SYSTEM_PRINCIPAL });
    times.push(performance.now() - t);
    const seen: string[] = []; for (const p of r.passages) if (!seen.includes(p.title)) seen.push(p.title);
    const i = seen.slice(0, 10).findIndex((a) => q.answer_ids.includes(a)); ranks.push(i >= 0 ? i + 1 : undefined);
  }
  times.sort((a, b) => a - b);
  const n = ranks.length;
  console.log(`terms ${terms} budget ${budget}: R@1 ${(ranks.filter((r) => r === 1).length / n * 100).toFixed(1)} R@10 ${(ranks.filter((r) => r && r <= 10).length / n * 100).toFixed(1)} MRR ${(ranks.reduce((s: number, r) => s + (r ? 1 / r : 0), 0) / n).toFixed(3)} p50 ${times[Math.floor(n / 2)]!.toFixed(1)} p95 ${times[Math.floor(n * 0.95)]!.toFixed(1)}`);
}
await database.close();
