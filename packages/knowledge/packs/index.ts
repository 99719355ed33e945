/**
 * Shipped knowledge packs: the hypertension guideline summary (written from REFERENCE.md, each section cites
 * its guideline) and drug monographs generated from @qihuang/drug-knowledge. Idempotent: unchanged packs are
 * skipped by content hash. The medical-kg-zh knowledge graph is NOT shipped (no licence): see import-kg.ts.
 */
import { readFileSync } from 'node:fs';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { DRUG_COLLECTION, GUIDELINE_COLLECTION } from '../access.ts';
import { createKnowledgeBase, type AnyDb, type KnowledgeBase } from '../knowledge-base.ts';
import type { IngestResult } from '../types.ts';
import { drugMonographsMarkdown } from './drug-monographs.ts';

export { DRUG_COLLECTION, GUIDELINE_COLLECTION };

export interface LoadPacksOptions {
  knowledge?: KnowledgeBase;
}

export async function loadKnowledgePacks(db: AnyDb, options: LoadPacksOptions = {}): Promise<IngestResult[]> {
  const kb = options.knowledge ?? createKnowledgeBase({ db });
  const p = SYSTEM_PRINCIPAL;
  await kb.ensureCollection(
    {
      name: GUIDELINE_COLLECTION,
      description: '高血压指南要点 (written from REFERENCE.md, cites each guideline)',
    },
    p,
  );
  await kb.ensureCollection(
    { name: DRUG_COLLECTION, description: '药品说明摘要 generated from the drug knowledge base' },
    p,
  );
  const guideline = readFileSync(new URL('./hypertension-guideline-summary.md', import.meta.url), 'utf8');
  return [
    await kb.ingest(
      {
        collection: GUIDELINE_COLLECTION,
        filename: 'hypertension-guideline-summary.md',
        content: guideline,
        source:
          'Qihuang summary of ACC/AHA 2017, ESH 2023, China 2018/2024 (../shared/clinical/REFERENCE.md)',
      },
      p,
    ),
    await kb.ingest(
      {
        collection: DRUG_COLLECTION,
        filename: 'drug-monographs.md',
        content: drugMonographsMarkdown(),
        source: 'Generated from @qihuang/drug-knowledge (sources per fact)',
      },
      p,
    ),
  ];
}
