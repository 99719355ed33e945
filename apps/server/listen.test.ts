/**
 * Issue 21 (IT try, tenth session): `PORT=4751 qihuang serve` with the port taken ended in Node's crash dump
 * ("Unhandled 'error' event … EADDRINUSE" and a stack). The listener refuses with one line naming the port and
 * what to do (QihuangError 'unavailable': the CLI prints it and exits 1).
 */
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isQihuangError } from '@qihuang/contracts';
import { createLogger } from './logging.ts';
import { listen } from './start-server.ts';

let taken: Server;
let port = 0;
beforeAll(async () => {
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const address = taken.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

describe('the HTTP listener', () => {
  it('a port in use is one line naming it and what to do, not a crash', async () => {
    const config = { port, host: '127.0.0.1' } as Parameters<typeof listen>[1];
    const error: unknown = await listen(() => new Response('ok'), config, createLogger('silent')).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isQihuangError(error) && error.code).toBe('unavailable');
    expect((error as Error).message).toBe(
      `port ${port} is in use on 127.0.0.1 (another server is listening there): stop it, or choose another port with PORT or --port`,
    );
  });
  it('a free port listens', async () => {
    const config = { port: 0, host: '127.0.0.1' } as Parameters<typeof listen>[1];
    const server = await listen(() => new Response('ok'), config, createLogger('silent'));
    const address = server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    expect(await (await fetch(url)).text()).toBe('ok');
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
