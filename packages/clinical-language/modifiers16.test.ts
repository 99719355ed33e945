import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import { emergency, mods } from './test-support/modifiers.ts';

// Round 8 (issue 16, brief C): a third person named by role, and a family history in other words (rules12.ts,
// scope7.ts). Fresh sentences written for these tests (not copied from any corpus part), each with near misses.

describe('a third person named by role as the subject of a report is the experiencer', () => {
  it('Chinese relays: 老人, 顾客, 室友, 男的', () => {
    expect(mods('社区护士：老人这两天咳嗽，夜里睡不着', 'cough')).toBe('fam');
    expect(mods('药房：一位老人家过来说头晕，想量个血压', 'dizziness')).toBe('fam');
    expect(mods('店里顾客刚才说心慌，坐着休息了', 'palpitations')).toBe('fam');
    expect(mods('宿舍室友突然全身抽搐，叫不醒', 'seizure')).toBe('fam');
    expect(mods('门诊：男的，五十多，说后背撕裂一样疼', 'tearing-back-pain')).toBe('fam');
  });
  it('English relays: pt, resident, customer, caller\u2019s relative, colleague', () => {
    expect(mods('Handover: pt c/o palpitations overnight, settled', 'palpitations')).toContain('fam');
    expect(mods('Care home: resident in room 9 has a cough since Tuesday', 'cough')).toBe('fam');
    expect(mods("Caller's wife has had a headache all afternoon", 'headache')).toBe('fam');
    expect(mods("My colleague's face is drooping on one side", 'neuro-deficit')).toBe('fam');
  });
  it('near misses: the writer by role, a condition, a general question — and no false emergency', () => {
    expect(mods('我是孕妇，这两天头晕', 'dizziness')).toBe('-');
    expect(mods("I'm a resident doctor and I've had a cough for a week", 'cough')).toBe('-');
    expect(mods('万一老人突然说话不清，先做什么', 'neuro-deficit')).not.toContain('fam');
    expect(mods('老人突然说话不清是怎么回事？想了解一下', 'neuro-deficit')).not.toContain('fam');
    expect(emergency('老人突然说话不清是怎么回事？想了解一下')).toBe(false);
    expect(mods('孕妇一般头晕要紧吗', 'dizziness')).not.toContain('fam');
    expect(mods('小爱同学，记一下，今天头晕', 'dizziness')).toBe('-');
  });
});

describe('a family history in other words is the family\u2019s, with no past event named', () => {
  it('家族有…史, 家里有…史: fam, not hist', () => {
    expect(mods('家族有脑梗史，我三十岁，要不要查一下', 'stroke')).toBe('fam');
    expect(mods('家里有糖尿病史，我最近口渴', 'diabetes')).toBe('fam');
  });
  it('near misses: the writer\u2019s own history, a relative\u2019s past event', () => {
    expect(mods('我有脑梗病史，现在吃着阿司匹林', 'stroke')).toBe('hist');
    expect(mods('我舅舅前年中过风', 'stroke')).toBe('hist+fam');
  });
});

describe('a diagnosis only believed, asked as one of two, feared or considered is uncertain', () => {
  it('believed, one of two, feared, considered (en, zh, Cantonese, clinical)', () => {
    expect(mods("Fairly sure I'm having a heart attack, the pain is spreading to my arm", 'mi-now')).toBe(
      'unc',
    );
    expect(mods('I think I just had a seizure, my tongue is bitten', 'seizure')).toBe('unc');
    expect(mods('右脸麻，嘴角漏口水，不知道是面瘫还是中风', 'stroke')).toBe('unc');
    expect(mods('阿爸把口歪咗，惊系中风', 'stroke')).toContain('unc');
    expect(mods('8床胸骨后疼痛半小时，考虑心梗可能', 'myocardial-infarction')).toBe('fam+unc');
  });
  it('near misses: a stroke despite medicine (还是…了), a plain report', () => {
    expect(mods('吃了药还是中风了', 'stroke-now')).toBe('-');
    expect(mods('医生确诊是心梗', 'myocardial-infarction')).toBe('-');
  });
});

describe('a symptom that has gone on for years is long-standing', () => {
  it('since youth, for years, chronic (en); 成十几年, 三年 (zh)', () => {
    expect(mods("I've had tinnitus since I was a kid, is it from my BP?", 'tinnitus')).toBe('hist');
    expect(mods('Palpitations on and off for ten years now, holter was normal', 'palpitations')).toBe('hist');
    expect(mods('Knee and back pain since my 30s, it is chronic', 'back-pain')).toBe('hist');
    expect(mods('我耳鸣成二十年，惯咗', 'tinnitus')).toBe('hist');
  });
  it('near misses: a new onset word between, a chronic condition, minutes not years', () => {
    expect(mods('Headache that suddenly got worse today, had headaches for years', 'headache')).not.toBe(
      'hist',
    );
    expect(mods('High blood pressure for ten years, on amlodipine', 'hypertension')).toBe('-');
    expect(mods('胸口疼了十几分钟', 'chest-pain')).toBe('-');
    expect(emergency('My right arm has been numb for years, but today my face suddenly drooped')).toBe(true);
  });
});

describe('lay words for palpitations and dizziness (symptoms, never red flags)', () => {
  const concepts = (t: string) => analyze(t).mentions.map((m) => m.concept);
  it('found in lay zh and en', () => {
    expect(concepts('刚才心跳有点快，坐下就好些')).toContain('palpitations');
    expect(concepts('晚上心里头慌慌的')).toContain('palpitations');
    expect(concepts('My heart raced after the second espresso')).toContain('palpitations');
    expect(concepts('早上起床脑壳有点昏')).toContain('dizziness');
    expect(concepts('Felt a bit giddy at the bus stop')).toContain('dizziness');
    expect(concepts('She feels a bit faint when she stands')).toContain('dizziness');
  });
  it('near misses: headache and dizziness both kept, fainting, travel sickness, no emergency', () => {
    const both = concepts('有点头疼头晕，不严重');
    expect(both).toContain('headache');
    expect(both).toContain('dizziness');
    expect(concepts('坐船有点晕船')).not.toContain('dizziness');
    expect(concepts('晕过去了')).not.toContain('dizziness');
    expect(emergency('喝了咖啡心跳有点快，血压130/80')).toBe(false);
  });
});
