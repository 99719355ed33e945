import {
  tryGetDataType,
  validationRegexes,
  type InternalSchemaElement,
  type InternalTypeSchema,
} from '@medplum/core';
import type { Issue } from '@qihuang/contracts';
import { ID_RE } from './fhir-values.ts';
import { isResourceType } from './resource-types.ts';
import { expandValueSet } from './value-sets.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON type of each FHIR primitive (R4 json.html). */
const PRIMITIVE_JSON: Record<string, 'string' | 'number' | 'boolean'> = {
  base64Binary: 'string',
  boolean: 'boolean',
  canonical: 'string',
  code: 'string',
  date: 'string',
  dateTime: 'string',
  decimal: 'number',
  id: 'string',
  instant: 'string',
  integer: 'number',
  markdown: 'string',
  oid: 'string',
  positiveInt: 'number',
  string: 'string',
  time: 'string',
  unsignedInt: 'number',
  uri: 'string',
  url: 'string',
  uuid: 'string',
  xhtml: 'string',
  'http://hl7.org/fhirpath/System.String': 'string',
};

interface Slot {
  name: string;
  element: InternalSchemaElement;
  type: string;
}
interface CompiledType {
  schema: InternalTypeSchema;
  /** JSON key → element and concrete type (choice keys expanded: valueQuantity → value[x] / Quantity). */
  keys: Map<string, Slot>;
  required: { name: string; element: InternalSchemaElement }[];
}

const compiled = new Map<string, CompiledType | null>();

/** Deepest nesting of objects walked; deeper input is one error, not a stack overflow (R4 resources need < 40). */
export const MAX_VALIDATION_DEPTH = 128;

function compile(typeName: string): CompiledType | null {
  const hit = compiled.get(typeName);
  if (hit !== undefined) return hit;
  const schema = tryGetDataType(typeName);
  if (!schema) {
    compiled.set(typeName, null);
    return null;
  }
  const keys = new Map<string, Slot>();
  const required: CompiledType['required'] = [];
  for (const [name, element] of Object.entries(schema.elements)) {
    if (name.includes('.')) continue; // profile-style nested keys never appear in base definitions
    if (name.endsWith('[x]')) {
      const base = name.slice(0, -3);
      for (const t of element.type)
        keys.set(base + t.code.charAt(0).toUpperCase() + t.code.slice(1), { name, element, type: t.code });
    } else {
      keys.set(name, { name, element, type: element.type[0]?.code ?? 'Element' });
    }
    if (element.min > 0) required.push({ name, element });
  }
  const result = { schema, keys, required };
  compiled.set(typeName, result);
  return result;
}

export interface WalkOptions {
  /** Allow `urn:uuid:`/`urn:oid:` and conditional (`Type?query`) references (transaction entries). */
  inTransaction: boolean;
  /** Report warnings (reference target type outside the element's targetProfile). */
  warnings: boolean;
}

/** Walks a resource against the R4 StructureDefinitions; pushes issues. Not FHIRPath invariants. */
export class StructureValidator {
  readonly issues: Issue[] = [];
  private readonly options: WalkOptions;
  /** Stack of contained ids of the enclosing resources (for `#id` references). */
  private readonly containedIds: Set<string>[] = [];
  private bundleDepth = 0;
  private depth = 0;
  private tooDeep = false;

  constructor(options: WalkOptions) {
    this.options = options;
  }

  private error(code: string, message: string, path: string): void {
    this.issues.push({ severity: 'error', code, message, expression: [path] });
  }

  validateResource(resource: unknown, path: string, contained = false): void {
    if (!isObject(resource)) {
      this.error('structure', 'Expected a resource (JSON object)', path);
      return;
    }
    const type = resource['resourceType'];
    if (typeof type !== 'string' || !isResourceType(type)) {
      this.error(
        'invalid',
        `Unknown resourceType ${JSON.stringify(type)}`,
        path ? `${path}.resourceType` : 'resourceType',
      );
      return;
    }
    const root = path || type;
    const id = resource['id'];
    if (id !== undefined && (typeof id !== 'string' || !ID_RE.test(id))) {
      this.error(
        'invalid',
        `Invalid id ${JSON.stringify(id)}: expected 1-64 characters [A-Za-z0-9-.]`,
        `${root}.id`,
      );
    }
    if (contained && id === undefined)
      this.error('required', 'Contained resource must have an id', `${root}.id`);
    const ids = new Set<string>();
    if (Array.isArray(resource['contained'])) {
      for (const c of resource['contained']) if (isObject(c) && typeof c['id'] === 'string') ids.add(c['id']);
    }
    this.containedIds.push(ids);
    if (type === 'Bundle') this.bundleDepth++;
    this.validateObject(resource, type, root, true);
    if (type === 'Bundle') this.bundleDepth--;
    this.containedIds.pop();
  }

