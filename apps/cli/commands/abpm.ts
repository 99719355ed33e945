/** `qihuang abpm FILE` — a 24-hour ambulatory recording (CSV, or FHIR Observations marked ambulatory) through the ABPM engine (no database). */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { QihuangError } from '@qihuang/contracts';
import { analyseAbpm, type AbpmResult } from '@qihuang/bp-monitoring';
import { GUIDELINES, isGuideline, isTimeZone, zoneOffsetMinutes } from '@qihuang/engines/blood-pressure';
import { num, yesNo, type Opts } from './bp.ts';

const bad = (message: string) => new QihuangError('invalid-input', message);

export function abpmFromOptions(file: string, o: Opts): AbpmResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw bad(`cannot read file ${file}`);
  }
  const guideline = o.guideline ?? 'china-2018';
  if (!isGuideline(guideline))
    throw bad(`unknown guideline "${String(guideline)}" (${GUIDELINES.join('|')})`);
  const zone = typeof o.timeZone === 'string' ? o.timeZone : 'Asia/Shanghai';
  if (!isTimeZone(zone)) throw bad(`--time-zone must be an IANA time zone, got "${zone}"`);
  const now = typeof o.now === 'string' ? o.now : new Date().toISOString();
  if (!Number.isFinite(Date.parse(now))) throw bad(`--now must be an ISO date-time, got "${now}"`);
  const officeSbp = num(o, 'officeSbp', 50, 300, false);
  const officeDbp = num(o, 'officeDbp', 20, 200, false);
  if ((officeSbp === undefined) !== (officeDbp === undefined))
    throw bad('--office-sbp and --office-dbp go together');
  return analyseAbpm(text, {
    now,
    patientId: typeof o.patient === 'string' ? o.patient : 'cli',
    guideline,
    utcOffsetMinutes: zoneOffsetMinutes(zone, Date.parse(now)),
    ...(officeSbp !== undefined && officeDbp !== undefined
      ? { office: { sbp: officeSbp, dbp: officeDbp } }
      : {}),
    treated: yesNo(o, 'treated', false),
  });
}

function text(r: AbpmResult): string {
  const m = (p: { n: number; mean?: { sbp: number; dbp: number }; high?: boolean }) =>
    p.mean
      ? `${Math.round(p.mean.sbp)}/${Math.round(p.mean.dbp)} mmHg (${p.n} readings${p.high ? ', high' : ''})`
      : `— (${p.n} readings)`;
  return [
    `ABPM ${r.start} – ${r.end}: ${r.readings} readings${r.rejected ? `, ${r.rejected} rejected` : ''}${r.summary.valid ? '' : ' (not enough day/night readings for a valid recording)'}`,
    `24 h: ${m(r.summary['24h'])}`,
    `Day: ${m(r.summary.day)}`,
    `Night: ${m(r.summary.night)}`,
    ...(r.summary.dipping
      ? [`Dipping: ${r.summary.dipping.dipPercent.toFixed(1)}% — ${r.summary.dipping.display.en}`]
      : []),
    ...(r.phenotype ? [`Phenotype: ${r.phenotype.display.en}`] : []),
    `Guideline: ${r.sources.join('; ')}`,
  ].join('\n');
}

export function registerAbpm(program: Command): void {
  program
    .command('abpm')
    .description('Summarise a 24-hour ambulatory BP recording: 24 h/day/night means, dipping, phenotype')
    .argument(
      '<file>',
      'CSV device export, or FHIR JSON/NDJSON with Observations marked ambulatory (method SNOMED CT 164783007)',
    )
    .option('--guideline <id>', GUIDELINES.join('|'), 'china-2018')
    .option('--time-zone <iana>', "the patient's time zone for day and night", 'Asia/Shanghai')
    .option('--office-sbp <mmHg>', 'office SBP (with --office-dbp: white-coat/masked phenotype)')
    .option('--office-dbp <mmHg>')
    .option('--treated <yes|no>', 'on antihypertensive treatment', 'no')
    .option('--now <iso>', 'evaluation time (default: current time)')
    .option('--json', 'JSON output')
    .action((file: string, opts: Opts) => {
      const result = abpmFromOptions(file, opts);
      process.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : `${text(result)}\n`);
    });
}
