/** `qihuang kb add|search|list|docs|delete|import-kg|load-packs` — the knowledge base with direct database access. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { loadConfig } from '@qihuang/config';
import { QihuangError, SYSTEM_PRINCIPAL, type Role } from '@qihuang/contracts';
import {
  createKnowledgeBase,
  formatOf,
  importKnowledgeGraph,
  loadKnowledgePacks,
  type IngestResult,
  type KnowledgeBase,
} from '@qihuang/knowledge';
import { openDatabase } from '@qihuang/store';
import { MIGRATIONS } from '@qihuang/migrations';

const bad = (message: string) => new QihuangError('invalid-input', message);

async function withKnowledge<T>(
  fn: (kb: KnowledgeBase, db: Parameters<typeof loadKnowledgePacks>[0]) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({
    migrations: MIGRATIONS,
    url: config.databaseUrl,
    dataDir: config.dataDir,
  });
  try {
    return await fn(createKnowledgeBase({ db: database.db, warn: (m) => console.error(m) }), database.db);
  } finally {
    await database.close();
  }
}

function collectDocuments(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    if (!existsSync(p)) throw bad(`No such file or folder: ${p}`);
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!name.startsWith('.')) walk(join(p, name));
      return;
    }
    try {
      formatOf(p);
      out.push(p);
    } catch (error) {
      if (paths.includes(p)) throw error; // named explicitly: say why; inside a folder: skip quietly
    }
  };
  for (const p of paths) walk(p);
  if (!out.length) throw bad('No .md, .txt, .html, .pdf or .docx files found');
  return out;
}

const ROLES = ['admin', 'clinician', 'nurse', 'pharmacist', 'auditor', 'patient', 'service'];

function parseRoles(raw: string | undefined): Role[] | undefined {
  if (!raw) return undefined;
  const roles = raw
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = roles.filter((r) => !ROLES.includes(r));
  if (unknown.length) throw bad(`--roles: unknown role(s) ${unknown.join(', ')} (${ROLES.join('|')})`);
  return roles as Role[];
}

const oneLine = (s: string, n: number) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n)}…` : t;
};

export function registerKb(program: Command): void {
  const kb = program
    .command('kb')
    .description('Medical knowledge base: add documents, search with citations');

  kb.command('add')
    .description('Add (or update) documents in a collection (.md .txt .html .pdf .docx, files or folders)')
    .argument('<collection>', 'collection name (created when missing)')
    .argument('<paths...>', 'files or folders')
    .option('--roles <list>', `roles that may search a new collection, comma-separated (${ROLES.join('|')})`)
    .option('--keys <list>', 'API key ids that may search a new collection, comma-separated')
    .option('--description <text>', 'description of a new collection')
    .option('--json', 'print the results as JSON')
    .option('--no-progress', 'no progress bar')
    .action(
      async (
        collection: string,
        paths: string[],
        o: { roles?: string; keys?: string; description?: string; json?: boolean; progress: boolean },
      ) => {
        const files = collectDocuments(paths);
        const roles = parseRoles(o.roles);
        const results: (IngestResult | { filename: string; error: string })[] = [];
        const started = Date.now();
        await withKnowledge(async (k) => {
          await k.ensureCollection(
            {
              name: collection,
              description: o.description,
              allowedRoles: roles,
              allowedKeys: o.keys
                ?.split(',')
                .map((s) => s.trim())
                .filter(Boolean),
            },
            SYSTEM_PRINCIPAL,
          );
          const bar =
            o.progress && !o.json && process.stderr.isTTY
              ? new SingleBar(
                  { format: 'ingesting [{bar}] {value}/{total} files | {chunks} chunks | {file}' },
                  Presets.shades_classic,
                )
              : undefined;
          bar?.start(files.length, 0, { chunks: 0, file: '' });
          let chunks = 0;
          for (const [i, file] of files.entries()) {
            try {
              const r = await k.ingest(
                {
                  collection,
                  filename: file.split(/[\\/]/).pop() as string,
                  content: new Uint8Array(readFileSync(file)),
                },
                SYSTEM_PRINCIPAL,
              );
              chunks += r.chunks;
              results.push(r);
            } catch (error) {
              if (!(error instanceof QihuangError) || error.code !== 'invalid-input') throw error;
              results.push({ filename: file, error: error.message });
            }
            bar?.update(i + 1, { chunks, file: file.split(/[\\/]/).pop() });
          }
          bar?.stop();
        });
        if (o.json) {
          console.log(
            JSON.stringify({ collection, seconds: (Date.now() - started) / 1000, results }, null, 2),
          );
        } else {
          for (const r of results) {
            if ('error' in r) console.log(`  ✗ ${r.filename}: ${r.error}`);
            else
              console.log(
                `  ${r.status.padEnd(9)} ${r.filename} → ${r.chunks} chunks${r.pages ? `, ${r.pages} pages` : ''} [${r.documentId}]`,
              );
          }
          const failed = results.filter((r) => 'error' in r).length;
          console.log(
            `${results.length - failed} document(s) in "${collection}" (${failed} failed) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
          );
        }
        if (results.some((r) => 'error' in r)) process.exitCode = 1;
      },
    );

  kb.command('search')
    .description('Search the knowledge base; passages come with citation data (id, document, section, page)')
    .argument('<query>', 'question or keywords (Chinese or English)')
    .option('--collection <name...>', 'limit to these collections')
    .option('--limit <n>', 'number of passages (1–100)', '5')
    .option('--json', 'print JSON')
    .action(async (query: string, o: { collection?: string[]; limit: string; json?: boolean }) => {
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100)
        throw bad(`--limit must be a whole number from 1 to 100, got "${o.limit}"`);
      const result = await withKnowledge((k) =>
        k.search({ query, collections: o.collection, limit, principal: SYSTEM_PRINCIPAL, highlight: true }),
      );
      if (o.json) {
        console.log(JSON.stringify(result, null, 2));
        return;
      }
      if (!result.passages.length) console.log('No passages found.');
      for (const p of result.passages) {
        console.log(
          `[${p.id}] ${p.score.toFixed(3)}  ${p.title} — ${p.collection}/${p.document}${p.section ? ` § ${p.section}` : ''}${p.page ? ` p.${p.page}` : ''}`,
        );
        console.log(`    ${oneLine(p.text, 160)}`);
      }
      for (const n of result.notes) console.error(`note: ${n}`);
    });

  kb.command('list')
    .description('List collections (with --docs: the documents of one collection)')
    .argument('[collection]', 'show the documents of this collection')
    .option('--json', 'print JSON')
    .action(async (collection: string | undefined, o: { json?: boolean }) => {
      const data = await withKnowledge(async (k) =>
        collection
          ? { documents: await k.listDocuments(collection, SYSTEM_PRINCIPAL) }
          : { collections: await k.listCollections(SYSTEM_PRINCIPAL) },
      );
      if (o.json) {
        console.log(JSON.stringify(data, null, 2));
        return;
      }
      if (data.collections) {
        if (!data.collections.length)
          console.log('No collections. Add documents with: qihuang kb add COLLECTION PATH…');
        for (const c of data.collections) {
          console.log(
            `${c.name.padEnd(24)} ${String(c.documents).padStart(5)} docs ${String(c.chunks).padStart(7)} chunks  roles: ${c.allowedRoles.join(',') || '(admin only)'}${c.allowedKeys.length ? `  keys: ${c.allowedKeys.length}` : ''}`,
          );
        }
      } else {
        for (const d of data.documents ?? [])
          console.log(
            `${d.id}  ${d.filename.padEnd(36)} ${d.format.padEnd(8)} ${String(d.chunks).padStart(5)} chunks  ${d.title}`,
          );
      }
    });

  kb.command('delete')
    .description('Delete a document (and its chunks) from a collection')
    .argument('<collection>')
    .argument('<documentId>')
    .action(async (collection: string, documentId: string) => {
      await withKnowledge((k) => k.deleteDocument(collection, documentId, SYSTEM_PRINCIPAL));
      console.log(`Deleted ${documentId} from "${collection}"`);
    });

  kb.command('import-kg')
    .description(
      'Import a locally obtained copy of the QASystemOnMedicalKG disease graph (dict/*.txt, data/medical.json); not shipped: no licence',
    )
    .argument('<path>', 'folder holding dict/ and/or data/medical.json')
    .option('--collection <name>', 'collection name', 'medical-kg')
    .option('--json', 'print JSON')
    .action(async (path: string, o: { collection: string; json?: boolean }) => {
      const summary = await withKnowledge((k) =>
        importKnowledgeGraph(k, path, SYSTEM_PRINCIPAL, {
          collection: o.collection,
          onProgress: (done, total, file) => {
            if (!o.json && process.stderr.isTTY) process.stderr.write(`\r${done}/${total} ${file}   `);
          },
        }),
      );
      if (!o.json && process.stderr.isTTY) process.stderr.write('\n');
      if (o.json) console.log(JSON.stringify(summary, null, 2));
      else
        console.log(
          `Imported into "${summary.collection}": ${summary.documents.length} documents, ${summary.diseases} disease records, ${summary.dictionaryWords} dictionary words`,
        );
    });

  kb.command('load-packs')
    .description('Load the shipped packs: hypertension guideline summary and drug monographs')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const results = await withKnowledge((_k, db) => loadKnowledgePacks(db));
      if (o.json) console.log(JSON.stringify(results, null, 2));
      else
        for (const r of results)
          console.log(`  ${r.status.padEnd(9)} ${r.collection}/${r.filename} → ${r.chunks} chunks`);
    });
}