  private validateObject(value: Json, typeName: string, path: string, isResource = false): void {
    if (this.depth >= MAX_VALIDATION_DEPTH) {
      if (!this.tooDeep)
        this.error('structure', `Nested deeper than ${MAX_VALIDATION_DEPTH} levels`, path.slice(0, 200));
      this.tooDeep = true;
      return;
    }
    this.depth++;
    try {
      this.walkObject(value, typeName, path, isResource);
    } finally {
      this.depth--;
    }
  }

  private walkObject(value: Json, typeName: string, path: string, isResource: boolean): void {
    const type = compile(typeName);
    if (!type) {
      this.error('structure', `Unknown data type ${typeName}`, path);
      return;
    }
    let keyCount = 0;
    const seenChoice = new Set<string>();
    for (const key in value) {
      keyCount++;
      const v = value[key];
      if (key === 'resourceType' && isResource) continue;
      if (key.startsWith('_')) {
        const slot = type.keys.get(key.slice(1));
        if (!slot || !(slot.type in PRIMITIVE_JSON))
          this.error('structure', `Invalid additional property "${key}"`, `${path}.${key}`);
        continue; // primitive extensions: id + extension only, not checked further
      }
      const slot = type.keys.get(key);
      if (!slot) {
        this.error('structure', `Invalid additional property "${key}"`, `${path}.${key}`);
        continue;
      }
      if (slot.name.endsWith('[x]')) {
        if (seenChoice.has(slot.name))
          this.error('structure', `More than one value for ${slot.name}`, `${path}.${key}`);
        seenChoice.add(slot.name);
      }
      this.validateProperty(v, slot, `${path}.${key}`, value, key);
    }
    if (keyCount === 0 || (isResource && keyCount === 1)) {
      if (!isResource) this.error('structure', 'Invalid empty value', path);
    }
    for (const { name, element } of type.required) {
      if (name.endsWith('[x]')) {
        const base = name.slice(0, -3);
        if (
          !element.type.some(
            (t) => value[base + t.code.charAt(0).toUpperCase() + t.code.slice(1)] !== undefined,
          )
        ) {
          this.error('required', `Missing required property ${name}`, `${path}.${name}`);
        }
      } else if (value[name] === undefined && value[`_${name}`] === undefined) {
        this.error('required', `Missing required property ${name}`, `${path}.${name}`);
      }
    }
  }

