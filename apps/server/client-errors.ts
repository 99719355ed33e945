/**
 * Requests Node's HTTP parser refuses before any route sees them (a raw UTF-8 request target, a malformed
 * header, an oversized header block): Node answers an empty 400 and logs nothing. Here they get a 400 whose
 * body says what is wrong — an OperationOutcome under /fhir, `{ error: { message, type, code } }` elsewhere —
 * and a log line with the method and path (never the query string: it may hold patient data).
 */
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';

interface ParserError extends Error {
  code?: string;
  rawPacket?: Buffer;
}

/** Anything with Node's 'clientError' event (http.Server; @hono/node-server's ServerType). */
interface ClientErrorSource {
  on(event: 'clientError', listener: (error: ParserError, socket: Duplex) => void): unknown;
}

export function answerClientErrors(server: ClientErrorSource, log: Logger): void {
  server.on('clientError', (error: ParserError, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const { method, path } = requestLine(error.rawPacket);
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const message = tooLarge
      ? 'Request headers too large.'
      : error.code === 'HPE_INVALID_URL' || error.code === 'HPE_INVALID_METHOD' || nonAscii(error.rawPacket)
        ? 'Invalid request line: characters outside ASCII in the URL must be percent-encoded as UTF-8 ' +
          '(e.g. family=%E6%B5%8B%E8%AF%95 for 测试).'
        : `Malformed HTTP request (${error.code ?? 'parse error'}).`;
    const body = JSON.stringify(
      path.startsWith('/fhir')
        ? {
            resourceType: 'OperationOutcome',
            issue: [{ severity: 'error', code: tooLarge ? 'too-long' : 'invalid', diagnostics: message }],
          }
        : { error: { message, type: 'invalid_request_error', code: 'invalid-input' } },
    );
    log.warn({ method, path, status, code: error.code }, 'request refused by the HTTP parser');
    socket.end(
      `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        `Content-Type: ${path.startsWith('/fhir') ? 'application/fhir+json' : 'application/json'}; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

/** Method and path (without the query) of the refused request, when its first line can be read. */
function requestLine(raw: Buffer | undefined): { method?: string; path: string } {
  const first = raw?.toString('utf8').split('\r\n', 1)[0] ?? '';
  const match = /^([A-Z]{1,16}) (\S+)/.exec(first);
  if (!match) return { path: '' };
  const path = match[2]!.split('?', 1)[0]!;
  // Only an ASCII path is logged as is; anything else is percent-encoded.
  return { method: match[1], path: encodeURI(path).slice(0, 200) };
}

const nonAscii = (raw: Buffer | undefined) => !!raw && raw.some((byte) => byte > 0x7f);
