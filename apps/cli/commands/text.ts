/**
 * `qihuang text analyze` — the clinical-language package on the command line: concepts with codes, span and
 * modifiers (negated, historical, hypothetical, experiencer, uncertain) and vital signs in zh/en patient text.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { QihuangError } from '@qihuang/contracts';
import { analyze, emergencyCall, type Analysis } from '@qihuang/clinical-language';
import type { Opts } from './bp.ts';

const bad = (message: string) => new QihuangError('invalid-input', message);
/** Longest text accepted (characters). Operational limit: patient messages, not documents. */
const MAX_TEXT = 20_000;

function checkText(raw: unknown, where: string): string {
  if (typeof raw !== 'string' || raw.trim() === '')
    throw bad(`${where}: text is required (a non-empty string)`);
  if (raw.length > MAX_TEXT) throw bad(`${where}: text longer than ${MAX_TEXT} characters`);
  return raw;
}

function toJson(a: Analysis) {
  const call = emergencyCall(a);
  return {
    text: a.text,
    emergency: call.emergency,
    rule: call.rule,
    concepts: a.mentions.map((m) => ({
      concept: m.concept,
      kind: m.kind,
      text: m.text,
      span: [m.start, m.end],
      codes: m.codes,
      ...(m.redFlag ? { redFlag: m.redFlag } : {}),
      emergency: m.emergency,
      modifiers: m.modifiers,
      cues: m.cues,
    })),
    vitals: a.vitals.map((v) => ({
      kind: v.kind,
      text: v.text,
      span: [v.start, v.end],
      ...(v.sbp !== undefined ? { sbp: v.sbp } : {}),
      ...(v.dbp !== undefined ? { dbp: v.dbp } : {}),
      ...(v.value !== undefined ? { value: v.value } : {}),
      unit: v.unit,
      ...(v.writtenUnit ? { writtenUnit: v.writtenUnit } : {}),
      plausible: v.plausible,
      modifiers: v.modifiers,
    })),
  };
}

function modifierWords(m: Analysis['mentions'][number]['modifiers']): string {
  const words = [
    m.negated && 'negated',
    m.historical && 'historical',
    m.hypothetical && 'hypothetical',
    m.experiencer === 'other' && 'experiencer=other',
    m.uncertain && 'uncertain',
  ].filter(Boolean);
  return words.length ? words.join(', ') : 'affirmed';
}

function toText(a: Analysis): string {
  const call = emergencyCall(a);
  const lines = [`${call.emergency ? 'EMERGENCY' : 'no emergency'} — ${call.rule}`];
  if (!a.mentions.length && !a.vitals.length) lines.push('  no concepts found');
  for (const m of a.mentions) {
    const codes = [
      m.codes.snomed && `SNOMED ${m.codes.snomed}`,
      m.codes.icd10 && `ICD-10 ${m.codes.icd10}`,
      m.codes.atc && `ATC ${m.codes.atc}`,
    ].filter(Boolean);
    lines.push(
      `  ${m.concept} (${m.kind}${m.redFlag ? `, red flag ${m.redFlag}${m.emergency ? ', emergency' : ''}` : ''}) ` +
        `"${m.text}" [${m.start},${m.end}) ${codes.join(' ') || 'no code'} — ${modifierWords(m.modifiers)}`,
    );
  }
  for (const v of a.vitals) {
    const value = v.kind === 'bp' ? `${v.sbp ?? '?'}/${v.dbp ?? '?'} mmHg` : `${v.value} ${v.unit}`;
    lines.push(
      `  ${v.kind} ${value} "${v.text}" [${v.start},${v.end})${v.plausible ? '' : ' IMPLAUSIBLE'} — ${modifierWords(v.modifiers)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function batch(file: string): void {
  let content: string;
  try {
    content = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch {
    throw bad(`cannot read batch file ${file}`);
  }
  let line = 0;
  for (const raw of content.split(/\r?\n/)) {
    line++;
    if (raw.trim() === '') continue;
    try {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        throw bad(`line ${line}: not JSON`);
      }
      const obj = typeof parsed === 'string' ? { text: parsed } : parsed;
      if (!obj || typeof obj !== 'object' || Array.isArray(obj))
        throw bad(`line ${line}: expected {"text": "…"}`);
      const rec = obj as Record<string, unknown>;
      const out = toJson(analyze(checkText(rec.text, `line ${line}`)));
      process.stdout.write(
        `${JSON.stringify({ line, ...(rec.id !== undefined ? { id: rec.id } : {}), ...out })}\n`,
      );
    } catch (error) {
      const code = error instanceof QihuangError ? error.code : 'internal';
      const message = error instanceof Error ? error.message : String(error);
      process.stdout.write(`${JSON.stringify({ line, error: { code, message } })}\n`);
    }
  }
}

export function registerText(program: Command): void {
  const text = program
    .command('text')
    .description('Clinical language (zh/en): concepts, codes, modifiers and vital signs in patient text');
  text
    .command('analyze')
    .description(
      'Concepts with codes, span and modifiers (negated, historical, hypothetical, experiencer, uncertain)',
    )
    .option('--text <text>', 'the message, e.g. "无缘无故胸口疼，高压190低压125"')
    .option('--json', 'JSON output')
    .option(
      '--batch <file>',
      'NDJSON file (or - for stdin): one {"text": "…", "id"?: …} per line; one JSON result per line',
    )
    .action((o: Opts) => {
      if (typeof o.batch === 'string') {
        if (o.text !== undefined) throw bad('give --text or --batch, not both');
        batch(o.batch);
        return;
      }
      const a = analyze(checkText(o.text, '--text'));
      process.stdout.write(o.json ? `${JSON.stringify(toJson(a), null, 2)}\n` : toText(a));
    });
}
