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
  it('finds neighbours and 老伴儿, @mentions, replies, 姓X, 执行 fields and 预约人-style person fields', () => {
    expect(found('老伴儿封秀英天天盯着我量血压')).toContain('封秀英');
    expect(found('昨天邻居车丽萍开车送我来的')).toContain('车丽萍');
    expect(found('@蒋振华 麻烦您看一下这个化验单')).toContain('蒋振华');
    expect(found('回复 欧阳春燕：已经收到了')).toContain('欧阳春燕');
    expect(found('来电者为患者妻子，姓邬，电话未留。')).toContain('邬');
    expect(found('医嘱开立：祁国梁 执行：卓雅')).toEqual(expect.arrayContaining(['祁国梁', '卓雅']));
    expect(found('复诊时间：下周一上午 预约人：钟灵秀')).toContain('钟灵秀');
  });
  it('finds an employer followed by 的 and an occupation', () => {
    expect(found('她是岳麓区市场监管局的公务员。')).toContain('岳麓区市场监管局');
  });
  it('leaves drugs, places and procedures after the same verbs alone', () => {
    const text =
      '请于明早空腹来抽血。通知检验科复查。由门诊收费处办理。联系急诊科。请继续服用硝苯地平控释片。让患者平卧。请关注血压变化。\n签字：患者本人\n';
    expect(found(text)).toEqual([]);
    expect(found('我老公左边身子不能动，我妈房颤十年，居民诉失眠，谢谢医生。')).toEqual([]);
    expect(found('姓名：\n性别：女\n负责人：\n是同姓。病人：诉头痛')).toEqual([]);
  });
});

describe('English names after a verb of contact or before a relation', () => {
  it('finds a name after spoke with / called / left a message for', () => {
    expect(found('Spoke with Rosalind Achterberg about the dose.')).toContain('Rosalind Achterberg');
    expect(found('Left a message for Thibault Marchetti at 3 pm.')).toContain('Thibault Marchetti');
  });
  it('finds a name after "ask for" and a nurse named by the surname alone', () => {
    expect(found('Call back at the desk and ask for Philippa.')).toContain('Philippa');
    expect(found('Per Nurse Abernethy, BP at 0600 was 172/98.')).toContain('Abernethy');
    expect(found('Nurse Practitioner visit; ask for Pharmacy if refills are needed.')).toEqual([]);
  });
  it('finds a name before ", her daughter," or ", his wife,"', () => {
    expect(found('Gwendolyn Abernathy, her daughter, called twice.')).toContain('Gwendolyn Abernathy');
  });
  it('does not take clinical phrases after the same verbs for names', () => {
    expect(found('Spoke with Cardiology about the Holter. Called Pharmacy Services.')).toEqual([]);
  });
});

describe('round 5, last batch', () => {
  it('finds a patient named in brackets after the cue and surgical assistants', () => {
    expect(found('患者（戴瑞芳）自诉胸闷三天')).toContain('戴瑞芳');
    expect(found('主刀：江涛  一助：闫东  器械护士：蓝晶')).toEqual(
      expect.arrayContaining(['江涛', '闫东', '蓝晶']),
    );
  });
  it('finds insurance numbers in groups of four, landlines with a long dash and m.d dates before a time of day', () => {
    expect(found('医保卡号：2201 3344 5566 7788')).toContain('2201 3344 5566 7788');
    expect(found('电话号码：0731—84417263')).toContain('0731—84417263');
    expect(found('10.14上午来院复查')).toContain('10.14');
    expect(found('血钾3.5，肌酐88.6，尿酸10.12')).toEqual([]);
  });
});

describe('round 5, names in running prose without any cue (the name model alone)', () => {
  it('finds a three-character name between a preposition or verb and a following word', () => {
    expect(found('经与苗志勇沟通，同意转院。')).toContain('苗志勇');
    expect(found('我和俞德明商量后决定手术')).toContain('俞德明');
    expect(found('门口遇到了邹德华，他说药吃完了')).toContain('邹德华');
    expect(found('甘德胜是本村村民')).toContain('甘德胜');
    expect(found('葛玉兰、葛玉芳两姐妹轮流陪护')).toEqual(['葛玉兰', '葛玉芳']);
  });
  it('leaves herbs, brands, places and hospitals of the same shape alone', () => {
    const text =
      '柏子仁的用法用量为煎服。华佗再造丸、安宫牛黄丸、马来酸依那普利片。向阳社区卫生服务站，常德市第一人民医院，江南大学附属医院，高德地图导航。白天血压高，晚上正常。于是我就去了医院。';
    expect(found(text)).toEqual([]);
  });
});
