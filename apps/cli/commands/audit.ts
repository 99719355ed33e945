/**
 * `qihuang audit verify [--json] [--expect-head SEQ:HASH] [--checkpoints FILE]` — check the audit trail's hash
 * chain, and that it still holds each chain head recorded outside the database (exit 0 intact, 3 with the first
 * bad entry named, 2 for a bad option or a malformed checkpoint, 1 for a database that cannot be opened, e.g.
 * locked by a running server: apps/cli/exit-codes.ts). `qihuang audit export [--patient ID] [--since DATE]` —
 * NDJSON AuditEvent resources to stdout.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { QihuangError, SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import {
  createAuditLog,
  exportAuditNdjson,
  parseCheckpoint,
  parseCheckpointFile,
  verifyAuditChain,
  type AuditCheckpoint,
} from '@qihuang/audit';
import { withDatabase } from '../database.ts';
import { EXIT } from '../exit-codes.ts';
import { LOCALE_OPTION, resolveLocale, type CliLocale } from '../locale.ts';
import { messageLocale } from '../messages.ts';
import { progressLine, verifyLine } from './audit-text.ts';

/**
 * One language per run (issue 20): `--locale`, else the rule of the CLI's messages (QIHUANG_LOCALE or the system
 * locale), so the result lines and an error line (main.ts) never differ. A bad `--locale` is refused (exit 2).
 */
const runLocale = (option: unknown): CliLocale =>
  option === undefined ? messageLocale() : resolveLocale(option);

function readCheckpoints(options: { expectHead?: string; checkpoints?: string }): AuditCheckpoint[] {
  const out: AuditCheckpoint[] = [];
  if (options.expectHead) out.push(parseCheckpoint(options.expectHead, '--expect-head'));
  if (options.checkpoints) {
    let text: string;
    try {
      text = readFileSync(options.checkpoints, 'utf8');
    } catch {
      throw new QihuangError('invalid-input', `--checkpoints: cannot read ${options.checkpoints}`);
    }
    out.push(...parseCheckpointFile(text, options.checkpoints));
  }
  return out;
}

function writeOut(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve).once('error', reject);
  });
}

export function registerAudit(program: Command): void {
  const audit = program
    .command('audit')
    .description('Tamper-evident audit trail: verify the hash chain, export entries');

  audit
    .command('verify')
    .description(
      'Check every audit entry against the hash chain; exit 3 naming the first entry that was edited, deleted, inserted or reordered; exit 2 for a bad option; exit 1 when it cannot run (the database cannot be opened, e.g. the embedded one while the server runs)',
    )
    .option('--json', 'print the result as JSON')
    .option(
      '--expect-head <seq:hash>',
      'a chain head kept outside the database (as printed by verify): fail unless the chain still holds it',
    )
    .option(
      '--checkpoints <file>',
      'file of chain-head checkpoints (QIHUANG_AUDIT_CHECKPOINT_FILE): fail unless the chain holds every one',
    )
    .option(
      '--in-database',
      "hash inside PostgreSQL: faster, but trusts the server's sha256 (routine checks)",
    )
    .option(...LOCALE_OPTION)
    .action(
      async (options: {
        json?: boolean;
        inDatabase?: boolean;
        expectHead?: string;
        checkpoints?: string;
        locale?: string;
      }) => {
        const locale = runLocale(options.locale);
        const checkpoints = readCheckpoints(options);
        const result = await withDatabase((database) =>
          verifyAuditChain(database.db, {
            hashIn: options.inDatabase ? 'database' : 'node',
            ...(checkpoints.length || options.checkpoints ? { checkpoints } : {}),
            onProgress:
              options.json || !process.stderr.isTTY
                ? undefined
                : ({ checked, total }) => process.stderr.write(progressLine(checked, total, locale)),
          }),
        );
        if (!options.json && process.stderr.isTTY) process.stderr.write('\n');
        if (options.json) {
          console.log(JSON.stringify(result));
        } else {
          console.log(verifyLine(result, locale));
        }
        process.exitCode = result.ok ? EXIT.ok : EXIT.checkFailed;
      },
    );

  audit
    .command('export')
    .description('Write audit entries as NDJSON AuditEvent resources to stdout (oldest first)')
    .option('--patient <id>', 'only entries touching this patient')
    .option('--since <date>', 'only entries recorded at or after this date/time (ISO 8601)')
    .option(...LOCALE_OPTION)
    .action(async (options: { patient?: string; since?: string; locale?: string }) => {
      runLocale(options.locale); // the output is NDJSON; the option sets the language of an error line
      if (options.since && Number.isNaN(new Date(options.since).getTime())) {
        throw new QihuangError('invalid-input', `--since: not a date "${options.since}"`);
      }
      await withDatabase(async (database) => {
        // The export itself is audited, like the HTTP export.
        await createAuditLog().append(
          database.db,
          { requestId: `cli-${process.pid}`, principal: { ...SYSTEM_PRINCIPAL, username: 'cli' } },
          {
            action: 'export',
            outcome: 'success',
            resourceType: 'AuditEvent',
            query:
              new URLSearchParams({
                ...(options.patient ? { patient: options.patient } : {}),
                ...(options.since ? { since: options.since } : {}),
              }).toString() || undefined,
            patientIds: options.patient ? [options.patient] : [],
          },
        );
        await exportAuditNdjson(
          database.db,
          {
            ...(options.patient ? { patient: options.patient } : {}),
            ...(options.since ? { since: options.since } : {}),
          },
          writeOut,
        );
      });
    });
}
