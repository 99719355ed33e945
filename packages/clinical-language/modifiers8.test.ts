import { describe, expect, it } from 'vitest';
import { emergency, mods } from './test-support/modifiers.ts';

// Classes of modifier errors and false emergencies of independent tuning part 12 (formerly held-out 14; issue 16):
// each class with fresh sentences and near misses that must stay current (a sign happening now in similar wording).
// Messages are written for these tests, not copied from the corpus.

describe('an episode that is over: came round by itself on a past day, gone in seconds, stopped, fine since (historical)', () => {
  it('is over', () => {
    expect(emergency('5床前天夜里晕厥一次，两分钟左右自行清醒，今天查了心电图')).toBe(false);
    expect(mods('5床前天夜里晕厥一次，两分钟左右自行清醒，今天查了心电图', 'syncope')).toBe('hist+fam');
    expect(emergency('我中午吃饭时胸口扎了一下，几秒钟就没了，现在没有任何不舒服')).toBe(false);
    expect(
      emergency(
        'Dad blacked out in the garden on Saturday, came round within a minute and has been fine since',
      ),
    ).toBe(false);
    expect(emergency('A stabbing pain in my chest on Friday that lasted a few seconds, nothing since')).toBe(
      false,
    );
    expect(mods('7床 夜间心悸一次 约十分钟 现已恢复 今晨无不适', 'palpitations')).toBe('hist+fam');
  });
  it('near misses stay current: still going on, a stroke sign gone today, not come round yet', () => {
    expect(emergency('刚才胸口压着疼了几分钟，现在还在疼，出冷汗')).toBe(true);
    expect(emergency('我爸刚才说话不清，几秒钟就没了')).toBe(true);
    expect(emergency("She fainted ten minutes ago and hasn't come round yet")).toBe(true);
    expect(emergency('抽搐还没停，已经五分钟了')).toBe(true);
    // 已停机 (the dialysis machine stopped) is no resolution of the breathlessness.
    expect(mods('我透析做到一半喘不上气，已停机', 'dyspnoea')).toBe('-');
    // A faint or a fit today that has passed is still seen today (dated to a past day it is over).
    expect(emergency('孩子刚才抽搐了一分多钟，现已停止，人还有点迷糊')).toBe(true);
    expect(emergency('I passed out in the shower twenty minutes ago, came round quickly')).toBe(true);
    expect(emergency('我妈刚才在厨房晕倒了，一分钟后自行清醒')).toBe(true);
  });
});

describe('an enquiry: wants to learn first aid, not in pain now, news, for an exam (hypothetical)', () => {
  it('is general', () => {
    expect(emergency('请问头突然剧痛该挂神经内科还是急诊？不是我现在疼，想先了解一下')).toBe(false);
    expect(emergency('抽搐的时候要不要往嘴里塞东西？想学点急救知识')).toBe(false);
    expect(emergency('新闻里说胸痛要马上打120，胸口闷也算吗？')).toBe(false);
    expect(emergency("Can a droopy face be Bell's palsy rather than a stroke? asking for an exam")).toBe(
      false,
    );
  });
  it('near misses stay current: a parent now, the writer now', () => {
    expect(emergency('想了解一下，我妈刚才突然说话不清是不是中风？')).toBe(true);
    expect(emergency('新闻里说胸痛要马上打120，我现在胸口压着疼，出汗')).toBe(true);
  });
});

describe('a leg numb with low back trouble or from sitting long is no stroke sign (BE-FAST: sudden, one side)', () => {
  it('is explained', () => {
    expect(emergency('腰椎间盘突出，右腿一阵阵发麻，久坐更明显')).toBe(false);
    expect(emergency('坐骨神经痛犯了，左腿麻到脚后跟')).toBe(false);
  });
  it('near misses stay current: sudden, with the arm or the face', () => {
    expect(emergency('腰疼好几年了，今天突然右腿没劲，右手也抬不起来')).toBe(true);
    expect(emergency('腰椎不好，可刚才左边脸和左腿一起麻了')).toBe(true);
  });
});

describe('facial palsy for months, still a little crooked (historical, long-standing)', () => {
  it('is long-standing', () => {
    expect(emergency('面神经炎两个月了，左边嘴角还是有点歪，能做理疗吗')).toBe(false);
    expect(mods('面瘫半年多了，嘴角还是歪的，要不要再扎针', 'neuro-deficit')).toBe('hist');
  });
  it('near misses stay current: a new palsy, half an hour old', () => {
    expect(emergency('我妈突然面瘫了，嘴角歪，半小时前发现的')).toBe(true);
    expect(emergency('面瘫两年了，今天另一边嘴角也突然歪了')).toBe(true);
  });
});

describe('当年 / back then: what happened then is past, up to a "now"', () => {
  it('is past', () => {
    expect(emergency('我爷爷当年胸口痛了一整晚才去医院，后来查出是心梗，差点没抢救过来')).toBe(false);
    expect(mods('我爷爷当年胸口痛了一整晚才去医院，后来查出是心梗', 'chest-pain')).toBe('hist+fam');
    expect(emergency('那年我舅舅胸口疼得打滚，急诊说是急性心梗马上放了支架，现在回想起来还心有余悸')).toBe(
      false,
    );
  });
  it('near misses stay current: now in the same sentence', () => {
    expect(emergency('当年我爸也这样，现在我胸口压着疼，出冷汗')).toBe(true);
    // 当年纪/当年龄 (when one's age …) is no 当年.
    expect(mods('当年纪大了以后头晕，这是怎么回事', 'dizziness')).not.toContain('hist');
  });
});
