/**
 * Tests of the web console (unit tests beside the code, browser test in e2e/). The root vitest config
 * excludes apps/web/**, so run these with `npx vitest run --config apps/web/vitest.config.ts`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root,
  test: {
    include: ['apps/web/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'apps/web/dist/**'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 240_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});
