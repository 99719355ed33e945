/**
 * The suite-file loader table, like the gateway's provider registry: `loadSuiteFile` (suite-files.ts), the
 * CLI's `--format` and the HTTP `suite.format` enum are all read from it, so a new dataset format is one row
 * here (and its loader function with a test in loaders.test.ts); nothing else changes.
 */
import type { EvalItem } from '../suite-types.ts';
import { loadCmexam, loadGenericJsonl, loadMedqa, loadPubmedqa } from './multiple-choice-loaders.ts';
import { loadAciBench, loadMie } from './scenario-loaders.ts';

/** The file being loaded: its base name, and the text of a file beside it (undefined when absent). */
export interface SuiteFile {
  name: string;
  sibling(name: string): string | undefined;
}

export interface SuiteLoader {
  /** One line for `--help` and the docs. */
  description: string;
  load(text: string, file: SuiteFile): EvalItem[];
}

export const SUITE_LOADERS = {
  cmexam: {
    description: 'CMExam CSV (Question, Options, Answer, Explanation)',
    load: (text, file) => loadCmexam(text, file.name),
  },
  medqa: {
    description: 'MedQA JSONL (question, options, answer_idx, meta_info)',
    load: (text, file) => loadMedqa(text, file.name),
  },
  pubmedqa: {
    description: 'PubMedQA JSON keyed by PMID (QUESTION, CONTEXTS, final_decision)',
    load: (text, file) => loadPubmedqa(text, file.name),
  },
  jsonl: {
    description: 'generic JSONL: any EvalItem per line, or the short multiple-choice form',
    load: (text, file) => loadGenericJsonl(text, file.name),
  },
  mie: {
    description: 'MIE dialogue JSONL (ontology.json beside it)',
    load: (text, file) => loadMie(text, file.sibling('ontology.json')),
  },
  aci: {
    description: 'ACI-BENCH CSV (<name>_metadata.csv beside it)',
    load: (text, file) => loadAciBench(text, file.sibling(file.name.replace(/\.csv$/, '_metadata.csv'))),
  },
} as const satisfies Record<string, SuiteLoader>;

export type LoaderFormat = keyof typeof SUITE_LOADERS;
