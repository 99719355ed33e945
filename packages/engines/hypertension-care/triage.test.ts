import { describe, expect, it } from 'vitest';
import { findRedFlags, triage } from './triage.ts';
import type { TriageInput } from './types.ts';

const NOW = '2026-03-10T10:00:00+08:00';
const base: TriageInput = { now: NOW, guideline: 'china-2018' };
const reading = (sbp: number, dbp: number, time = '2026-03-10T09:30:00+08:00', id = 'r1') => ({
  id,
  time,
  sbp,
  dbp,
});
const codes = (text: string) => findRedFlags(text).map((f) => f.code);

describe('crisis reading (REFERENCE §1.5 strict >180/>120, §10.1 BP17–BP19)', () => {
  it('181/100 is crisis → urgent without symptoms; 180/120 is not', () => {
    const r = triage({ ...base, readings: [reading(181, 100)] });
    expect(r.level).toBe('urgent');
    expect(r.stop).toBe(false);
    expect(r.crisisReading).toMatchObject({ id: 'r1', sbp: 181, dbp: 100 });
    expect(r.instruction.zh).toContain('5分钟');
    expect(r.instruction.en).toContain('5 minutes');
    const edge = triage({ ...base, readings: [reading(180, 120)] });
    expect(edge.level).toBe('none');
    expect(edge.crisisReading).toBeUndefined();
  });
  it('170/121 is crisis by DBP (BP19)', () => {
    expect(triage({ ...base, readings: [reading(170, 121)] }).level).toBe('urgent');
  });
  it('only readings within windowHours (default 24) before now count; later crisis reading wins', () => {
    const old = reading(200, 130, '2026-03-09T09:59:00+08:00', 'old');
    expect(triage({ ...base, readings: [old] }).level).toBe('none');
    expect(triage({ ...base, readings: [old], windowHours: 48 }).crisisReading?.id).toBe('old');
    const future = reading(200, 130, '2026-03-10T10:30:00+08:00', 'future');
    expect(triage({ ...base, readings: [future] }).level).toBe('none');
    const r = triage({
      ...base,
      readings: [
        reading(190, 100, '2026-03-10T08:00:00+08:00', 'a'),
        reading(182, 100, '2026-03-10T09:00:00+08:00', 'b'),
      ],
    });
    expect(r.crisisReading?.id).toBe('b');
  });
});

describe('levels', () => {
  it('red flag + crisis reading → emergency, stop (REFERENCE §1.5 emergency)', () => {
    const r = triage({ ...base, text: '头痛欲裂，看东西模糊', readings: [reading(186, 112)] });
    expect(r.level).toBe('emergency');
    expect(r.stop).toBe(true);
    expect(r.source).toContain('ACC/AHA 2017 §11.2');
    expect(r.source).not.toMatch(/REFERENCE|UNVERIFIED/);
    expect(r.instruction.zh).toContain('120');
    expect(r.instruction.en).toContain('911');
  });
  it('chest pain, neuro deficit, seizure, confusion, tearing back pain → emergency at any BP (conservative rule)', () => {
    for (const text of [
      '胸口痛',
      '半边身子麻',
      '抽搐了一次',
      '我爸神志不清',
      '突然撕裂样背痛',
      'I have chest pain',
    ]) {
      const r = triage({ ...base, text, readings: [reading(128, 80)] });
      expect(r.level, text).toBe('emergency');
      expect(r.source).toContain('conservative safety rule');
    }
  });
  it('other red flags without crisis reading → urgent; with crisis → emergency', () => {
    const r = triage({ ...base, text: '剧烈头痛' });
    expect(r.level).toBe('urgent');
    expect(r.stop).toBe(false);
    expect(triage({ ...base, text: '剧烈头痛', readings: [reading(181, 100)] }).level).toBe('emergency');
    expect(triage({ ...base, text: '最近有点头晕', readings: [reading(150, 95)] }).level).toBe('none');
  });
  it('structured symptoms count like text', () => {
    const r = triage({ ...base, symptoms: ['seizure'] });
    expect(r.level).toBe('emergency');
    expect(r.redFlags[0]).toMatchObject({ code: 'seizure', origin: 'structured' });
  });
  it('explains itself', () => {
    const r = triage({ ...base, text: 'chest pain', readings: [reading(185, 100)] });
    expect(r.inputs).toMatchObject({ redFlags: ['chest-pain'], windowHours: 24, crisisReadingId: 'r1' });
    expect(r.display.en).toContain('185/100');
  });
});

