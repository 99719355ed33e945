/**
 * Turns a marked-up corpus file (`[[TYPE:text]]` around every identifier, `### id | lang | kind` before each
 * note, `%` comment lines) into notes with exact spans. `node bin/run-ts.mjs packages/deid/corpus/build-corpus.ts`
 * rewrites the JSON files; a test checks they are in sync with the marked-up text.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_TYPES, type CorpusFile, type CorpusNote, type CorpusType } from './corpus-types.ts';
import { CORPUS_PARTS } from './parts.ts';

const MARK = /\[\[([A-Z_]+):([^\]]+)\]\]/g;

export function parseMarked(marked: string): { header: string[]; notes: CorpusNote[] } {
  const header: string[] = [];
  const notes: CorpusNote[] = [];
  let current: { id: string; lang: 'zh' | 'en'; kind: string; lines: string[] } | undefined;
  const finish = () => {
    if (!current) return;
    const raw = current.lines.join('\n').replace(/^\n+|\n+$/g, '');
    const spans: CorpusNote['spans'] = [];
    let text = '';
    let last = 0;
    for (const m of raw.matchAll(MARK)) {
      const type = m[1] as CorpusType;
      if (!CORPUS_TYPES.includes(type)) throw new Error(`${current.id}: unknown type ${m[1]}`);
      text += raw.slice(last, m.index);
      spans.push({ type, start: text.length, end: text.length + m[2]!.length, text: m[2]! });
      text += m[2]!;
      last = m.index! + m[0].length;
    }
    text += raw.slice(last);
    if (text.includes('[[') || text.includes(']]')) throw new Error(`${current.id}: broken markup`);
    notes.push({ id: current.id, lang: current.lang, kind: current.kind, text, spans });
  };
  for (const line of marked.split('\n')) {
    if (line.startsWith('%')) {
      header.push(line.replace(/^%\s?/, ''));
      continue;
    }
    const head = /^### (\S+) \| (zh|en) \| (.+)$/.exec(line);
    if (head) {
      finish();
      current = { id: head[1]!, lang: head[2] as 'zh' | 'en', kind: head[3]!, lines: [] };
    } else current?.lines.push(line);
  }
  finish();
  return { header, notes };
}

export function buildCorpusFile(marked: string, part: CorpusFile['part']): CorpusFile {
  const { header, notes } = parseMarked(marked);
  return { part, header, notes };
}

export const CORPUS_DIR = import.meta.dirname;
/** The marked-up source of a part (an optional part not yet written has none). */
export const markedPath = (part: string) => join(CORPUS_DIR, `${part}.marked.txt`);

// `build-corpus.ts [part …]` rebuilds the named parts (default: every part of parts.ts whose source exists).
if (process.argv[1] === import.meta.filename) {
  const wanted = process.argv.slice(2);
  for (const { part } of CORPUS_PARTS) {
    if (wanted.length > 0 && !wanted.includes(part)) continue;
    if (!existsSync(markedPath(part))) {
      console.log(`${part}: absent (optional part not yet written)`);
      continue;
    }
    const file = buildCorpusFile(readFileSync(markedPath(part), 'utf8'), part);
    // Written as the repository's style check formats JSON (`npm test` runs prettier --check): a rebuild must not
    // leave every part unformatted (the seventh session's rotation did). prettier is a development tool, loaded
    // only by this script.
    const { format } = await import('prettier');
    const text = await format(JSON.stringify(file, null, 2), { parser: 'json', filepath: `${part}.json` });
    writeFileSync(join(CORPUS_DIR, `${part}.json`), text);
    console.log(
      `${part}: ${file.notes.length} notes, ${file.notes.reduce((n, x) => n + x.spans.length, 0)} identifiers`,
    );
  }
}
