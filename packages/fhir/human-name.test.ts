/** One display name for Patient.name and Practitioner.name on every screen (issue 20: "秀英 王" vs 王秀英). */
import { describe, expect, it } from 'vitest';
import { humanNameText, resourceName } from './human-name.ts';

describe('humanNameText', () => {
  it('reads a Chinese name family first without a space', () => {
    expect(humanNameText({ family: '王', given: ['秀英'] })).toBe('王秀英');
    expect(humanNameText({ family: '欧阳', given: ['娜', '娜'] })).toBe('欧阳娜娜');
    expect(humanNameText({ family: '李', given: ['明'] })).toBe('李明');
  });

  it('reads a Western name given first, with spaces', () => {
    expect(humanNameText({ family: 'Barrows', given: ['Marcos', 'A.'] })).toBe('Marcos A. Barrows');
    expect(humanNameText({ given: ['Cher'] })).toBe('Cher');
  });

  it('keeps the order the record’s text gives', () => {
    expect(humanNameText({ text: 'ZHANG Wei', family: 'Zhang', given: ['Wei'] })).toBe('ZHANG Wei');
    expect(humanNameText({ text: '王秀英', family: '王', given: ['秀英'] })).toBe('王秀英');
  });

  it('has nothing to show for an empty name', () => {
    expect(humanNameText({})).toBeUndefined();
    expect(humanNameText({ text: ' ', given: [''] })).toBeUndefined();
    expect(humanNameText(undefined)).toBeUndefined();
  });
});

describe('resourceName', () => {
  it('prefers the official name, else the first usable one', () => {
    expect(
      resourceName({
        name: [
          { use: 'nickname', given: ['Xiu'] },
          { use: 'official', family: '王', given: ['秀英'] },
        ],
      }),
    ).toBe('王秀英');
    expect(resourceName({ name: [{}, { family: 'Li', given: ['Min'] }] })).toBe('Min Li');
    expect(resourceName({})).toBeUndefined();
  });
});
