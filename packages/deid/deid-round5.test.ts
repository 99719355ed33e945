/**
 * Round-5 classes (issue 18, after held-out 2 was moved to tuning as tuning-2): names without a cue word found
 * by the name model (chat speakers without a time, signature lines of names, a name before a title after a
 * verb, relatives after 老公/老婆), staff fields with a unit or a drug-like name, English inverted names and
 * upper-case labels, codes after English cues written in lower case, spaced card numbers, device and licence
 * numbers, dates (4月上旬, yy/m/d after 日期, m/d after a Chinese weekday), employers and addresses.
 * Fresh sentences, not corpus text; hard negatives (drug names, hospitals, eponyms, lab values, form labels)
 * stay unmarked.
 */
import { describe, expect, it } from 'vitest';
import { detectPhi } from './detect.ts';
import { deidentifyWithSpans, PlaceholderVault } from './index.ts';

const found = (text: string) => detectPhi(text).map((s) => s.text);

describe('Chinese names by the name model', () => {
  it('finds chat speakers written without a time, and not the replies after a nurse', () => {
    const chat =
      '邝雅琴：护士您好，我妈今天头晕。\n周护士：是的，请多喝水。\n邝雅琴：好的，谢谢。\n诸葛亮平：我下午到。';
    const spans = found(chat);
    expect(spans.filter((s) => s === '邝雅琴')).toHaveLength(2);
    expect(spans).toEqual(expect.arrayContaining(['诸葛亮平', '周护士']));
    expect(spans).not.toEqual(expect.arrayContaining(['是的']));
    expect(spans).not.toEqual(expect.arrayContaining(['好的']));
  });
  it('does not take form labels at the start of a line for speakers', () => {
    const form = '查体：BP 150/90\n印象：高血压2级\n方案：氨氯地平5mg\n金额：35元\n司机：无\n曾用药：无\n';
    expect(found(form)).toEqual([]);
  });
  it('finds a signature line of names separated by a slash', () => {
    expect(found('已签署知情同意书。\n郝文静/翁志刚\n')).toEqual(['郝文静', '翁志刚']);
  });
  it('finds a clinician before a title after a verb (按X主任的医嘱), and the old lady of a compound surname', () => {
    expect(found('阿司匹林按戴主任的意见停用')).toEqual(['戴主任']);
    expect(found('收到。司徒老太今早血压148/90。')).toEqual(['司徒老太']);
  });
  it('finds a husband or wife after 老公/老婆 and a name after 来看病的 with a common given-name character', () => {
    expect(found('我老公韩振东开车送我。')).toContain('韩振东');
    expect(found('我是前天来看病的柴桂花，药吃完了。')).toContain('柴桂花');
  });
  it('finds staff fields with a unit before the name, a drug-like name and an engineer', () => {
    expect(found('经办：门诊收费处 宁秀芝')).toContain('宁秀芝');
    expect(found('医师：甘露　审核药师：白露\n')).toEqual(expect.arrayContaining(['甘露', '白露']));
    expect(found('厂家工程师：闵浩然　下次随访：3个月后')).toContain('闵浩然');
  });
  it('leaves drug names, hospitals, eponyms and lab values alone', () => {
    const text =
      '予甘露醇125ml静滴，华法林2.5mg，利伐沙班10mg。转诊至湘雅医院心内科。\n查体：墨菲征阴性，霍纳综合征？\n血钾3.6mmol/L，白细胞6.2。\n金水宝胶囊3粒tid。';
    expect(found(text)).toEqual([]);
  });
});

describe('English names', () => {
  it('finds names after upper-case labels and inverted names with a comma', () => {
    expect(found('PATIENT: Thaddeus Wojcik   MRN: 550021')).toContain('Thaddeus Wojcik');
    expect(found('Patient: Moreno-Blake, Cordelia   Sex: F')).toContain('Moreno-Blake, Cordelia');
    expect(found('Ordering physician: Haugland, Per, MD')).toContain('Haugland, Per');
  });
  it('finds an interpreter', () => {
    expect(found('Interpreter: Amara Okonkwo-Reid. Attending: Dr. Lee')).toContain('Amara Okonkwo-Reid');
  });
});