  private validateProperty(v: unknown, slot: Slot, path: string, parent: Json, key: string): void {
    const { element } = slot;
    if (v === null) {
      this.error('structure', 'Invalid null value', path);
      return;
    }
    if (element.isArray) {
      if (!Array.isArray(v)) {
        this.error('structure', 'Expected an array of values', path);
        return;
      }
      if (v.length === 0) {
        this.error('structure', 'Invalid empty array', path);
        return;
      }
      if (v.length > element.max) {
        this.error('structure', `Too many values: expected at most ${element.max}, found ${v.length}`, path);
      }
      const ext = parent[`_${key}`];
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        if (item === null && Array.isArray(ext) && ext[i] != null) continue;
        this.validateValue(item, slot, `${path}[${i}]`);
      }
    } else {
      if (Array.isArray(v)) {
        this.error('structure', 'Expected a single value, not an array', path);
        return;
      }
      this.validateValue(v, slot, path);
    }
  }

  private validateValue(v: unknown, slot: Slot, path: string): void {
    const { type } = slot;
    const jsonType = PRIMITIVE_JSON[type];
    if (jsonType) {
      this.validatePrimitive(v, type, jsonType, path);
      if (typeof v === 'string' && slot.element.binding?.strength === 'required')
        this.checkCode(v, slot, path);
      return;
    }
    if (type === 'Resource') {
      const contained = path.endsWith(']') && /\.contained\[\d+\]$/.test(path);
      this.validateResource(v, path, contained);
      return;
    }
    if (!isObject(v)) {
      this.error('structure', `Expected an object of type ${type}, got ${typeof v}`, path);
      return;
    }
    this.validateObject(v, type, path);
    if (slot.element.binding?.strength === 'required') {
      if (type === 'Coding') this.checkCodings([v], slot, path);
      else if (type === 'CodeableConcept' && Array.isArray(v['coding']))
        this.checkCodings(v['coding'], slot, `${path}.coding`);
    }
    if (type === 'Reference') this.checkReference(v, slot, path);
  }

  private validatePrimitive(
    v: unknown,
    type: string,
    jsonType: 'string' | 'number' | 'boolean',
    path: string,
  ): void {
    if (typeof v !== jsonType) {
      this.error(
        'structure',
        `Invalid JSON type: expected ${jsonType} (${type}), got ${v === null ? 'null' : typeof v}`,
        path,
      );
      return;
    }
    if (jsonType === 'string') {
      const s = v as string;
      if (!s.trim()) this.error('structure', 'String must contain non-whitespace content', path);
      else if (s.length > 1024 * 1024) this.error('structure', 'String larger than 1 MB', path);
      else {
        const re = validationRegexes[type];
        if (re && !re.test(s))
          this.error('structure', `Invalid ${type} format: ${JSON.stringify(s.slice(0, 80))}`, path);
      }
    } else if (jsonType === 'number') {
      const n = v as number;
      if (!Number.isFinite(n)) this.error('structure', 'Invalid numeric value', path);
      else if (
        (type === 'integer' || type === 'positiveInt' || type === 'unsignedInt') &&
        !Number.isInteger(n)
      ) {
        this.error('structure', `Expected an integer (${type})`, path);
      } else if (
        (type === 'integer' || type === 'positiveInt' || type === 'unsignedInt') &&
        (n < -2147483648 || n > 2147483647)
      ) {
        // R4 integer is a signed 32-bit value (FHIR R4 datatypes §2.24.0.1; integer64 exists only from R5).
        this.error(
          'value',
          `${type} must be between -2147483648 and 2147483647 (FHIR R4 integer is 32-bit)`,
          path,
        );
      } else if (type === 'positiveInt' && n <= 0)
        this.error('structure', 'Expected a positive integer', path);
      else if (type === 'unsignedInt' && n < 0)
        this.error('structure', 'Expected a non-negative integer', path);
    }
  }

  private checkCode(code: string, slot: Slot, path: string): void {
    const url = slot.element.binding?.valueSet;
    const expansion = url ? expandValueSet(url) : null;
    if (!expansion) return;
    for (const codes of expansion.values()) if (codes.has(code)) return;
    const vs = url?.split('|')[0] ?? '';
    this.error(
      'code-invalid',
      `Invalid code ${JSON.stringify(code)}: not in required value set ${vs} (${listCodes(expansion)})`,
      path,
    );
  }

  private checkCodings(codings: unknown[], slot: Slot, path: string): void {
    const url = slot.element.binding?.valueSet;
    const expansion = url ? expandValueSet(url) : null;
    if (!expansion) return;
    const vs = url?.split('|')[0] ?? '';
    let fromValueSet = 0;
    let withSystem = 0;
    codings.forEach((c, i) => {
      if (!isObject(c) || typeof c['system'] !== 'string') return;
      withSystem++;
      const codes = expansion.get(c['system']);
      if (!codes) return;
      fromValueSet++;
      const code = c['code'];
      if (typeof code === 'string' && !codes.has(code)) {
        const p = path.endsWith('.coding') ? `${path}[${i}].code` : `${path}.code`;
        this.error(
          'code-invalid',
          `Invalid code ${JSON.stringify(code)} for ${c['system']}: not in required value set ${vs} (${listCodes(expansion)})`,
          p,
        );
      }
    });
    if (withSystem > 0 && fromValueSet === 0) {
      const p = path.endsWith('.coding') ? path.slice(0, -'.coding'.length) : path;
      this.error(
        'code-invalid',
        `No coding from required value set ${vs} (systems: ${[...expansion.keys()].join(', ')})`,
        p,
      );
    }
  }

  private checkReference(ref: Json, slot: Slot, path: string): void {
    const reference = ref['reference'];
    if (reference === undefined) return;
    if (typeof reference !== 'string') return; // already reported as a primitive error
    const p = `${path}.reference`;
    let targetType: string | undefined;
    if (reference.startsWith('#')) {
      const id = reference.slice(1);
      const ids = this.containedIds[this.containedIds.length - 1];
      const outer = this.containedIds[0];
      if (id && !ids?.has(id) && !outer?.has(id))
        this.error('invalid', `Contained reference ${reference} does not match a contained resource`, p);
      return;
    }
    if (reference.startsWith('urn:uuid:') || reference.startsWith('urn:oid:')) {
      if (!this.options.inTransaction && this.bundleDepth === 0) {
        this.error(
          'invalid',
          `Reference ${reference}: urn: references are only allowed inside a Bundle or transaction`,
          p,
        );
      } else if (!validationRegexes[reference.startsWith('urn:uuid:') ? 'uuid' : 'oid']?.test(reference)) {
        this.error('invalid', `Invalid ${reference.slice(0, 8)} reference ${JSON.stringify(reference)}`, p);
      }
      return;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(reference)) {
      if (!/^https?:\/\/\S+$/.test(reference))
        this.error('invalid', `Invalid absolute reference ${JSON.stringify(reference)}`, p);
      const m = /\/([A-Z][A-Za-z]+)\/[A-Za-z0-9\-.]{1,64}(\/_history\/[A-Za-z0-9\-.]{1,64})?$/.exec(
        reference,
      );
      if (m && isResourceType(m[1])) targetType = m[1];
    } else {
      const q = reference.indexOf('?');
      if (q > 0) {
        targetType = reference.slice(0, q);
        if (!this.options.inTransaction && this.bundleDepth === 0) {
          this.error('invalid', `Conditional reference ${reference} is only allowed in a transaction`, p);
          return;
        }
        if (!isResourceType(targetType))
          this.error('invalid', `Unknown resource type in reference ${JSON.stringify(reference)}`, p);
      } else {
        const m = /^([A-Za-z]+)\/([^/]+)(\/_history\/([^/]+))?$/.exec(reference);
        if (!m) {
          this.error(
            'invalid',
            `Invalid reference ${JSON.stringify(reference)}: expected Type/id, an absolute URL, urn:uuid: or #id`,
            p,
          );
          return;
        }
        targetType = m[1] ?? '';
        if (!isResourceType(targetType)) {
          this.error('invalid', `Unknown resource type in reference ${JSON.stringify(reference)}`, p);
          return;
        }
        if (!ID_RE.test(m[2] ?? '') || (m[4] !== undefined && !ID_RE.test(m[4]))) {
          this.error('invalid', `Invalid id in reference ${JSON.stringify(reference)}`, p);
          return;
        }
      }
    }
    if (targetType) this.checkTargetType(targetType, slot, p);
  }

  private checkTargetType(targetType: string, slot: Slot, path: string): void {
    const profiles = slot.element.type.find((t) => t.code === 'Reference')?.targetProfile;
    if (!profiles?.length) return;
    const base = 'http://hl7.org/fhir/StructureDefinition/';
    const allowed: string[] = [];
    for (const profile of profiles) {
      if (!profile.startsWith(base)) return; // unrecognised profile: cannot judge
      const t = profile.slice(base.length);
      if (t === 'Resource' || t === targetType) return;
      allowed.push(t);
    }
    // A warning, not an error (published R4 examples break it: medicationrequest0301), and only on request.
    if (!this.options.warnings) return;
    this.issues.push({
      severity: 'warning',
      code: 'invalid',
      message: `Reference to ${targetType} not allowed here (allowed: ${allowed.join(', ')})`,
      expression: [path],
    });
  }
}

function listCodes(expansion: ReadonlyMap<string, ReadonlySet<string>>): string {
  const all = [...expansion.values()].flatMap((s) => [...s]);
  return all.length <= 12 ? `allowed: ${all.join(', ')}` : `${all.length} codes`;
}
