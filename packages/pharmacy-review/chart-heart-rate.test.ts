/**
 * The pharmacist's review reads the heart rate (LOINC 8867-4): a β-blocker at HR <50 is a contraindication
 * (REFERENCE §5.2, bradycardia "HR <50–60"), so the chart's observation search asks for it with the labs.
 */
import { describe, expect, it } from 'vitest';
import type { FhirRepository } from '@qihuang/store';
import { loadChart } from './review-order.ts';

describe('the chart a pharmacist reviews against', () => {
  it('searches observations for the heart rate as well as the labs', async () => {
    const searched: [string, [string, string][]][] = [];
    const repo = {
      read: () => Promise.reject(new Error('not found')),
      searchAll: (_ctx: unknown, type: string, params: [string, string][]) => {
        searched.push([type, params]);
        return Promise.resolve([]);
      },
    } as unknown as FhirRepository;
    await loadChart(repo, { requestId: 't' } as never, 'p1');
    const codes = searched.find(([type]) => type === 'Observation')![1].find(([k]) => k === 'code')![1];
    expect(codes.split(',')).toContain('http://loinc.org|8867-4');
    expect(codes.split(',')).toContain('http://loinc.org|2823-3');
  });
});
