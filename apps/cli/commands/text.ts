/**
 * `qihuang text analyze` — the clinical-language package on the command line: concepts with codes, span and
 * modifiers (negated, historical, hypothetical, experiencer, uncertain) and vital signs in zh/en patient text.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { QihuangError } from '@qihuang/contracts';
import { analyze, CONCEPTS_BY_ID, emergencyCall, type Analysis } from '@qihuang/clinical-language';
import type { Opts } from './bp.ts';
import { LOCALE_OPTION, resolveLocale, type CliLocale } from '../locale.ts';

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

type Mention = Analysis['mentions'][number];

/** The words of the text output in each language (one language per screen: `--locale`, else QIHUANG_LOCALE/LANG). */
const WORDS = {
  en: {
    emergency: 'EMERGENCY',
    none: 'no emergency',
    noConcepts: 'no concepts found',
    noCode: 'no code',
    redFlag: 'red flag',
    isEmergency: 'emergency',
    implausible: ' IMPLAUSIBLE',
    affirmed: 'affirmed',
    negated: 'negated',
    historical: 'historical',
    hypothetical: 'hypothetical',
    other: 'experiencer=other',
    uncertain: 'uncertain',
    sep: ', ',
    open: ' (',
    close: ')',
    kinds: {
      'red-flag': 'red flag',
      symptom: 'symptom',
      condition: 'condition',
      drug: 'drug',
      finding: 'finding',
    },
    vitals: { bp: 'bp', 'heart-rate': 'heart rate', glucose: 'glucose' },
  },
  'zh-CN': {
    emergency: '急症',
    none: '无急症',
    noConcepts: '未发现临床概念',
    noCode: '无编码',
    redFlag: '危险信号',
    isEmergency: '急症',
    implausible: ' 数值不合理',
    affirmed: '肯定',
    negated: '否定',
    historical: '既往',
    hypothetical: '假设',
    other: '他人',
    uncertain: '不确定',
    sep: '，',
    open: '（',
    close: '）',
    kinds: { 'red-flag': '危险信号', symptom: '症状', condition: '疾病', drug: '药物', finding: '所见' },
    vitals: { bp: '血压', 'heart-rate': '心率', glucose: '血糖' },
  },
} as const;

/**
 * The package's rule texts (emergencyCall) in Chinese. A rule missing here is printed as written; text.test.ts
 * checks that each rule the package can give has its Chinese text.
 */
export const RULE_ZH: Record<string, string> = {
  'current emergency concept (acute target-organ-damage symptom; ACC/AHA 2017 §11.2 hypertensive emergency)':
    '当前急症表现（急性靶器官损害症状；ACC/AHA 2017 第 11.2 节 高血压急症）',
  'crisis reading + current red flag (ACC/AHA 2017 §11.2 hypertensive crisis)':
    '血压达危象水平且伴当前危险信号（ACC/AHA 2017 第 11.2 节 高血压危象）',
  'crisis reading + back pain or numbness (ACC/AHA 2017 §11.2; AHA hypertensive crisis)':
    '血压达危象水平且伴背痛或麻木（ACC/AHA 2017 第 11.2 节；AHA 高血压危象）',
  'no current emergency concept': '未见当前急症表现',
};

function modifierWords(m: Mention['modifiers'], locale: CliLocale): string {
  const w = WORDS[locale];
  const words = [
    m.negated && w.negated,
    m.historical && w.historical,
    m.hypothetical && w.hypothetical,
    m.experiencer === 'other' && w.other,
    m.uncertain && w.uncertain,
  ].filter(Boolean);
  return words.length ? words.join(w.sep) : w.affirmed;
}

export function toText(a: Analysis, locale: CliLocale = 'en'): string {
  const w = WORDS[locale];
  const zh = locale === 'zh-CN';
  const call = emergencyCall(a);
  const rule = zh ? (RULE_ZH[call.rule] ?? call.rule) : call.rule;
  const lines = [`${call.emergency ? w.emergency : w.none} — ${rule}`];
  if (!a.mentions.length && !a.vitals.length) lines.push(`  ${w.noConcepts}`);
  for (const m of a.mentions) {
    const codes = [
      m.codes.snomed && `SNOMED ${m.codes.snomed}`,
      m.codes.icd10 && `ICD-10 ${m.codes.icd10}`,
      m.codes.atc && `ATC ${m.codes.atc}`,
    ].filter(Boolean);
    const name = zh ? `${CONCEPTS_BY_ID.get(m.concept)?.display.zh ?? m.concept} ${m.concept}` : m.concept;
    const flag = m.redFlag
      ? `${w.sep}${w.redFlag} ${m.redFlag}${m.emergency ? `${w.sep}${w.isEmergency}` : ''}`
      : '';
    lines.push(
      `  ${name}${w.open}${w.kinds[m.kind]}${flag}${w.close} ` +
        `"${m.text}" [${m.start},${m.end}) ${codes.join(' ') || w.noCode} — ${modifierWords(m.modifiers, locale)}`,
    );
  }
  for (const v of a.vitals) {
    const value = v.kind === 'bp' ? `${v.sbp ?? '?'}/${v.dbp ?? '?'} mmHg` : `${v.value} ${v.unit}`;
    lines.push(
      `  ${w.vitals[v.kind]} ${value} "${v.text}" [${v.start},${v.end})${v.plausible ? '' : w.implausible} — ${modifierWords(v.modifiers, locale)}`,
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
    .option(...LOCALE_OPTION)
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
      const locale = o.json ? 'en' : resolveLocale(o.locale); // refused before any work
      const a = analyze(checkText(o.text, '--text'));
      process.stdout.write(o.json ? `${JSON.stringify(toJson(a), null, 2)}\n` : toText(a, locale));
    });
}
