/**
 * Knowledge-base benchmark.
 *   node bin/run-ts.mjs bench/knowledge.ts [--pglite] [--chunks 100000] [--queries 300] [--no-latency]
 *
 * 1. Retrieval quality on ../shared/data/toyhom-medqa (1,000 Chinese questions; find each one's answer among
 *    6,000 answers): Recall@1, Recall@10, MRR for our SQL BM25 over jieba + medical dictionary, and, in the same
 *    run, Orama 3 with its Mandarin tokenizer (@orama/tokenizers/mandarin, Intl.Segmenter) out of the box.
 * 2. Search latency p50/p95 with ≥100,000 chunks (the answers replicated) on PostgreSQL (target p95 ≤ 50 ms).
 * 3. Ingestion speed: pages/s for a generated 40-page PDF and for Markdown (page = 2,000 characters).
 * Uses the PostgreSQL server at QIHUANG_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test) in
 * a fresh database, dropped afterwards; --pglite (or no server) uses an in-memory PGlite instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { createKnowledgeBase, type KnowledgeBase } from '@qihuang/knowledge';
import { openDatabase, type Database } from '@qihuang/store';
import { createPostgresTestDatabase } from '@qihuang/test-kit';
import { buildSimplePdf } from '@qihuang/knowledge/test-support';
import { MIGRATIONS } from '@qihuang/migrations';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const TARGET_CHUNKS = flag('chunks', 100_000);
const QUERIES = flag('queries', 300);
const DATA = new URL('../../shared/data/toyhom-medqa/', import.meta.url);

interface Question {
  qid: string;
  title: string;
  ask: string;
  answer_ids: string[];
}
interface Answer {
  aid: string;
  text: string;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};

async function openBenchDatabase(): Promise<{ database: Database; drop?: () => Promise<void> }> {
  const url = process.env.QIHUANG_TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test';
  if (!args.includes('--pglite')) {
    const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
    const up = await probe.connect().then(
      () => true,
      () => false,
    );
    await probe.end().catch(() => undefined);
    if (up) {
      const fresh = await createPostgresTestDatabase(url);
      return {
        database: await openDatabase({ migrations: MIGRATIONS, url: fresh.url, poolSize: 4 }),
        drop: fresh.drop,
      };
    }
    console.log(
      '(no PostgreSQL server answers: using in-memory PGlite; the latency target is for PostgreSQL)',
    );
  }
  return { database: await openDatabase({ migrations: MIGRATIONS, memory: true }) };
}

/** Answers grouped 100 per Markdown document, one "## aid" section each (chunks never cross headings). */
function answerDocuments(answers: Answer[], tag: string, per = 100): { filename: string; content: string }[] {
  const docs: { filename: string; content: string }[] = [];
  for (let i = 0; i < answers.length; i += per) {
    const body = answers
      .slice(i, i + per)
      .map((a) => `## ${tag}${a.aid}\n\n${a.text}\n`)
      .join('\n');
    docs.push({
      filename: `${tag}${String(i / per).padStart(4, '0')}.md`,
      content: `# ${tag}answers\n\n${body}`,
    });
  }
  return docs;
}

async function ingestAll(
  kb: KnowledgeBase,
  collection: string,
  docs: { filename: string; content: string }[],
) {
  await kb.ensureCollection({ name: collection }, SYSTEM_PRINCIPAL);
  const t0 = performance.now();
  let chunks = 0;
  let chars = 0;
  for (const d of docs) {
    chunks += (await kb.ingest({ collection, filename: d.filename, content: d.content }, SYSTEM_PRINCIPAL))
      .chunks;
    chars += d.content.length;
  }
  return { seconds: (performance.now() - t0) / 1000, chunks, chars };
}

function score(ranks: (number | undefined)[]) {
  const n = ranks.length;
  const r1 = ranks.filter((r) => r === 1).length / n;
  const r10 = ranks.filter((r) => r !== undefined && r <= 10).length / n;
  const mrr = ranks.reduce<number>((s, r) => s + (r ? 1 / r : 0), 0) / n;
  return `Recall@1 ${(r1 * 100).toFixed(1)}%  Recall@10 ${(r10 * 100).toFixed(1)}%  MRR ${mrr.toFixed(3)}`;
}

async function oramaQuality(answers: Answer[], questions: Question[]): Promise<string> {
  const { create, insertMultiple, search } = await import('@orama/orama');
  const { createTokenizer } = await import('@orama/tokenizers/mandarin');
  const t0 = performance.now();
  const db = create({
    schema: { aid: 'string', text: 'string' } as const,
    components: { tokenizer: createTokenizer() },
  });
  await insertMultiple(
    db,
    answers.map((a) => ({ aid: a.aid, text: a.text })),
  );
  const indexSeconds = (performance.now() - t0) / 1000;
  const ranks: (number | undefined)[] = [];
  const times: number[] = [];
  for (const q of questions) {
    const s = performance.now();
    const r = await search(db, { term: `${q.title} ${q.ask}`, properties: ['text'], limit: 10 });
    times.push(performance.now() - s);
    const i = r.hits.findIndex((h) => q.answer_ids.includes((h.document as { aid: string }).aid));
    ranks.push(i >= 0 ? i + 1 : undefined);
  }
  return `${score(ranks)}  (index ${indexSeconds.toFixed(1)} s, query p95 ${pct(times, 95).toFixed(1)} ms, in process)`;
}

