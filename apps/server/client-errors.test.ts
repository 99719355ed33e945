/**
 * A request Node's HTTP parser refuses — a raw (not percent-encoded) UTF-8 query string such as
 * `GET /fhir/Patient?family=测试` — gets a 400 with a body that says what is wrong (OperationOutcome on /fhir),
 * and a log line (without the query: it may hold patient data), not Node's empty 400.
 */
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerClientErrors } from './client-errors.ts';
import { createLogger } from './logging.ts';

const PORT = 25_011;
const lines: string[] = [];
let server: Server;
beforeAll(async () => {
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  server = createServer((_req, res) => res.end('ok'));
  answerClientErrors(server, createLogger('info', sink));
  await new Promise<void>((resolve) => server.listen(PORT, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function raw(requestLine: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(PORT, '127.0.0.1', () =>
      socket.write(Buffer.from(`${requestLine}\r\nHost: x\r\nConnection: close\r\n\r\n`, 'utf8')),
    );
    let out = '';
    socket.on('data', (d) => (out += String(d)));
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
  });
}

describe('requests the HTTP parser refuses', () => {
  it('answers a raw UTF-8 query on /fhir with a 400 OperationOutcome and logs it without the query', async () => {
    const answer = await raw('GET /fhir/Patient?family=测试 HTTP/1.1');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as {
      resourceType: string;
      issue: { diagnostics: string }[];
    };
    expect(body.resourceType).toBe('OperationOutcome');
    expect(body.issue[0]!.diagnostics).toMatch(/percent-encoded/);
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.status === 400);
    expect(logged).toMatchObject({ path: '/fhir/Patient', status: 400 });
    expect(lines.join('')).not.toContain('测试');
  });

  it('answers elsewhere with the JSON error shape', async () => {
    const answer = await raw('GET /api/care/x?q=测试 HTTP/1.1');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { error: { message: string } };
    expect(body.error.message).toMatch(/percent-encoded/);
  });
});
