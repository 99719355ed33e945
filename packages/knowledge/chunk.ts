/**
 * Blocks → chunks: paragraphs are packed up to a target size within one section (never across headings or
 * pages); an over-long paragraph is split at sentence ends. Each chunk keeps its section path and page.
 */
import type { Block } from './parse.ts';

export interface Chunk {
  ordinal: number;
  section: string;
  /** Last heading of the section path, or the document title. */
  title: string;
  page?: number;
  text: string;
}

export interface ChunkOptions {
  /** Target characters per chunk (default 600). */
  maxChars?: number;
}

const SENTENCE = /[^。！？!?；;\n]+(?:[。！？!?；;]+|\n|$)|[。！？!?；;]+/g;

function splitLong(paragraph: string, max: number): string[] {
  if (paragraph.length <= max) return [paragraph];
  const out: string[] = [];
  let current = '';
  for (const m of paragraph.matchAll(SENTENCE)) {
    const s = m[0];
    if (current && current.length + s.length > max) {
      out.push(current.trim());
      current = '';
    }
    if (s.length > max) {
      for (let i = 0; i < s.length; i += max) out.push(s.slice(i, i + max).trim());
    } else current += s;
  }
  if (current.trim()) out.push(current.trim());
  return out.filter(Boolean);
}

export function chunkBlocks(blocks: Block[], documentTitle: string, options: ChunkOptions = {}): Chunk[] {
  const max = options.maxChars ?? 600;
  const chunks: Chunk[] = [];
  for (const block of blocks) {
    const section = block.headings.join(' > ');
    const title = block.headings[block.headings.length - 1] ?? documentTitle;
    const paragraphs = block.text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .flatMap((p) => splitLong(p, max));
    let current = '';
    const push = () => {
      if (current.trim()) {
        chunks.push({
          ordinal: chunks.length + 1,
          section,
          title,
          ...(block.page !== undefined ? { page: block.page } : {}),
          text: current.trim(),
        });
      }
      current = '';
    };
    for (const p of paragraphs) {
      if (current && current.length + p.length + 2 > max) push();
      current = current ? `${current}\n\n${p}` : p;
    }
    push();
  }
  return chunks;
}
