/**
 * Round 5, second batch (issue 18): names without a title or label, found by the name model from the words
 * around them — a verb of contact before (联系/通知/请/让/由…签字), a role in brackets after (（患者本人）),
 * a phone number after, and in English "spoke with / called" and ", her daughter,". Fresh sentences, not
 * corpus text; hard negatives (drug and place words after the same verbs) stay unmarked.
 */
import { describe, expect, it } from 'vitest';
import { detectPhi } from './detect.ts';

const found = (text: string) => detectPhi(text).map((s) => s.text);

describe('Chinese names after a verb of contact or before a role', () => {
  it('finds a name after 联系/通知/请/让/告知 and before 来/签字/说', () => {
    expect(found('已电话通知向海燕明早空腹来抽血。')).toContain('向海燕');
    expect(found('请韦振宇下午来取报告。')).toContain('韦振宇');
    expect(found('由龙建军签字确认。')).toContain('龙建军');
    expect(found('如有变化联系汪德福。')).toContain('汪德福');
    expect(found('已告知邓秀兰家属，同意手术。')).toContain('邓秀兰');
  });
  it('finds a name followed by its role in brackets or by a phone number', () => {
    expect(found('签字：孔繁荣（患者本人）')).toContain('孔繁荣');
    expect(found('缪桂芳（护工）陪同。')).toContain('缪桂芳');
    expect(found('紧急联系：谷丽华 13812345678')).toContain('谷丽华');
  });
  it('leaves drugs, places and procedures after the same verbs alone', () => {
    const text =
      '请于明早空腹来抽血。通知检验科复查。由门诊收费处办理。联系急诊科。请继续服用硝苯地平控释片。让患者平卧。请关注血压变化。\n签字：患者本人\n';
    expect(found(text)).toEqual([]);
    expect(found('我老公左边身子不能动，我妈房颤十年，居民诉失眠，谢谢医生。')).toEqual([]);
  });
});

describe('English names after a verb of contact or before a relation', () => {
  it('finds a name after spoke with / called / left a message for', () => {
    expect(found('Spoke with Rosalind Achterberg about the dose.')).toContain('Rosalind Achterberg');
    expect(found('Left a message for Thibault Marchetti at 3 pm.')).toContain('Thibault Marchetti');
  });
  it('finds a name before ", her daughter," or ", his wife,"', () => {
    expect(found('Gwendolyn Abernathy, her daughter, called twice.')).toContain('Gwendolyn Abernathy');
  });
  it('does not take clinical phrases after the same verbs for names', () => {
    expect(found('Spoke with Cardiology about the Holter. Called Pharmacy Services.')).toEqual([]);
  });
});
