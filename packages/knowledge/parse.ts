/**
 * Document formats → structured blocks. Markdown, plain text and HTML become heading-delimited sections;
 * PDF (unpdf, per page, NFKC-normalised) keeps page numbers; DOCX goes through mammoth's HTML.
 */
import { QihuangError } from '@qihuang/contracts';

export type DocumentFormat = 'markdown' | 'text' | 'html' | 'pdf' | 'docx';

export interface Block {
  /** Heading path, outermost first. */
  headings: string[];
  page?: number;
  text: string;
}

export interface ParsedDocument {
  title: string;
  format: DocumentFormat;
  pages?: number;
  blocks: Block[];
}

/** How one format is read: its file extensions and its reader (content → blocks, with a title). */
export interface DocumentReader {
  extensions: readonly string[];
  read(content: Uint8Array | string, fallbackTitle: string): ParsedDocument | Promise<ParsedDocument>;
}

const asText = (content: Uint8Array | string) =>
  typeof content === 'string' ? content : new TextDecoder('utf-8').decode(content);

/**
 * The ingestion formats, a table like the gateway's provider registry: `formatOf` and `parseDocument` read
 * it, so a new format is a member of DocumentFormat plus one row here (tsc asks for the row).
 */
export const DOCUMENT_FORMATS: Readonly<Record<DocumentFormat, DocumentReader>> = {
  markdown: {
    extensions: ['md', 'markdown'],
    read: (content, title) => finish(parseMarkdown(asText(content)), title, 'markdown'),
  },
  text: {
    extensions: ['txt', 'text'],
    read: (content, title) => ({ ...finish(parsePlainText(asText(content)), title, 'text'), title }),
  },
  html: {
    extensions: ['html', 'htm'],
    read: (content, title) =>
      finish(parseMarkdown(htmlToMarkdown(asText(content))), htmlTitle(asText(content)) ?? title, 'html'),
  },
  pdf: { extensions: ['pdf'], read: (content, title) => parsePdf(bytes(content), title) },
  docx: {
    extensions: ['docx'],
    read: async (content, title) =>
      finish(parseMarkdown(htmlToMarkdown(await docxToHtml(bytes(content)))), title, 'docx'),
  },
};

const EXTENSIONS = new Map(
  Object.entries(DOCUMENT_FORMATS).flatMap(([format, reader]) =>
    reader.extensions.map((ext) => [ext, format as DocumentFormat] as const),
  ),
);

export function formatOf(filename: string): DocumentFormat {
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  const format = EXTENSIONS.get(ext);
  if (!format) {
    const known = Object.values(DOCUMENT_FORMATS).map((r) => `.${r.extensions[0]}`);
    throw new QihuangError(
      'invalid-input',
      `Unsupported document type ".${ext}" (${filename}): use ${known.slice(0, -1).join(', ')} or ${known.at(-1)}`,
    );
  }
  return format;
}

export async function parseDocument(filename: string, content: Uint8Array | string): Promise<ParsedDocument> {
  const format = formatOf(filename);
  const base = filename.split(/[\\/]/).pop() ?? filename;
  return DOCUMENT_FORMATS[format].read(content, base.replace(/\.[^.]+$/, ''));
}

function bytes(content: Uint8Array | string): Uint8Array {
  return typeof content === 'string' ? new TextEncoder().encode(content) : content;
}

function finish(blocks: Block[], fallbackTitle: string, format: DocumentFormat): ParsedDocument {
  const first = blocks.find((b) => b.headings.length > 0)?.headings[0];
  return { title: first ?? fallbackTitle, format, blocks: blocks.filter((b) => b.text.trim()) };
}

