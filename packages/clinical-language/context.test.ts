import { describe, expect, it } from 'vitest';
import { analyze, emergencyCall } from './analyze.ts';
import { TRIGGERS } from './rules.ts';
import { TRIGGERS_3 } from './rules3.ts';
import type { Modifiers } from './types.ts';

type Flag = 'negated' | 'historical' | 'hypothetical' | 'other' | 'uncertain';

function flags(m: Modifiers): Flag[] {
  const out: Flag[] = [];
  if (m.negated) out.push('negated');
  if (m.historical) out.push('historical');
  if (m.hypothetical) out.push('hypothetical');
  if (m.experiencer === 'other') out.push('other');
  if (m.uncertain) out.push('uncertain');
  return out;
}

function flagsOf(text: string, concept: string): Flag[] {
  const m = analyze(text).mentions.find((x) => x.concept === concept);
  if (!m) throw new Error(`"${text}": ${concept} not found`);
  return flags(m.modifiers);
}

/**
 * One row per rule in TRIGGERS (same order): a positive case where the rule sets its modifier, and a
 * pseudo-trigger / out-of-scope case where the same cue (or a look-alike) must not.
 */
const RULE_CASES: { flag: Flag; pos: [string, string]; pseudo: [string, string] }[] = [
  { flag: 'negated', pos: ['没有胸痛', 'chest-pain'], pseudo: ['无缘无故胸口疼', 'chest-pain'] },
  { flag: 'negated', pos: ['不头晕', 'dizziness'], pseudo: ['不停地胸口疼', 'chest-pain'] },
  { flag: 'negated', pos: ['冇胸口痛', 'chest-pain'], pseudo: ['手脚冇力', 'limb-weakness'] },
  { flag: 'negated', pos: ['胸口莫得啥子痛', 'chest-pain'], pseudo: ['莫名其妙胸口痛', 'chest-pain'] },
  { flag: 'negated', pos: ['勿头痛', 'headache'], pseudo: ['头痛勿要紧', 'headache'] },
  {
    flag: 'negated',
    pos: ["I don't have chest pain", 'chest-pain'],
    pseudo: ['not only a headache', 'headache'],
  },
  { flag: 'negated', pos: ['胸痛？没有', 'chest-pain'], pseudo: ['胸痛没有缓解', 'chest-pain'] },
  {
    flag: 'negated',
    pos: ['chest pain: none', 'chest-pain'],
    pseudo: ['chest pain: no relief', 'chest-pain'],
  },
  // An A-not-A question answered "no"; answered "yes" it stays affirmed.
  {
    flag: 'negated',
    pos: ['看东西模糊不模糊？不模糊，挺清楚的', 'blurred-vision'],
    pseudo: ['看东西模糊不模糊？模糊得很', 'blurred-vision'],
  },
  // A list denied as a whole after it; "其他这些都没有" denies the others, not the named one.
  {
    flag: 'negated',
    pos: ['胸闷气短这些都没有', 'chest-pain'],
    pseudo: ['胸痛，其他这些都没有', 'chest-pain'],
  },
  // Asked about it and answered no; "说不清" is no answer.
  {
    flag: 'negated',
    pos: ['医生问我有没有胸闷，我说没有', 'chest-pain'],
    pseudo: ['心口好像有点闷闷的疼，说不清', 'chest-pain'],
  },
  { flag: 'negated', pos: ['胸痛（-），头晕（+）', 'chest-pain'], pseudo: ['胸痛（+）', 'chest-pain'] },
  { flag: 'historical', pos: ['小时候有过癫痫', 'epilepsy'], pseudo: ['吃药之前胸口疼', 'chest-pain'] },
  {
    flag: 'historical',
    pos: ['我爸有中风病史', 'stroke'],
    pseudo: ['头痛得要命，从来没有这么痛过', 'thunderclap-headache'],
  },
  {
    flag: 'historical',
    pos: ['history of stroke', 'stroke'],
    pseudo: ['family history of stroke', 'stroke'],
  },
  {
    flag: 'historical',
    pos: ['chest pain last week', 'chest-pain'],
    pseudo: ['chest pain and the headache went away', 'chest-pain'],
  },
  { flag: 'historical', pos: ['多年的头痛', 'headache'], pseudo: ['多年的高血压', 'hypertension'] },
  {
    flag: 'historical',
    pos: ['脑梗后遗症，说话一直不太清楚', 'speech-difficulty'],
    pseudo: ['中风后遗症，今天胸口疼', 'chest-pain'],
  },
  {
    flag: 'historical',
    pos: ['左手一直没劲，老毛病了', 'limb-weakness'],
    pseudo: ['胸口疼，老毛病了', 'chest-pain'],
  },
  // "当时" after a past cue in the sentence; without one it is the moment just described.
  {
    flag: 'historical',
    pos: ['我姐以前脑动脉瘤破过，当时头疼得要命', 'severe-headache'],
    pseudo: ['刚才摔了一跤，当时就说不出话了', 'speech-difficulty'],
  },
  // A deficit left by a past event, unchanged since; an acute deficit "no change since" stays current.
  {
    flag: 'historical',
    pos: ['三年前中风，左手一直没什么力气，这几年都这样，没有变化', 'limb-weakness'],
    pseudo: ['左手突然没劲，到现在没有变化', 'limb-weakness'],
  },
  { flag: 'historical', pos: ['爷爷中风三年了', 'stroke'], pseudo: ['高血压三年了', 'hypertension'] },
  {
    flag: 'historical',
    pos: ['had chest pain on Tuesday but it settled', 'chest-pain'],
    pseudo: ["chest pain, it hasn't settled", 'chest-pain'],
  },
  {
    flag: 'historical',
    pos: ['前几天胸闷，今天已经好了', 'chest-pain'],
    pseudo: ['胸闷，头晕已经好了', 'chest-pain'],
  },
  {
    flag: 'historical',
    pos: ['前天左手麻了十分钟自己好了', 'limb-weakness'],
    pseudo: ['刚才左手麻了十分钟自己好了', 'limb-weakness'],
  },
  { flag: 'historical', pos: ['头痛好多年了', 'headache'], pseudo: ['高血压好多年了', 'hypertension'] },
  {
    flag: 'historical',
    pos: ['blind in one eye since childhood', 'sudden-vision-loss'],
    pseudo: ['hypertension for years', 'hypertension'],
  },
  {
    flag: 'historical',
    pos: ['my mother had a stroke at 65', 'stroke'],
    pseudo: ['a stroke at 10 am today', 'stroke'],
  },
  {
    flag: 'hypothetical',
    pos: ['如果胸痛怎么办', 'chest-pain'],
    pseudo: ['我注意到说话不清楚', 'speech-difficulty'],
  },
  { flag: 'hypothetical', pos: ['中风有什么症状', 'stroke'], pseudo: ['胸口疼是怎么回事', 'chest-pain'] },
  {
    flag: 'hypothetical',
    pos: ['if I get chest pain', 'chest-pain'],
    pseudo: ["I don't know if it's chest pain", 'chest-pain'],
  },
  // "Is X a side effect of …?" right after the term is a general question; "I have X, is it a side effect" is not.
  {
    flag: 'hypothetical',
    pos: ['is chest pain a side effect of amlodipine?', 'chest-pain'],
    pseudo: ['I have chest pain, is it a side effect of amlodipine?', 'chest-pain'],
  },
  // A question about what a word or campaign means (after the term, and for the rest of the sentence).
  {
    flag: 'hypothetical',
    pos: ['中风120是什么意思', 'stroke'],
    pseudo: ['我爸中风了，120什么时候到', 'stroke-now'],
  },
  {
    flag: 'hypothetical',
    pos: ['中风120是什么意思，口角歪斜要打120吗', 'facial-droop'],
    pseudo: ['我爸口角歪斜了，中风120是什么意思', 'facial-droop'],
  },
  // A general population as the subject; "我家老年人" is the writer's own relative.
  {
    flag: 'hypothetical',
    pos: ['老年人突然糊涂是不是中风的表现', 'confusion'],
    pseudo: ['我家老年人突然糊涂了', 'confusion'],
  },
  {
    flag: 'uncertain',
    pos: ['好像说话不清楚', 'speech-difficulty'],
    pseudo: ['他尽可能描述了胸口疼', 'chest-pain'],
  },
  {
    flag: 'uncertain',
    pos: ['应该是胸闷吧', 'chest-pain'],
    pseudo: ['胸口闷得像压了块石头一样', 'chest-pain'],
  },
  {
    flag: 'uncertain',
    pos: ['chest feels heavy, might be nothing', 'chest-pain'],
    pseudo: ['chest feels heavy, nothing helps', 'chest-pain'],
  },
  // A guessed harmless cause after the term (sentence scope); a stated cause without a question is not a doubt.
  {
    flag: 'uncertain',
    pos: ['感觉有点喘不上来气，可能是紧张？', 'dyspnoea'],
    pseudo: ['喘不上来气，是紧张引起的', 'dyspnoea'],
  },
  // Doubt about what it is, across "but/就是"; doubting only its importance ("maybe it's nothing") is not.
  {
    flag: 'uncertain',
    pos: ["not sure if its heartburn but my chest is tight and heavy and I'm clammy", 'chest-pain'],
    pseudo: ["Maybe it's nothing but my chest feels tight", 'chest-pain'],
  },
  {
    flag: 'uncertain',
    pos: ['maybe a stroke', 'stroke'],
    pseudo: ['I might as well say my chest hurts', 'chest-pain'],
  },
  { flag: 'other', pos: ['我妈说话不清楚', 'speech-difficulty'], pseudo: ['其他症状：胸痛', 'chest-pain'] },
  { flag: 'other', pos: ['高血压家族史', 'hypertension'], pseudo: ['高血压病史', 'hypertension'] },
  {
    flag: 'other',
    pos: ["my mother can't lift her arm", 'limb-weakness'],
    pseudo: ['she says my speech is slurred', 'speech-difficulty'],
  },
  {
    flag: 'other',
    pos: ['stroke runs in my family', 'stroke'],
    pseudo: ['chest pain and my family is here', 'chest-pain'],
  },
  // rules2.ts (issue 16, tuning parts 4 and 5): a clinician's patient; several of the family; a past event lived with;
  // stopped after minutes; "before and now".
  { flag: 'other', pos: ['3床患者胸痛', 'chest-pain'], pseudo: ['我是高血压病人，胸痛', 'chest-pain'] },
  { flag: 'other', pos: ['糖尿病的老爸', 'diabetes'], pseudo: ['糖尿病的药', 'diabetes'] },
  { flag: 'other', pos: ['家里好几个人脑梗', 'stroke'], pseudo: ['家里就我一个人，胸痛', 'chest-pain'] },
  { flag: 'historical', pos: ['我脑梗后一直在吃药', 'stroke'], pseudo: ['他脑梗后马上送来了', 'stroke'] },
  {
    flag: 'historical',
    pos: ['上周胸口疼了一阵，十来分钟就好了', 'chest-pain'],
    pseudo: ['胸口疼了十来分钟，还没好', 'chest-pain'],
  },
  {
    flag: 'historical',
    pos: ['鼻出血，捏了一会儿止住了', 'epistaxis'],
    pseudo: ['鼻出血，捏了还是止不住', 'epistaxis'],
  },
  {
    flag: 'historical',
    pos: ['felt dizzy in the shower this morning, gone in seconds', 'dizziness'],
    pseudo: ['dizzy, gone to bed but still spinning', 'dizziness'],
  },
  {
    flag: 'historical',
    pos: ['同学前天晕倒，送医院了', 'syncope'],
    pseudo: ['同学刚才晕倒，送医院了', 'syncope'],
  },
  { flag: 'historical', pos: ['头晕，好几年了', 'dizziness'], pseudo: ['头晕，几分钟了', 'dizziness'] },
  { flag: 'uncertain', pos: ['係咪中风', 'stroke'], pseudo: ['係中风', 'stroke'] },
  {
    flag: 'historical',
    pos: ['I had a stroke before and now I take aspirin', 'stroke'],
    pseudo: ['chest pain before and after meals', 'chest-pain'],
  },
];

