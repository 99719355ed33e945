import { describe, expect, it } from 'vitest';
import { analyze, emergencyCall } from './analyze.ts';
import { TRIGGERS_3 } from './rules3.ts';

// Classes of misses of independent tuning part 6 (formerly held-out 8, issue 16): each class with a positive case
// and a near miss. Messages are written for these tests, not copied from the corpus.
const emergency = (t: string) => emergencyCall(analyze(t)).emergency;

describe('missed emergencies of tuning part 6: general mechanisms', () => {
  it('voice-input homophones of chest words (兄闷, 兄痛, 兄疼)', () => {
    expect(emergency('兄疼得厉害，出冷汗')).toBe(true);
    expect(emergency('早上起来兄闷，喘气费劲')).toBe(true);
    expect(emergency('兄口不疼，就是有点咳嗽')).toBe(false);
  });
  it('double negation by contrast ("不是不疼，是…", "it\'s not that I don\'t have …") affirms the sign', () => {
    expect(emergency('心口不是不痛，是一会儿比一会儿重')).toBe(true);
    expect(emergency("it's not that there's no chest pain, it's that it comes and goes")).toBe(true);
    expect(emergency('胸口不疼，就是有点痒')).toBe(false);
  });
  it('half of what is seen gone (一半东西看不见, "lost the right half of what I see")', () => {
    expect(emergency('他说右边一半东西都看不见了，刚才开始的')).toBe(true);
    expect(emergency('I have lost the right half of what I see, came on an hour ago')).toBe(true);
    expect(emergency('手机屏幕右边一半看不见了，摔坏了')).toBe(false);
  });
  it('double vision is a sign without a sudden cue; not a long-standing squint', () => {
    expect(emergency('看什么都是重影，头也晕')).toBe(true);
    expect(emergency('两只眼睛看人都成双的了，走路还晃')).toBe(true);
    expect(emergency('近视好几年了，看东西有点重影')).toBe(false);
  });
  it('cannot be woken properly, barely roused, reduced GCS', () => {
    expect(emergency("can't wake my dad properly, he mumbles and drops off again")).toBe(true);
    expect(emergency('we can hardly rouse her this afternoon')).toBe(true);
    expect(emergency('80M, GCS reduced, found on floor')).toBe(true);
    expect(emergency("can't wake up early enough for work")).toBe(false);
  });
  it('a leg or arm not working right, wobbly all of a sudden', () => {
    expect(emergency("my right arm isn't working properly since lunch")).toBe(true);
    expect(emergency('all of a sudden I went wobbly on my feet and my left leg feels wrong')).toBe(true);
    expect(emergency('the left leg of the table is wobbly')).toBe(false);
  });
  it('mixed zh/en: an English adverb or state between a Chinese body part and its state', () => {
    expect(emergency('我妈 left 手 no power，说话也不清')).toBe(true);
    expect(emergency('右眼 suddenly 看不到了')).toBe(true);
    expect(emergency('头痛 worst ever，一下子来的')).toBe(true);
    expect(emergency('后背 suddenly 撕裂一样疼')).toBe(true);
    expect(emergency('头痛 not too bad，昨天没睡好')).toBe(false);
  });
  it('a neighbour who is an old person collapsing now (邻居老太太, no 的) is someone with the writer', () => {
    expect(emergency('邻居老太太刚刚摔倒了，嘴歪了，叫120了吗')).toBe(true);
  });
});

describe('modifiers of tuning part 6', () => {
  it('Nan or Gran at the start of a sentence is someone else (UK/Australian)', () => {
    const m = analyze('Gran just collapsed in the garden and is not responding').mentions[0];
    expect(m?.modifiers.experiencer).toBe('other');
    expect(emergency('Gran just collapsed in the garden and is not responding')).toBe(true);
  });
});