describe('codes after cues', () => {
  it('finds record, encounter and policy numbers after lower-case cues', () => {
    const text =
      'hospital number 00731846\nChart #: KLM-33019274\nhospital no.: OP-20251002-077\nencounter no. V0038812754\nPolicy no.: BCX-5512-30917';
    expect(found(text)).toEqual([
      '00731846',
      'KLM-33019274',
      'OP-20251002-077',
      'V0038812754',
      'BCX-5512-30917',
    ]);
  });
  it('finds a card number written in groups of four (Luhn valid), not a grouped lab code', () => {
    expect(found('Please refund to: 4111 1111 1111 1111')).toContain('4111 1111 1111 1111');
    // Not a card (Luhn invalid); the safety net (round 7) still hides it as a long number.
    expect(detectPhi('Batch 1234 5678 9012 3456 expired', {}, { safetyNet: false })).toEqual([]);
    expect(detectPhi('Batch 1234 5678 9012 3456 expired').map((s) => s.category)).toEqual(['IDENTIFIER']);
  });
  it('finds device serials after 记录仪编号 and "device", licence archive numbers, WeChat after a few words, plates with a space', () => {
    expect(found('记录仪编号：AB1130-22C0456')).toContain('AB1130-22C0456');
    expect(found('registered as device ZRX-HM220-Q7730165.')).toContain('ZRX-HM220-Q7730165');
    expect(found('the device was replaced; serial abdominal exams')).toEqual([]);
    expect(found('驾驶证档案编号510100334627。')).toContain('510100334627');
    expect(found('加我微信吧，我的是lyq_0921，谢谢')).toContain('lyq_0921');
    expect(found('(Texas plate JTV 2281) hit the rail; platelets 210')).toContain('JTV 2281');
  });
  it("finds an age over 89 after she's/he's", () => {
    expect(found("She's 94 and still gardens.")).toContain('94');
    expect(found("He's 95% adherent.")).toEqual([]);
  });
});

describe('dates, employers and addresses', () => {
  it('finds 4月上旬, yy/m/d after 日期 and m/d after a Chinese weekday, and shifts them back', () => {
    expect(found('约5月中旬复诊')).toEqual(['5月中旬']);
    expect(found('日期：26/4/9')).toEqual(['26/4/9']);
    expect(found('上周三（10/15）来过')).toEqual(['10/15']);
    const vault = new PlaceholderVault({ seed: 3 });
    const [note] = deidentifyWithSpans(['下次：6月下旬；日期：26/4/9；周五（10/17）'], vault);
    expect(note!.text).not.toContain('6月下旬');
    expect(vault.restore(note!.text)).toBe('下次：6月下旬；日期：26/4/9；周五（10/17）');
  });
  it('finds employers after 在…上夜班, after an occupation, with Inc. kept and with an industry suffix', () => {
    expect(found('在邵东县兴旺五金厂上夜班')).toContain('邵东县兴旺五金厂');
    expect(found('He is a dispatcher at Tri County Freight Lines.')).toContain('Tri County Freight Lines');
    expect(found('Employer: Redfern Glassworks Inc.\n')).toContain('Redfern Glassworks Inc.');
    expect(found('Most days I am at Blue Ridge Poultry Cooperative.')).toContain(
      'Blue Ridge Poultry Cooperative',
    );
    expect(found('Seen at Mercy General Hospital.')).toEqual([]);
  });
  it('finds a Chinese address ending in 房 and one written in English with its postcode', () => {
    expect(found('家住湖南省长沙市岳麓区望城坡街道枫林三路6号金桂苑3座902房，')).toContain(
      '湖南省长沙市岳麓区望城坡街道枫林三路6号金桂苑3座902房',
    );
    const en =
      'Home: Room 503, Unit 1, Building 7, Lotus Garden, 16 Jiefang West Road, Furong District, Changsha, Hunan 410005.';
    expect(found(en)).toEqual(
      expect.arrayContaining([
        'Room 503, Unit 1, Building 7, Lotus Garden, 16 Jiefang West Road, Furong District, Changsha, Hunan',
        '410005',
      ]),
    );
  });
});
