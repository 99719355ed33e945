/** The guard's labelled answer sets as a public entry point (`@qihuang/guard/corpus`). */
export {
  corpusPath,
  loadCorpus,
  loadPassages,
  parseCorpus,
  type CorpusItem,
  type CorpusName,
} from './parse.ts';
export { GUARD_CORPUS_PARTS, type GuardCorpusPart } from './parts.ts';
