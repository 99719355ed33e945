import { describe, expect, it } from 'vitest';
import { emergency, mods } from './test-support/modifiers.ts';

// Classes of false emergencies and modifier errors of tuning parts 19 and 21 (issue 16, round 6; scope6.ts): fresh
// sentences (written for these tests, not copied from the corpus) and near misses.

describe('a study or exam question', () => {
  it('is general: hypothetical', () => {
    expect(emergency('诊断学复习：急性心梗的胸痛有什么特点？')).toBe(false);
    expect(mods('药理课问题：癫痫大发作时抽搐一般持续多久？', 'seizure')).toContain('hyp');
    expect(emergency('Exam question: which features of sudden slurred speech suggest a stroke?')).toBe(false);
  });
  it('near misses: a real patient, a student who is ill', () => {
    expect(emergency('医学生求助：5床患者刚刚突然说话不清，右手无力，怎么办？')).toBe(true);
    expect(emergency("medical student here, I'm having crushing chest pain right now, what do I do?")).toBe(
      true,
    );
  });
});

describe('a message that only asks general questions', () => {
  it('is general: hypothetical', () => {
    expect(
      emergency('Does chest pain feel different in older people? I read that heart attacks can be silent'),
    ).toBe(false);
  });
  it('near misses: a person, "this", now', () => {
    expect(emergency('Is this chest pain a heart attack?')).toBe(true);
    expect(emergency('Can crushing chest pain happen at my age? It started an hour ago')).toBe(true);
  });
});

describe("a doctor's name for an episode already dated; a past-day fit fine since", () => {
  it('is past', () => {
    expect(emergency('前天女儿高烧时抽了一次，半分钟就停了，大夫说是高热惊厥，会不会留后遗症')).toBe(false);
    expect(emergency('上周六晚上好像晕过去一次，家里人说的，现在一切正常')).toBe(false);
  });
  it('near misses: a fit today, a fit again', () => {
    expect(emergency('今天中午孩子发烧抽了一次，医生说是高热惊厥')).toBe(true);
    expect(emergency('昨天抽过一次，今天又抽了，现在还在抖')).toBe(true);
  });
});

describe('a simile is the writer’s own sign', () => {
  it('"like someone …" names no other person; 好像有块…压着 hedges nothing', () => {
    expect(mods('it is like somebody is sitting on my chest', 'chest-pain')).toBe('-');
    expect(mods('胸口好像有块 rock 压着', 'chest-pain')).toBe('-');
  });
  it('near misses: a hedge on the sign itself', () => {
    expect(mods('胸口好像有点闷', 'chest-pain')).toBe('unc');
  });
});

describe("a caregiver's words for the person in their care (lola, lolo, Ah Ma, Ah Gong, sir, my employer, my patient)", () => {
  it('are someone other than the writer', () => {
    expect(mods('Lolo is coughing a lot tonight and has a fever', 'cough')).toBe('fam');
    expect(mods('Ah Kong suddenly cannot lift his right arm', 'neuro-deficit')).toBe('fam');
    expect(mods("Sir's face is drooping on one side since a few minutes", 'neuro-deficit')).toBe('fam');
    expect(mods('my patient has crushing chest pain now', 'chest-pain')).toBe('fam');
  });
  it('near misses: the writer addressing someone as sir', () => {
    expect(mods('Sorry sir, I have crushing chest pain now', 'chest-pain')).toBe('-');
  });
});

describe('kin and role words in regional and everyday use; a patient headed by age and sex', () => {
  it('are someone other than the writer', () => {
    expect(mods('俺奶今天胸口疼得厉害', 'chest-pain')).toBe('fam');
    expect(mods('阿叔头好痛，从来没这么痛过', 'severe-headache')).toBe('fam');
    expect(mods('店里一个顾客突然抽搐', 'seizure')).toBe('fam');
    expect(mods('Auntie collapsed and is not responding', 'confusion')).toBe('fam');
    expect(mods('handover: 66F, sudden right arm weakness since 0900', 'neuro-deficit')).toBe('fam');
    expect(mods('分诊：男，71岁，突发言语不清半小时', 'neuro-deficit')).toBe('fam');
  });
  it('near misses: the writer, an age as a duration, generic elderly people', () => {
    expect(mods('我45岁，男，突然胸口疼', 'chest-pain')).toBe('-');
    expect(mods('diabetic for 12 yrs, my chest hurts now', 'chest-pain')).toBe('-');
    expect(mods('老人突然糊涂是不是中风？想了解一下', 'confusion')).toContain('hyp');
  });
});

describe('a symptom whose episode is told as over later in its sentence', () => {
  it('is past', () => {
    expect(mods('下午耳鸣了一阵，晚饭后没了', 'tinnitus')).toContain('hist');
    expect(mods('bit of nausea after the new tablet at breakfast, gone by lunch', 'nausea')).toContain(
      'hist',
    );
    expect(mods('had a nosebleed in the shower, stopped after five minutes', 'epistaxis')).toContain('hist');
  });
  it('near misses: a pattern that passes on an action, better but not gone, still there', () => {
    expect(mods('有点头晕，坐一会儿就好了', 'dizziness')).toBe('-');
    expect(mods('脚踝肿消了一大半', 'oedema')).toBe('-');
    expect(mods('nausea settled a bit but it is still there', 'nausea')).toBe('-');
  });
});