describe('lexicon (zh + en, colloquial variants)', () => {
  it.each([
    ['胸闷痛', 'chest-pain'],
    ['胸口痛得厉害', 'chest-pain'],
    ['喘不上气', 'dyspnoea'],
    ['气短', 'dyspnoea'],
    ['一侧肢体无力', 'neuro-deficit'],
    ['口角歪斜', 'neuro-deficit'],
    ['说话不清', 'neuro-deficit'],
    ['言语不清', 'neuro-deficit'],
    ['意识模糊', 'confusion'],
    ['头痛欲裂', 'severe-headache'],
    ['视物模糊', 'vision-loss'],
    ['看不清东西', 'vision-loss'],
    ['失明', 'vision-loss'],
    ['抽搐', 'seizure'],
    ['撕裂样背痛', 'tearing-back-pain'],
    ['尿量减少', 'reduced-urine'],
    ['少尿', 'reduced-urine'],
    ['chest tightness', 'chest-pain'],
    ["I can't breathe", 'dyspnoea'],
    ['shortness of breath', 'dyspnoea'],
    ['weakness on one side', 'neuro-deficit'],
    ['her face is drooping', 'neuro-deficit'],
    ['slurred speech', 'neuro-deficit'],
    ['he seems confused', 'confusion'],
    ['the worst headache of my life', 'severe-headache'],
    ['blurred vision', 'vision-loss'],
    ['had a seizure', 'seizure'],
    ['tearing back pain', 'tearing-back-pain'],
    ['very little urine today', 'reduced-urine'],
  ])('%s → %s', (text, code) => {
    expect(codes(text)).toContain(code);
  });
  it('returns the exact substring, original case', () => {
    expect(findRedFlags('Since noon I have Chest Pain.')[0]?.matched).toBe('Chest Pain');
    expect(findRedFlags('今天胸闷痛')[0]?.matched).toBe('胸闷痛');
  });
  it('pregnancy + headache → pregnancy-headache (pre-eclampsia signs)', () => {
    expect(codes('怀孕32周，这两天头痛')).toEqual(['pregnancy-headache']);
    expect(codes("I'm pregnant and have a headache")).toContain('pregnancy-headache');
    expect(codes('没有怀孕，有点头痛')).toEqual([]);
    expect(codes('头痛')).toEqual([]);
  });
});

describe('negation', () => {
  it.each([
    '没有胸痛',
    '无胸痛',
    '否认胸痛',
    '不胸痛',
    '没有出现胸痛',
    '无明显胸痛',
    'no chest pain',
    'No chest pain.',
    'denies chest pain',
    'without chest pain',
    'not short of breath',
    "I don't have any chest pain",
    '没有胸痛、气短',
    'no chest pain or shortness of breath',
  ])('%s → nothing', (text) => {
    expect(codes(text)).toEqual([]);
    expect(triage({ ...base, text }).level).toBe('none');
  });
  it('negation stops at the clause end and at "but/但是"', () => {
    expect(codes('没有胸痛，但是呼吸困难')).toEqual(['dyspnoea']);
    expect(codes('没有胸痛，呼吸困难')).toEqual(['dyspnoea']);
    expect(codes('No chest pain. Short of breath since morning')).toEqual(['dyspnoea']);
    expect(codes("I don't have chest pain but I can't breathe")).toEqual(['dyspnoea']);
  });
  it('a negated and a later affirmed mention → flagged (second mention)', () => {
    const f = findRedFlags('昨天没有胸痛，今天胸痛');
    expect(f.map((x) => x.code)).toEqual(['chest-pain']);
  });
  it('pseudo-negations do not negate', () => {
    expect(codes('头晕不舒服胸痛')).toContain('chest-pain');
    expect(codes('no relief from the chest pain')).toContain('chest-pain');
    expect(codes('I have never had such a severe headache')).toContain('severe-headache');
    expect(codes('从来没有这么剧烈头痛过')).toContain('severe-headache');
  });
  it('"confused about" is not confusion; "no urine problems" is not reduced urine', () => {
    expect(codes("I'm confused about which pill to take")).toEqual([]);
    expect(codes('no urine problems')).toEqual([]);
  });
});

