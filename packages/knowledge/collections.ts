/** Collections: creation (name, access lists), lookup, listing with counts, documents, deletion. */
import { sql } from 'kysely';
import { QihuangError, type Principal, type Role } from '@qihuang/contracts';
import { BUILT_IN_COLLECTIONS, canSearch, requireManage } from './access.ts';
import {
  adjustDf,
  collectionIdFor,
  ROLES,
  termCounts,
  toCollection,
  type CollectionRow,
  type KbContext,
} from './storage.ts';
import type { Collection, DocumentInfo } from './types.ts';

export interface CreateCollectionInput {
  name: string;
  description?: string;
  allowedRoles?: Role[];
  allowedKeys?: string[];
}

/** Roles that may search a new collection unless told otherwise (admin always may). */
export const DEFAULT_ALLOWED_ROLES: Role[] = ['clinician', 'nurse', 'pharmacist', 'service'];

export async function createCollection(
  ctx: KbContext,
  input: CreateCollectionInput,
  principal: Principal,
): Promise<Collection> {
  requireManage(principal);
  const name = collectionName(input.name);
  requireManage(principal, name);
  const roles = input.allowedRoles ?? DEFAULT_ALLOWED_ROLES;
  const bad = roles.filter((r) => !ROLES.includes(r));
  if (bad.length) throw new QihuangError('invalid-input', `Unknown role(s): ${bad.join(', ')}`);
  const id = collectionIdFor(name);
  const existing = await findCollection(ctx, name);
  if (existing) throw new QihuangError('conflict', `Collection "${name}" already exists`);
  await ctx.db
    .insertInto('kb_collection')
    .values({
      id,
      name,
      description: input.description ?? '',
      allowed_roles: sql`${roles}::text[]`,
      allowed_keys: sql`${input.allowedKeys ?? []}::text[]`,
    })
    .execute();
  return (await findCollection(ctx, id)) as Collection;
}

/** Control (Cc), format (Cf: zero-width, soft hyphen, bidi controls, BOM), line/paragraph separators, unassigned. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cn}\p{Co}\p{Cs}]/u;

/**
 * A collection name as stored: NFKC-normalised (full-width letters, compatibility forms) and trimmed; refused
 * when it holds invisible characters, is empty or longer than 100, or is a lookalike of a built-in grounding
 * collection (equal to one after case folding without being it), which would sit beside it in every list.
 */
export function collectionName(raw: unknown): string {
  const name = typeof raw === 'string' ? raw.normalize('NFKC').trim() : '';
  if (!name || name.length > 100 || INVISIBLE.test(name))
    throw new QihuangError(
      'invalid-input',
      'Collection name must be 1–100 visible characters (no control, zero-width or formatting characters)',
    );
  const folded = name.toLowerCase();
  for (const builtIn of BUILT_IN_COLLECTIONS)
    if (folded === builtIn.toLowerCase() && name !== builtIn)
      throw new QihuangError(
        'invalid-input',
        `Collection name "${name}" is too close to the built-in "${builtIn}"`,
      );
  return name;
}

export async function findCollection(ctx: KbContext, idOrName: string): Promise<Collection | undefined> {
  const row = (await ctx.db
    .selectFrom('kb_collection')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)]))
    .executeTakeFirst()) as CollectionRow | undefined;
  return row ? toCollection(row) : undefined;
}

export async function requireCollection(ctx: KbContext, idOrName: string): Promise<Collection> {
  const found = await findCollection(ctx, idOrName);
  if (!found) throw new QihuangError('not-found', `No knowledge collection "${idOrName}"`);
  return found;
}

/** Collections the caller may search, with document and chunk counts. */
export async function listCollections(ctx: KbContext, principal: Principal): Promise<Collection[]> {
  const rows = (
    await sql<CollectionRow & { documents: number; chunks: number }>`
    select k.*, (select count(*)::int from kb_document d where d.collection_id = k.id) as documents,
           (select coalesce(sum(d.chunk_count), 0)::int from kb_document d where d.collection_id = k.id) as chunks
    from kb_collection k order by k.name`.execute(ctx.db)
  ).rows;
  return rows
    .map((r) => ({ ...toCollection(r), documents: r.documents, chunks: r.chunks }))
    .filter((c) => canSearch(c, principal));
}

export async function listDocuments(
  ctx: KbContext,
  collection: string,
  principal: Principal,
): Promise<DocumentInfo[]> {
  const col = await requireCollection(ctx, collection);
  if (!canSearch(col, principal))
    throw new QihuangError('forbidden', `No access to collection "${col.name}"`);
  const rows = await ctx.db
    .selectFrom('kb_document')
    .selectAll()
    .where('collection_id', '=', col.id)
    .orderBy('filename')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    collectionId: r.collection_id,
    filename: r.filename,
    title: r.title,
    format: r.format,
    contentHash: r.content_hash,
    pages: r.pages,
    chunks: r.chunk_count,
    source: r.source,
    ingestedAt: new Date(r.ingested_at).toISOString(),
  }));
}

/** Deletes a collection with its documents and chunks (term statistics adjusted). */
export async function deleteCollection(
  ctx: KbContext,
  collection: string,
  principal: Principal,
): Promise<void> {
  requireManage(principal);
  const col = await requireCollection(ctx, collection);
  requireManage(principal, col.name);
  await ctx.db.transaction().execute(async (trx) => {
    const old = await trx.selectFrom('kb_chunk').select('toks').where('collection_id', '=', col.id).execute();
    await adjustDf(trx, termCounts(old.map((o) => (o.toks as string).split(' ').filter(Boolean))), -1);
    await trx.deleteFrom('kb_collection').where('id', '=', col.id).execute();
  });
  ctx.corpusChanged();
}

/** Collection ids the caller may search among those asked for (all visible when none asked). */
export async function searchableCollections(
  ctx: KbContext,
  requested: string[] | undefined,
  principal: Principal,
): Promise<Map<string, Collection>> {
  const visible = new Map<string, Collection>();
  if (requested?.length) {
    for (const name of requested) {
      const col = await requireCollection(ctx, name);
      if (!canSearch(col, principal))
        throw new QihuangError('forbidden', `No access to collection "${col.name}"`);
      visible.set(col.id, col);
    }
  } else {
    const rows = (await ctx.db.selectFrom('kb_collection').selectAll().execute()) as CollectionRow[];
    for (const col of rows.map(toCollection)) if (canSearch(col, principal)) visible.set(col.id, col);
  }
  return visible;
}
