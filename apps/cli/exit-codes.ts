/**
 * The CLI's one exit-code rule (docs/operations.md, "The command line"):
 * 0 done; 2 the user's input or usage is wrong (unknown option, bad argument, missing file, a file that is not
 * valid JSON/NDJSON/FHIR) — fix the command line or the file; 1 the command could not complete (the embedded
 * database held by the running server, a database or server that does not answer, anything unexpected) — retry or
 * fix the environment; 3 a check ran and found a problem (`audit verify`: the chain is broken).
 */
import { CommanderError } from 'commander';
import { isQihuangError, type ErrorCode } from '@qihuang/contracts';

export const EXIT = { ok: 0, failed: 1, badInput: 2, checkFailed: 3 } as const;

/** Errors about what the user gave: the command line, a file, its contents. */
const INPUT_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'invalid-input',
  'invalid-resource',
  'not-found',
  'too-large',
  'not-supported',
]);
/** Node errors about a path the user named. */
const PATH_ERRORS = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM']);

/**
 * The reader of our standard output went away (`qihuang audit export | head`): not a failure, the reader had
 * what it wanted. The CLI stops quietly.
 */
export function isBrokenPipe(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'EPIPE';
}

export function exitCodeFor(error: unknown): number {
  if (isBrokenPipe(error)) return EXIT.ok;
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
  if (isQihuangError(error)) return INPUT_CODES.has(error.code) ? EXIT.badInput : EXIT.failed;
  if (error instanceof SyntaxError) return EXIT.badInput; // JSON.parse of a file the user gave
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && PATH_ERRORS.has(code)) return EXIT.badInput;
  return EXIT.failed;
}
