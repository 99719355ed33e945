/**
 * The gateway's placeholder vault: `@qihuang/deid`'s vault with a fresh random date shift per request
 * (the de-identification package itself is pure and takes the seed as an argument).
 */
import { randomInt } from 'node:crypto';
import { PlaceholderVault as DeidVault, type PhiCategory, type VaultOptions } from '@qihuang/deid';

export { PLACEHOLDER_PATTERN, StreamingRestorer } from '@qihuang/deid';
export type IdentifierCategory = PhiCategory;

export class PlaceholderVault extends DeidVault {
  constructor(options: VaultOptions = {}) {
    super({ seed: options.seed ?? randomInt(2 ** 31) });
  }
}
