import { describe, expect, it } from 'vitest';
import { recentTransientEpisode } from './recent-transient.ts';
import { analyze } from './analyze.ts';
import { emergency, mods } from './test-support/modifiers.ts';

// Round 7 (issue 16): known misses found by a person trying the product, and classes of tuning part 22 (formerly
// held-out 25). Fresh sentences written for these tests (not copied from the corpus) and near misses.

describe('a stroke or sight sign on a past day that went away (no "fine since" needed)', () => {
  // Decision 0021: a suspected TIA on one of the last days is same-day care (NICE NG128 1.1.5), not a 120 call.
  it('is past, and a recent transient episode (urgent in triage)', () => {
    for (const t of [
      'Yesterday I had slurred speech for ten minutes. It went away.',
      '昨天右手突然没劲说话不清，十几分钟就好了',
      '前天晚上左边脸麻了一会儿，半小时后就好了',
      'Last night my left hand went clumsy for about five minutes and then it passed.',
    ]) {
      expect(emergency(t), t).toBe(false);
      expect(recentTransientEpisode(analyze(t)), t).toBeTruthy();
    }
    expect(mods('昨天右手突然没劲说话不清，十几分钟就好了', 'neuro-deficit')).toBe('hist');
  });
  it('near misses: today, ongoing since the past day, came back, still there', () => {
    expect(emergency('今天早上说话不清了十分钟，好了')).toBe(true);
    expect(
      emergency('Since yesterday my speech has been slurred, it went away for an hour but it is back'),
    ).toBe(true);
    expect(emergency('从昨天开始右手没劲，十几分钟好了一次又没劲了')).toBe(true);
    expect(emergency('昨天开始说话不清，到现在一直没好')).toBe(true);
    expect(emergency('昨天右手没劲了一会就好了，今天早上又不行了')).toBe(true);
    expect(
      emergency('Yesterday my face drooped for ten minutes and it went away, but it is still a bit droopy'),
    ).toBe(true);
  });
});

describe('a headache the writer grades as very bad is the severe-headache red flag', () => {
  // Why: "头很痛" / "my head really hurts" is how patients say a headache is severe; with a crisis-range reading
  // (>180/120) a severe headache is a symptom of possible acute target-organ damage — ACC/AHA 2017 §11.2 hypertensive
  // emergency, China 2018 高血压急症 (REFERENCE §1.5), AHA: call 911 at 180/120 or higher with a severe headache —
  // so the emergency is decided by the lexicon's severe-headache concept together with the reading, not by the
  // reading alone. A mild or denied headache with the same reading stays a hypertensive urgency.
  const crisisHeadache = [
    '血压190/125，头很痛',
    'my BP is 190/125 and my head really hurts',
    '刚量的血压195/118，头好疼',
    '高压200低压110，头痛得很',
    '頭突然超痛，血壓計顯示198/118',
    'BP 210/100 and my head is killing me',
    'bp 192/124, head hurts so bad',
    '血压200/120，头疼得像被劈开一样',
  ];
  it.each(crisisHeadache)('with a crisis reading: emergency — %s', (t) => {
    expect(mods(t, 'severe-headache')).toBe('-');
    expect(emergency(t)).toBe(true);
  });
  it('near misses: a mild, denied or not-so-bad headache with a crisis reading; 180/120 is no crisis', () => {
    expect(emergency('血压190/125，头有点痛')).toBe(false);
    expect(emergency('血压190/125，头不太痛')).toBe(false);
    expect(emergency('血压190/125，头不是很痛')).toBe(false);
    expect(emergency("my BP is 190/125, my head doesn't really hurt")).toBe(false);
    expect(emergency('my BP is 190/125 and I have a slight headache')).toBe(false);
    expect(emergency('血压180/120，头很痛')).toBe(false);
    expect(mods('头没那么痛了', 'severe-headache')).toBe('not found');
  });
});

