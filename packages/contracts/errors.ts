/**
 * One error type for the whole platform. Handlers and engines throw it; each mount (FHIR, /v1, CDS Hooks,
 * CLI) shapes it at the edge: OperationOutcome, OpenAI error object, CDS error, exit code + one line.
 */
export type ErrorCode =
  | 'invalid-input'
  | 'invalid-resource'
  | 'not-found'
  | 'gone'
  | 'conflict'
  | 'version-conflict'
  | 'precondition-failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'too-large'
  | 'rate-limited'
  | 'not-supported'
  | 'unavailable'
  | 'model-not-configured'
  | 'upstream-error'
  | 'database-locked'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  'invalid-input': 400,
  'invalid-resource': 422,
  'not-found': 404,
  gone: 410,
  conflict: 409,
  'version-conflict': 409,
  'precondition-failed': 412,
  unauthenticated: 401,
  forbidden: 403,
  'too-large': 413,
  'rate-limited': 429,
  'not-supported': 501,
  unavailable: 503,
  'model-not-configured': 503,
  'upstream-error': 502,
  'database-locked': 503,
  internal: 500,
};

/** One problem found in an input, with a FHIRPath-like expression pointing at the element. */
export interface Issue {
  severity: 'error' | 'warning' | 'information';
  /** FHIR IssueType code: invalid, required, value, structure, code-invalid, not-found, conflict … */
  code: string;
  message: string;
  expression?: string[];
}

export interface QihuangErrorOptions {
  status?: number;
  issues?: Issue[];
  cause?: unknown;
  /** Extra headers the HTTP edge should send (e.g. Retry-After). */
  headers?: Record<string, string>;
}

export class QihuangError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly issues: Issue[];
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message: string, options: QihuangErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'QihuangError';
    this.code = code;
    this.status = options.status ?? STATUS[code];
    this.issues = options.issues ?? [];
    this.headers = options.headers ?? {};
  }
}

export function isQihuangError(error: unknown): error is QihuangError {
  return error instanceof QihuangError;
}

export const invalidInput = (message: string, issues?: Issue[]) =>
  new QihuangError('invalid-input', message, { issues });
export const notFound = (message: string) => new QihuangError('not-found', message);
