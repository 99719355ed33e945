/**
 * Which resources and which lab result buildReviewInput takes: nested Bundles flattened in entry order; the latest
 * usable result (not cancelled / entered-in-error, not after `now`), the first of equally late ones.
 */
import type { Bundle, Observation, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { buildReviewInput, LOINC, resourcesOf } from './index.ts';

const NOW = new Date('2026-11-26T00:00:00Z');

const potassium = (id: string, value: number, at: string | undefined, status = 'final'): Observation =>
  ({
    resourceType: 'Observation',
    id,
    status,
    code: { coding: [{ system: 'http://loinc.org', code: LOINC.potassium[0] }] },
    ...(at ? { effectiveDateTime: at } : {}),
    valueQuantity: { value, unit: 'mmol/L' },
  }) as Observation;

describe('resourcesOf', () => {
  it('flattens nested Bundles and lists in entry order, skipping entries without a resource', () => {
    const inner: Bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ resource: { resourceType: 'Patient', id: 'b' } }, {}],
    };
    const outer: Bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { resource: { resourceType: 'Patient', id: 'a' } },
        { resource: inner },
        { resource: { resourceType: 'Patient', id: 'c' } },
      ],
    };
    const ids = (rs: Resource[]) => rs.map((r) => r.id);
    expect(ids(resourcesOf(outer))).toEqual(['a', 'b', 'c']);
    expect(ids(resourcesOf([outer, { resourceType: 'Patient', id: 'd' }]))).toEqual(['a', 'b', 'c', 'd']);
    expect(resourcesOf(undefined)).toEqual([]);
    expect(resourcesOf(null)).toEqual([]);
  });
});

describe('latest lab result', () => {
  const k = (observations: Observation[]) =>
    buildReviewInput([{ resourceType: 'Patient', id: 'p' }, ...observations], { now: NOW }).patient.labs
      .potassium;

  it('skips cancelled, entered-in-error and future results', () => {
    expect(
      k([
        potassium('1', 4.1, '2026-11-01T00:00:00Z'),
        potassium('2', 6.5, '2026-11-20T00:00:00Z', 'cancelled'),
        potassium('3', 6.4, '2026-11-21T00:00:00Z', 'entered-in-error'),
        potassium('4', 6.3, '2026-12-01T00:00:00Z'),
        potassium('5', 4.8, '2026-11-10T00:00:00Z'),
      ]),
    ).toEqual({ value: 4.8, at: '2026-11-10T00:00:00Z' });
  });

  it('takes the first of equally late results, and a dated result over an undated one', () => {
    expect(
      k([potassium('1', 4.2, '2026-11-10T00:00:00Z'), potassium('2', 5.9, '2026-11-10T00:00:00Z')]),
    ).toEqual({ value: 4.2, at: '2026-11-10T00:00:00Z' });
    expect(k([potassium('1', 4.2, undefined), potassium('2', 5.1, '2026-11-10T00:00:00Z')])).toEqual({
      value: 5.1,
      at: '2026-11-10T00:00:00Z',
    });
    expect(k([potassium('1', 4.2, undefined)])).toEqual({ value: 4.2 });
  });
});
