/**
 * Vite config of the web console. Run from the repository root: `npm run build:web` (output apps/web/dist,
 * served by apps/server at `/` with SPA fallback). `npx vite --config apps/web/vite.config.ts` serves it in
 * development with /auth, /admin, /fhir, /api proxied to a running server (QIHUANG_WEB_PROXY, default :8080).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const packages = fileURLToPath(new URL('../../packages/', import.meta.url));
const target = process.env.QIHUANG_WEB_PROXY ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  resolve: {
    // The console imports server packages only through their api-types modules (wire-contract.test.ts): types,
    // erased, and the few literal constants of the contract (e.g. CONTACT_METHODS), which the bundle keeps.
    alias: [{ find: /^@qihuang\/([a-z0-9-]+)\/api-types$/, replacement: `${packages}$1/api-types/index.ts` }],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 900,
  },
  server: {
    proxy: Object.fromEntries(
      [
        '/auth',
        '/admin',
        '/fhir',
        '/api',
        '/eval',
        '/kb',
        '/guard',
        '/cds-services',
        '/v1',
        '/readyz',
        '/healthz',
      ].map((p) => [p, { target }]),
    ),
  },
});
