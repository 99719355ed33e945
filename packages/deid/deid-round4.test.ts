/**
 * Round-4 classes (issue 18): names in lists after 参加讨论/参会, after a time stamp, single-character given
 * names before a verb, 老X/小X/X姨 forms, transliterated names with ·, staff initials and lower-case chat names,
 * names followed by their role in brackets, employers written as 在…干活/教书, relative day-of-month dates.
 * Fresh sentences, not corpus text; near misses (张力, 高压, 白斑, 克山病, 小时, 阿姨) stay unmarked.
 */
import { describe, expect, it } from 'vitest';
import { detectPhi } from './detect.ts';
import { deidentifyWithSpans, PlaceholderVault } from './index.ts';

const found = (text: string) => detectPhi(text).map((s) => s.text);

describe('Chinese names without a cue word', () => {
  it('finds every name of a list after 参加讨论/参会人员', () => {
    const spans = found('参会人员：赵主任、钱立、孙嘉怡、韩冰\n钱立：同意手术。');
    expect(spans).toEqual(expect.arrayContaining(['赵主任', '钱立', '孙嘉怡', '韩冰']));
    expect(spans.filter((s) => s === '钱立')).toHaveLength(2);
  });
  it('finds a name after a time stamp and a single-character given name before a verb', () => {
    const spans = found('08:30 周洁诉胸闷，予吸氧。\n09:10 复查心电图，周洁入睡。');
    expect(spans.filter((s) => s === '周洁')).toHaveLength(2);
  });
  it('finds 老X, 小X and X姨 forms as one span', () => {
    const spans = found('老郑（其父）说小冯每天陪他，黄姨（保姆）负责做饭。');
    expect(spans).toEqual(expect.arrayContaining(['老郑', '小冯', '黄姨']));
  });
  it('finds the names of a staff field separated by spaces', () => {
    expect(found('护士：小赵　柯蓉\n')).toEqual(expect.arrayContaining(['小赵', '柯蓉']));
  });
  it('finds transliterated names with a middle dot, and the family part alone', () => {
    const spans = found('患者安娜·科瓦尔斯卡，女，60岁。科瓦尔斯卡女士诉头痛。');
    expect(spans).toEqual(expect.arrayContaining(['安娜·科瓦尔斯卡', '科瓦尔斯卡']));
  });
  it('leaves symptom words, disease names and time words alone', () => {
    const text =
      '肌张力增高，高压160，口腔白斑，无克山病史，3小时后复测，阿姨（护工）在场，老年人群，小儿用量。';
    expect(found(text)).toEqual([]);
    expect(found('赤小豆、小米、黑豆煮粥；韦伯综合征，兰伯特-伊顿综合征。')).toEqual([]);
  });
});

describe('English names by role and in chat', () => {
  it('finds staff written with an initial after the role', () => {
    expect(found('Checked by RN K. Okoro at 0400.')).toContain('K. Okoro');
  });
  it('finds a name followed by its role in brackets', () => {
    expect(found('Attendees: Laura Kim (dietitian), Victor Osei (pharmacist)')).toEqual(
      expect.arrayContaining(['Laura Kim', 'Victor Osei']),
    );
  });
  it('finds lower-case chat senders and greetings', () => {
    const spans = found('karen: is dr nguyen working?\nreception (Molly): Hi Karen, yes.');
    expect(spans).toEqual(expect.arrayContaining(['karen', 'nguyen', 'Molly', 'Karen']));
  });
  it('does not take chat labels for names', () => {
    expect(found('note: bp 150/90\nplan: recheck')).toEqual([]);
  });
});

describe('employers and dates', () => {
  it('finds employers written as 在…干活/教书 and mines', () => {
    const spans = found('她在东郊水泥厂干活，丈夫系大同煤矿工人，女儿在实验第二小学教书。');
    expect(spans).toEqual(expect.arrayContaining(['东郊水泥厂', '大同煤矿', '实验第二小学']));
  });
  it('finds a day of this or last month and shifts it', () => {
    expect(found('上月12号测过一次，本月5号复查。')).toEqual(['上月12号', '本月5号']);
    const vault = new PlaceholderVault({ seed: 7 });
    const [note] = deidentifyWithSpans(['本月5号复查'], vault);
    expect(note!.text).not.toContain('本月5号');
    expect(vault.restore(note!.text)).toBe('本月5号复查');
  });
});

describe('round-4 context words', () => {
  it('finds a full name after 陪/带 before 来', () => {
    expect(found('今天带郑美玲来的是她女儿。')).toContain('郑美玲');
  });
  it('finds passports with three letters after the cue', () => {
    expect(found('护照号XDA5512093，德国籍')).toContain('XDA5512093');
  });
});

describe('round-4 signatures and relatives', () => {
  it('finds a signature written with an initial and a neighbour', () => {
    const spans = found('Her neighbour Bea drove her in.\n— M. Tran, RN');
    expect(spans).toEqual(expect.arrayContaining(['Bea', 'M. Tran']));
  });
  it('finds Uyghur names with a middle dot and leaves 孙子 after 患者 alone', () => {
    expect(found('儿子依力哈木·吐尔逊陪同')).toContain('依力哈木·吐尔逊');
    expect(found('小魏（患者孙子）负责买药')).toEqual(['小魏']);
  });
});
