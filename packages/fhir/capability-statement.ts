import type {
  CapabilityStatement,
  CapabilityStatementRest,
  CapabilityStatementRestResource,
  ResourceType,
} from '@medplum/fhirtypes';
import { RESOURCE_TYPE_LIST } from './resource-types.ts';
import { SEARCH_PARAMETERS } from './search-parameters.ts';

export type TypeInteraction =
  'read' | 'vread' | 'update' | 'delete' | 'history-instance' | 'history-type' | 'create' | 'search-type';

export interface CapabilityOptions {
  /** Base URL of the FHIR endpoint, e.g. https://host/fhir/R4 */
  baseUrl: string;
  /** Interactions per type (default: all eight). */
  interactions?: readonly TypeInteraction[];
  /** Types to list (default: RESOURCE_TYPES minus Bundle-only/transient types). */
  resourceTypes?: readonly string[];
  /** Whether `transaction` / `batch` / `history-system` are offered (default: all true). */
  transaction?: boolean;
  batch?: boolean;
  historySystem?: boolean;
  /** Conditional create/update/delete support (default: false / 'not-supported'). */
  conditionalCreate?: boolean;
  conditionalUpdate?: boolean;
  conditionalDelete?: boolean;
  /** CapabilityStatement.software (default { name: 'Qihuang' }); softwareName/softwareVersion are shorthands. */
  software?: { name: string; version?: string };
  softwareName?: string;
  softwareVersion?: string;
  /** CapabilityStatement.date; default: the time of the call (pass the server start time for a stable value). */
  date?: string;
  /** SMART / OAuth security block, if any. */
  security?: CapabilityStatementRest['security'];
}

const ALL: readonly TypeInteraction[] = [
  'read',
  'vread',
  'update',
  'delete',
  'history-instance',
  'history-type',
  'create',
  'search-type',
];
/** Types that are not stored as such (operation inputs/outputs). */
const NOT_STORED = new Set(['Parameters', 'OperationOutcome']);

/** The R4 CapabilityStatement that matches SEARCH_PARAMETERS and the options (what the server really does). */
export function capabilityStatement(options: CapabilityOptions): CapabilityStatement {
  const interactions = options.interactions ?? ALL;
  const types = options.resourceTypes ?? RESOURCE_TYPE_LIST.filter((t) => !NOT_STORED.has(t));
  const resources: CapabilityStatementRestResource[] = types.map((type) => {
    const params = Object.values(SEARCH_PARAMETERS[type] ?? {});
    const includes = params.filter((p) => p.type === 'reference').map((p) => `${type}:${p.code}`);
    const revincludes: string[] = [];
    for (const source of types) {
      for (const p of Object.values(SEARCH_PARAMETERS[source] ?? {})) {
        if (p.type === 'reference' && (!p.targets || p.targets.includes(type)))
          revincludes.push(`${source}:${p.code}`);
      }
    }
    const resource: CapabilityStatementRestResource = {
      type: type as ResourceType,
      profile: `http://hl7.org/fhir/StructureDefinition/${type}`,
      interaction: interactions.map((code) => ({ code })),
      versioning: 'versioned',
      readHistory: interactions.includes('vread'),
      updateCreate: interactions.includes('update'),
      conditionalCreate: options.conditionalCreate ?? false,
      conditionalUpdate: options.conditionalUpdate ?? false,
      conditionalDelete: options.conditionalDelete ? 'single' : 'not-supported',
      searchInclude: includes,
      searchRevInclude: revincludes,
      searchParam: params.map((p) => ({
        name: p.code,
        definition:
          p.url ??
          (p.code.startsWith('_')
            ? `http://hl7.org/fhir/SearchParameter/Resource-${p.code.slice(1)}`
            : `http://hl7.org/fhir/SearchParameter/${type}-${p.code}`),
        type: p.type,
        documentation:
          p.documentation ??
          p.paths.map((path) => `${type}.${path}`).join(' | ') +
            (p.targets ? ` (${p.targets.join(', ')})` : ''),
      })),
    };
    if (type === 'Patient') {
      resource.operation = [
        { name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' },
      ];
    }
    return resource;
  });
  const system: { code: 'transaction' | 'batch' | 'history-system' | 'search-system' }[] = [];
  if (options.transaction ?? true) system.push({ code: 'transaction' });
  if (options.batch ?? true) system.push({ code: 'batch' });
  if (options.historySystem ?? true) system.push({ code: 'history-system' });
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: options.date ?? new Date().toISOString(),
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json', 'application/fhir+json'],
    software: options.software ?? {
      name: options.softwareName ?? 'Qihuang',
      ...(options.softwareVersion ? { version: options.softwareVersion } : {}),
    },
    implementation: { description: 'Qihuang FHIR R4 server', url: options.baseUrl },
    rest: [
      {
        mode: 'server',
        ...(options.security ? { security: options.security } : {}),
        resource: resources,
        interaction: system,
        searchParam: [
          { name: '_count', type: 'number', documentation: 'Page size, default 20, max 1000' },
          { name: '_offset', type: 'number', documentation: 'Offset of the first entry' },
          {
            name: '_sort',
            type: 'string',
            documentation: 'Comma list; "-" prefix = descending; date/string/token params',
          },
          { name: '_summary', type: 'token', documentation: 'count only' },
          { name: '_total', type: 'token', documentation: 'none | estimate | accurate' },
          { name: '_elements', type: 'string' },
          { name: '_include', type: 'special' },
          { name: '_revinclude', type: 'special' },
        ],
      },
    ],
  };
}
