/** Serves the built web console (apps/web/dist) with a single-page-app fallback to index.html. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MiddlewareHandler } from 'hono';

const DIST = fileURLToPath(new URL('../web/dist/', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export function consoleMiddleware(dist: string = DIST): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    let path: string;
    try {
      path = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return next(); // a malformed encoding names no file (the input guard answers 400 before this)
    }
    if (path.includes('\0')) return next();
    const file = normalize(join(dist, path));
    if (!file.startsWith(dist)) return next();
    const candidate = existsSync(file) && statSync(file).isFile() ? file : join(dist, 'index.html');
    if (!existsSync(candidate)) {
      if (path === '/')
        return c.text('The web console is not built. Run `npm run build:web` (npm start does this).', 503);
      return next();
    }
    if (extname(path) && candidate.endsWith('index.html') && path !== '/') return next();
    const type = TYPES[extname(candidate)] ?? 'application/octet-stream';
    const cache = candidate.includes(`${dist}assets`) ? 'public, max-age=31536000, immutable' : 'no-cache';
    return c.body(readFileSync(candidate), 200, { 'Content-Type': type, 'Cache-Control': cache });
  };
}
