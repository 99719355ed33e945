/** The labelled corpus as a public entry point (`@qihuang/clinical-language/corpus`): for the benchmark and tools. */
export { evaluate, parseCorpus, type CorpusItem, type EvalReport } from '../eval.ts';
export { CORPUS_PARTS, heldoutParts, tuningParts, type CorpusPart } from './parts.ts';
