import pino, { type Logger } from 'pino';

/** Structured JSON logs. Request bodies are never logged; credentials are redacted wherever they appear. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'qihuang' },
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
  });
}
