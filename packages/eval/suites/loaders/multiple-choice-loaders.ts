/**
 * Loaders for multiple-choice sets in their own published formats (../shared/data), plus a documented generic
 * JSONL. Each returns items; `loadSuiteFile` (suite-files.ts) wraps them into a hashed Suite.
 */
import { QihuangError } from '@qihuang/contracts';
import { readCsvRecords as parseCsv } from '@qihuang/csv';
import type { ChoiceOption, EvalItem, MultipleChoiceItem } from '../suite-types.ts';

const bad = (message: string) => new QihuangError('invalid-input', message);

function jsonLines(text: string, what: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      const value: unknown = JSON.parse(line);
      if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
      out.push(value as Record<string, unknown>);
    } catch (error) {
      throw bad(`${what} line ${index + 1} is not a JSON object: ${(error as Error).message}`);
    }
  });
  return out;
}

const str = (value: unknown): string =>
  typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);

/**
 * CMExam CSV: columns Question, Options (options separated by a literal `\n` two-character sequence or a real
 * line break, each "A 文本"), Answer (one or several letters), Explanation; optional origin_row.
 */
export function loadCmexam(text: string, source = 'cmexam'): MultipleChoiceItem[] {
  const rows = parseCsv(text);
  if (rows.length && !('Question' in rows[0]! && 'Options' in rows[0]! && 'Answer' in rows[0]!)) {
    throw bad('CMExam CSV needs the columns Question, Options, Answer');
  }
  return rows.map((row, index) => {
    const options: ChoiceOption[] = row
      .Options!.split(/\\n|\r?\n/)
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const m = /^([A-Z])[\s.、．:：)）]*(.*)$/.exec(part);
        if (!m) throw bad(`CMExam row ${index + 2}: option "${part.slice(0, 20)}" has no letter`);
        return { key: m[1]!, text: m[2]!.trim() };
      });
    const answer = row
      .Answer!.trim()
      .toUpperCase()
      .split('')
      .filter((c) => /[A-Z]/.test(c));
    if (!answer.length) throw bad(`CMExam row ${index + 2}: empty Answer`);
    const originRow = row.origin_row || String(index + 2);
    return {
      kind: 'multiple-choice',
      id: `cmexam-${originRow}`,
      categories: ['exam', 'cmexam', answer.length > 1 ? 'multi-answer' : 'single-answer'],
      provenance: {
        source: 'CMExam (Liu et al., NeurIPS 2023)',
        licence: 'Apache-2.0',
        origin: `${source} row ${originRow}`,
      },
      metadata: { language: 'zh' },
      question: row.Question!,
      options,
      answer,
      style: 'letters',
    };
  });
}

/** MedQA JSONL: question, options {A: …}, answer_idx, meta_info (step1 | step2&3). */
export function loadMedqa(text: string, source = 'medqa'): MultipleChoiceItem[] {
  return jsonLines(text, 'MedQA').map((row, index) => {
    const options = row.options as Record<string, string> | undefined;
    if (!options || typeof row.question !== 'string' || typeof row.answer_idx !== 'string') {
      throw bad(`MedQA line ${index + 1} needs question, options and answer_idx`);
    }
    return {
      kind: 'multiple-choice',
      id: `medqa-${index + 1}`,
      categories: ['exam', 'medqa', ...(row.meta_info ? [str(row.meta_info)] : [])],
      provenance: {
        source: 'MedQA USMLE (Jin et al. 2020)',
        licence: 'MIT',
        origin: `${source} line ${index + 1}`,
      },
      metadata: { language: 'en' },
      question: row.question,
      options: Object.entries(options).map(([key, value]) => ({ key, text: str(value) })),
      answer: [row.answer_idx.trim().toUpperCase()],
      style: 'letters',
    };
  });
}

/** PubMedQA JSON: object keyed by PMID with QUESTION, CONTEXTS, final_decision (yes|no|maybe). */
export function loadPubmedqa(text: string, source = 'pubmedqa'): MultipleChoiceItem[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw bad(`PubMedQA file is not JSON: ${(error as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw bad('PubMedQA file must be an object keyed by PMID');
  return Object.entries(parsed as Record<string, Record<string, unknown>>).map(([pmid, row]) => {
    const decision = str(row.final_decision).toLowerCase();
    if (!['yes', 'no', 'maybe'].includes(decision) || typeof row.QUESTION !== 'string') {
      throw bad(`PubMedQA ${pmid}: needs QUESTION and final_decision yes|no|maybe`);
    }
    return {
      kind: 'multiple-choice',
      id: `pubmedqa-${pmid}`,
      categories: ['pubmedqa', `year-${str(row.YEAR)}`.replace(/-$/, '-unknown')],
      provenance: {
        source: 'PubMedQA PQA-L (Jin et al., EMNLP 2019)',
        licence: 'MIT',
        origin: `${source} PMID ${pmid}`,
      },
      metadata: { language: 'en' },
      question: row.QUESTION,
      context: Array.isArray(row.CONTEXTS) ? row.CONTEXTS.map(str) : [],
      options: ['yes', 'no', 'maybe'].map((key) => ({ key, text: key })),
      answer: [decision],
      style: 'words',
    };
  });
}

/**
 * Generic JSONL — one item per line, either any EvalItem with `kind`, or the short multiple-choice form:
 * `{"id":"q1","question":"…","options":{"A":"…","B":"…"},"answer":"B","categories":["cardiology"],
 *   "source":"own","metadata":{"sex":"female","age":67}}` (answer may be "AB" or ["A","B"]).
 */
export function loadGenericJsonl(text: string, source = 'jsonl'): EvalItem[] {
  return jsonLines(text, 'JSONL').map((row, index) => {
    if (typeof row.kind === 'string') {
      if (typeof row.id !== 'string') throw bad(`JSONL line ${index + 1}: id is required`);
      return {
        categories: [],
        provenance: { source, origin: `line ${index + 1}` },
        ...row,
      } as unknown as EvalItem;
    }
    const options = row.options;
    if (
      typeof row.question !== 'string' ||
      !options ||
      typeof options !== 'object' ||
      row.answer === undefined
    ) {
      throw bad(`JSONL line ${index + 1}: needs question, options and answer (or a kind)`);
    }
    const optionList: ChoiceOption[] = Array.isArray(options)
      ? options.map((text, i) => ({ key: String.fromCharCode(65 + i), text: str(text) }))
      : Object.entries(options as Record<string, unknown>).map(([key, text]) => ({ key, text: str(text) }));
    const words = optionList.every((o) => o.key.length > 1);
    const answer = Array.isArray(row.answer)
      ? row.answer.map((a) => str(a))
      : words
        ? [str(row.answer)]
        : str(row.answer)
            .toUpperCase()
            .split('')
            .filter((c) => /[A-Z]/.test(c));
    return {
      kind: 'multiple-choice',
      id: typeof row.id === 'string' ? row.id : `${source}-${index + 1}`,
      categories: Array.isArray(row.categories) ? row.categories.map(str) : [],
      provenance: {
        source: typeof row.source === 'string' ? row.source : source,
        origin: `line ${index + 1}`,
      },
      metadata: (row.metadata as MultipleChoiceItem['metadata']) ?? undefined,
      question: row.question,
      context: Array.isArray(row.context) ? row.context.map(str) : undefined,
      options: optionList,
      answer,
      style: words ? 'words' : 'letters',
    };
  });
}
