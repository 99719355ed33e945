import { describe, expect, it } from 'vitest';
import { emergency, mods } from './test-support/modifiers.ts';

// False-emergency classes of training parts 15–17 (issue 16; rules8.ts, explain2.ts, match.ts): general questions,
// standing instructions, fears of the future, denied signs in a carer's words, long-standing deficits, chest-wall
// pain, anxiety hedges, past episodes, a known epileptic's usual fit. Fresh sentences with near misses; not copied
// from the corpus.

describe('a general question: which department, what does X feel like or mean, 是不是中风的症状 after 问一下', () => {
  it('is hypothetical', () => {
    expect(emergency('头晕一般要挂什么科？神经内科还是心内科')).toBe(false);
    expect(emergency('想问问胸口压着疼挂哪个科')).toBe(false);
    expect(emergency('what does a stroke feel like? just curious')).toBe(false);
    expect(emergency('What does "crushing chest pain" mean?')).toBe(false);
    expect(emergency('问一下：手脚发麻是不是中风的症状？')).toBe(false);
    expect(mods('问一下：嘴巴歪是不是中风的表现？', 'facial-droop')).toBe('hyp');
  });
  it('near misses: the writer or a relative is named, or the sign is now', () => {
    expect(emergency('我现在头晕得站不住，要挂什么科')).toBe(true);
    expect(emergency('what does my chest pain mean, it started an hour ago and is crushing?')).toBe(true);
    expect(emergency('我妈嘴歪了，是不是中风的症状？')).toBe(true);
    expect(emergency('胸口疼了两个小时要挂什么科')).toBe(true);
    expect(emergency('我爸胸口疼挂哪个科')).toBe(true);
  });
});

describe("a doctor's standing instruction (医生交代过…就打120) and a fear of the future (是不是要中风了)", () => {
  it('is hypothetical', () => {
    expect(emergency('护士嘱咐过，要是说话不清楚就马上打120，目前一切正常')).toBe(false);
    expect(emergency('医生交代我，胸口痛超过二十分钟就去急诊，今天没有不舒服')).toBe(false);
    expect(emergency('最近老失眠，我会不会要中风了？')).toBe(false);
    expect(emergency('听说血压太高可能会引起脑出血，吓人')).toBe(false);
  });
  it('near misses: an instruction of another kind with a sign now, a sign before the fear', () => {
    expect(emergency('医生交代过按时吃药，今天突然胸口压着疼')).toBe(true);
    expect(emergency('我爸嘴突然歪了，是不是要中风了')).toBe(true);
  });
});

describe('an episode that is over ("not had it since"), a usual fit awake again, a long-standing deficit', () => {
  it('is over', () => {
    expect(
      emergency("Had a bit of tightness in my chest on Monday after the gym, haven't had it since."),
    ).toBe(false);
    expect(
      emergency(
        "My son has epilepsy: he had one of his usual seizures this morning, 40 seconds, he's awake and talking now",
      ),
    ).toBe(false);
    expect(
      emergency('Resident in room 12 has chronic right-sided weakness from an old stroke, unchanged today.'),
    ).toBe(false);
    expect(emergency('我有癫痫，刚才发作了一次，跟平常一样，现已清醒')).toBe(false);
  });
  it('near misses: back again now, a first fit of six minutes, a sign that is new', () => {
    expect(emergency("had chest pain on monday, and it's back again now, really bad")).toBe(true);
    expect(
      emergency(
        "my son has epilepsy and had a seizure this morning, his first one lasting 6 minutes, he's awake and talking now",
      ),
    ).toBe(true);
    expect(emergency('my dad has a headache and his face is drooping on one side')).toBe(true);
    expect(emergency('Resident in room 12 has new right-sided weakness since lunch')).toBe(true);
    expect(emergency('孩子有癫痫，刚才发作了一次，跟平常一样，现已清醒')).toBe(true);
  });
});

describe("signs denied in a carer's words (her face isn't drooping, can lift both arms fine)", () => {
  it('is denied', () => {
    expect(
      emergency("my dad has a headache, but his face isn't drooping and he can lift both arms fine"),
    ).toBe(false);
    expect(mods('his speech is not slurred', 'speech-difficulty')).toBe('neg+fam');
  });
});

describe('chest-wall pain (一碰就疼, a doctor named it) and anxiety or exertion explaining a sign', () => {
  it('is explained', () => {
    expect(emergency('胸口这块一碰就疼，深呼吸倒没事')).toBe(false);
    expect(emergency('医生看了说是肋间神经痛，胸口还隐隐疼')).toBe(false);
    expect(emergency('上四楼就喘，歇歇就好了')).toBe(false);
    expect(emergency('有点喘不上来气，可能是太紧张了，血氧97')).toBe(false);
    expect(emergency('大学生，最近胸口好像闷闷的，就考试前会这样，是压力大吗')).toBe(false);
    expect(emergency('左边胸口一压就疼，平时不疼')).toBe(false);
    expect(
      emergency("my chest gets a bit tight when I'm stressed at work and it eases off when I relax"),
    ).toBe(false);
  });
  it('near misses: a heart-attack or hypoxia sign, pressing pain (压着疼), a guessed cause', () => {
    expect(emergency('胸口一碰就疼，还出冷汗，胳膊也麻')).toBe(true);
    expect(emergency("my chest went tight when I was stressed and now I'm sweating and my jaw aches")).toBe(
      true,
    );
    expect(emergency('坐着不动也喘，嘴唇发紫')).toBe(true);
    expect(emergency('喘不上气，嘴唇发紫，血氧85')).toBe(true);
    expect(emergency('胸口压着疼了半小时，可能是岔气？')).toBe(true);
  });
});

describe('"has had X for half an hour", "has gone grey": a duration and a change of state, not the past', () => {
  it('is current', () => {
    expect(mods('my mum has had a pressure in her chest for about 20 minutes', 'chest-pain')).toBe('fam');
    expect(emergency('He has had chest pain for half an hour and has gone grey')).toBe(true);
  });
  it('near miss: pain of years that has gone', () => {
    expect(mods('I had chest pain last year, it has gone now', 'chest-pain')).toBe('hist');
  });
});
