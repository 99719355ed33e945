import { describe, expect, it } from 'vitest';
import { analyze, emergencyCall } from './analyze.ts';

// Classes of misses of independent tuning part 3 (formerly held-out 5, issue 16): each class with a positive case and
// a near miss or pseudo-trigger. Messages are written for these tests, not copied from the corpus.
const a = (t: string) => analyze(t);
const has = (t: string, id: string) => a(t).mentions.some((m) => m.concept === id);
const emergency = (t: string) => emergencyCall(a(t)).emergency;
const mod = (t: string, id: string) => a(t).mentions.find((m) => m.concept === id)?.modifiers;

describe('lexicon variants, part 3 (issue 16)', () => {
  it('toneless pinyin of the emergency signs; not other pinyin', () => {
    expect(emergency('wo ma zui wai le, kuai jiu ming')).toBe(true);
    expect(emergency('xiong kou hen tong, chu han')).toBe(true);
    expect(emergency('ta chuan bu guo qi lai')).toBe(true);
    expect(emergency('我爸zhongfeng了')).toBe(true);
    expect(emergency('ni hao, wo xiang wen yi xia yao')).toBe(false);
    expect(emergency('xiong kou bu tong')).toBe(false);
  });
  it('Wu negation inside a sign (讲勿清爽, 伸勿起来); not a Wu denial (勿痛)', () => {
    expect(emergency('阿拉爸爸讲闲话讲勿清爽了')).toBe(true);
    expect(emergency('右手伸勿起来了')).toBe(true);
    expect(emergency('伊心口勿痛额，就是问问药')).toBe(false);
  });
  it('Cantonese 睇唔到 with a side or sudden onset; not without', () => {
    expect(emergency('右边眼突然睇唔到嘢')).toBe(true);
    expect(has('太远了睇唔到', 'sudden-vision-loss')).toBe(false);
  });
  it('sudden loss of speech, cannot get a word out; not a sore throat', () => {
    expect(emergency('我妈突然不能说话了')).toBe(true);
    expect(emergency('嘴张着说不出字')).toBe(true);
    expect(emergency('嗓子哑了，医生让我少说话')).toBe(false);
  });
  it('jerking again that does not stop; not smoking or a cramp', () => {
    expect(emergency('他又开始抽了，停不下来')).toBe(true);
    expect(emergency('又开始抽烟了，停不下来')).toBe(false);
    expect(emergency('腿又抽筋了，止不住')).toBe(false);
  });
  it('lay English: can hardly breathe, lost the vision in one eye; not a lost pair of glasses', () => {
    expect(emergency('can hardly breathe and my lips feel odd')).toBe(true);
    expect(emergency('I lost part of the vision in my left eye')).toBe(true);
    expect(emergency('I lost my glasses for my left eye')).toBe(false);
  });
  it('typo 通 for 痛 after the chest; not 通畅 elsewhere', () => {
    expect(emergency('胸口通得厉害，出冷汗')).toBe(true);
    expect(has('鼻子通了', 'chest-pain')).toBe(false);
  });
  it('脑瓜子 as the head of a sudden bursting headache; not a dull ache after drinking', () => {
    expect(emergency('脑瓜子突然炸了一样疼')).toBe(true);
    expect(emergency('脑瓜子有点疼，昨晚喝多了')).toBe(false);
  });
});

