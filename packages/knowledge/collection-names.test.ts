/**
 * Collection names (independent review after issue 15, item 5): no lookalike of a built-in grounding collection
 * (zero-width or full-width variants, case), no format or control characters; names are stored NFKC-normalised.
 * The built-in descriptions say what they are, never an internal file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL, type Principal } from '@qihuang/contracts';
import { DATABASE_KINDS, openTestDatabase } from '@qihuang/test-kit';
import type { Database } from '@qihuang/store';
import { createKnowledgeBase, type KnowledgeBase } from './knowledge-base.ts';
import { loadKnowledgePacks } from './packs/index.ts';

const writer: Principal = {
  id: 'key-w',
  kind: 'key',
  username: 'writer',
  role: 'service',
  scopes: ['system/Knowledge.write'],
};
const admin: Principal = { id: 'u-admin', kind: 'user', username: 'root', role: 'admin', scopes: [] };

describe.each(DATABASE_KINDS)('knowledge collection names on %s', (kind) => {
  let database: Database;
  let kb: KnowledgeBase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    kb = createKnowledgeBase({ db: database.db });
    await loadKnowledgePacks(database.db, { knowledge: kb });
  }, 120_000);
  afterAll(async () => database?.close());

  it('refuses lookalikes of the built-in collections and invisible characters, for a key and for an admin', async () => {
    for (const name of [
      'drug-monographs\u200b',
      '\u200bguidelines',
      'ｇｕｉｄｅｌｉｎｅｓ',
      'Guidelines',
      'DRUG-MONOGRAPHS',
      'guide\u00adlines',
      'drug\u2060-monographs',
      'notes\u202e',
      'line\u2028break',
    ])
      for (const principal of [writer, admin])
        await expect(kb.createCollection({ name }, principal)).rejects.toMatchObject({
          code: expect.stringMatching(/^(invalid-input|conflict|forbidden)$/),
        });
    const names = (await kb.listCollections(SYSTEM_PRINCIPAL)).map((c) => c.name).sort();
    expect(names).toEqual(['drug-monographs', 'guidelines']);
  });

  it('stores names NFKC-normalised, so full-width and composed forms are one name', async () => {
    const created = await kb.createCollection({ name: 'Ｗard notes' }, writer);
    expect(created.name).toBe('Ward notes');
    await expect(kb.createCollection({ name: 'Ward notes' }, writer)).rejects.toMatchObject({
      code: 'conflict',
    });
    expect((await kb.createCollection({ name: '病房 笔记' }, writer)).name).toBe('病房 笔记');
  });

  it('describes the built-ins by what they are, never by an internal file', async () => {
    const builtIns = (await kb.listCollections(SYSTEM_PRINCIPAL)).filter((c) =>
      ['guidelines', 'drug-monographs'].includes(c.name),
    );
    expect(builtIns).toHaveLength(2);
    for (const c of builtIns) {
      expect(c.description).not.toMatch(/REFERENCE|\.md\b|shared\//);
      expect(c.description.length).toBeGreaterThan(10);
    }
    const guidelines = (await kb.listCollections(SYSTEM_PRINCIPAL)).find((c) => c.name === 'guidelines');
    expect(guidelines?.description).toMatch(/ACC\/AHA 2017.*ESH 2023.*Chinese/);
  });
});