describe('context modifier rules', () => {
  it('has a positive and a pseudo-trigger case for every rule', () => {
    // TRIGGERS_3 (the last rules) have their cases in classes5.test.ts.
    const rules = TRIGGERS.slice(0, TRIGGERS.length - TRIGGERS_3.length);
    expect(RULE_CASES.length).toBe(rules.length);
    rules.forEach((rule, i) => {
      const flag = rule.category === 'experiencer' ? 'other' : rule.category;
      expect(RULE_CASES[i]?.flag, `rule ${i} (${rule.re.slice(0, 30)})`).toBe(flag);
    });
  });

  RULE_CASES.forEach(({ flag, pos, pseudo }, i) => {
    it(`rule ${i} (${flag}): "${pos[0]}" sets it, "${pseudo[0]}" does not`, () => {
      expect(flagsOf(pos[0], pos[1])).toContain(flag);
      expect(flagsOf(pseudo[0], pseudo[1])).not.toContain(flag);
    });
  });
});

describe('pseudo-triggers and terminators', () => {
  it('没完没了 is an idiom; "那倒没有" denies what was asked; "before" at a clause end dates it', () => {
    expect(flagsOf('头疼没完没了的，隐隐的', 'headache')).not.toContain('negated');
    expect(flagsOf('头疼？没有', 'headache')).toContain('negated');
    expect(flagsOf('头痛得厉害？那倒没有，就是有点晕', 'severe-headache')).toContain('negated');
    expect(flagsOf('I had a stroke before, what should I watch for', 'stroke')).toContain('historical');
    expect(flagsOf('I had chest pain before the meal', 'chest-pain')).not.toContain('historical');
  });

  it('regional words for father are family (老汉儿, 老豆); generic "make you" is hypothetical', () => {
    expect(flagsOf('屋头老汉儿抽起来了', 'seizure')).toContain('other');
    expect(flagsOf('老汉儿说我胸口疼是累的', 'chest-pain')).not.toContain('other');
    expect(flagsOf('can high blood pressure make you have a stroke?', 'stroke')).toContain('hypothetical');
  });

  it('sudden onset ends a past or negated scope, not a conditional', () => {
    expect(flagsOf('如果突然说话不清楚，是不是要马上打120', 'speech-difficulty')).toContain('hypothetical');
    expect(flagsOf('if suddenly my chest hurts what do i do', 'chest-pain')).toContain('hypothetical');
    expect(flagsOf('以前头晕，突然胸口疼', 'chest-pain')).not.toContain('historical');
  });

  it('的话 after a speech verb is the noun "words", not a conditional', () => {
    expect(flagsOf('我爸净说些颠三倒四的话', 'confusion')).not.toContain('hypothetical');
    expect(flagsOf('说话颠三倒四的话要打120吗', 'speech-difficulty')).toContain('hypothetical');
  });

  it('resolved or dated in lay wording: 早就不疼了, "2 yrs ago", "back in march", "ever since"', () => {
    expect(flagsOf('前两天胸口疼了一下，早就不疼了', 'chest-pain')).toContain('historical');
    expect(flagsOf('胸口疼了一下，一直不见好', 'chest-pain')).not.toContain('historical');
    expect(flagsOf('had chest pain 2 yrs ago', 'chest-pain')).toContain('historical');
    expect(flagsOf('chest pain for 2 hrs', 'chest-pain')).not.toContain('historical');
    expect(flagsOf('my arm went numb back in march', 'limb-weakness')).toContain('historical');
    expect(flagsOf('my left leg has been weak ever since', 'limb-weakness')).toContain('historical');
    expect(flagsOf('my left leg has been weak since this morning', 'limb-weakness')).not.toContain(
      'historical',
    );
  });

  it('idioms with a negation character do not negate', () => {
    for (const text of [
      '无缘无故胸口疼',
      '无诱因胸痛',
      '无明显诱因胸闷',
      '不知不觉胸口就闷了',
      '没想到胸口疼起来',
      '毫无征兆地说不出话',
    ])
      expect(
        analyze(text).mentions.some((m) => m.emergency && !m.modifiers.negated),
        text,
      ).toBe(true);
    expect(flagsOf('Not only do I have a headache, my chest hurts too', 'chest-pain')).toEqual([]);
    expect(flagsOf('for no reason my chest started hurting', 'chest-pain')).toEqual([]);
  });

  it('a terminator ends the scope', () => {
    expect(flagsOf('没有发烧，但是胸口疼', 'chest-pain')).toEqual([]);
    expect(flagsOf('没有头痛但胸闷', 'chest-pain')).toEqual([]);
    expect(flagsOf('no fever but chest pain', 'chest-pain')).toEqual([]);
    expect(flagsOf('以前中风过，今天胸口疼', 'chest-pain')).toEqual([]);
    expect(flagsOf('我妈头晕，我也头晕', 'dizziness')).toEqual(['other']);
    expect(analyze('我妈头晕，我也头晕').mentions.map((m) => flags(m.modifiers))).toEqual([['other'], []]);
  });

  it('negation spreads over a list but not over a clause break', () => {
    expect(analyze('没有胸痛、气短和头晕').mentions.every((m) => m.modifiers.negated)).toBe(true);
    expect(flagsOf('没有胸痛。说话不清楚', 'speech-difficulty')).toEqual([]);
  });

  it('negation inside the phrase ("头不疼", "胸口一点也不闷") and "X没事"', () => {
    expect(flagsOf('头不疼', 'headache')).toEqual(['negated']);
    expect(flagsOf('胸口一点也不闷', 'chest-pain')).toEqual(['negated']);
    expect(flagsOf('胸口倒是没事', 'chest-pain')).toEqual(['negated']);
  });

  it('negation wins over history, a recurrence makes a past mention current', () => {
    expect(flagsOf('没有中风过', 'stroke')).toEqual(['negated']);
    expect(flagsOf('以前有过胸痛，现在又痛了', 'chest-pain')).toEqual([]);
    expect(flagsOf('上周开始胸闷到现在', 'chest-pain')).toEqual([]);
    expect(flagsOf('上次量血压的时候胸口疼，现在还疼', 'chest-pain')).toEqual([]);
    expect(flagsOf("I had a stroke last year and still can't move my arm well", 'stroke')).toEqual([
      'historical',
    ]);
    expect(flagsOf('2026年3月10日早上开始胸口疼', 'chest-pain')).toEqual([]);
    expect(flagsOf('2019年3月脑梗过', 'stroke')).toEqual(['historical']);
    expect(flagsOf('previously healthy man with crushing chest pain', 'chest-pain')).toEqual([]);
    expect(flagsOf('需排除心梗', 'myocardial-infarction')).toEqual([]);
  });

  it('a caregiver about someone with them now: experiencer other, not historical', () => {
    expect(flagsOf('我爸突然说话不清楚了', 'speech-difficulty')).toEqual(['other']);
    expect(flagsOf('My dad had a stroke 5 years ago', 'stroke')).toEqual(['historical', 'other']);
  });
});

