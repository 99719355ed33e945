import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import { emergency, mods } from './test-support/modifiers.ts';

// Round 9 (issue 16): lexicon coverage of symptoms and pregnancy (lexicon/variants9.ts). Fresh sentences written for
// these tests (not copied from the corpus) and near misses.
const has = (text: string, concept: string) => analyze(text).mentions.some((m) => m.concept === concept);
const sick = (text: string) => has(text, 'nausea') || has(text, 'vomiting');

describe('nausea and vomiting in lay words', () => {
  it('is found', () => {
    expect(has('我儿子早上起来就一直吐，肚子也疼', 'vomiting')).toBe(true);
    expect(has('孕10周，吃什么吐什么', 'vomiting')).toBe(true);
    expect(has('Started the new tablets and I feel a bit sick every morning', 'nausea')).toBe(true);
    expect(has('She keeps wanting to throw up after the new pills', 'vomiting')).toBe(true);
  });
  it('near misses: complaining, articulation, a sigh, sputum; "sick of"', () => {
    expect(sick('同事一直吐槽加班')).toBe(false);
    expect(sick('他说话吐字不清楚好几年了')).toBe(false);
    expect(sick('听完结果，他长长吐了口气')).toBe(false);
    expect(has("I'm sick of these tablets", 'nausea')).toBe(false);
  });
  it('keeps its modifiers: a relative, denied', () => {
    expect(mods('我妈吃了药一直吐', 'vomiting')).toBe('fam');
    expect(mods('头痛，没有一直吐', 'vomiting')).toBe('neg');
  });
});

describe('pregnancy and the weeks after birth', () => {
  it('is found', () => {
    expect(has('孕26周，最近腰酸', 'pregnancy')).toBe(true);
    expect(has('我老婆生完孩子第八天，有点低烧', 'pregnancy')).toBe(true);
    expect(has('My sister gave birth on Monday and feels dizzy', 'pregnancy')).toBe(true);
    expect(has("I'm 31 wks and my feet are swollen", 'pregnancy')).toBe(true);
  });
  it('near misses: a baby 31 weeks old, a product "孕" word absent', () => {
    expect(has('My son is 31 weeks old and has a cough', 'pregnancy')).toBe(false);
    expect(has('生完气就头疼', 'pregnancy')).toBe(false);
  });
  it('is no emergency by itself', () => {
    expect(emergency('孕22周，有点累，想问能不能坐飞机')).toBe(false);
  });
});

describe('fatigue, oedema, insomnia, palpitations', () => {
  it('are found', () => {
    expect(has('这两周干什么都提不起劲', 'fatigue')).toBe(true);
    expect(has('Been knackered since the new pills', 'fatigue')).toBe(true);
    expect(has('外婆脚有点 swollen，吃了氨氯地平', 'oedema')).toBe(true);
    expect(has('His ankles have swelled up this week', 'oedema')).toBe(true);
    expect(has('最近晚上睡不踏实，老醒', 'insomnia')).toBe(true);
    expect(has("I can't get off to sleep before 2am", 'insomnia')).toBe(true);
    expect(has('一上楼心就突突的', 'palpitations') || has('爬楼梯心突突的', 'palpitations')).toBe(true);
    expect(has('Sometimes my heart seems to skip a beat', 'palpitations')).toBe(true);
  });
  it('near misses: a tumour, a boring film, sleep on purpose', () => {
    expect(has('腿上长了个肿瘤，医生说良性', 'oedema')).toBe(false);
    expect(has('这部电影好没劲', 'fatigue')).toBe(false);
    expect(has('I went to sleep early, slept well', 'insomnia')).toBe(false);
  });
});
