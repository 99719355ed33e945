/** The de-identification corpus and its scorer, for the benchmark (`@qihuang/deid/corpus`, bench/deid.ts). */
export { CORPUS_TYPES, type CorpusFile, type CorpusSpan, type CorpusType } from './corpus-types.ts';
export { ratio, scoreCorpus, type Score, type Tally } from './score.ts';
export { CORPUS_PARTS, heldoutParts, tuningParts, type CorpusPart } from './parts.ts';
