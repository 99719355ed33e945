/** `qihuang bp classify|assess` — blood-pressure engine on the command line (no database). Also exports the small option/batch helpers used by risk.ts and renal.ts. */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { LOCALE_OPTION, pick, resolveLocale } from '../locale.ts';
import { QihuangError } from '@qihuang/contracts';
import {
  assessHomeSeries,
  classifyOfficeBp,
  GUIDELINES,
  ingest,
  isGuideline,
  offsetOf,
  type Guideline,
} from '@qihuang/engines/blood-pressure';

export type Opts = Record<string, unknown>;

const bad = (message: string) => new QihuangError('invalid-input', message);

export function num(o: Opts, name: string, min: number, max: number, required = true): number | undefined {
  const raw = o[name];
  if (raw === undefined || raw === null || raw === '') {
    if (required) throw bad(`--${kebab(name)} is required`);
    return undefined;
  }
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (!Number.isFinite(n)) throw bad(`--${kebab(name)} must be a number, got "${String(raw)}"`);
  if (n < min || n > max) throw bad(`--${kebab(name)} must be between ${min} and ${max}, got ${n}`);
  return n;
}

export function choice<T extends string>(o: Opts, name: string, values: readonly T[], fallback?: T): T {
  const raw = o[name] ?? fallback;
  if (raw === undefined) throw bad(`--${kebab(name)} is required (${values.join('|')})`);
  if (typeof raw !== 'string' || !(values as readonly string[]).includes(raw))
    throw bad(`--${kebab(name)} must be one of ${values.join('|')}, got "${String(raw)}"`);
  return raw as T;
}

export function yesNo(o: Opts, name: string, fallback?: boolean): boolean {
  const raw = o[name];
  if (raw === undefined) {
    if (fallback === undefined) throw bad(`--${kebab(name)} is required (yes|no)`);
    return fallback;
  }
  if (raw === true || raw === 'yes' || raw === 'true') return true;
  if (raw === false || raw === 'no' || raw === 'false') return false;
  throw bad(`--${kebab(name)} must be yes or no, got "${String(raw)}"`);
}

