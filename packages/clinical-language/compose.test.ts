import { describe, expect, it } from 'vitest';
import { analyze, emergencyCall } from './analyze.ts';
import { COMPOSE_RULES } from './compose.ts';
import { CONCEPTS_BY_ID } from './lexicon/index.ts';

const emergency = (t: string) => emergencyCall(analyze(t)).emergency;
const concepts = (t: string) => analyze(t).mentions.map((m) => m.concept);

// Each composition rule: a message worded by effect (positive) and a near miss that must not compose.
const CASES: { rule: string; concept: string; yes: string; no: string }[] = [
  {
    rule: 'one eye × blurred — sudden',
    concept: 'sudden-vision-loss',
    yes: '左眼突然看不太清东西了',
    no: '右眼看东西有点模糊，老花好几年了',
  },
  {
    rule: 'head × severe pain — sudden, worst ever, vomiting or stiff neck',
    concept: 'thunderclap-headache',
    yes: '脑袋疼得受不了，比以往哪次都厉害',
    no: '头疼得厉害，偏头痛又犯了',
  },
  {
    rule: 'not knowing where one is, confused words, repeated questions',
    concept: 'confusion',
    yes: '我妈想不起来自己在哪',
    no: '我想不起来钥匙放在哪了',
  },
  {
    rule: 'slow responses or the same question over and over — new today',
    concept: 'confusion',
    yes: '我爸今天突然反应慢了很多',
    no: '我爸年纪大了反应慢了，好几年了',
  },
  {
    rule: 'numbness or weakness × one side (English)',
    concept: 'limb-weakness',
    yes: 'sudden numbness all down my left side',
    no: 'weakness in my left leg since the fracture',
  },
  {
    rule: 'cannot get a full breath (English)',
    concept: 'dyspnoea',
    yes: "I can't get a full breath even sitting down",
    no: "after running up the stairs I couldn't take a deep breath for a minute",
  },
  {
    rule: 'one-sided limb × lost function or numbness',
    concept: 'limb-weakness',
    yes: '吃饭的时候右手筷子老是夹不住菜',
    no: '早上起来左手麻，压了一晚上，甩一甩就好了',
  },
  {
    rule: 'limb or hand task × lost function, sudden',
    concept: 'limb-weakness',
    yes: '刚才突然筷子都拿不稳了',
    no: '扣子扣不上，衣服买小了',
  },
  {
    rule: 'one side × limb lost function (English)',
    concept: 'limb-weakness',
    yes: 'My right hand suddenly can’t do up buttons',
    no: 'my left leg fell asleep after sitting cross-legged and I couldn’t stand for a second',
  },
  {
    rule: 'hand task lost, one-sided limb named in the sentence',
    concept: 'limb-weakness',
    yes: '牙刷从右手里滑下去了，再拿也拿不住',
    no: '右手腕扭了，拿东西有点拿不住',
  },
  {
    rule: 'cannot do a task × one-sided limb (English)',
    concept: 'limb-weakness',
    yes: "I suddenly can't grip the steering wheel with my right hand",
    no: "I can't lift my left arm above my head since my shoulder surgery",
  },
  {
    rule: 'speech part × garbled or stuck',
    concept: 'speech-difficulty',
    yes: '想说的词就是说不出来，卡在嘴边',
    no: '写的字有点乱，想问问血压药',
  },
  {
    rule: "someone's words × not understood",
    concept: 'speech-difficulty',
    yes: '她说的话我一句都听不懂',
    no: '医生说的话我听不懂，能解释一下吗',
  },
  {
    rule: 'wrong words, words stuck (English)',
    concept: 'speech-difficulty',
    yes: 'he keeps saying the wrong words',
    no: 'I looked up the words in a dictionary',
  },
  {
    rule: 'breath × not enough, at rest',
    concept: 'dyspnoea',
    yes: '气接不上来，说一句话要歇一下',
    no: '今天天气急转直下，降温了',
  },
  {
    rule: 'SOB abbreviation, gasping (English)',
    concept: 'dyspnoea',
    yes: 'SOB at rest since an hour',
    no: 'the film made me want to sob',
  },
  {
    rule: 'lips or face × blue',
    concept: 'dyspnoea',
    yes: '他嘴唇都发紫了',
    no: '天冷出门嘴唇有点发紫，进屋就好了',
  },
  {
    rule: 'eye or sight × dark, half, double — sudden or one eye',
    concept: 'sudden-vision-loss',
    yes: '看东西突然一半是黑的',
    no: '蹲久了站起来眼前发黑',
  },
  {
    rule: 'curtain over an eye, double vision (English)',
    concept: 'sudden-vision-loss',
    yes: 'a dark curtain came down over my left eye',
    no: 'I closed the curtain because the sun hurt',
  },
  {
    rule: 'chest × pain, pressure, tightness',
    concept: 'chest-pain',
    yes: '心窝这里像火烧一样疼，出冷汗',
    no: '胸口长了个痘按着有点疼',
  },
  {
    rule: 'chest × crushing, squeezing, heavy (English)',
    concept: 'chest-pain',
    yes: 'crushing feeling in the middle of my chest',
    no: 'there is a bruise on my chest from the fall, it is tight when I press it',
  },
  {
    rule: 'not recognising people, cannot be woken',
    concept: 'confusion',
    yes: '奶奶推了半天都没反应',
    no: '奶奶在睡午觉，问问降压药几点吃',
  },
  {
    rule: 'whole body × jerking',
    concept: 'seizure',
    yes: '他突然全身抽起来了',
    no: '发烧了全身一直抖，盖了被子',
  },
  {
    rule: 'one-sided limb in English × Chinese state (mixed)',
    concept: 'limb-weakness',
    yes: '我的left hand突然没力，拿不起手机',
    no: '我的left hand扭伤了，拿不起手机',
  },
  {
    rule: 'dragging or limping × one-sided leg (English)',
    concept: 'limb-weakness',
    yes: 'mom is dragging her left foot',
    no: 'I sprained my ankle and I am dragging my left foot',
  },
  {
    rule: 'gasping with the mouth open',
    concept: 'dyspnoea',
    yes: '老妈一直张着嘴大口喘气',
    no: '跑完步张着嘴大口喘气，歇了一会儿就好了',
  },
  {
    rule: 'breathing fast, shallow or short of air (English)',
    concept: 'dyspnoea',
    yes: 'breathing fast and shallow sitting down',
    no: 'breathing fast and shallow while running uphill, fine after',
  },
  {
    rule: 'one side of the visual field × unseen',
    concept: 'sudden-vision-loss',
    yes: '右边的东西都看不见了',
    no: '右边的眼睛近视，看不清黑板',
  },
  {
    rule: 'speech × slow, word by word — sudden',
    concept: 'speech-difficulty',
    yes: '奶奶刚才说话突然变得很慢，一个字一个字往外蹦',
    no: '我爸说话一直很慢，性格如此',
  },
  {
    rule: 'does not know who or where — sudden',
    concept: 'confusion',
    yes: '爷爷突然连我是谁都不知道了',
    no: '他不认识我家的地址，问问怎么走',
  },
];