describe('clinical-language reading (issue 16): colloquial, idioms, typos, caregivers, history', () => {
  it.each([
    '说话不利索',
    '一边手脚没劲',
    "I can't move my right arm",
    '无缘无故胸口疼',
    '无诱因胸痛',
    '不知不觉胸口就闷得慌',
    '胸口像压了块石头',
    '看东西重影',
    '喘不上气',
    '叫不醒',
    '后背撕裂样痛',
    'I have cheast pain',
    '好像说话有点不清楚',
    "my mother can't lift her arm",
    '我爸刚才说话不清楚了，嘴也歪了',
  ])('%s → emergency', (text) => {
    const r = triage({ ...base, text });
    expect(r.level, text).toBe('emergency');
    expect(r.instruction.zh).toContain('120');
  });

  it('a caregiver about someone with them now gets the same call-120 instruction', () => {
    const self = triage({ ...base, text: "I can't lift my arm" });
    const mum = triage({ ...base, text: "my mother can't lift her arm" });
    expect(mum.level).toBe('emergency');
    expect(mum.instruction).toEqual(self.instruction);
    expect(mum.rule).toContain('someone with the writer');
  });

  it.each([
    '小时候有过癫痫',
    '上周胸痛已经看过了，现在不痛',
    '胸痛？没有',
    'chest pain: none',
    'blind in one eye since childhood',
    '我爸去年中风了',
    '我爸有中风病史',
    'my mother died of a heart attack',
    '如果中风了怎么办',
    'What are the signs of a stroke?',
    '高血压5年，糖尿病没有',
    '脑梗后遗症，说话一直不太清楚，好几年了',
  ])('%s → no emergency', (text) => {
    expect(triage({ ...base, text }).level, text).not.toBe('emergency');
  });

  it('BP written in the text counts like a reading (REFERENCE §1.5)', () => {
    for (const text of [
      '高压190低压125，头痛得厉害',
      '收缩压200舒张压130，看东西模糊',
      '190 over 125 and a terrible headache',
    ]) {
      const r = triage({ ...base, text });
      expect(r.level, text).toBe('emergency');
      expect(r.display.en).toMatch(/\d+\/\d+ mmHg/);
    }
    expect(triage({ ...base, text: '高压190低压125' }).level).toBe('urgent');
    expect(triage({ ...base, text: '190-125，没有不舒服' }).level).toBe('urgent');
    expect(triage({ ...base, text: '以前最高200/130' }).level).toBe('none');
    expect(triage({ ...base, text: '血压180/120，头痛得厉害' }).level).toBe('urgent'); // 180/120 is not crisis (§10.1)
  });
});

describe('third-party reports and crisis signs (issue 16 items 1, 4)', () => {
  it.each([
    '新闻说有人胸痛猝死',
    'I read about someone who had a stroke',
    '看到报道说一个人中风了',
    '同事的爸爸中风了',
    "my coworker's father had a stroke",
  ])('%s → no red flag, level none', (text) => {
    const r = triage({ ...base, text });
    expect(r.level).toBe('none');
    expect(r.redFlags).toEqual([]);
  });

  it('the writer or a bystander with them still gets the call-120 instruction', () => {
    expect(triage({ ...base, text: '看了新闻，我现在胸口疼' }).level).toBe('emergency');
    expect(triage({ ...base, text: '旁边有人晕倒了' }).level).toBe('emergency');
    expect(triage({ ...base, text: '朋友的妈妈晕倒了，就在我家' }).level).toBe('emergency');
  });

  it('back pain or numbness with a crisis reading is an emergency (AHA hypertensive-crisis page); alone it is not', () => {
    const r = triage({ ...base, text: '后背疼', readings: [reading(200, 125)] });
    expect(r.level).toBe('emergency');
    expect(r.display.zh).toContain('背痛');
    expect(r.display.en).toContain('200/125 mmHg');
    expect(triage({ ...base, text: '血压195/110，手脚发麻' }).level).toBe('emergency');
    expect(triage({ ...base, text: '后背疼，手麻' }).level).toBe('none');
    expect(triage({ ...base, text: '血压200/125，没有后背疼' }).level).toBe('urgent');
  });
});

describe('a second opinion can only raise the engine level (issue 16 item 2)', () => {
  const by = { zh: '模型第二意见', en: "the model's second opinion" };
  it('raises none → emergency with the fixed emergency instruction; the rule names the engine level', async () => {
    const { raiseTriage, higherLevel } = await import('./triage.ts');
    const engine = triage({ ...base, text: '头有点晕' });
    expect(engine.level).toBe('none');
    const raised = raiseTriage(engine, 'emergency', by);
    expect(raised).toMatchObject({ level: 'emergency', stop: true });
    expect(raised.instruction).toEqual(triage({ ...base, text: '胸痛' }).instruction);
    expect(raised.rule).toMatch(/^engine: none .* raised to emergency by the model's second opinion/);
    expect(raised.inputs).toMatchObject({ engineLevel: 'none' });
    expect(raised.display.zh).toContain('引擎判断：未发现紧急情况');
    expect(higherLevel('urgent', 'none')).toBe('urgent');
  });
  it('never lowers: an emergency stays an emergency, a lower or equal level changes nothing', async () => {
    const { raiseTriage } = await import('./triage.ts');
    const emergency = triage({ ...base, text: '胸痛' });
    expect(raiseTriage(emergency, 'none', by)).toBe(emergency);
    expect(raiseTriage(emergency, 'urgent', by)).toBe(emergency);
    const urgent = triage({ ...base, readings: [reading(200, 110)] });
    expect(raiseTriage(urgent, 'urgent', by)).toBe(urgent);
    expect(raiseTriage(urgent, 'emergency', by).level).toBe('emergency');
  });
});
