import { describe, expect, it } from 'vitest';
import { planAuthor } from './plan-author.ts';

describe('planAuthor (issue 20 item 4)', () => {
  const words = { generated: '系统生成' };
  it('a plan the system wrote says 系统生成, not "system"', () => {
    expect(planAuthor('system', words)).toBe('系统生成');
    expect(planAuthor(undefined, words)).toBe('系统生成');
    expect(planAuthor(' ', words)).toBe('系统生成');
  });
  it("a person's plan shows their name", () => {
    expect(planAuthor('李医生', words)).toBe('李医生');
  });
});
