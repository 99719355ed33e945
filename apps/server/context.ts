import type { Principal, RequestContext } from '@qihuang/contracts';
import type { Context } from 'hono';
import type { Logger } from 'pino';

export interface AppVariables {
  requestId: string;
  principal: Principal;
  log: Logger;
}

export type AppEnv = { Variables: AppVariables };

export function requestContext(c: Context<AppEnv>): RequestContext {
  return {
    requestId: c.get('requestId'),
    principal: c.get('principal'),
    clientAddress: clientAddress(c),
  };
}

export function clientAddress(c: Context): string | undefined {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress;
}
