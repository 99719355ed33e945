/**
 * `qihuang care triage|propose|remind` — the hypertension-care engine on the command line (triage and
 * treatment proposal need no database) and reminder delivery for a cron job.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { QihuangError } from '@qihuang/contracts';
import { GUIDELINES, PLAUSIBLE, isGuideline, type Guideline } from '@qihuang/engines/blood-pressure';
import { LOCALE_OPTION, pick, resolveLocale } from '../locale.ts';
import { num, run, type Opts } from './bp.ts';

const bad = (message: string) => new QihuangError('invalid-input', message);

function guidelineOf(o: Opts): Guideline {
  const g = o.guideline ?? 'china-2018';
  if (!isGuideline(g)) throw bad(`unknown guideline "${String(g)}" (${GUIDELINES.join('|')})`);
  return g;
}

export function registerCare(program: Command): void {
  const care = program
    .command('care')
    .description('Hypertension care: emergency triage, treatment proposal, measurement reminders');

  care
    .command('triage')
    .description('Engine triage of symptoms (zh/en free text) and a reading: emergency stop, urgent or none')
    .option('--text <text>', 'what the patient reports, e.g. "胸痛, 头痛"')
    .option('--sbp <mmHg>', 'latest systolic reading')
    .option('--dbp <mmHg>', 'latest diastolic reading')
    .option('--at <iso>', 'time of the reading (default now)')
    .option('--guideline <id>', GUIDELINES.join('|'), 'china-2018')
    .option('--json', 'JSON output')
    .option('--batch', 'read one JSON object of options per stdin line')
    .option(...LOCALE_OPTION)
    .action(async (o: Opts) => {
      const { triage } = await import('@qihuang/engines/hypertension-care');
      await run(o, (x) => {
        // The engine's plausibility limits (packages/engines/blood-pressure/plausibility.ts).
        const sbp = num(x, 'sbp', PLAUSIBLE.sbp.min, PLAUSIBLE.sbp.max, false);
        const dbp = num(x, 'dbp', PLAUSIBLE.dbp.min, PLAUSIBLE.dbp.max, false);
        if ((sbp === undefined) !== (dbp === undefined)) throw bad('give both --sbp and --dbp, or neither');
        if (sbp !== undefined && dbp !== undefined && dbp >= sbp)
          throw bad(`--dbp (${dbp}) must be below --sbp (${sbp})`);
        const now = new Date().toISOString();
        const at = typeof x.at === 'string' ? x.at : now;
        if (Number.isNaN(Date.parse(at))) throw bad(`--at must be an ISO date-time, got "${at}"`);
        const text = typeof x.text === 'string' ? x.text : '';
        if (!text && sbp === undefined) throw bad('give --text and/or --sbp/--dbp');
        return triage({
          text,
          readings: sbp !== undefined && dbp !== undefined ? [{ id: 'cli', sbp, dbp, time: at }] : [],
          now: at > now ? at : now,
          guideline: guidelineOf(x),
        });
      });
    });

  care
    .command('propose')
    .description('Guideline treatment proposal from a patient JSON file (TreatmentInput, see API.md)')
    .argument(
      '<file>',
      'JSON: {guideline, age, sex, bp:{sbp,dbp}, bpSource, conditions:{…}, labs:{…}, current:[…]}',
    )
    .option('--json', 'JSON output')
    .option(...LOCALE_OPTION)
    .action(async (file: string, o: Opts) => {
      if (!o.json) resolveLocale(o.locale); // a bad --locale is refused before any work
      const { proposeTreatment } = await import('@qihuang/engines/hypertension-care');
      let input: Record<string, unknown>;
      try {
        input = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      } catch (error) {
        throw bad(`${file}: ${(error as Error).message}`);
      }
      const bp = input.bp as { sbp?: unknown; dbp?: unknown } | undefined;
      if (typeof input.age !== 'number' || input.age < 18 || input.age > 120)
        throw bad(`${file}: age must be a number of years (18–120)`);
      if (input.sex !== 'male' && input.sex !== 'female') throw bad(`${file}: sex must be male or female`);
      if (!bp || typeof bp.sbp !== 'number' || typeof bp.dbp !== 'number' || bp.dbp >= bp.sbp)
        throw bad(`${file}: bp must be {"sbp": number, "dbp": number} with dbp below sbp`);
      const proposal = proposeTreatment({
        conditions: {},
        current: [],
        bpSource: 'office',
        ...input,
        guideline: guidelineOf(input),
      } as unknown as Parameters<typeof proposeTreatment>[0]);
      if (o.json) process.stdout.write(`${JSON.stringify(proposal, null, 2)}\n`);
      else process.stdout.write(`${pick(proposal.display, resolveLocale(o.locale))}\n`);
    });

  care
    .command('remind')
    .description(
      'Send due measurement reminders to QIHUANG_CARE_WEBHOOK_URL now (for cron; the server also does it)',
    )
    .option('--json', 'JSON output')
    .action(async (o: Opts) => {
      const [
        { loadConfig },
        { openDatabase },
        { MIGRATIONS },
        { buildApp },
        { dispatchReminders },
        { SYSTEM_PRINCIPAL },
        pino,
      ] = await Promise.all([
        import('@qihuang/config'),
        import('@qihuang/store'),
        import('@qihuang/migrations'),
        import('../../server/index.ts'),
        import('@qihuang/care'),
        import('@qihuang/contracts'),
        import('pino'),
      ]);
      const config = loadConfig();
      if (!config.careWebhookUrl)
        throw bad('QIHUANG_CARE_WEBHOOK_URL is not set: there is nowhere to send reminders');
      const database = await openDatabase({
        migrations: MIGRATIONS,
        url: config.databaseUrl,
        dataDir: config.dataDir,
      });
      try {
        const built = await buildApp({
          config,
          database,
          log: pino.default({ level: 'warn' }),
          version: 'cli',
        });
        try {
          const result = await dispatchReminders(built.care, {
            requestId: 'cli-remind',
            principal: SYSTEM_PRINCIPAL,
          });
          if (o.json) process.stdout.write(`${JSON.stringify(result)}\n`);
          else
            process.stdout.write(
              `sent ${result.sent}, failed ${result.failed}, already sent ${result.skipped}\n`,
            );
          if (result.failed > 0) process.exitCode = 1;
        } finally {
          await built.close();
        }
      } finally {
        await database.close();
      }
    });
}
