import { describe, expect, it } from 'vitest';
import { COMPOSE_RULES_8 } from './compose8.ts';
import { emergency } from './test-support/modifiers.ts';

// Classes of missed emergencies of training parts 18–19 (issue 16; compose8.ts): each class with fresh sentences
// (written for these tests, not copied from the corpus) and near misses.

describe('lost or wrong speech in lay words (zh and en)', () => {
  it('is a speech difficulty', () => {
    expect(emergency('爷爷刚才突然不会说话了，嘴一张一张的')).toBe(true);
    expect(emergency('我老公张着嘴半天说不出话来')).toBe(true);
    expect(emergency('外婆说不出来了，只会嗯嗯地哼')).toBe(true);
    expect(emergency('我爸舌头发硬了，讲话别人听不懂')).toBe(true);
    expect(emergency('她说的话都不是她想说的，前言不搭后语')).toBe(true);
    expect(emergency('He suddenly lost his speech about 20 minutes ago')).toBe(true);
    expect(emergency("Mum's words keep coming out jumbled since lunch")).toBe(true);
  });
  it('near misses: a baby not talking yet, "I can\'t put it into words", a hoarse voice', () => {
    expect(emergency('孩子一岁了还不会说话，正常吗')).toBe(false);
    expect(emergency('我说不出来哪里不舒服，就是浑身没劲')).toBe(false);
    expect(emergency('感冒了嗓子哑，说不出话了')).toBe(false);
    expect(emergency('Lost my speech notes for the wedding toast, so stressed')).toBe(false);
  });
});

describe("not rousable in carers' and clinicians' words", () => {
  it('is unresponsive', () => {
    expect(emergency('叫她她眼睛睁开一下又闭上了')).toBe(true);
    expect(emergency('护士说3床老人呼之不应')).toBe(true);
    expect(emergency('Grandad is unrousable this morning')).toBe(true);
    expect(emergency('The resident could not be roused at 7am, responds only to pain')).toBe(true);
  });
  it('near misses: a teenager asleep after the phone, an app that will not wake', () => {
    expect(emergency('孩子早上叫了半天不起床，玩手机玩到半夜')).toBe(false);
    expect(emergency("my phone can't be woken from sleep mode, app frozen")).toBe(false);
  });
});

describe('sudden confusion and disorientation', () => {
  it('is confusion', () => {
    expect(emergency('奶奶突然糊涂了，不认识我了')).toBe(true);
    expect(emergency('我爸连自己的名字都想不起来了，血压一直200')).toBe(true);
    expect(emergency('She is drowsy and muddled since this afternoon')).toBe(true);
  });
  it('near misses: a muddle from revising or a deadline', () => {
    expect(emergency('复习了一晚上，脑子一团浆糊')).toBe(false);
    expect(emergency('this deadline has me drowsy and muddled, too much work')).toBe(false);
  });
});

describe('the chest or heart squeezed or wrung; nitroglycerin not helping; the old heart-attack pain back', () => {
  it('is chest pain', () => {
    expect(emergency('感觉有只手攥着我的心，疼了二十分钟')).toBe(true);
    expect(emergency('胸口像被人拧住一样，喘不上气，出冷汗')).toBe(true);
    expect(emergency('It feels like someone is squeezing my chest, pain for 15 minutes')).toBe(true);
    expect(emergency('含了两片硝酸甘油还是疼，已经半小时了')).toBe(true);
    expect(emergency("Used my GTN spray twice and it didn't help the pain")).toBe(true);
    expect(emergency('放过支架的，现在又是那种闷，跟上次一模一样')).toBe(true);
  });
  it('near misses: a sad film, grief, a headache like last time', () => {
    expect(emergency('看这部电影看得心像被揪着一样，太虐了')).toBe(false);
    expect(emergency('放过支架，今天头疼，跟上次一样，吃了止痛片')).toBe(false);
  });
});

describe("repeated fits; one eye dim suddenly; a side's limb in mixed zh/en; flashing in pregnancy", () => {
  it('is an emergency', () => {
    expect(emergency('孩子今天一个上午抽了三次')).toBe(true);
    expect(emergency('She fitted three times in the last hour')).toBe(true);
    expect(emergency('左眼突然看不见了')).toBe(true);
    expect(emergency('Right eye suddenly gone dim 10 min ago')).toBe(true);
    expect(emergency('今天早上起来右手 weak，拿不住筷子，刚发生的')).toBe(true);
    expect(emergency('left leg 没劲，走不了路，刚发生的')).toBe(true);
    expect(emergency('怀孕34周，眼前一闪一闪的，头也疼')).toBe(true);
    expect(emergency('BP 200/125 and my vision is blurring')).toBe(true);
  });
  it('near misses: a fitted kitchen, grit in one eye, a sprained wrist, a phone screen', () => {
    expect(emergency('We fitted the new kitchen twice over in the last hour, my back aches')).toBe(false);
    expect(emergency('右眼进了沙子，有点模糊，揉了一下')).toBe(false);
    expect(emergency('右手腕扭伤了，weak，拿不了东西')).toBe(false);
    expect(emergency('眼睛一闪一闪的，看手机太久了')).toBe(false);
  });
  it('every rule names its sources', () => {
    for (const r of COMPOSE_RULES_8) expect(r.sources.length).toBeGreaterThan(0);
  });
});