/** Markdown: ATX headings (# …) and setext headings open sections; text between them is one block. */
export function parseMarkdown(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  const stack: { level: number; title: string }[] = [];
  let buffer: string[] = [];
  let fence = false;
  const flush = () => {
    const text = buffer.join('\n').trim();
    if (text) blocks.push({ headings: stack.map((s) => s.title), text });
    buffer = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const atx = fence ? null : /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    const next = lines[i + 1];
    const setext =
      !fence && line.trim() && next !== undefined && /^(=+|-+)\s*$/.test(next) && !/^\s*[-*]/.test(line);
    if (atx || setext) {
      flush();
      const level = atx ? (atx[1] as string).length : (next as string).startsWith('=') ? 1 : 2;
      const title = cleanInline(atx ? (atx[2] as string) : line.trim());
      while (stack.length && (stack[stack.length - 1] as { level: number }).level >= level) stack.pop();
      stack.push({ level, title });
      if (setext) i++;
      continue;
    }
    buffer.push(line);
  }
  flush();
  return blocks;
}

/** Plain text: lines that look like numbered headings (1. / 1.2 / 第一章 / 一、) open sections. */
export function parsePlainText(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const md = lines.map((line) => {
    const t = line.trim();
    const numbered = /^(\d+(?:\.\d+)*)[.、\s]\s*\S.{0,38}$/.exec(t);
    if (numbered && !/[。.;；,，:：]$/.test(t)) {
      const depth = (numbered[1] as string).split('.').length;
      return `${'#'.repeat(Math.min(depth, 6))} ${t}`;
    }
    if (
      /^(第[一二三四五六七八九十百\d]+[章节部分]|[一二三四五六七八九十]+、)\s*\S.{0,38}$/.test(t) &&
      !/[。;；]$/.test(t)
    ) {
      return `# ${t}`;
    }
    return line;
  });
  return parseMarkdown(md.join('\n'));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function htmlTitle(html: string): string | undefined {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  const t = m ? decodeEntities(m[1] as string).trim() : '';
  return t || undefined;
}

/** HTML → Markdown-ish text: headings become #, block elements become line breaks, other tags are dropped. */
export function htmlToMarkdown(html: string): string {
  let s = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head|nav|footer|noscript|template)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/gi, (_m, level: string, inner: string) => {
      const title = inner
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim();
      return title ? `\n\n${'#'.repeat(Number(level))} ${title}\n\n` : '';
    })
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<(br|hr)\b[^>]*>/gi, '\n')
    .replace(/<\/(p|div|section|article|ul|ol|table|blockquote|pre)>/gi, '\n\n')
    .replace(/<\/(tr|li|dt|dd)>/gi, '\n')
    .replace(/<\/t[dh]>/gi, ' | ')
    .replace(/<[^>]+>/g, '');
  s = decodeEntities(s);
  return s
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

function cleanInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .trim();
}

async function docxToHtml(data: Uint8Array): Promise<string> {
  const mammoth = await import('mammoth');
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(data) });
    return result.value;
  } catch (error) {
    throw new QihuangError('invalid-input', `Not a readable DOCX file: ${(error as Error).message}`);
  }
}

async function parsePdf(data: Uint8Array, fallbackTitle: string): Promise<ParsedDocument> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  let pages: string[];
  let title: string | undefined;
  try {
    const pdf = await getDocumentProxy(new Uint8Array(data));
    const meta = await pdf.getMetadata().catch(() => undefined);
    const info = meta?.info as { Title?: string } | undefined;
    title = info?.Title?.trim() || undefined;
    const result = await extractText(pdf, { mergePages: false });
    pages = result.text as string[];
  } catch (error) {
    throw new QihuangError('invalid-input', `Not a readable PDF file: ${(error as Error).message}`);
  }
  const blocks: Block[] = [];
  let headings: string[] = [];
  pages.forEach((raw, index) => {
    const text = raw.normalize('NFKC');
    // Headings inside a page (numbered lines) start sections; the section path carries across pages.
    for (const block of parsePlainText(text)) {
      if (block.headings.length) headings = block.headings;
      blocks.push({
        headings: block.headings.length ? block.headings : headings,
        page: index + 1,
        text: block.text,
      });
    }
  });
  return {
    title: title ?? blocks.find((b) => b.headings.length)?.headings[0] ?? fallbackTitle,
    format: 'pdf',
    pages: pages.length,
    blocks: blocks.filter((b) => b.text.trim()),
  };
}