describe('relatives', () => {
  it('the nearest experiencer cue names the relative', async () => {
    const { relativeOf } = await import('./relatives.ts');
    const a = analyze('父亲高血压，母亲糖尿病，my grandma had a stroke');
    expect(a.mentions.map((m) => relativeOf(m).code)).toEqual(['FTH', 'MTH', 'GRMTH']);
    expect(relativeOf(analyze('家族史：高血压').mentions[0] ?? { cues: [] }).code).toBe('FAMMEMB');
  });
});

describe('transient stroke signs (TIA)', () => {
  it('a stroke sign that went away later in the sentence is not "resolved"', () => {
    expect(flagsOf('刚才说话不清楚，现在已经好了', 'speech-difficulty')).toEqual([]);
    expect(flagsOf('前几天胸闷，今天已经好了', 'chest-pain')).toEqual(['historical']);
    expect(flagsOf('前天胸口疼了一下，后来就好了', 'chest-pain')).toEqual(['historical']);
    expect(flagsOf('说话不清楚，后来就好了', 'speech-difficulty')).toEqual([]);
  });
});

describe("third-party reports and someone else's relative (remote: never current)", () => {
  const remote = (text: string, concept: string) =>
    analyze(text).mentions.find((m) => m.concept === concept)?.modifiers.remote === true;
  it('a person in a news report, article or video is remote; a reported general statement is hypothetical', () => {
    expect(remote('新闻说有人胸痛猝死', 'chest-pain')).toBe(true);
    expect(remote('I read about someone who had a stroke', 'stroke')).toBe(true);
    expect(remote('网上视频里有个老人突然说不出话', 'speech-difficulty')).toBe(true);
    expect(flagsOf('电视上说胸痛要打120', 'chest-pain')).toEqual(['hypothetical']);
    expect(remote('同事的爸爸中风了', 'stroke-now')).toBe(true);
    expect(remote("my coworker's father had a stroke", 'stroke')).toBe(true);
  });
  it("the writer's own words end a report; a bystander or a relative with the writer is not remote", () => {
    expect(flagsOf('看了新闻，我现在胸口疼', 'chest-pain')).toEqual([]);
    expect(flagsOf('看到新闻很紧张，胸口疼', 'chest-pain')).toEqual([]);
    expect(remote('旁边有人晕倒了', 'syncope')).toBe(false);
    expect(flagsOf('旁边有人晕倒了', 'syncope')).toEqual(['other']);
    expect(remote('朋友的妈妈晕倒了，就在我家', 'syncope')).toBe(false);
    expect(remote("my friend's dad collapsed, he is here with me", 'syncope')).toBe(false);
    // The writer's relatives and pronouns are never remote, even next to a report word (video call, asking online).
    expect(flagsOf('视频里看到我妈嘴歪了', 'facial-droop')).toEqual(['other']);
    expect(flagsOf('我在网上问一下，他突然说不出话', 'speech-difficulty')).toEqual(['other']);
    expect(flagsOf("I'm sending a video, my mom's face is drooping", 'facial-droop')).toEqual(['other']);
  });
});

