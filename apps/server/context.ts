import { BlockList, isIP } from 'node:net';
import type { TrustProxy } from '@qihuang/config';
import type { Principal, RequestContext } from '@qihuang/contracts';
import type { Context } from 'hono';
import type { Logger } from 'pino';

export interface AppVariables {
  requestId: string;
  principal: Principal;
  log: Logger;
  /** The client's address for throttling and audit (set by app.ts from the socket and QIHUANG_TRUST_PROXY). */
  clientAddress?: string;
}

export type AppEnv = { Variables: AppVariables };

export function requestContext(c: Context<AppEnv>): RequestContext {
  const address = c.get('clientAddress') ?? socketAddress(c);
  return {
    requestId: c.get('requestId'),
    principal: c.get('principal'),
    clientAddress: address,
  };
}

/** The socket's peer (the previous hop: the client itself, or a reverse proxy). */
export function socketAddress(c: Context): string | undefined {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress;
}

/** A bare IP: IPv4-mapped IPv6 (`::ffff:10.0.0.1`) as IPv4, `1.2.3.4:80` and `[::1]:80` without the port. */
function normalize(raw: string): string | undefined {
  let value = raw.trim();
  if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped) value = mapped[1]!;
  return isIP(value) ? value : undefined;
}

/** The hops a proxy chain reports, nearest last: X-Forwarded-For, else the `for=` of RFC 7239 Forwarded. */
function forwardedHops(c: Context): string[] {
  const xff = c.req.header('x-forwarded-for');
  if (xff) return xff.split(',');
  const forwarded = c.req.header('forwarded');
  if (!forwarded) return [];
  return forwarded.split(',').map((element) => /(?:^|;)\s*for=("[^"]*"|[^;,\s]*)/i.exec(element)?.[1] ?? '');
}

/**
 * Resolves the client's address (express "trust proxy" semantics). Without a trust setting: the socket's peer,
 * forwarding headers ignored (a client cannot choose its address). With proxy ranges: walking from the socket
 * peer leftwards through X-Forwarded-For, the first address that is not a trusted proxy (the right-most untrusted
 * entry). With a hop count n: the n-th address from the right (the socket peer being hop 0). An entry that is not
 * an IP address stops the walk at the last hop that could be believed.
 */
export function createClientAddress(trust: TrustProxy | undefined): (c: Context) => string | undefined {
  if (!trust) return socketAddress;
  const ranges = new BlockList();
  if ('ranges' in trust)
    for (const range of trust.ranges) {
      const [address, prefix] = range.split('/') as [string, string];
      ranges.addSubnet(address, Number(prefix), isIP(address) === 6 ? 'ipv6' : 'ipv4');
    }
  const trusted = (address: string, hop: number) =>
    'hops' in trust ? hop < trust.hops : ranges.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
  return (c) => {
    const peer = socketAddress(c);
    let current = peer === undefined ? undefined : normalize(peer);
    if (current === undefined) return peer;
    const hops = forwardedHops(c);
    for (let hop = 0; trusted(current, hop) && hops.length > 0; hop++) {
      const next = normalize(hops.pop()!);
      if (next === undefined) break;
      current = next;
    }
    return current;
  };
}
