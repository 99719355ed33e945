/**
 * The supply the order carries (dispenseRequest: 天数 / 总量) on the pharmacist's card, in the card's language
 * (issue 20 try: the card showed the dose but not how much would be dispensed).
 */
import { describe, expect, it } from 'vitest';
import { supplyText } from './supply-text.ts';

const UCUM = 'http://unitsofmeasure.org';

describe('supply on the pharmacist card', () => {
  it('tablets and days from the order, in zh and en', () => {
    const dr = {
      quantity: { value: 28, unit: 'tablet', system: UCUM, code: '{tbl}' },
      expectedSupplyDuration: { value: 28, unit: 'days', system: UCUM, code: 'd' },
    };
    expect(supplyText(dr, 'zh-CN')).toEqual({ days: 28, quantity: '28 片' });
    expect(supplyText(dr, 'en')).toEqual({ days: 28, quantity: '28 tablets' });
    expect(supplyText({ ...dr, quantity: { ...dr.quantity, value: 1 } }, 'en')).toEqual({
      days: 28,
      quantity: '1 tablet',
    });
  });
  it('days only, a quantity in another unit as written, nothing when the order carries none', () => {
    expect(supplyText({ expectedSupplyDuration: { value: 14, code: 'd' } }, 'zh-CN')).toEqual({ days: 14 });
    expect(supplyText({ quantity: { value: 2, unit: 'box' } }, 'en')).toEqual({ quantity: '2 box' });
    // weeks are days on the card (7 per week)
    expect(supplyText({ expectedSupplyDuration: { value: 2, code: 'wk' } }, 'en')).toEqual({ days: 14 });
    expect(supplyText(undefined, 'en')).toBeUndefined();
    expect(supplyText({}, 'en')).toBeUndefined();
  });
});
