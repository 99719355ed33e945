/** The one error type of the console's API client. `status` 0 means the request never got an answer. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: readonly string[];

  constructor(status: number, code: string, message: string, issues: readonly string[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }

  /** 403 and 404 on a record read both mean "not yours to see" to the user (no existence leak). */
  get isRefusal(): boolean {
    return this.status === 403 || this.status === 404;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; type?: unknown; issues?: unknown };
  resourceType?: unknown;
  issue?: Array<{ code?: unknown; diagnostics?: unknown; details?: { text?: unknown } }>;
}

/** Builds an ApiError from a failed response body: `{error:{code,message}}`, an OperationOutcome, or text. */
export function errorFromBody(status: number, body: unknown, fallback: string): ApiError {
  const b = (typeof body === 'object' && body !== null ? body : {}) as ErrorBody;
  if (b.error && typeof b.error === 'object') {
    const code = typeof b.error.code === 'string' ? b.error.code : `http-${status}`;
    const message = typeof b.error.message === 'string' ? b.error.message : fallback;
    // The issues' messages too: they carry the server's stable reason ids ("care.not-draft:cancelled: …").
    const issues = (Array.isArray(b.error.issues) ? (b.error.issues as { message?: unknown }[]) : [])
      .map((i) => (typeof i?.message === 'string' ? i.message : ''))
      .filter((m) => m.length > 0);
    return new ApiError(status, code, message, issues);
  }
  if (b.resourceType === 'OperationOutcome' && Array.isArray(b.issue)) {
    const issues = b.issue
      .map((i) =>
        typeof i.diagnostics === 'string'
          ? i.diagnostics
          : typeof i.details?.text === 'string'
            ? i.details.text
            : '',
      )
      .filter((s) => s.length > 0);
    const code = typeof b.issue[0]?.code === 'string' ? b.issue[0].code : `http-${status}`;
    return new ApiError(status, code, issues[0] ?? fallback, issues);
  }
  if (typeof body === 'string' && body.trim().length > 0 && body.length < 300) {
    return new ApiError(status, `http-${status}`, body.trim());
  }
  return new ApiError(status, `http-${status}`, fallback);
}
