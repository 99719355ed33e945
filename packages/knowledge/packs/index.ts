/**
 * Shipped knowledge packs: the hypertension guideline summary (each section cites its guideline and section; the
 * internal provenance sits in Markdown comments, stripped here before ingestion, so users never see it) and drug monographs generated from @qihuang/drug-knowledge. Idempotent: unchanged packs are
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

/** What users see: what each built-in is, by the guidelines and sources it summarises (never internal files). */
const DESCRIPTIONS: Record<string, string> = {
  [GUIDELINE_COLLECTION]:
    'Hypertension guideline summary: ACC/AHA 2017, ESH 2023, Chinese Hypertension Guidelines 2018 and 2024; each section cites its guideline',
  [DRUG_COLLECTION]:
    'Antihypertensive and related drug monographs: doses, renal dosing, interactions and contraindications, each fact with its source (product labels, guidelines)',
};

/** The guideline summary as users see it: without the Markdown comments that hold internal provenance. */
export function guidelineSummaryMarkdown(): string {
  return readFileSync(new URL('./hypertension-guideline-summary.md', import.meta.url), 'utf8')
    .replace(/\n?<!--[\s\S]*?-->\n?/g, '')
    .replace(/\n{3,}/g, '\n\n');
}

export async function loadKnowledgePacks(db: AnyDb, options: LoadPacksOptions = {}): Promise<IngestResult[]> {
  const kb = options.knowledge ?? createKnowledgeBase({ db });
  const p = SYSTEM_PRINCIPAL;
  for (const [name, description] of Object.entries(DESCRIPTIONS)) {
    await kb.ensureCollection({ name, description }, p);
    // A store loaded before the descriptions changed gets the current one.
    await db
      .updateTable('kb_collection')
      .set({ description })
      .where('name', '=', name)
      .where('description', '<>', description)
      .execute();
  }
  const guideline = guidelineSummaryMarkdown();
  return [
    await kb.ingest(
      {
        collection: GUIDELINE_COLLECTION,
        filename: 'hypertension-guideline-summary.md',
        content: guideline,
        source:
          'Qihuang summary of ACC/AHA 2017, ESH 2023 and the Chinese Hypertension Guidelines 2018 and 2024',
      },
      p,
    ),
    await kb.ingest(
      {
        collection: DRUG_COLLECTION,
        filename: 'drug-monographs.md',
        content: drugMonographsMarkdown(),
        source: 'Qihuang drug knowledge base (product labels and guidelines; source named per fact)',
      },
      p,
    ),
  ];
}
