/**
 * The search-parameter registry: the common parameters, the per-type tables of ./search-parameter-tables/
 * (one data module per R4 module group) and the lookups over them.
 */
import { token, uri, type SearchParameterDefinition } from './search-parameter-definition.ts';
import { RESOURCE_TYPE_LIST } from './resource-types.ts';
import { ADMINISTRATION_SEARCH_PARAMETERS } from './search-parameter-tables/administration.ts';
import { CLINICAL_SEARCH_PARAMETERS } from './search-parameter-tables/clinical.ts';
import { MEDICATION_SEARCH_PARAMETERS } from './search-parameter-tables/medications.ts';
import { WORKFLOW_SEARCH_PARAMETERS } from './search-parameter-tables/workflow.ts';
import { DOCUMENT_SEARCH_PARAMETERS } from './search-parameter-tables/documents.ts';
import { FINANCIAL_SEARCH_PARAMETERS } from './search-parameter-tables/financial.ts';

export type { SearchParameterDefinition } from './search-parameter-definition.ts';

/** Parameters every type has. `_id` and `_lastUpdated` are store columns (never in IndexRows). */
export const COMMON_SEARCH_PARAMETERS: SearchParameterDefinition[] = [
  { code: '_id', type: 'token', paths: ['id'], storeColumn: true },
  { code: '_lastUpdated', type: 'date', paths: ['meta.lastUpdated'], storeColumn: true },
  token('_tag', 'meta.tag'),
  token('_security', 'meta.security'),
  uri('_profile', 'meta.profile'),
  uri('_source', 'meta.source'),
];

const TABLES: Record<string, SearchParameterDefinition[]>[] = [
  ADMINISTRATION_SEARCH_PARAMETERS,
  CLINICAL_SEARCH_PARAMETERS,
  MEDICATION_SEARCH_PARAMETERS,
  WORKFLOW_SEARCH_PARAMETERS,
  DOCUMENT_SEARCH_PARAMETERS,
  FINANCIAL_SEARCH_PARAMETERS,
];

/**
 * The search-parameter registry for the types we index beyond the common parameters. Codes and meanings
 * follow the R4 search parameters (hl7.org/fhir/R4/searchparameter-registry.html); paths are the R4
 * expressions without `.where(resolve() is X)` (that is `targets`). The tables are grouped by R4 module in
 * ./search-parameter-tables/; a type may appear in one table only.
 */
const SPECIFIC: Record<string, SearchParameterDefinition[]> = {};
for (const table of TABLES) {
  for (const [type, list] of Object.entries(table)) {
    if (SPECIFIC[type]) throw new Error(`search parameters of ${type} are defined twice`);
    SPECIFIC[type] = list;
  }
}

function withCommon(list: SearchParameterDefinition[]): Readonly<Record<string, SearchParameterDefinition>> {
  const out: Record<string, SearchParameterDefinition> = {};
  for (const def of [...COMMON_SEARCH_PARAMETERS, ...list]) {
    if (out[def.code]) throw new Error(`duplicate search parameter ${def.code}`);
    out[def.code] = def;
  }
  return Object.freeze(out);
}

/**
 * resourceType → param code → definition, for EVERY R4 resource type (types without specific params get
 * the common ones: `_id`, `_lastUpdated`, `_tag`, `_security`, `_profile`, `_source`).
 */
export const SEARCH_PARAMETERS: Readonly<
  Record<string, Readonly<Record<string, SearchParameterDefinition>>>
> = Object.freeze(
  Object.fromEntries(RESOURCE_TYPE_LIST.map((type) => [type, withCommon(SPECIFIC[type] ?? [])])),
);

/**
 * Types with search parameters of their own (beyond the common ones). Every RESOURCE_TYPES member can still
 * be searched by `_id`, `_lastUpdated`, `_tag`, `_security`, `_profile`, `_source`.
 */
export const SEARCHABLE_TYPES: ReadonlySet<string> = new Set(Object.keys(SPECIFIC).sort());

/** The definition of `code` on `resourceType`, or undefined. */
export function getSearchParameter(
  resourceType: string,
  code: string,
): SearchParameterDefinition | undefined {
  return SEARCH_PARAMETERS[resourceType]?.[code];
}
