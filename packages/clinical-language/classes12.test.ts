import { describe, expect, it } from 'vitest';
import { COMPOSE_RULES_9 } from './compose9.ts';
import { emergency, mods } from './test-support/modifiers.ts';

// Classes of missed emergencies of tuning part 20 (issue 16, round 5; compose9.ts, lexicon/variants7.ts, vitals.ts):
// each class with fresh sentences (written for these tests, not copied from the corpus) and near misses.

describe('a headache that struck like a blow or burst open all at once', () => {
  it('is a thunderclap headache', () => {
    expect(emergency('洗澡的时候头突然像被人拿锤子砸了一下，疼得要命')).toBe(true);
    expect(emergency('我妈说头像挨了一棍子，从没这么疼过')).toBe(true);
    expect(emergency('头痛不是一点点来的，是一下子炸开的')).toBe(true);
    expect(emergency('Sudden severe right-sided headache while lifting, vomited once')).toBe(true);
    expect(emergency('Pt 52M, headache since 10 min, worst of his life, neck stiff')).toBe(true);
    expect(emergency('突然 headache like it is exploding, 想吐')).toBe(true);
  });
  it('near misses: an uproar, a migraine, a mild headache', () => {
    expect(emergency('群里一下子炸开了锅，看得我头疼')).toBe(false);
    expect(emergency('偏头痛又犯了，头像被人敲一样，老毛病了')).toBe(false);
    expect(emergency('Sudden mild headache after the coffee wore off')).toBe(false);
  });
});

describe('sight gone misty, dim or veiled; sight lost suddenly; half of everything gone', () => {
  it('is a vision sign (with a crisis reading an emergency)', () => {
    expect(emergency('血压200/125，左眼像蒙了层纱')).toBe(true);
    expect(emergency('BP 196/121 and my left eye has gone dim and hazy')).toBe(true);
    expect(emergency('量了205/118，看字 blurry')).toBe(true);
    expect(emergency('急诊：男，58岁，左眼视力突然下降40分钟')).toBe(true);
    expect(emergency('The left half of everything has vanished since lunch')).toBe(true);
    expect(mods('my right eye has gone misty', 'vision-loss')).toBe('-');
  });
  it('near misses: glasses, a screen, no crisis reading', () => {
    expect(emergency('新配的眼镜看东西 blurry，血压195/120')).toBe(false);
    expect(emergency('右眼像蒙了层纱，血压130/80')).toBe(false);
    expect(emergency('The left half of the screen went black, phone is broken')).toBe(false);
  });
});

describe('breathless after a few words, sleeping sitting up, mixed wording, a child sucking in under the ribs', () => {
  it('is breathlessness', () => {
    expect(emergency('我爸现在说两句话就喘，脸色也不好')).toBe(true);
    expect(emergency('最近喘得厉害，晚上只能坐着睡')).toBe(true);
    expect(emergency('吃了那个药以后喉咙发紧，breathing 很困难')).toBe(true);
    expect(emergency('so short of breast I can barely talk')).toBe(true);
    expect(emergency("baby's breathing is fast and her skin is pulling in between the ribs")).toBe(true);
  });
  it('near misses: a back that keeps one sitting up, an abs workout, breast feeding', () => {
    expect(emergency('做完腰椎手术，晚上只能坐着睡，喘气正常')).toBe(false);
    expect(emergency('Pilates: pull your tummy in under the ribs and breathe out')).toBe(false);
    expect(emergency('Breast feeding is hard this week, short of sleep')).toBe(false);
  });
});

describe("a side's limb weak in a relative clause or in mixed zh/en", () => {
  it('is one-sided weakness', () => {
    expect(emergency('All good apart from my right leg, which has gone weak and heavy since 9am')).toBe(true);
    expect(emergency('左边 hand 和 leg 突然没劲了')).toBe(true);
  });
  it('near misses: a sprain, the gym', () => {
    expect(emergency('My left leg, which is weak after the sprain, is in a cast')).toBe(false);
    expect(emergency('昨天健身练腿，右边 leg 没力')).toBe(false);
  });
});

describe('an unwitnessed fit told by its marks; a familiar fact got wrong all of a sudden; a note of confusion', () => {
  it('is a fit or confusion', () => {
    expect(emergency('醒来发现舌头咬破了还尿了裤子，我老公说我抽了')).toBe(true);
    expect(emergency('奶奶刚才连自己名字都说错了，早上还好好的')).toBe(true);
    expect(emergency('急诊：患者血压225/135，回答问题对答不切题')).toBe(true);
  });
  it('near misses: a leg cramp, a slip of the tongue, exam nerves', () => {
    expect(emergency('半夜腿抽了，咬到舌头了')).toBe(false);
    expect(emergency('考试太紧张，连自己名字都写错了')).toBe(false);
  });
});

describe('a lone systolic after 一直在', () => {
  it('is a reading', () => {
    expect(emergency('血压一直在200左右，今天看东西模糊')).toBe(true);
    expect(emergency('血压一直在130左右，今天看东西模糊')).toBe(false);
  });
});

it('every rule of compose9 names a source', () => {
  for (const r of COMPOSE_RULES_9) expect(r.sources.length).toBeGreaterThan(0);
});
