import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from '@qihuang/config';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import type { ImportSummary } from '@qihuang/importer';
import { EXIT } from '../exit-codes.ts';
import { IMPORT_TEXT, messageLocale } from '../messages.ts';

export function registerImport(program: Command): void {
  program
    .command('import')
    .description(
      'Load FHIR Bundles (transaction, batch, collection), resources and Bulk Data NDJSON files or folders',
    )
    .argument('<paths...>', 'files or folders (.json, .ndjson)')
    .option('--server <url>', 'import through a running server instead of opening the database directly')
    .option('--token <token>', 'bearer token or API key for --server (or QIHUANG_TOKEN)')
    .option('--concurrency <n>', 'files imported at once on PostgreSQL or through a server (default 4)')
    .option('--json', 'print the summary as JSON')
    .option('--no-progress', 'no progress bar')
    .action(
      async (
        paths: string[],
        options: { server?: string; token?: string; concurrency?: string; json?: boolean; progress: boolean },
      ) => {
        const { collectFiles, httpTarget, importFiles, repositoryTarget } = await import('@qihuang/importer');
        const files = collectFiles(paths);
        const bar =
          options.progress && !options.json && process.stderr.isTTY
            ? new SingleBar(
                { format: 'importing [{bar}] {value}/{total} files | {resources} resources | {file}' },
                Presets.shades_classic,
              )
            : undefined;
        bar?.start(files.length, 0, { resources: 0, file: '' });
        const onProgress = (e: { file: string; filesDone: number; resources: number }) =>
          bar?.update(e.filesDone, { resources: e.resources, file: e.file.split('/').pop() });
        let summary: ImportSummary;
        if (options.server) {
          summary = await importFiles(
            httpTarget(options.server, options.token ?? loadConfig().token),
            files,
            { onProgress, concurrency: Number(options.concurrency ?? 4) },
          );
        } else {
          const config = loadConfig();
          const { FhirRepository, analyzeGrownTables, openDatabase } = await import('@qihuang/store');
          const { MIGRATIONS } = await import('@qihuang/migrations');
          const database = await openDatabase({
            migrations: MIGRATIONS,
            url: config.databaseUrl,
            dataDir: config.dataDir,
          });
          try {
            // Every imported resource is audited like a write through the server (hash-chained log).
            const { createAuditLog } = await import('@qihuang/audit');
            const auditLog = createAuditLog();
            const hooked = new FhirRepository(database.db, {
              audit: async (executor, ctx, record) => void (await auditLog.append(executor, ctx, record)),
            });
            // BP readings among the imported resources raise their alerts now (issue 17); what is still
            // queued when the import ends is evaluated before exit, or else by the server's sweeper.
            const { createAlertEvaluator } = await import('@qihuang/bp-monitoring');
            const alerts = createAlertEvaluator(hooked, {
              onError: () => undefined, // queued and retried; the import goes on
            });
            summary = await importFiles(
              repositoryTarget(hooked, { requestId: `import-${process.pid}`, principal: SYSTEM_PRINCIPAL }, [
                alerts.observer,
              ]),
              files,
              // The embedded database has one connection: more files at once would only queue.
              {
                onProgress,
                concurrency: database.kind === 'postgres' ? Number(options.concurrency ?? 4) : 1,
              },
            );
            // Planner statistics for what was loaded (the embedded database never runs autovacuum).
            await analyzeGrownTables(database.db);
            await alerts.drain();
            await alerts.stop();
          } finally {
            await database.close();
          }
        }
        bar?.stop();
        if (options.json) console.log(JSON.stringify(summary, null, 2));
        else printSummary(summary);
        // Rejected files or resources are wrong input (not valid JSON/NDJSON/FHIR): exit 2 (exit-codes.ts).
        if (summary.rejected.length > 0) process.exitCode = EXIT.badInput;
      },
    );
}

function printSummary(s: ImportSummary): void {
  const text = IMPORT_TEXT[messageLocale()];
  const rate = s.seconds > 0 ? Math.round(s.resources / s.seconds) : 0;
  // A file of which nothing was imported is counted as rejected, not as imported (IT trial, issue 20).
  const done = s.files - s.filesRejected;
  const resources = text.resources(s.resources, s.written, s.unchanged, s.seconds.toFixed(1), rate);
  const rejectedFiles = s.filesRejected > 0 ? `; ${text.filesRejected(s.filesRejected)}` : '';
  console.log(`${text.imported(done, s.files, s.filesRejected)}: ${resources}${rejectedFiles}`);
  for (const [type, n] of Object.entries(s.byType).sort(([, a], [, b]) => b - a))
    console.log(`  ${type.padEnd(28)} ${n}`);
  if (s.rejected.length) {
    console.log(text.rejected(s.rejected.length));
    for (const r of s.rejected) {
      // file[:line], the failing entry (index in its Bundle, type/id) and, through a server, the URL that refused it.
      const what = [r.resourceType, r.resourceId].filter(Boolean).join('/');
      const entry = r.index !== undefined ? `${text.entry} ${r.index}${what ? ` (${what})` : ''}` : what;
      console.log(`  ${r.file}${r.line ? `:${r.line}` : ''}${entry ? ` ${entry}` : ''}: ${r.reason}`);
    }
  }
}
