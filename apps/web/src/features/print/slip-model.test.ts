import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import type { PrescriptionSlip } from '@qihuang/care/api-types';
import { enPrint } from '../../i18n/en-print.ts';
import { zhCNPrint } from '../../i18n/zh-CN-print.ts';
import { slipFacts, slipHospital, slipPrescriber, slipSupply, slipToday } from './slip-model.ts';

// The 处方笺 page (issue 20): no hospital configured prints nothing in the name slot (README: "none (not
// printed)"); no department omits the 科别 field; 总量 and 天数 print with their labels when the order has them.
async function tIn(lng: 'zh-CN' | 'en') {
  const i = i18next.createInstance();
  await i.init({
    lng,
    resources: { en: { translation: enPrint }, 'zh-CN': { translation: zhCNPrint } },
  });
  return i.t.bind(i) as (key: string, options?: Record<string, unknown>) => string;
}

const slip = (extra: Partial<PrescriptionSlip> = {}): PrescriptionSlip => ({
  id: 'mr1',
  status: 'active',
  signed: true,
  patient: { id: 'p1' },
  diagnoses: [],
  lines: [{ drug: '氨氯地平', quantity: '28 片', days: 28 }],
  ...extra,
});

describe('prescription slip page model', () => {
  it('prints no placeholder when the hospital name is not configured', () => {
    expect(slipHospital(slip())).toBe('');
    expect(slipHospital(slip({ hospital: '岐黄市第一人民医院' }))).toBe('岐黄市第一人民医院');
  });

  it('omits 科别 when the slip has no department and shows it when it has one', async () => {
    const t = await tIn('zh-CN');
    const labels = (s: PrescriptionSlip) => slipFacts(s, t, (v) => v ?? '').map((f) => f.label);
    expect(labels(slip())).not.toContain('科别');
    expect(slipFacts(slip({ department: '心血管内科' }), t, (v) => v ?? '')).toContainEqual(
      expect.objectContaining({ label: '科别', value: '心血管内科' }),
    );
  });

  it('labels the total quantity and days supply in the screen language', async () => {
    expect(slipSupply(slip().lines[0]!, await tIn('zh-CN'))).toEqual(['总量 28 片', '天数 28天']);
    expect(slipSupply({ drug: 'amlodipine', quantity: '28 tablets', days: 28 }, await tIn('en'))).toEqual([
      'Total quantity 28 tablets',
      'Days supply 28 days',
    ]);
    expect(slipSupply({ drug: 'amlodipine' }, await tIn('en'))).toEqual([]);
  });
});

describe('one language and the hospital day on the slip (issue 20 follow-up)', () => {
  it("prints today's date on the hospital's day, not the browser's (00:33 in Shanghai is 12-08)", () => {
    const boundary = new Date('2026-12-07T16:33:00Z');
    expect(slipToday(boundary, 'Asia/Shanghai')).toBe('2026-12-08');
    expect(slipToday(boundary, 'UTC')).toBe('2026-12-07');
  });

  it('joins diagnoses and writes the signing time with the punctuation of the slip language', async () => {
    const two = slip({
      diagnoses: ['Hypertension', 'Type 2 diabetes'],
      prescriber: 'Li Wei',
      signedAt: '2026-12-07T16:33:00Z',
    });
    const when = () => '2026-12-08 00:33';
    const en = await tIn('en');
    const diagnosisEn = slipFacts(two, en, when).find((f) => f.testId === 'slip-diagnosis')?.value;
    expect(diagnosisEn).toBe('Hypertension; Type 2 diabetes');
    expect(slipPrescriber(two, en, when)).toBe('Li Wei (signed 2026-12-08 00:33)');
    const zh = await tIn('zh-CN');
    const zhTwo = { ...two, diagnoses: ['高血压', '2型糖尿病'] };
    expect(slipFacts(zhTwo, zh, when).find((f) => f.testId === 'slip-diagnosis')?.value).toBe(
      '高血压；2型糖尿病',
    );
    expect(slipPrescriber(zhTwo, zh, when)).toBe('Li Wei（签署于 2026-12-08 00:33）');
  });
});
