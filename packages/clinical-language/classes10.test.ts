import { describe, expect, it } from 'vitest';
import { emergency, mods } from './test-support/modifiers.ts';

// Classes of missed emergencies of training parts 15–17 (issue 16; compose7.ts, lexicon/variants6.ts): each class
// with fresh sentences (written for these tests, not copied from the corpus) and near misses.

describe('a fit in lay words (抽了一阵/两次, 倒地抽, 发烧抽筋, 手脚一直抖, "gone rigid", "jerking") in a fit context', () => {
  it('is a seizure', () => {
    expect(emergency('我儿子三岁，烧到39度8，刚才抽了一阵，两只眼睛往上看')).toBe(true);
    expect(emergency('邻居大叔在楼下突然倒地抽，叫不醒')).toBe(true);
    expect(emergency('我婆婆从来没抽过，今天第一次抽，抽完一直迷迷糊糊')).toBe(true);
    expect(emergency('我老婆怀孕八个月，刚才抽了一下，现在说头疼')).toBe(true);
    expect(emergency('女儿有癫痫，今天上午抽了两次，现在还叫不醒')).toBe(true);
    expect(emergency('小孙子发烧抽筋，手脚一直抖')).toBe(true);
    expect(
      emergency("Our neighbour's lad just went rigid and is jerking on the pavement, he has never had a fit"),
    ).toBe(true);
    expect(emergency('my 2 year old has a temperature and her arms keep jerking')).toBe(true);
  });
  it('near misses: a leg cramp, drawing blood, smoking, shivering with cold', () => {
    expect(emergency('腿抽筋了，晚上睡觉小腿抽了一下，疼醒了')).toBe(false);
    expect(emergency('今天抽了两次血，胳膊有点青')).toBe(false);
    expect(emergency('他一直抽烟，咳嗽好久了')).toBe(false);
    expect(emergency('发烧的时候冷得全身一直抖，盖了两床被子')).toBe(false);
    expect(emergency('my calf cramps at night and the muscle keeps twitching')).toBe(false);
  });
});

describe('drowsy, repeating or slow after a knock on the head, drink or a fever; will not wake properly', () => {
  it('is altered consciousness', () => {
    expect(emergency('我爸骑车摔了，磕到后脑勺，现在眼神不对，反应特别慢')).toBe(true);
    expect(emergency('我老公喝多了摔在地上，叫他只会嗯嗯，眼睛睁不开')).toBe(true);
    expect(emergency('奶奶发高烧，一直反复问现在几点')).toBe(true);
    expect(emergency('He banged his head on a shelf and keeps asking what happened')).toBe(true);
    expect(emergency("Mum has a fever and she won't wake up properly, only moaning")).toBe(true);
  });
  it('near misses: sleepy after a late night, a slow phone or laptop, a dementia of years', () => {
    expect(emergency('昨晚熬夜太困了，眼睛睁不开')).toBe(false);
    expect(emergency('手机反应很慢，是不是内存满了')).toBe(false);
    expect(emergency("my laptop won't wake properly after sleep")).toBe(false);
    expect(emergency('我妈最近老年痴呆，一直问同一个问题')).toBe(false);
  });
});

describe('Cantonese breathlessness (喘唔到气, 唞唔切)', () => {
  it('is breathlessness', () => {
    expect(emergency('喘唔到气，心口好翳')).toBe(true);
    expect(emergency('阿妈话佢唞唔切，坐住都喘')).toBe(true);
    expect(mods('我而家透唔过气', 'dyspnoea')).toBe('-');
  });
  it('near miss: denied', () => {
    expect(emergency('冇喘唔到气，就系有啲咳')).toBe(false);
  });
});

describe('a heart attack or a dissection without the usual words (捂着胸口, "tight band", "something tore")', () => {
  it('is chest pain or tearing pain', () => {
    expect(emergency('我爸在院子里突然捂着胸口坐地上，满头大汗')).toBe(true);
    expect(emergency('he was clutching his chest and went pale')).toBe(true);
    expect(emergency("my wife says it's like a heavy band around her chest, started 20 minutes ago")).toBe(
      true,
    );
    expect(
      emergency('Dad said it felt like something ripped in his chest and went through to his back'),
    ).toBe(true);
    expect(emergency('She has had crushing chest pain for 40 minutes and has gone very pale')).toBe(true);
  });
  it('near misses: holding the chest while coughing, a gym strain, pain of years ago that has gone', () => {
    expect(emergency('咳嗽的时候捂着胸口，有点疼')).toBe(false);
    expect(emergency('something tore in my back when I was deadlifting at the gym')).toBe(false);
    expect(emergency('She had chest pain years ago which has gone')).toBe(false);
  });
});

describe('facial weakness in daily terms (脸木了, 喝水从嘴角漏, "dribbling out of one side")', () => {
  it('is a drooping face', () => {
    expect(emergency('外公吃饭的时候饭从右边嘴角掉出来，一侧脸木了')).toBe(true);
    expect(emergency('左边的脸木了，喝茶从嘴角漏出来')).toBe(true);
    expect(emergency("my husband's tea was dribbling out of the left side of his mouth")).toBe(true);
  });
  it("near misses: a dentist's anaesthetic, dribbling in sleep", () => {
    expect(emergency('刚拔完牙打了麻药，喝水从嘴角漏出来')).toBe(false);
    expect(emergency('宝宝睡觉流口水，嘴角流水')).toBe(false);
  });
});

describe("a baby's breathing distress (鼻翼扇动, 呼吸很急 + 不吃奶, grunting)", () => {
  it('is breathlessness', () => {
    expect(emergency('两个月宝宝呼吸很急，鼻翼一张一张的，不吃奶')).toBe(true);
    expect(emergency('my 6 week old baby is breathing really fast and grunting, not feeding')).toBe(true);
    expect(emergency('新生儿呼吸很快，肋骨下面一吸一凹的')).toBe(true);
    expect(emergency('小女儿喘得厉害，锁骨上面一吸气就陷进去')).toBe(true);
  });
  it('near misses: fast breathing after crying, a stuffy nose', () => {
    expect(emergency('孩子刚哭完呼吸很快，现在好了')).toBe(false);
    expect(emergency('宝宝鼻子有点塞，呼吸声音有点重')).toBe(false);
    expect(emergency('孩子天生漏斗胸，呼吸时胸口凹进去')).toBe(false);
  });
});

describe('a sudden violent headache, unlike any before, also in spaced-out run-on text', () => {
  it('is a severe headache', () => {
    expect(emergency('晚上看电视时头突然剧烈疼痛，吐了')).toBe(true);
    expect(emergency('这次头痛跟以前完全不一样，血压178/100')).toBe(true);
    expect(emergency('头 疼得 要命 从来 没 这样 过 看东西 也 模糊')).toBe(true);
  });
  it('near misses: a knock on the head, a hangover', () => {
    expect(emergency('头撞到门框，突然剧烈疼痛了一下，现在好了')).toBe(false);
  });
});
