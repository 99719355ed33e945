/** Grounding guard: deterministic claim extraction and verification of model answers against sources. */
export * from './types.ts';
export {
  checkAnswer,
  verifyClaims,
  annotate,
  type CheckAnswerInput,
  type GuardDeps,
} from './check-answer.ts';
export { CHECKS } from './checks/index.ts';
export { extractClaims, splitSentences, citationsIn } from './extract.ts';
export { findMentions } from './mentions.ts';
export { createGuardRoutes, parseGuardRequest, GuardRequestSchema, type GuardRequest } from './routes.ts';