describe('recognition and context classes, part 3 (issue 16)', () => {
  it('an emergency reading inside a longer non-emergency form of the same red flag counts', () => {
    expect(emergency('头痛得要炸开了，这辈子没这么疼过，突然开始的')).toBe(true);
    expect(emergency('头痛得要炸开了，老毛病偏头痛')).toBe(false);
  });
  it('double negation is no negation: 无时无刻不, "can\'t walk without falling"; a plain denial still negates', () => {
    expect(mod('无时无刻不在胸闷', 'chest-pain')?.negated).toBe(false);
    expect(mod("I can't walk without falling to one side", 'balance-loss')?.negated).toBe(false);
    expect(mod('不胸闷', 'chest-pain')?.negated).toBe(true);
    expect(mod('walking without falling to one side now', 'balance-loss')?.negated).toBe(true);
  });
  it('dialect negators: Sichuan 莫得(啥子), Wu 勿; not 莫名其妙 or an affirmed 痛', () => {
    expect(emergency('胸口莫得啥子痛，就是问药')).toBe(false);
    expect(emergency('心口头勿痛额')).toBe(false);
    expect(emergency('莫名其妙胸口痛得厉害')).toBe(true);
  });
  it('A-not-A question answered with 也/都 不; not an unanswered question', () => {
    expect(emergency('胸口疼不疼？也不疼')).toBe(false);
    expect(emergency('胸口疼得厉害，疼不疼？很疼')).toBe(true);
  });
  it('"seizure free" negates; "seizure free time" does not', () => {
    expect(mod('epileptic, seizure free for years', 'seizure')?.negated).toBe(true);
    expect(mod('had a seizure free time ends today', 'seizure')?.negated).toBe(false);
  });
  it('没再犯 is no recurrence: a past seizure stays past; 又犯了 is one', () => {
    expect(emergency('上个月抽过一次，现在吃着药没再犯')).toBe(false);
    expect(emergency('上个月抽过一次，今天又犯了')).toBe(true);
  });
  it('a stroke or sight sign on a past day that went away is historical; one that went away today is not', () => {
    expect(emergency('前天左手麻了十分钟自己好了，这两天一切正常')).toBe(false);
    expect(emergency('去年一只眼睛突然看不见了几分钟，后来好了')).toBe(false);
    expect(emergency('刚才左手突然麻了十分钟自己好了')).toBe(true);
  });
  it('chest fullness relieved by belching is explained; with sweating it is not', () => {
    expect(emergency('吃完饭胸口有点堵，打了几个嗝就好了')).toBe(false);
    expect(emergency('胸口堵得慌，打嗝也不管用，一身冷汗')).toBe(true);
  });
  it('a cause guessed with doubt explains nothing; a stated cause does', () => {
    expect(emergency('左手有点不太灵活，今天早上开始的，不确定是不是压着了')).toBe(true);
    expect(emergency('左手有点不太灵活，昨晚压着睡的')).toBe(false);
    expect(emergency("not sure if it's heartburn but my chest is tight")).toBe(true);
  });
});

