/** Reads the guard's labelled answer sets (tuning*.txt, heldout*.txt) and their passages (passages.txt). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isGuideline, type Guideline } from '@qihuang/engines/blood-pressure';
import type { ClaimKind, GuardPassage, PatientContext } from '../types.ts';

export interface CorpusItem {
  id: string;
  lang: 'zh' | 'en';
  /** undefined: a correct answer (must pass); else the kind of its one planted error. */
  error?: ClaimKind;
  /** REFERENCE sections the facts come from. */
  sources: string[];
  answer: string;
  patient?: PatientContext;
  guideline?: Guideline;
  /**
   * For a planted error: is the fact it gets wrong one REFERENCE states as verified, one it marks UNVERIFIED, or one
   * it does not state at all (issue 18 item 3, decision 0008: the last two should be answered unverifiable).
   */
  fact?: CorpusFact;
}

export type CorpusFact = 'verified' | 'unverified' | 'absent';

export function parseCorpus(text: string): CorpusItem[] {
  const out: CorpusItem[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const head = /^\[(\w+)\]\s+(zh|en)\s+(\S+)\s+(\S+)(.*)$/.exec(lines[i] as string);
    if (!head) continue;
    const answer = (lines[i + 1] ?? '').trim();
    const rest = head[5] ?? '';
    const g = /guideline=(\S+)/.exec(rest)?.[1];
    const p = /patient=(\{.*\})/.exec(rest)?.[1];
    const f = /(?:^|\s)fact=(verified|unverified|absent)(?=\s|$)/.exec(rest)?.[1] as CorpusFact | undefined;
    out.push({
      id: head[1] as string,
      lang: head[2] as 'zh' | 'en',
      ...(head[3] === 'ok' ? {} : { error: head[3] as ClaimKind }),
      sources: (head[4] as string).split(','),
      answer,
      ...(p ? { patient: JSON.parse(p) as PatientContext } : {}),
      ...(g && isGuideline(g) ? { guideline: g } : {}),
      ...(f ? { fact: f } : {}),
    });
    i++;
  }
  return out;
}

export function parsePassages(text: string): GuardPassage[] {
  return text
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [id, title, ...body] = l.split(' | ');
      return { id: (id as string).trim(), title: (title ?? '').trim(), text: body.join(' | ').trim() };
    });
}

const dir = import.meta.dirname;
/** A set's file name without `.txt`; the sets and their roles are listed in `parts.ts`. */
export type CorpusName = string;
export const corpusPath = (name: CorpusName): string => join(dir, `${name}.txt`);
export const loadCorpus = (name: CorpusName): CorpusItem[] =>
  parseCorpus(readFileSync(corpusPath(name), 'utf8'));
export const loadPassages = (): GuardPassage[] =>
  parsePassages(readFileSync(join(dir, 'passages.txt'), 'utf8'));
