/**
 * HTTP edge of the knowledge base (mounted at /kb): collections (create, list, delete), document upload (JSON with
 * base64 or text), deletion and search (passages carry highlight offsets of the query terms). The caller is `c.get('principal')` (set by the server's authentication middleware).
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { QihuangError, type Principal } from '@qihuang/contracts';
import { errorHandler, parseInput, readJson } from '@qihuang/http-edge';
import { createKnowledgeBase, type KnowledgeBase, type KnowledgeBaseDeps } from './knowledge-base.ts';
import type { CollectionList, DocumentList } from './api-types/index.ts';

export interface KnowledgeRouteDeps extends Partial<KnowledgeBaseDeps> {
  /** An existing knowledge base (shares caches); otherwise one is made from `db`. */
  knowledge?: KnowledgeBase;
  /** Largest accepted document in bytes after base64 decoding (default 20 MB). */
  maxDocumentBytes?: number;
}

type Env = { Variables: { principal: Principal } };

const ROLE = z.enum(['admin', 'clinician', 'nurse', 'pharmacist', 'auditor', 'patient', 'service']);
const CollectionBody = z.object({
  name: z.string().min(1).max(100),
  description: z.string().max(2000).optional(),
  allowedRoles: z.array(ROLE).optional(),
  allowedKeys: z.array(z.string().min(1).max(200)).max(1000).optional(),
});
const DocumentBody = z
  .object({
    filename: z.string().min(1).max(300),
    contentBase64: z.string().optional(),
    text: z.string().optional(),
    source: z.string().max(500).optional(),
  })
  .refine((b) => (b.contentBase64 === undefined) !== (b.text === undefined), {
    message: 'give exactly one of contentBase64 or text',
  });
const SearchBody = z.object({
  query: z.string().min(1).max(4000),
  collections: z.array(z.string().min(1)).max(50).optional(),
  collection: z.string().min(1).optional(),
  limit: z.number().int().min(1).max(100).optional(),
});

function principalOf(c: Context<Env>): Principal {
  const principal = c.get('principal');
  if (!principal) throw new QihuangError('unauthenticated', 'Authentication required');
  return principal;
}

export function createKnowledgeRoutes(deps: KnowledgeRouteDeps): Hono<Env> {
  const knowledge =
    deps.knowledge ??
    (deps.db
      ? createKnowledgeBase({ ...deps, db: deps.db })
      : (() => {
          throw new Error('createKnowledgeRoutes: db or knowledge is required');
        })());
  const maxBytes = deps.maxDocumentBytes ?? 20 * 1024 * 1024;
  const app = new Hono<Env>();

  app.get('/collections', async (c) =>
    c.json({ collections: await knowledge.listCollections(principalOf(c)) } satisfies CollectionList),
  );

  app.post('/collections', async (c) => {
    const input = parseInput(CollectionBody, await readJson(c));
    return c.json(await knowledge.createCollection(input, principalOf(c)), 201);
  });

  app.delete('/collections/:id', async (c) => {
    await knowledge.deleteCollection(c.req.param('id'), principalOf(c));
    return c.body(null, 204);
  });

  app.get('/collections/:id/documents', async (c) =>
    c.json({
      documents: await knowledge.listDocuments(c.req.param('id'), principalOf(c)),
    } satisfies DocumentList),
  );

  app.post('/collections/:id/documents', async (c) => {
    const input = parseInput(DocumentBody, await readJson(c));
    let content: Uint8Array | string;
    if (input.text !== undefined) content = input.text;
    else {
      const b64 = (input.contentBase64 as string).replace(/\s+/g, '');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64))
        throw new QihuangError('invalid-input', 'contentBase64 is not base64');
      content = new Uint8Array(Buffer.from(b64, 'base64'));
    }
    const size = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
    if (size > maxBytes) throw new QihuangError('too-large', `Document larger than ${maxBytes} bytes`);
    const result = await knowledge.ingest(
      { collection: c.req.param('id'), filename: input.filename, content, source: input.source },
      principalOf(c),
    );
    return c.json(result, result.status === 'created' ? 201 : 200);
  });

  app.delete('/collections/:id/documents/:docId', async (c) => {
    await knowledge.deleteDocument(c.req.param('id'), c.req.param('docId'), principalOf(c));
    return c.body(null, 204);
  });

  app.post('/search', async (c) => {
    const input = parseInput(SearchBody, await readJson(c));
    const collections = [...(input.collections ?? []), ...(input.collection ? [input.collection] : [])];
    const result = await knowledge.search({
      query: input.query,
      collections: collections.length ? collections : undefined,
      limit: input.limit,
      principal: principalOf(c),
      highlight: true,
    });
    return c.json(result);
  });

  app.onError(errorHandler(undefined, { label: 'knowledge route' }));
  return app;
}