describe('compositional recognition (body part/function × abnormal state)', () => {
  it('every rule is tested, yields a lexicon concept and names sources', () => {
    expect(new Set(CASES.map((c) => c.rule))).toEqual(new Set(COMPOSE_RULES.map((r) => r.name)));
    for (const r of COMPOSE_RULES) {
      expect(CONCEPTS_BY_ID.get(r.concept)?.emergency).toBe(true);
      expect(r.sources.length).toBeGreaterThan(0);
    }
  });

  for (const c of CASES) {
    it(`${c.rule}: "${c.yes}" is ${c.concept} (emergency); "${c.no}" is not`, () => {
      expect(concepts(c.yes)).toContain(c.concept);
      expect(emergency(c.yes)).toBe(true);
      expect(emergency(c.no)).toBe(false);
    });
  }

  it('a severe headache needs its cue (sudden, worst ever, vomiting, stiff neck, not the usual one)', () => {
    expect(emergency('头疼得厉害，止不住地吐')).toBe(true);
    expect(emergency('head is pounding like its gonna explode, threw up twice')).toBe(true);
    expect(emergency('头炸了一样疼，不是平时那种偏头痛')).toBe(true);
    expect(emergency('头疼得厉害，吃了止痛药好点了')).toBe(false);
    expect(emergency('头晕得厉害，吐了两次')).toBe(false);
    expect(emergency('my head is pounding after a long day')).toBe(false);
  });

  it('Cantonese 我只手 is one hand; 冇晒力 and 拎唔起 are lost function', () => {
    expect(emergency('我只手冇晒力，拎唔起个碗')).toBe(true);
    expect(emergency('我两只手冇力，做咗一日嘢')).toBe(false);
  });

  it('repeated questions are confusion when new; "over and over" is not "confused over"', () => {
    expect(emergency('mum keeps asking the same question over and over, started this morning')).toBe(true);
    expect(emergency('grandpa has dementia and keeps asking the same question, for years now')).toBe(false);
    expect(emergency('grandma suddenly keeps asking same question over and over')).toBe(true);
  });

  it('a torn-apart simile of the back is tearing pain; a torn garment is not', () => {
    expect(emergency('后背像被撕开一样疼')).toBe(true);
    expect(emergency('后背的衣服被扯开了一道口子')).toBe(false);
  });

  it('the context modifiers apply to a composed span unchanged', () => {
    const hist = analyze('左手没劲是十年前中风留下的，一直这样').mentions.find(
      (m) => m.concept === 'limb-weakness',
    );
    expect(hist?.modifiers.historical).toBe(true);
    const fam = analyze('我爸左手突然拿不稳碗').mentions.find((m) => m.concept === 'limb-weakness');
    expect(fam?.modifiers.experiencer).toBe('other');
    expect(emergency('如果右手突然拿不住筷子要怎么办')).toBe(false);
    expect(emergency('no cp, no sob, just checking my meds')).toBe(false);
  });

  it('exertion explains breathlessness away unless at rest; bilateral numbness is no stroke sign', () => {
    expect(emergency('跑步的时候喘得厉害，停下来就好了')).toBe(false);
    expect(emergency('a bit winded after climbing three flights of stairs')).toBe(false);
    expect(emergency('坐着不动都喘不上气')).toBe(true);
    expect(emergency('两只手的指尖有点发麻')).toBe(false);
    expect(emergency('左边的手握东西握不紧，杯子差点摔了')).toBe(true);
    // BE-FAST arm drift: both arms raised, one drifts down — bilateral wording with one side named stays a sign.
    expect(emergency("I can't raise both arms, the right one drifts down")).toBe(true);
    // Drink explains slurred speech; "sounds drunk" or "像喝多了" is a simile, and "drink" is no typo of "drunk".
    expect(emergency('老公喝多了说话含糊，吐了一地')).toBe(false);
    expect(emergency('他说话舌头打卷，听着像喝多了，可他没喝酒')).toBe(true);
    expect(emergency("he is slurring, but he doesn't drink")).toBe(true);
    // Known dementia explains evening confusion; sudden or worse today it does not.
    expect(emergency('my mother-in-law has dementia and gets confused in the evenings')).toBe(false);
    expect(emergency('grandma has dementia but today she is suddenly much more confused')).toBe(true);
    // Sichuan 没得 (= 没有): 右手没得劲; a lack of energy for work is no limb sign.
    expect(emergency('右手没得劲了')).toBe(true);
    expect(emergency('最近没得劲去上班')).toBe(false);
    // The person's own dismissal reported by a caregiver explains nothing away (AHA: people deny symptoms).
    expect(emergency('他吃早饭勺子老是掉，左手好像没力气，他说没事就是冻的')).toBe(true);
    expect(emergency('天太冷了，左手冻得发麻')).toBe(false);
    // An explanation tried and refuted ("擦了还是…") does not explain a vision sign away.
    expect(emergency('右眼有点看不清，也可能是眼镜脏了，擦了还是一半黑的')).toBe(true);
    expect(emergency('眼镜脏了，右眼看东西少了一半，擦了就好了')).toBe(false);
    // Chest tightness from cold air, gone indoors, with no heart-attack sign; with sweat and breathlessness it counts.
    expect(emergency('chest feels a bit tight from the cold air when I go outside, goes away indoors')).toBe(
      false,
    );
    expect(emergency('cold air and my chest is tight, sweating and short of breath')).toBe(true);
    expect(emergency('打羽毛球把胳膊拉伤了，左胳膊抬不起来')).toBe(false);
    expect(emergency('my chest hurts a bit after doing push-ups yesterday')).toBe(false);
    expect(emergency('胸口撞了一下，现在胸口疼得厉害，出了好多冷汗')).toBe(true);
    expect(emergency('说话有点口音，别人听不懂我说的话')).toBe(false);
    expect(emergency('突然说话不清，很紧张')).toBe(true);
    expect(emergency('手机屏幕看久了眼睛重影，闭眼休息一下就好')).toBe(false);
    expect(emergency('her speech is off since lunch')).toBe(true);
    expect(emergency('it feels like a belt tightening around my chest')).toBe(true);
    expect(emergency('眼睛干涩，看东西有点重影，滴了眼药水好些')).toBe(false);
    expect(emergency("he's not answering his phone, I'm worried")).toBe(false);
    expect(emergency('right arm feels like it belongs to someone else, started 20 min ago')).toBe(true);
  });
});
