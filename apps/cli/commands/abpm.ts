/** `qihuang abpm FILE` — a 24-hour ambulatory recording (CSV, or FHIR Observations marked ambulatory) through the ABPM engine (no database). */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { QihuangError } from '@qihuang/contracts';
import { analyseAbpm, type AbpmResult } from '@qihuang/bp-monitoring';
import { GUIDELINES, isGuideline, isTimeZone, zoneOffsetMinutes } from '@qihuang/engines/blood-pressure';
import { num, yesNo, type Opts } from './bp.ts';
import { LOCALE_OPTION, pick, resolveLocale, type CliLocale } from '../locale.ts';

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

/** Guideline names as Chinese readers know them (zh output); English output uses the analysis's own names. */
const GUIDELINE_ZH: Record<string, string> = {
  'acc-aha-2017': 'ACC/AHA 2017 美国高血压指南',
  'esh-2023': 'ESH 2023 欧洲高血压指南',
  'china-2018': '中国高血压防治指南 2018',
  'china-2024': '中国高血压防治指南 2024',
};

/** An instant as the patient's clock shows it in `zone` ("YYYY-MM-DD HH:mm"). */
function local(iso: string, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The summary in one language (`--locale`, else QIHUANG_LOCALE/LANG, else zh-CN). */
export function abpmText(r: AbpmResult, locale: CliLocale, zone: string): string {
  const zh = locale === 'zh-CN';
  const m = (p: { n: number; mean?: { sbp: number; dbp: number }; high?: boolean }) => {
    const n = zh ? `${p.n} 次读数${p.high ? '，偏高' : ''}` : `${p.n} readings${p.high ? ', high' : ''}`;
    return p.mean ? `${Math.round(p.mean.sbp)}/${Math.round(p.mean.dbp)} mmHg (${n})` : `— (${n})`;
  };
  const span = `${local(r.start, zone)} – ${local(r.end, zone)} (${zone})`;
  const invalid = !r.summary.valid;
  const name = GUIDELINE_ZH[r.guideline] ?? r.guidelineName;
  const sources = zh
    ? [
        `${name}：动态血压诊断阈值（24 小时、白天、夜间）`,
        'ESH 动态血压立场文件（O’Brien 2013）：夜间血压下降',
        ...(r.phenotype ? [`${name}：白大衣高血压与隐蔽性高血压`] : []),
      ]
    : r.sources;
  const dip = r.summary.dipping;
  return zh
    ? [
        `动态血压 ${span}：${r.readings} 次读数${r.rejected ? `，${r.rejected} 次被拒绝` : ''}${invalid ? '（白天或夜间读数不足，不是有效的记录）' : ''}`,
        `24 小时：${m(r.summary['24h'])}`,
        `白天：${m(r.summary.day)}`,
        `夜间：${m(r.summary.night)}`,
        ...(dip ? [`夜间下降：${dip.dipPercent.toFixed(1)}% — ${pick(dip.display, locale)}`] : []),
        ...(r.phenotype ? [`表型：${pick(r.phenotype.display, locale)}`] : []),
        `依据：${sources.join('；')}`,
      ].join('\n')
    : [
        `ABPM ${span}: ${r.readings} readings${r.rejected ? `, ${r.rejected} rejected` : ''}${invalid ? ' (not enough day/night readings for a valid recording)' : ''}`,
        `24 h: ${m(r.summary['24h'])}`,
        `Day: ${m(r.summary.day)}`,
        `Night: ${m(r.summary.night)}`,
        ...(dip ? [`Dipping: ${dip.dipPercent.toFixed(1)}% — ${pick(dip.display, locale)}`] : []),
        ...(r.phenotype ? [`Phenotype: ${pick(r.phenotype.display, locale)}`] : []),
        `Guideline: ${sources.join('; ')}`,
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
    .option(...LOCALE_OPTION)
    .option('--json', 'JSON output')
    .action((file: string, opts: Opts) => {
      const locale = opts.json ? undefined : resolveLocale(opts.locale); // a bad --locale is refused first
      const result = abpmFromOptions(file, opts);
      const zone = typeof opts.timeZone === 'string' ? opts.timeZone : 'Asia/Shanghai';
      process.stdout.write(
        locale ? `${abpmText(result, locale, zone)}\n` : `${JSON.stringify(result, null, 2)}\n`,
      );
    });
}