describe('false emergencies of tuning part 22 by class (scope3, rules, rules7, rules9, scope5, explain)', () => {
  it('a study heading, a video report, an emoji idiom, a past stay, a usual short fit, still-need-to-see', () => {
    expect(emergency('生理学作业：心绞痛和心梗的胸痛怎么区分？')).toBe(false);
    expect(emergency('刷 YouTube 看到一个博主中风了，我最近也老熬夜')).toBe(false);
    expect(emergency('孩子作业写到半夜，我要心梗了🙃')).toBe(false);
    expect(emergency('住院那几天胸口闷得厉害，现在回家三天了，不闷了')).toBe(false);
    expect(emergency('My son has epilepsy, had his usual seizure, under a minute, back to himself now')).toBe(
      false,
    );
    expect(emergency('Two weeks ago had a bit of chest pain, gone now, still need to see the GP?')).toBe(
      false,
    );
  });
  it('explained: antacid brands, a chest-wall knock with breathing denied', () => {
    expect(emergency('Burning in my chest after curry, settles with Rennies every time')).toBe(false);
    expect(emergency('胸口一按就疼，昨天搬家撞了一下，喘气正常')).toBe(false);
  });
  it('near misses: a report about the writer now, a first fit, still hurting, breathless too', () => {
    expect(emergency('看 YouTube 的时候我突然左手没劲了')).toBe(true);
    expect(emergency('I had my first ever seizure, under a minute, back to myself now')).toBe(true);
    expect(emergency('孩子每次发烧都抽，抽一会就停了，醒了能说话')).toBe(true);
    expect(emergency('Chest pain since this morning, still hurting')).toBe(true);
    expect(emergency('胸口一按就疼，昨天撞了一下，现在喘不上气')).toBe(true);
    expect(emergency('Burning in my chest after curry, Rennies not working, sweating')).toBe(true);
  });
});

describe('idioms and general questions about a stroke or heart attack (rules11.ts)', () => {
  it('are hypothetical', () => {
    expect(mods('If the printer jams again I will have a stroke lol', 'stroke')).toBe('hyp');
    expect(mods('Saw the parking fine and almost had a heart attack', 'myocardial-infarction')).toBe('hyp');
    expect(
      mods("Mum's going to have a heart attack when she sees my tattoo", 'myocardial-infarction'),
    ).toContain('hyp');
    expect(mods('这个 KPI 快把我逼出 stroke 了 哈哈', 'stroke')).toContain('hyp');
    expect(mods('中风的人能不能坐飞机？', 'stroke')).toBe('hyp');
    expect(mods('脑梗前一般有哪些征兆', 'stroke')).toBe('hyp');
    expect(mods('血糖多高容易中风', 'stroke')).toBe('hyp');
  });
  it('near misses: a stroke now, a person named, a past event', () => {
    expect(emergency("I think I'm having a stroke, my face is drooping")).toBe(true);
    expect(mods('我爸心梗的时候能不能喝水？', 'myocardial-infarction')).not.toContain('hyp');
    expect(mods('He nearly died of a heart attack in 2019', 'myocardial-infarction')).not.toContain('hyp');
  });
});

describe('a past stroke or heart attack dated in mixed or clinical wording (rules11.ts); an enquiry asked first', () => {
  it('is historical', () => {
    expect(mods('2016 年 stroke，现在走路还行，想去爬山', 'stroke')).toBe('hist');
    expect(mods('Three months post stroke and doing well', 'stroke')).toBe('hist');
    expect(mods('Stroke rehab going well, can I drive yet?', 'stroke')).toBe('hist');
    expect(mods('心梗三个月，现在能不能游泳', 'myocardial-infarction')).toBe('hist');
    expect(mods('脑梗做过溶栓，恢复得不错', 'stroke')).toBe('hist');
    expect(mods('This ache is nothing like my heart attack', 'myocardial-infarction')).toContain('hist');
  });
  it('a question asked first about pregnant women in general is hypothetical', () => {
    expect(emergency('孕妇突然看东西模糊要不要马上去医院？先问问，还在备孕')).toBe(false);
  });
  it('near misses: a stroke now, a date of today, a writer who is pregnant', () => {
    expect(emergency('I think I am having a stroke right now, my arm is weak')).toBe(true);
    expect(mods('2026 年 12 月 7 日 今天中风了', 'stroke')).not.toBe('hist');
    expect(emergency('我怀孕33周，突然剧烈头痛，先问问要不要去医院')).toBe(true);
  });
});

describe('someone else in mixed writing, an infant by its age, theory questions (rules11.ts, scope3.ts)', () => {
  it('is the other person / hypothetical', () => {
    expect(mods('我 flatmate 突然说话不清楚', 'neuro-deficit')).toBe('fam');
    expect(mods('一个 customer 说胸口痛得厉害', 'chest-pain')).toBe('fam');
    expect(mods('6 week old breathing really fast and grunting', 'dyspnoea')).toBe('fam');
    expect(mods('问个理论题：心梗的胸痛一般持续多久？', 'chest-pain')).toBe('hyp');
  });
  it('near misses: the writer', () => {
    expect(mods('我突然说话不清楚', 'neuro-deficit')).toBe('-');
    expect(mods("I'm 22 and breathing really fast", 'dyspnoea')).not.toContain('fam');
  });
});
