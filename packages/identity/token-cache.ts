/**
 * In-process cache of resolved bearer tokens and API keys, one per database handle, bounded to 10,000 entries
 * (oldest evicted first).
 */
import type { Principal } from '@qihuang/contracts';

const CACHE_MAX = 10_000;

export interface ResolvedCaller {
  principal: Principal;
  /** API keys: requests per minute allowed by the gateway. */
  rateLimit?: number;
}

export interface CacheEntry extends ResolvedCaller {
  /** Token or key expiry (ms since epoch, by the injected clock); Infinity for keys without expiry. */
  expiresAt: number;
  /** performance.now() until which the entry may be used. */
  freshUntil: number;
  lastUsedWrite: number;
}

/** Bounded map (oldest entry evicted first). */
export class TokenCache {
  private readonly map = new Map<string, CacheEntry>();
  get(hash: string): CacheEntry | undefined {
    const entry = this.map.get(hash);
    if (entry && entry.freshUntil <= performance.now()) {
      this.map.delete(hash);
      return undefined;
    }
    return entry;
  }
  set(hash: string, entry: CacheEntry): void {
    this.map.delete(hash);
    if (this.map.size >= CACHE_MAX) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
    this.map.set(hash, entry);
  }
  delete(hash: string): void {
    this.map.delete(hash);
  }
  deleteWhere(predicate: (entry: CacheEntry) => boolean): void {
    for (const [hash, entry] of this.map) if (predicate(entry)) this.map.delete(hash);
  }
}

const caches = new WeakMap<object, TokenCache>();
export function cacheFor(db: object): TokenCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new TokenCache();
    caches.set(db, cache);
  }
  return cache;
}
