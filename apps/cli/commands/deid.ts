/**
 * `qihuang deid TEXT_FILE` — de-identifies a clinical text with `@qihuang/deid` (what the gateway does before
 * a cloud call, and what record, imaging and training-data exports use): prints the de-identified text and the
 * spans found, or with `--json` `{shiftDays, spans: [{type, start, end, text, replacement}], text}`.
 */
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { QihuangError } from '@qihuang/contracts';
import { deidentifyWithSpans, PlaceholderVault } from '@qihuang/deid';
import { LOCALE_OPTION, resolveLocale } from '../locale.ts';

const bad = (message: string) => new QihuangError('invalid-input', message);
/** Longest file accepted (characters): notes and letters, not whole record dumps (split those). */
const MAX_CHARS = 1_000_000;

function readText(file: string): string {
  let buffer: Buffer;
  try {
    buffer = readFileSync(file === '-' ? 0 : file);
  } catch {
    throw bad(`cannot read ${file}`);
  }
  if (buffer.includes(0)) throw bad(`${file} is not a text file (it contains NUL bytes)`);
  const text = buffer.toString('utf8');
  if (text.includes('\uFFFD')) throw bad(`${file} is not UTF-8 text`);
  if (text.trim() === '') throw bad(`${file} is empty`);
  if (text.length > MAX_CHARS) throw bad(`${file} is longer than ${MAX_CHARS} characters; split it`);
  return text;
}

/** The summary line in the command's language (one language per screen). */
export function summary(count: number, shiftDays: number, locale: 'zh-CN' | 'en'): string {
  return locale === 'zh-CN'
    ? `已替换 ${count} 处标识信息；日期整体平移 ${shiftDays} 天`
    : `${count} identifier(s) replaced; dates shifted by ${shiftDays} day(s)`;
}

export function registerDeid(program: Command): void {
  program
    .command('deid')
    .description(
      'De-identify a clinical text (zh/en): names, IDs, phones, addresses, dates (shifted), ages over 89, … (HIPAA Safe Harbor + Chinese identifiers)',
    )
    .argument('<file>', 'UTF-8 text file, or - for standard input')
    .option('--json', 'print {shiftDays, spans: [{type, start, end, text, replacement}], text} as JSON')
    .option('--seed <n>', 'seed of the date shift (default: random, as for every gateway request)')
    .option('--name <name...>', 'names known to belong to the patient (replaced wherever they appear)')
    .option(...LOCALE_OPTION)
    .action((file: string, o: { json?: boolean; seed?: string; name?: string[]; locale?: string }) => {
      const locale = o.json ? 'en' : resolveLocale(o.locale); // refused before any work
      if (o.seed !== undefined && !/^\d{1,9}$/.test(o.seed))
        throw bad(`--seed must be a whole number, got "${o.seed}"`);
      const text = readText(file);
      const vault = new PlaceholderVault({
        seed: o.seed !== undefined ? Number(o.seed) : randomInt(2 ** 31),
      });
      const [result] = deidentifyWithSpans([text], vault, { names: o.name ?? [] });
      const spans = result!.spans.map((s) => ({
        type: s.category,
        start: s.start,
        end: s.end,
        text: s.text,
        replacement: s.replacement,
      }));
      if (o.json) {
        console.log(
          JSON.stringify({ shiftDays: vault.dateShiftDays ?? 0, spans, text: result!.text }, null, 2),
        );
        return;
      }
      process.stdout.write(result!.text.endsWith('\n') ? result!.text : `${result!.text}\n`);
      console.log(`\n${summary(spans.length, vault.dateShiftDays ?? 0, locale)}`);
      for (const s of spans)
        console.log(
          `  ${s.type.padEnd(14)} [${s.start},${s.end}) ${JSON.stringify(s.text)} → ${s.replacement}`,
        );
    });
}