describe('false emergencies of tuning part 6', () => {
  it('a deficit still left years after a past stroke (还是, 到现在还, residual) is historical; a new one is not', () => {
    expect(emergency('我妈三年前中风过，现在右手还是没什么劲，药能停吗')).toBe(false);
    expect(emergency('外公八年前脑梗，到现在走路还不太稳，正常吗')).toBe(false);
    expect(emergency('PMH stroke 2015 with residual L arm weakness, stable')).toBe(false);
    expect(emergency('我妈三年前中风过，今天突然右手没劲了')).toBe(true);
  });
  it('a general question whether a condition shows a sign ("脑梗是不是会…？", "is X a sign of Y?")', () => {
    expect(emergency('中风是不是会说话不清楚？')).toBe(false);
    expect(emergency('Is a tearing back pain a sign of a dissection?')).toBe(false);
    expect(emergency('is squeezing chest pain a symptom of angina?')).toBe(false);
    expect(emergency('My dad has crushing chest pain, is it a sign of heart attack?')).toBe(true);
    expect(emergency('我爸说话不清楚，是不是中风了？')).toBe(true);
  });
});

// One row per rule in TRIGGERS_3 (rules3.ts, same order): a positive case and a look-alike that must not set it.
type Flag = 'historical' | 'hypothetical' | 'uncertain';
const RULE_CASES_3: { flag: Flag; pos: [string, string]; pseudo: [string, string] }[] = [
  {
    flag: 'historical',
    pos: ['我妈五年前中风，现在左手还是没劲', 'limb-weakness'],
    pseudo: ['我妈五年前中风，现在左手突然又没劲了', 'limb-weakness'],
  },
  {
    flag: 'historical',
    pos: ['old stroke with residual left arm weakness', 'limb-weakness'],
    pseudo: ['residual cough, and now left arm weakness since 10am', 'limb-weakness'],
  },
  { flag: 'historical', pos: ['Hx CVA', 'stroke'], pseudo: ['CVA now, hx unclear', 'stroke'] },
  {
    flag: 'hypothetical',
    pos: ['心梗是不是会胸口疼？', 'chest-pain'],
    pseudo: ['我胸口疼，是不是心梗？', 'chest-pain'],
  },
  {
    flag: 'hypothetical',
    pos: ['中风会不会说话不清？', 'stroke'],
    pseudo: ['我爸中风过，现在说话不清', 'stroke'],
  },
  {
    flag: 'hypothetical',
    pos: ['is chest pain a sign of stroke?', 'chest-pain'],
    pseudo: ['I have chest pain, a sign of what?', 'chest-pain'],
  },
  {
    flag: 'hypothetical',
    pos: ['is it a sign of stroke?', 'stroke'],
    pseudo: ['signed off after my stroke', 'stroke'],
  },
  { flag: 'hypothetical', pos: ['什么叫小中风？', 'tia'], pseudo: ['我知道什么叫难受，昨天小中风了', 'tia'] },
  { flag: 'hypothetical', pos: ['脑梗之前有什么征兆', 'stroke'], pseudo: ['脑梗之前血压很高', 'stroke'] },
  { flag: 'uncertain', pos: ['R arm weak x1h, ?stroke', 'stroke'], pseudo: ['stroke? no', 'stroke'] },
];

describe('context rules, part 3 (rules3.ts)', () => {
  const has = (text: string, concept: string, flag: Flag) => {
    const m = analyze(text).mentions.find((x) => x.concept === concept);
    if (!m) throw new Error(`"${text}": ${concept} not found`);
    return m.modifiers[flag];
  };
  it('has a positive and a look-alike case for every rule', () => {
    expect(RULE_CASES_3.map((c) => c.flag)).toEqual(TRIGGERS_3.map((r) => r.category));
  });
  RULE_CASES_3.forEach(({ flag, pos, pseudo }, i) => {
    it(`rule ${i} (${flag}): "${pos[0]}" sets it, "${pseudo[0]}" does not`, () => {
      expect(has(pos[0], pos[1], flag)).toBe(true);
      expect(has(pseudo[0], pseudo[1], flag)).toBe(false);
    });
  });
});
