// Types of bin/compiled-runtime.mjs (plain JavaScript so that it runs before any TypeScript loader).
export interface SourceStamp {
  newest: number;
  count: number;
}
export interface Build {
  dir: string;
  entry: string;
  sources: SourceStamp;
}
export const ROOT: string;
export const RUNTIME_DIR: string;
export const POINTER: string;
export const ENTRY: { name: string; source: string };
export const SOURCE_DIRS: string[];
export const SOURCE_FILES: string[];
export function sourceStamp(root?: string): SourceStamp;
export function currentBuild(runtimeDir: string): Build | undefined;
export function isStale(build: Build | undefined, root?: string): boolean;
export function ensureRuntime(options?: {
  root?: string;
  runtimeDir?: string;
  pollMs?: number;
}): Promise<string>;
export const LOCK: string;
export const LOCK_STALE_MS: number;
export function tryLock(runtimeDir: string, staleMs?: number): boolean;
export function unlock(runtimeDir: string): void;
export function claimBuild(entry: string): void;
export function inUse(dir: string): boolean;
