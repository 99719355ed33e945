/**
 * Decision 0027 (issue 20): the clinician's summary findings (the copilot's and the narrative's "Home BP mean") showed
 * the current home average with Math.round — a mean of 134.6 read "135/84 mmHg" while the assessment classified it
 * below 135/85 (REFERENCE §2.2). It now shows the assessment's figure as shown and names the window.
 */
import { describe, expect, it } from 'vitest';
import type { ClinicalContext } from './clinical.ts';
import { summaryFindings } from './clinical.ts';

const hbpm = {
  mean: { sbp: 134.6, dbp: 84 },
  shown: { sbp: '134.6', dbp: '84' },
  label: { zh: '近7天（不含第1天）', en: 'last 7 days, day 1 excluded' },
  readingsUsed: 5,
  daysUsed: 5,
  sufficient: true,
  rule: 'r',
  source: 's',
};

function context(): ClinicalContext {
  return {
    report: { home: { hbpm }, population: {}, series: [] },
    factors: { chinaRiskFactors: [], conditions: new Set(), clinicalComplications: [] },
    conditions: new Set(),
    review: { labs: {}, medications: [] },
    unconfirmed: [],
  } as unknown as ClinicalContext;
}

describe('summary finding: the home mean as the assessment shows it, with its window', () => {
  it('zh: 134.6/84 mmHg, never 135/84; the window named', () => {
    const found = summaryFindings(context(), 'zh').find((f) => f.key === 'home-mean');
    expect(found?.value.zh).toContain('134.6/84 mmHg');
    expect(found?.value.zh).toContain('近7天（不含第1天）');
    expect(found?.value.en).toContain('134.6/84 mmHg (last 7 days, day 1 excluded');
  });
});