describe('modifier classes, part 3 (issue 16)', () => {
  it('resolved: stopped (止住了, stopped by itself), perfective 了…就好了, fine after; not a habitual 就好了', () => {
    expect(mod('早上流鼻血了，一会儿就止住了', 'epistaxis')?.historical).toBe(true);
    expect(mod('nosebleed this morning, stopped by itself', 'epistaxis')?.historical).toBe(true);
    expect(mod('早上头晕，坐了一会儿就好了', 'dizziness')?.historical).toBe(true);
    // A one-sided sign that went away today is a TIA now: still current (BE-FAST, 中风120).
    expect(emergency('右手麻了，甩了几下就好了')).toBe(true);
    expect(mod('felt dizzy this morning, fine after eating', 'dizziness')?.historical).toBe(true);
    expect(mod('有点头疼，睡一觉就好了', 'headache')?.historical).toBe(false);
    expect(mod('胸口痛，吃了药还是没好', 'chest-pain')?.historical).toBe(false);
  });
  it('experiencer: 孃孃, 家里老人, Wu 伊, pinyin "wo ba", a bare "wife" opening the message; not 伊 inside a word', () => {
    expect(mod('我孃孃喘不过气来了', 'dyspnoea')?.experiencer).toBe('other');
    expect(mod('家里老人都有高血压', 'hypertension')?.experiencer).toBe('other');
    expect(mod('伊心口痛', 'chest-pain')?.experiencer).toBe('other');
    expect(mod('wo ba zui wai le', 'facial-droop')?.experiencer).toBe('other');
    expect(
      mod("wife suddenly can't walk straight, keeps falling to the left", 'balance-loss')?.experiencer,
    ).toBe('other');
    expect(mod('喝了伊利牛奶后胸口痛', 'chest-pain')?.experiencer).toBe('patient');
    expect(mod('my wife says I suddenly keep falling to the left', 'balance-loss')?.experiencer).toBe(
      'patient',
    );
  });
  it('history: "stroke history" after the term, 好像以前; not 像以前一样 of a current sign', () => {
    expect(mod('我外公有stroke history', 'stroke')?.historical).toBe(true);
    expect(mod('我奶奶好像以前中过风', 'stroke')?.historical).toBe(true);
    expect(mod('胸口像以前一样痛，现在还在痛', 'chest-pain')?.historical).toBe(false);
  });
  it('denied signs as a bare word or a normal state; the affirmed sign stays', () => {
    expect(mod('沒有胸痛也沒有喘', 'dyspnoea')?.negated).toBe(true);
    expect(mod('胸不痛，气也不短', 'dyspnoea')?.negated).toBe(true);
    expect(mod('头不晕也不疼', 'headache')?.negated).toBe(true);
    expect(mod('头不疼眼睛也不花', 'blurred-vision')?.negated).toBe(true);
    expect(mod('no headache, no vision problems', 'blurred-vision')?.negated).toBe(true);
    expect(mod('heart failure, breathing fine', 'dyspnoea')?.negated).toBe(true);
    expect(mod('no weakness anywhere', 'limb-weakness')?.negated).toBe(true);
    expect(emergency('没有喘气的感觉，就是突然喘不上气')).toBe(true);
  });
  it('an English denial runs over a list (denies A, B, or C); not into a new clause with its own subject', () => {
    expect(emergency('denies chest pain, SOB, or slurred speech')).toBe(false);
    expect(emergency('no chest pain, shortness of breath, or weakness')).toBe(false);
    expect(emergency('no headache, my speech is slurred')).toBe(true);
    expect(emergency('no chest pain, but slurred speech now')).toBe(true);
  });
});

describe('typos and lay forms, part 3 (issue 16)', () => {
  it('"stroak", 我中分了; not a centre parting', () => {
    expect(emergency('he had a stroak just now')).toBe(true);
    expect(has('我觉得我中分了', 'stroke-now')).toBe(true);
    expect(has('我剪了个中分了', 'stroke-now')).toBe(false);
  });
  it('walking drifts to one side (往一边歪); not a picture hanging to one side', () => {
    expect(emergency('走路也往一边歪')).toBe(true);
    expect(emergency('墙上的画往一边歪')).toBe(false);
  });
  it('脑壳痛 is a headache; "what if I get a sudden bad headache" is a hypothetical severe headache', () => {
    expect(has('脑壳有点痛', 'headache')).toBe(true);
    expect(mod('what if I get a sudden bad headache', 'severe-headache')?.hypothetical).toBe(true);
    expect(has('脑壳里想的事太多', 'headache')).toBe(false);
  });
  it('a current attack named by the condition is the red flag (羊癫疯又犯了, angina flaring up); a past or controlled one is not', () => {
    expect(a('我弟羊癫疯又犯了').mentions.some((m) => m.redFlag === 'seizure')).toBe(true);
    expect(emergency('my angina is flaring up')).toBe(true);
    expect(emergency('我癫痫十几年没发作了')).toBe(false);
    expect(emergency('以前心绞痛犯过，这半年一次没犯')).toBe(false);
    expect(emergency('I had angina last year, it is back to normal now')).toBe(false);
  });
  it('"I think I suddenly …" keeps the doubt; a reading in between does not take a resolved cue', () => {
    expect(mod('I think I suddenly lost the vision in my right eye', 'sudden-vision-loss')?.uncertain).toBe(
      true,
    );
    expect(mod("I'm fine but suddenly my chest hurts", 'chest-pain')?.uncertain).toBe(false);
    expect(mod('有点头晕，复测150/95，现在好了', 'dizziness')?.historical).toBe(true);
    expect(mod('有点头晕，复测150/95，还是晕', 'dizziness')?.historical).toBe(false);
  });
});
