import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chunkBlocks } from './chunk.ts';
import { parseDocument } from './parse.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

async function chunksOf(name: string) {
  const doc = await parseDocument(name, fixture(name));
  return { doc, chunks: chunkBlocks(doc.blocks, doc.title) };
}

describe('document formats → chunks with citation data', () => {
  it('Markdown: heading path per chunk, sections never merged', async () => {
    const { doc, chunks } = await chunksOf('hypertension-note.md');
    expect(doc.title).toBe('高血压用药要点');
    expect(chunks.map((c) => c.section)).toEqual([
      '高血压用药要点 > 钙通道阻滞剂',
      '高血压用药要点 > 醛固酮受体拮抗剂',
      '高血压用药要点 > 醛固酮受体拮抗剂 > 监测',
    ]);
    expect(chunks[0]?.text).toContain('最大剂量 10 mg/日');
    expect(chunks[2]?.title).toBe('监测');
  });

  it('plain text: numbered headings open sections; title is the file name', async () => {
    const { doc, chunks } = await chunksOf('clinic-policy.txt');
    expect(doc.title).toBe('clinic-policy');
    expect(chunks.map((c) => c.section)).toEqual(['1. Scope', '2. Measurement', '3. Thresholds']);
  });

  it('HTML: scripts, styles and navigation dropped, headings kept, entities decoded', async () => {
    const { doc, chunks } = await chunksOf('diabetic-kidney.html');
    expect(doc.title).toBe('糖尿病肾病随访');
    const all = chunks.map((c) => c.text).join('\n');
    expect(all).not.toContain('not text');
    expect(all).not.toContain('首页');
    expect(all).toContain('<130/80 mmHg');
    expect(chunks[1]?.section).toBe('糖尿病肾病随访 > 降压目标');
  });

  it('PDF: text per page with page numbers (unpdf)', async () => {
    const { doc, chunks } = await chunksOf('dosing-sheet.pdf');
    expect(doc.pages).toBe(2);
    expect(doc.title).toBe('Antihypertensive dosing sheet');
    expect(chunks.map((c) => [c.page, c.section])).toEqual([
      [1, '1. Amlodipine dosing'],
      [2, '2. Spironolactone'],
    ]);
    expect(chunks[0]?.text).toContain('maximum 10 mg per day');
  });

  it('DOCX: headings from Word styles (mammoth)', async () => {
    const { doc, chunks } = await chunksOf('prescribing-policy.docx');
    expect(doc.title).toBe('院内降压药处方规范');
    expect(chunks.map((c) => c.section)).toEqual([
      '院内降压药处方规范',
      '院内降压药处方规范 > 联合用药',
      '院内降压药处方规范 > 特殊人群',
    ]);
    expect(chunks[2]?.text).toContain('妊娠期禁用');
  });

  it('splits long sections at sentence ends within the size limit', () => {
    const text = Array.from({ length: 40 }, (_, i) => `第${i + 1}句话说明降压药的用法。`).join('');
    const chunks = chunkBlocks([{ headings: ['长节'], text }], 'doc', { maxChars: 100 });
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(100);
      expect(c.text.endsWith('。')).toBe(true);
      expect(c.section).toBe('长节');
    }
  });

  it('rejects unsupported types with invalid-input', async () => {
    await expect(parseDocument('x.exe', 'MZ')).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(parseDocument('bad.pdf', 'not a pdf')).rejects.toMatchObject({ code: 'invalid-input' });
  });
});
