/**
 * Ingestion: idempotent by content hash (an unchanged file is skipped), parse → chunk → tokenize, optional
 * embeddings, and replacement or deletion of a document with its term statistics adjusted.
 */
import { sql } from 'kysely';
import { QihuangError, type Principal } from '@qihuang/contracts';
import { requireManage } from './access.ts';
import { chunkBlocks } from './chunk.ts';
import { requireCollection } from './collections.ts';
import { parseDocument } from './parse.ts';
import { tokenize } from './segment.ts';
import { adjustDf, documentIdFor, sha, termCounts, vectorLiteral, type KbContext } from './storage.ts';
import type { IngestResult } from './types.ts';

export interface IngestInput {
  collection: string;
  filename: string;
  content: Uint8Array | string;
  /** Provenance shown with the document (e.g. "REFERENCE.md §5.1a"). */
  source?: string;
}

export interface ProgressEvent {
  filename: string;
  status: IngestResult['status'];
  chunks: number;
}

export async function ingest(
  ctx: KbContext,
  input: IngestInput,
  principal: Principal,
): Promise<IngestResult> {
  requireManage(principal);
  const col = await requireCollection(ctx, input.collection);
  requireManage(principal, col.name);
  const filename = input.filename?.trim();
  if (!filename || filename.length > 300)
    throw new QihuangError('invalid-input', 'filename is required (≤300 characters)');
  const hash = sha(input.content);
  const documentId = documentIdFor(col.id, filename);
  const existing = await ctx.db
    .selectFrom('kb_document')
    .select(['content_hash', 'title', 'chunk_count', 'pages'])
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (existing && existing.content_hash === hash) {
    return {
      documentId,
      collection: col.name,
      filename,
      title: existing.title,
      status: 'unchanged',
      chunks: existing.chunk_count,
      ...(existing.pages ? { pages: existing.pages } : {}),
      embedded: false,
    };
  }
  const parsed = await parseDocument(filename, input.content);
  const chunks = chunkBlocks(parsed.blocks, parsed.title, ctx.deps.chunking);
  if (chunks.length === 0) throw new QihuangError('invalid-input', `No text found in ${filename}`);
  const rows = chunks.map((c) => {
    // The title and section path are searchable too (a heading names what the chunk is about).
    const toks = tokenize(`${c.section}\n${c.text}`);
    return { chunk: c, toks };
  });
  let vectors: number[][] | undefined;
  const embed = ctx.embedder();
  if (embed && (await ctx.hasVectorColumn())) {
    try {
      vectors = [];
      for (let i = 0; i < chunks.length; i += 64) {
        vectors.push(...(await embed(chunks.slice(i, i + 64).map((c) => `${c.title}\n${c.text}`))));
      }
    } catch (error) {
      vectors = undefined;
      ctx.deps.warn?.(`knowledge: embedding failed, stored without vectors (${(error as Error).message})`);
    }
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (existing) {
      const old = await trx
        .selectFrom('kb_chunk')
        .select('toks')
        .where('document_id', '=', documentId)
        .execute();
      await adjustDf(trx, termCounts(old.map((o) => (o.toks as string).split(' ').filter(Boolean))), -1);
      await trx.deleteFrom('kb_document').where('id', '=', documentId).execute();
    }
    await trx
      .insertInto('kb_document')
      .values({
        id: documentId,
        collection_id: col.id,
        filename,
        title: parsed.title,
        format: parsed.format,
        content_hash: hash,
        pages: parsed.pages ?? null,
        chunk_count: chunks.length,
        source: input.source ?? null,
      })
      .execute();
    for (let i = 0; i < rows.length; i += 200) {
      await trx
        .insertInto('kb_chunk')
        .values(
          rows.slice(i, i + 200).map(({ chunk, toks }, j) => ({
            id: `${documentId}.${chunk.ordinal}`,
            document_id: documentId,
            collection_id: col.id,
            ordinal: chunk.ordinal,
            section: chunk.section,
            title: chunk.title,
            page: chunk.page ?? null,
            text: chunk.text,
            toks: toks.join(' '),
            ntoks: toks.length,
            ...(vectors?.[i + j]
              ? { embedding: sql`${vectorLiteral(vectors[i + j] as number[])}::vector` }
              : {}),
          })),
        )
        .execute();
    }
    await adjustDf(trx, termCounts(rows.map((r) => r.toks)), 1);
  });
  ctx.corpusChanged();
  return {
    documentId,
    collection: col.name,
    filename,
    title: parsed.title,
    status: existing ? 'replaced' : 'created',
    chunks: chunks.length,
    ...(parsed.pages ? { pages: parsed.pages } : {}),
    embedded: !!vectors,
  };
}

export async function deleteDocument(
  ctx: KbContext,
  collection: string,
  documentId: string,
  principal: Principal,
): Promise<void> {
  requireManage(principal);
  const col = await requireCollection(ctx, collection);
  requireManage(principal, col.name);
  const doc = await ctx.db
    .selectFrom('kb_document')
    .select('id')
    .where('id', '=', documentId)
    .where('collection_id', '=', col.id)
    .executeTakeFirst();
  if (!doc) throw new QihuangError('not-found', `No document ${documentId} in collection "${col.name}"`);
  await ctx.db.transaction().execute(async (trx) => {
    const old = await trx
      .selectFrom('kb_chunk')
      .select('toks')
      .where('document_id', '=', documentId)
      .execute();
    await adjustDf(trx, termCounts(old.map((o) => (o.toks as string).split(' ').filter(Boolean))), -1);
    await trx.deleteFrom('kb_document').where('id', '=', documentId).execute();
  });
  ctx.corpusChanged();
}
