import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * What of an error may be logged: its class, its code (a QihuangError code, a Node code such as ECONNRESET, or
 * a database SQLSTATE), its HTTP status and the stack frames (code locations); the request id is on the
 * logger. Never the message — a database
 * error's message quotes the offending value ("value "…" is out of range"), JSON.parse quotes the input — and
 * never a database error's `where`, `detail`, `hint`, `internalQuery` or the query's parameters: they carry
 * patient data. The cause chain is logged the same way (three levels at most).
 */
export interface SafeError {
  type: string;
  code?: string;
  sqlState?: string;
  status?: number;
  stack?: string;
  cause?: SafeError;
}

/** A database error (node-postgres or PGlite): a five-character SQLSTATE in `code` and a `severity`. */
function sqlStateOf(error: Record<string, unknown>): string | undefined {
  const code = error['code'];
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && 'severity' in error ? code : undefined;
}

export function safeError(error: unknown, depth = 0): SafeError {
  if (!error || typeof error !== 'object') return { type: typeof error };
  const e = error as Record<string, unknown> & { constructor?: { name?: string } };
  // The class name (node-postgres sets `name` to the protocol message name, "error").
  const ctor = e.constructor?.name;
  const type = ctor && ctor !== 'Error' ? ctor : typeof e['name'] === 'string' ? e['name'] : 'Error';
  const out: SafeError = { type };
  const sqlState = sqlStateOf(e);
  if (sqlState) out.sqlState = sqlState;
  else if (typeof e['code'] === 'string' && /^[\w.:-]{1,64}$/.test(e['code'])) out.code = e['code'];
  if (typeof e['status'] === 'number') out.status = e['status'];
  if (typeof e['stack'] === 'string') {
    // Frames only: the first line(s) of a stack repeat the message.
    const frames = e['stack']
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .slice(0, 15);
    if (frames.length) out.stack = frames.join('\n');
  }
  if (e['cause'] !== undefined && depth < 3) out.cause = safeError(e['cause'], depth + 1);
  return out;
}

/**
 * Structured JSON logs. Request bodies are never logged; credentials are redacted wherever they appear; errors
 * logged as `err` go through safeError (no data values).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'qihuang' },
    serializers: { err: (error: unknown) => safeError(error) },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        '*.password',
        '*.apiKey',
        '*.api_key',
        '*.token',
        '*.access_token',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
