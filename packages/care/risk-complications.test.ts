import { describe, expect, it } from 'vitest';
import { stratifyChina2018 } from '@qihuang/engines/cardiovascular-risk';
import { complicationNames } from './risk-complications.ts';

describe('the China 2018 risk reason names the clinical complication (REFERENCE §3.4, §10.6 RS5)', () => {
  it('a prior stroke with age and obesity: very high risk because of the stroke', () => {
    const names = complicationNames(new Set(['hypertension', 'stroke']), []);
    expect(names).toEqual([{ zh: '脑卒中', en: 'stroke' }]);
    const s = stratifyChina2018({
      sbp: 145,
      dbp: 88,
      riskFactors: 2,
      clinicalComplications: true,
      complications: names,
    });
    expect(s.display.zh).toBe('心血管风险分层：很高危（临床并发症：脑卒中）');
  });
  it('chart-factors complications are named in the screen language', () => {
    expect(complicationNames(new Set(), ['peripheral artery disease']).map((n) => n.zh)).toEqual([
      '外周血管疾病',
    ]);
  });
});
