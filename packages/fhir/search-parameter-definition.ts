import type { SearchParamType } from './types.ts';

/**
 * One search parameter of one resource type. Values are found by plain dotted paths from the resource root
 * (arrays are flattened at every step; a segment ending in `[x]` matches the choice element whatever its type,
 * e.g. `effective[x]` → effectiveDateTime / effectivePeriod). No FHIRPath engine.
 */
export interface SearchParameterDefinition {
  code: string;
  type: SearchParamType;
  paths: string[];
  /** Reference params: the target types allowed (rows for other known types are dropped). Absent = any. */
  targets?: string[];
  /** Token params over a plain `code` element: the code system its rows carry (e.g. administrative-gender). */
  system?: string;
  /** Keep only element values for which this returns true (e.g. telecom with system = phone). */
  where?: (value: Record<string, unknown>) => boolean;
  /** Served by the store from its own columns (`_id`, `_lastUpdated`): parsed, never in IndexRows. */
  storeColumn?: boolean;
  /**
   * Values computed from the whole resource instead of read at `paths` (which then only document the
   * parameter), e.g. the pinyin of a Chinese name. Each value is indexed as if found at a path.
   */
  derive?: (resource: Record<string, unknown>) => unknown[];
  /** Canonical URL of a parameter that is not an HL7 one (CapabilityStatement `definition`). */
  url?: string;
  /** CapabilityStatement `documentation` of such a parameter (default: its paths). */
  documentation?: string;
}

type Extra = Pick<SearchParameterDefinition, 'system' | 'where' | 'targets' | 'derive'>;
const paths = (p: string | string[]) => (Array.isArray(p) ? p : [p]);

export const token = (code: string, p: string | string[], extra: Extra = {}): SearchParameterDefinition => ({
  code,
  type: 'token',
  paths: paths(p),
  ...extra,
});
export const string = (code: string, p: string | string[]): SearchParameterDefinition => ({
  code,
  type: 'string',
  paths: paths(p),
});
export const date = (code: string, p: string | string[]): SearchParameterDefinition => ({
  code,
  type: 'date',
  paths: paths(p),
});
export const reference = (
  code: string,
  p: string | string[],
  targets?: string[],
): SearchParameterDefinition => ({
  code,
  type: 'reference',
  paths: paths(p),
  ...(targets ? { targets } : {}),
});
/** The `patient` parameter: the given reference path(s) restricted to Patient targets. */
export const patient = (p: string | string[] = 'subject'): SearchParameterDefinition =>
  reference('patient', p, ['Patient']);
export const quantity = (code: string, p: string | string[]): SearchParameterDefinition => ({
  code,
  type: 'quantity',
  paths: paths(p),
});
export const number = (code: string, p: string | string[]): SearchParameterDefinition => ({
  code,
  type: 'number',
  paths: paths(p),
});
export const uri = (code: string, p: string | string[]): SearchParameterDefinition => ({
  code,
  type: 'uri',
  paths: paths(p),
});