function kebab(s: string): string {
  return s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function guideline(o: Opts): Guideline {
  const g = o.guideline ?? 'china-2018';
  if (!isGuideline(g)) throw bad(`unknown guideline "${String(g)}" (${GUIDELINES.join('|')})`);
  return g;
}

interface Displayable {
  display?: { zh: string; en: string };
}

/** Runs `compute` once from flags, or per stdin line with --batch (one JSON result or error object per line). */
export async function run(opts: Opts, compute: (o: Opts) => unknown): Promise<void> {
  if (opts.batch) {
    const text = readFileSync(0, 'utf8');
    let line = 0;
    for (const raw of text.split(/\r?\n/)) {
      if (raw.trim() === '') continue;
      line++;
      try {
        const parsed: unknown = JSON.parse(raw);
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
          throw bad('line must be a JSON object');
        process.stdout.write(`${JSON.stringify(compute(parsed as Opts))}\n`);
      } catch (error) {
        const code =
          error instanceof QihuangError
            ? error.code
            : error instanceof SyntaxError
              ? 'invalid-input'
              : 'internal';
        process.stdout.write(
          `${JSON.stringify({ line, error: { code, message: error instanceof Error ? error.message : String(error) } })}\n`,
        );
      }
    }
    return;
  }
  if (!opts.json) resolveLocale(opts.locale); // a bad --locale is refused before any work
  const result = compute(opts) as Displayable;
  if (opts.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else if (result.display) process.stdout.write(`${pick(result.display, resolveLocale(opts.locale))}\n`);
  else process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

export function classifyFromOptions(o: Opts) {
  const sbp = num(o, 'sbp', 50, 300) as number; // plausibility limits, packages/engines/blood-pressure/plausibility.ts
  const dbp = num(o, 'dbp', 20, 200) as number;
  if (dbp >= sbp) throw bad(`--dbp (${dbp}) must be below --sbp (${sbp})`);
  const g = guideline(o);
  const organ = o.organDamage === undefined ? undefined : yesNo(o, 'organDamage');
  return classifyOfficeBp({ sbp, dbp }, g, organ === undefined ? {} : { acuteOrganDamage: organ });
}

export function assessFromOptions(o: Opts) {
  const file = o.file;
  if (typeof file !== 'string' || file === '') throw bad('FILE is required');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw bad(`cannot read file ${file}`);
  }
  const now = typeof o.now === 'string' ? o.now : new Date().toISOString();
  if (!Number.isFinite(Date.parse(now))) throw bad(`--now must be an ISO date-time, got "${now}"`);
  const g = guideline(o);
  let parsed;
  try {
    parsed = ingest(text, { now });
  } catch (error) {
    throw bad(error instanceof Error ? error.message : String(error));
  }
  const first = parsed.readings[0];
  const offset = num(o, 'utcOffset', -720, 840, false) ?? (first ? offsetOf(first.time) : 0);
  const officeSbp = num(o, 'officeSbp', 50, 300, false);
  const officeDbp = num(o, 'officeDbp', 20, 200, false);
  const population = {
    age: num(o, 'age', 18, 120, false) ?? 50,
    diabetes: yesNo(o, 'diabetes', false),
    ckd: yesNo(o, 'ckd', false),
    proteinuria: yesNo(o, 'proteinuria', false),
    tolerated: yesNo(o, 'tolerated', false),
  };
  const assessment = assessHomeSeries({
    readings: parsed.readings,
    guideline: g,
    now,
    utcOffsetMinutes: offset,
    population,
    treated: yesNo(o, 'treated', false),
    ...(officeSbp !== undefined && officeDbp !== undefined
      ? { office: { sbp: officeSbp, dbp: officeDbp } }
      : {}),
  });
  const { records: _records, readings: _readings, ...ingestion } = parsed;
  const parts = [
    {
      zh: `读数:接受 ${parsed.accepted},拒绝 ${parsed.rejected}`,
      en: `Records: ${parsed.accepted} accepted, ${parsed.rejected} rejected`,
    },
    assessment.hbpm.display,
    ...(assessment.target ? [assessment.target.display] : []),
    ...(assessment.phenotype ? [assessment.phenotype.display] : []),
    ...assessment.alerts.map((a) => a.display),
  ];
  return {
    ingestion: { ...ingestion, rejections: parsed.records.filter((r) => r.status === 'rejected') },
    ...assessment,
    display: {
      zh: parts.map((d) => d.zh).join('\n'),
      en: parts.map((d) => d.en).join('\n'),
    },
  };
}

export function registerBp(program: Command): void {
  const bp = program
    .command('bp')
    .description('Blood pressure: office classification and home-series assessment');
  bp.command('classify')
    .description('Classify an office BP under a guideline')
    .option('--sbp <mmHg>', 'systolic BP')
    .option('--dbp <mmHg>', 'diastolic BP')
    .option('--guideline <id>', GUIDELINES.join('|'), 'china-2018')
    .option('--organ-damage <yes|no>', 'acute target-organ damage (emergency vs urgency when severe)')
    .option('--json', 'JSON output')
    .option('--batch', 'read one JSON object of options per stdin line')
    .option(...LOCALE_OPTION)
    .action((opts: Opts) => run(opts, classifyFromOptions));
  bp.command('assess')
    .description('Assess a home BP file (FHIR Bundle/NDJSON, Open mHealth JSON or CSV)')
    .argument('[file]', 'input file')
    .option('--guideline <id>', GUIDELINES.join('|'), 'china-2018')
    .option('--now <iso>', 'evaluation time (default: current time)')
    .option('--utc-offset <minutes>', 'local UTC offset for day boundaries (default: from the first reading)')
    .option('--age <years>', 'age for the treatment target')
    .option('--diabetes <yes|no>')
    .option('--ckd <yes|no>')
    .option('--proteinuria <yes|no>')
    .option('--tolerated <yes|no>', 'use the "if tolerated" target')
    .option('--treated <yes|no>', 'on antihypertensive treatment')
    .option('--office-sbp <mmHg>')
    .option('--office-dbp <mmHg>')
    .option('--json', 'JSON output')
    .option('--batch', 'read one JSON object of options (with "file") per stdin line')
    .option(...LOCALE_OPTION)
    .action((file: string | undefined, opts: Opts) =>
      run(file === undefined ? opts : { ...opts, file }, assessFromOptions),
    );
}