async function main() {
  const { database, drop } = await openBenchDatabase();
  const kb = createKnowledgeBase({ db: database.db });
  console.log(`knowledge bench on ${database.kind}`);
  try {
    // ── ingestion speed: PDF pages/s ──
    const pdfPages = Array.from({ length: 40 }, (_, p) => [
      `${p + 1}. Section ${p + 1}: antihypertensive therapy notes`,
      ...Array.from(
        { length: 45 },
        (_, l) =>
          `Line ${l + 1}: amlodipine 5 mg once daily; losartan 50 mg; check potassium and eGFR at follow-up visit ${p}.`,
      ),
    ]);
    const pdf = buildSimplePdf(pdfPages, 'Bench PDF');
    await kb.ensureCollection({ name: 'bench-pdf' }, SYSTEM_PRINCIPAL);
    const t0 = performance.now();
    const pdfResult = await kb.ingest(
      { collection: 'bench-pdf', filename: 'bench.pdf', content: pdf },
      SYSTEM_PRINCIPAL,
    );
    const pdfSeconds = (performance.now() - t0) / 1000;
    console.log(
      `ingest PDF: ${pdfResult.pages} pages, ${pdfResult.chunks} chunks in ${pdfSeconds.toFixed(2)} s → ${((pdfResult.pages ?? 0) / pdfSeconds).toFixed(1)} pages/s`,
    );

    // ── retrieval quality ──
    if (!existsSync(DATA)) {
      console.log('toyhom-medqa not found (../shared/data absent): skipping retrieval quality and latency');
      return;
    }
    const questions = readFileSync(new URL('questions.jsonl', DATA), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Question);
    const answers = readFileSync(new URL('answers.jsonl', DATA), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Answer);
    const medqa = await ingestAll(kb, 'medqa', answerDocuments(answers, ''));
    console.log(
      `ingest Markdown (medqa answers): ${medqa.chunks} chunks, ${(medqa.chars / 2000).toFixed(0)} pages (2,000 chars) in ${medqa.seconds.toFixed(1)} s → ${(medqa.chars / 2000 / medqa.seconds).toFixed(1)} pages/s, ${(medqa.chunks / medqa.seconds).toFixed(0)} chunks/s`,
    );
    const ranks: (number | undefined)[] = [];
    const qualityTimes: number[] = [];
    for (const q of questions) {
      const s = performance.now();
      const r = await kb.search({
        query: `${q.title} ${q.ask}`,
        collections: ['medqa'],
        limit: 30,
        principal: SYSTEM_PRINCIPAL,
      });
      qualityTimes.push(performance.now() - s);
      const seen: string[] = [];
      for (const p of r.passages) {
        const aid = p.title;
        if (!seen.includes(aid)) seen.push(aid);
      }
      const i = seen.slice(0, 10).findIndex((aid) => q.answer_ids.includes(aid));
      ranks.push(i >= 0 ? i + 1 : undefined);
    }
    console.log(
      `quality, Qihuang (SQL BM25, jieba + medical dictionary): ${score(ranks)}  (query p95 ${pct(qualityTimes, 95).toFixed(1)} ms)`,
    );
    console.log(
      `quality, Orama 3.1 + @orama/tokenizers/mandarin (default BM25): ${await oramaQuality(answers, questions)}`,
    );

    // ── latency at ≥100k chunks ──
    if (args.includes('--no-latency')) return;
    let total = medqa.chunks + (pdfResult.chunks ?? 0);
    let copy = 0;
    const load = { seconds: 0, chunks: 0, chars: 0 };
    while (total < TARGET_CHUNKS) {
      copy++;
      const variant = answers.map((a, i) => ({
        aid: a.aid,
        text: `${a.text}（随访记录 ${copy}-${i % 97}）`,
      }));
      const r = await ingestAll(kb, 'load', answerDocuments(variant, `c${copy}-`, 200));
      load.seconds += r.seconds;
      load.chunks += r.chunks;
      load.chars += r.chars;
      total += r.chunks;
      process.stdout.write(`\r  loading: ${total} chunks`);
    }
    process.stdout.write('\n');
    console.log(
      `ingest Markdown (load): ${load.chunks} chunks, ${(load.chars / 2000).toFixed(0)} pages in ${load.seconds.toFixed(1)} s → ${(load.chars / 2000 / load.seconds).toFixed(1)} pages/s, ${(load.chunks / load.seconds).toFixed(0)} chunks/s`,
    );
    await sql`analyze kb_chunk`.execute(database.db);
    const times: number[] = [];
    const sample = questions.slice(0, QUERIES);
    for (const q of sample.slice(0, 20))
      await kb.search({ query: `${q.title} ${q.ask}`, limit: 10, principal: SYSTEM_PRINCIPAL }); // warm-up
    for (const q of sample) {
      const s = performance.now();
      await kb.search({ query: `${q.title} ${q.ask}`, limit: 10, principal: SYSTEM_PRINCIPAL });
      times.push(performance.now() - s);
    }
    const shortTimes: number[] = [];
    for (const q of sample) {
      const s = performance.now();
      await kb.search({ query: q.title, limit: 10, principal: SYSTEM_PRINCIPAL });
      shortTimes.push(performance.now() - s);
    }
    const p95 = pct(times, 95);
    console.log(
      `search latency at ${total} chunks (${database.kind}, ${sample.length} queries): question+body p50 ${pct(times, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms; title only p50 ${pct(shortTimes, 50).toFixed(1)} ms, p95 ${pct(shortTimes, 95).toFixed(1)} ms (target p95 ≤ 50 ms) ${p95 <= 50 ? 'OK' : 'SLOW'}`,
    );
  } finally {
    await database.close();
    await drop?.();
  }
}

await main();