describe('pseudo-triggers added for uncertainty', () => {
  it('"怎么知道是不是" asks how to tell; a simile with 好像 is no doubt', () => {
    expect(flagsOf('怎么知道是不是心衰引起的喘不上气', 'dyspnoea')).toEqual(['hypothetical']);
    expect(flagsOf('胸口好像有块大石头压着', 'chest-pain')).toEqual([]);
    expect(flagsOf('好像中风了', 'stroke-now')).toEqual(['uncertain']);
  });
});

describe('modifier scopes from the second independent tuning part (issue 16)', () => {
  it('post-negation after a demonstrative ("这种情况倒是没有"); not "这种情况没办法"', () => {
    expect(flagsOf('喘不上气这种情况倒是没有，就是鼻塞', 'dyspnoea')).toEqual(['negated']);
    expect(flagsOf('喘不上气这种情况没办法', 'dyspnoea')).toEqual([]);
  });
  it('gone within seconds and never again is resolved; a stroke sign gone within minutes is not (TIA)', () => {
    expect(flagsOf('前天胸口闷了一下，几秒钟就好了，后来再没有过', 'chest-pain')).toEqual(['historical']);
    expect(flagsOf('右手没劲，几分钟就好了', 'limb-weakness')).toEqual([]);
  });
  it('前几天 dates an event; "前几天开始…到现在还…" goes on', () => {
    expect(flagsOf('我们村里有个老头前几天中风了', 'stroke-now')).toEqual(['historical', 'other']);
    expect(flagsOf('前几天开始胸闷，到现在还闷', 'chest-pain')).toEqual([]);
  });
  it('a contraction without its apostrophe negates ("doesnt") and is not "corrected" away', () => {
    expect(flagsOf('he doesnt have chest pain', 'chest-pain')).toEqual(['negated', 'other']);
    expect(flagsOf('grandma suddenly doesnt know where she is', 'confusion')).toEqual(['other']);
  });
  it('regional kin terms are someone else (阿婆, 阿嫲, 爷叔, 娃儿); the writer stays the patient', () => {
    expect(flagsOf('阿婆讲嘢讲唔清楚', 'speech-difficulty')).toEqual(['other']);
    expect(flagsOf('阿嫲话心口好翳', 'chest-pain')).toEqual(['other']);
    expect(flagsOf('我自己讲嘢讲唔清楚', 'speech-difficulty')).toEqual([]);
  });
  it('an unnamed young person or a footballer in the news is remote; my son the footballer is not', () => {
    const news = analyze('看新闻说有个年轻人熬夜打游戏中风了').mentions.find(
      (m) => m.concept === 'stroke-now',
    );
    expect(news?.modifiers.remote).toBe(true);
    const fb = analyze('saw on the news a footballer collapsed and had a seizure').mentions[0];
    expect(fb?.modifiers.remote).toBe(true);
    const son = analyze('my son is a footballer and he suddenly has slurred speech').mentions[0];
    expect(son?.modifiers.experiencer).toBe('other');
    expect(son?.modifiers.remote).not.toBe(true);
  });
  it('normal-state statements deny the concept (脑子清楚, 眼睛没啥问题, 后背不疼, FAST all normal); the opposite does not', () => {
    expect(flagsOf('我妈脑子清楚得很', 'confusion')).toEqual(['negated', 'other']);
    expect(flagsOf('眼睛看东西没啥问题，就是有点干', 'blurred-vision')).toEqual(['negated']);
    expect(flagsOf('后背不疼，就是肩膀酸', 'tearing-pain')).toEqual(['negated']);
    expect(flagsOf('checked my dad with the FAST test, face arms speech all normal', 'facial-droop')).toEqual(
      ['negated', 'other'],
    );
    expect(
      analyze('脑子不清楚了').mentions.some((m) => m.concept === 'confusion' && m.modifiers.negated),
    ).toBe(false);
  });
  it('"not sure what\'s going on" doubts the rest of the sentence; "I know what\'s going on" does not', () => {
    expect(flagsOf('not sure whats going on, feel really out of it today', 'confusion')).toEqual([
      'uncertain',
    ]);
    expect(flagsOf('I know whats going on, feel really out of it today', 'confusion')).toEqual([]);
  });
  it('a simile "像有人…" is no other person; "有人晕倒了" is', () => {
    expect(flagsOf('胸口像有人坐在上面，喘不动气', 'dyspnoea')).toEqual([]);
    expect(flagsOf('有人晕倒了，叫不醒', 'unresponsive')).toEqual(['other']);
  });
  it("a neighbour's or colleague's elder (邻居家大爷) is remote, unless with the writer now", () => {
    const m = analyze('邻居家大爷昨天中风了，我有点怕').mentions.find((x) => x.concept === 'stroke-now');
    expect(m?.modifiers.remote).toBe(true);
    expect(emergencyCall(analyze('邻居家大爷突然倒地抽搐，我在他家')).emergency).toBe(true);
  });
  it("a friend's report about his own relative (朋友说他爷爷…) is remote; my friend with me now is not", () => {
    const m = analyze('朋友说他爷爷嘴歪了，送医院了').mentions.find((x) => x.concept === 'facial-droop');
    expect(m?.modifiers.remote).toBe(true);
    expect(emergencyCall(analyze('朋友突然嘴歪了，就在我旁边')).emergency).toBe(true);
  });
  it('a list denied as a whole: 一概没有, a pseudo-trigger inside the items (无力) does not block it; 没有缓解 does', () => {
    expect(flagsOf('胸痛、气短、手脚无力这些症状一概没有', 'chest-pain')).toEqual(['negated']);
    expect(flagsOf('胸痛这些都没有缓解', 'chest-pain')).toEqual([]);
  });
  it('a deficit "中风好几年了" is long-standing; a sudden deficit next to a relative\'s old stroke is not', () => {
    expect(flagsOf('他中风好几年了，右手一直不太灵活', 'limb-weakness')).toEqual(['historical', 'other']);
    expect(flagsOf('右手突然不灵活，我爸中风好几年了', 'limb-weakness')).toEqual([]);
  });
  it('"when he was a teenager" dates an event; "I read that …" reports a general statement', () => {
    expect(flagsOf('My brother had a seizure when he was a teenager', 'seizure')).toEqual([
      'historical',
      'other',
    ]);
    expect(flagsOf('My brother is a teenager and just had a seizure', 'seizure')).toEqual(['other']);
    expect(flagsOf('I read that slurred speech can mean a stroke', 'speech-difficulty')).toEqual([
      'hypothetical',
    ]);
    expect(flagsOf('I read the label and my speech is slurred', 'speech-difficulty')).toEqual([]);
  });
  it('"my chest doesn\'t hurt anymore" denies chest pain; "my chest hurts" does not', () => {
    expect(flagsOf("my chest doesn't hurt anymore", 'chest-pain')).toEqual(['negated']);
    expect(flagsOf('my chest hurts', 'chest-pain')).toEqual([]);
  });
});
