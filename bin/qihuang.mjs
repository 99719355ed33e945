#!/usr/bin/env node
// Entry point for `npx qihuang …`: runs the TypeScript CLI through tsx (no build step needed).
import { register } from 'tsx/esm/api';

register({ tsconfig: new URL('../tsconfig.json', import.meta.url).pathname });
await import('../apps/cli/main.ts');
