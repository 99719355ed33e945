import { describe, expect, it } from 'vitest';
import { analyze, emergencyCall } from './analyze.ts';

// Classes of missed emergencies of independent tuning parts 10 and 11 (formerly held-out 12 and 13; issue 16):
// each class with positive cases and near misses that stay non-emergency. Messages are written for these tests,
// not copied from the corpus.
const emergency = (t: string) => emergencyCall(analyze(t)).emergency;

describe('chest pain with a time phrase between, a weight simile, English chest with a Chinese state (AHA)', () => {
  it('fires', () => {
    expect(emergency('我胸口从昨天半夜起就开始疼，到现在没停')).toBe(true);
    expect(emergency('心口打从吃完午饭一直闷到现在，还出冷汗')).toBe(true);
    expect(emergency('胸前像被什么东西压住了一样，透不过来')).toBe(true);
    expect(emergency('chest 好闷啊，像压了个东西')).toBe(true);
    expect(emergency('刚才 chest 一下子好痛，疼到左胳膊')).toBe(true);
  });
  it('near misses stay quiet', () => {
    expect(emergency('胸口从上周摔了以后就开始疼，一按就疼')).toBe(false);
    expect(emergency('腿像压了个东西一样麻，蹲久了')).toBe(false);
    expect(emergency('chest 不痛了，昨天看过医生')).toBe(false);
  });
});

describe('back pain with words between, English back pain, with a crisis reading (AHA hypertensive crisis)', () => {
  it('fires with a reading over 180/120', () => {
    expect(emergency('量了一下195/126，腰这会儿疼得直不起身')).toBe(true);
    expect(emergency('血压200/110，后背刚才开始痛得厉害')).toBe(true);
    expect(emergency('BP 205/125 and a terrible pain in my upper back for the last hour')).toBe(true);
    expect(emergency('reading 190/124, my lower back is killing me')).toBe(true);
  });
  it('near misses: back pain with a normal reading, a pain that came back', () => {
    expect(emergency('血压135/85，腰这两天有点疼，搬了东西')).toBe(false);
    expect(emergency('BP 128/82, pain in my lower back after gardening')).toBe(false);
    expect(emergency('bp 150/90, the knee pain came back')).toBe(false);
  });
});

describe('sudden bang in the head, severe pain with words between (REFERENCE §1.5, AHA stroke: sudden severe headache)', () => {
  it('fires', () => {
    expect(emergency('刚才低头系鞋带，脑袋里砰的一下，疼得受不了')).toBe(true);
    expect(emergency('头里面好像一下子炸开一样突然疼得要命')).toBe(true);
    expect(emergency('后脑勺刚刚咚的一声疼起来了，这辈子没这么疼过')).toBe(true);
  });
  it('near misses: a knock on the head, a usual mild headache', () => {
    expect(emergency('头撞到门框上咚的一下，起了个包，不怎么疼')).toBe(false);
    expect(emergency('头有点疼，老毛病了，睡一觉就好')).toBe(false);
  });
});

describe('sight: double in dialect (都是俩), 视物不见 with another condition long-standing (BE-FAST Eyes)', () => {
  it('fires', () => {
    expect(emergency('突然看人都是俩，站也站不稳')).toBe(true);
    expect(emergency('刚才起看东西成了俩，一个叠一个')).toBe(true);
    expect(emergency('患者今晨起左眼视物不见，糖尿病史多年')).toBe(true);
  });
  it('near misses: two hours of TV, long-standing eye trouble', () => {
    expect(emergency('刚才看电视俩小时，眼睛有点酸')).toBe(false);
    expect(emergency('右眼视物模糊多年，白内障，等手术')).toBe(false);
  });
});

describe('called and no answer, hard to wake (REFERENCE §1.5 altered consciousness)', () => {
  it('fires', () => {
    expect(emergency('我爷爷喊了好几声都不吭声，眼睛闭着')).toBe(true);
    expect(emergency('我妈叫不太醒，嘴里哼哼')).toBe(true);
    expect(emergency('姥爷推他不吱声，刚才还好好的')).toBe(true);
    expect(emergency('my neighbour is awake but making no sense')).toBe(true);
    expect(emergency("found grandad in the chair, he can't tell me his own name")).toBe(true);
  });
  it('near misses: a sulking child, a baby, a sensible reply', () => {
    expect(emergency('儿子叫他吃饭不吱声，在屋里打游戏生气呢')).toBe(false);
    expect(emergency("my toddler can't tell me her name yet, is that normal")).toBe(false);
    expect(emergency('the doctor was making no sense with all that jargon')).toBe(false);
  });
});

describe('one side without strength in northern dialect, English "not able to", mouth deviated (BE-FAST, 中风120)', () => {
  it('fires', () => {
    expect(emergency('我右半拉身子一点劲儿都没有了')).toBe(true);
    expect(emergency('他左半拉身子突然没劲儿了')).toBe(true);
    expect(emergency('my father is not able to move his left arm since morning')).toBe(true);
    expect(emergency('her mouth is deviated to the right side since an hour')).toBe(true);
  });
  it('near misses: both arms tired after work, a crooked tooth', () => {
    expect(emergency('干了一天活，两条胳膊一点劲儿都没有了')).toBe(false);
    expect(emergency('I am not able to lift my left arm since I fractured my wrist')).toBe(false);
  });
});

describe('a fit going on now in known epilepsy, infarct diagnosed and being transferred (REFERENCE §1.5, AHA)', () => {
  it('fires', () => {
    expect(emergency('女儿有癫痫，这会儿正在发作，叫不应')).toBe(true);
    expect(emergency('羊癫疯发作停不下来了，快十分钟了')).toBe(true);
    expect(emergency('我爸急性心梗，镇医院让马上转院放支架，救护车上')).toBe(true);
    expect(emergency('老妈脑梗，医院说马上溶栓，正在去的路上')).toBe(true);
  });
  it('near misses: epilepsy controlled, an old infarct with a stent', () => {
    expect(emergency('我有癫痫，好几年没发作了')).toBe(false);
    expect(emergency('我爸心梗放支架两年了，现在想问问药')).toBe(false);
  });
});

describe('too breathless for a sentence, blue round the mouth (REFERENCE §1.5, AHA shortness of breath)', () => {
  it('fires', () => {
    expect(emergency("he's wheezing and can't get a full sentence out")).toBe(true);
    expect(emergency('my son is blue round the lips and struggling')).toBe(true);
    expect(emergency('喘气都不舒服，坐着也这样')).toBe(true);
  });
  it('near misses: blue lips after a cold swim, breathing uncomfortable with a blocked nose', () => {
    expect(emergency('blue round the lips after swimming in the cold sea, warm now')).toBe(false);
    expect(emergency('感冒鼻塞，喘气都不舒服')).toBe(false);
  });
});

describe('voice-input homophone of 中风 (中封了)', () => {
  it('fires', () => {
    expect(emergency('我老伴中封了，快来人')).toBe(true);
  });
  it('near miss: the acupoint 中封', () => {
    expect(emergency('针灸扎了中封穴，脚踝舒服多了')).toBe(false);
  });
});

describe('tearing simile after a back pain (跟撕开了似的), part of the visual field gone, pinyin chest pain (AHA, BE-FAST)', () => {
  it('fires', () => {
    expect(emergency('背上疼得厉害，像被人撕开了一样')).toBe(true);
    expect(emergency('后背好疼，跟刀划开似的')).toBe(true);
    expect(emergency('背心疼，好像有人拿刀在割')).toBe(true);
    expect(emergency('he cannot catch his breath even lying still')).toBe(true);
    expect(emergency('左边的视野突然不见了一块')).toBe(true);
    expect(emergency('刚才右边视野没了，看不到右边来的车')).toBe(true);
    expect(emergency('xiongkou tong, chu han, zenme ban')).toBe(true);
  });
  it('near misses: a torn shirt at the back, a field test, pinyin denial', () => {
    expect(emergency('后背的衬衫跟撕开了似的，破了个大口子')).toBe(false);
    expect(emergency('视野检查做完了，结果下周出')).toBe(false);
    expect(emergency('xiongkou bu teng le, mei shi')).toBe(false);
  });
});

describe('similes and idioms written for this round (fresh wording, not in any corpus part)', () => {
  it('fires', () => {
    expect(emergency('我爸左边胳膊一抬起来就往下落，举不住')).toBe(true);
    expect(emergency('心脏那块像被人攥住一样揪着疼')).toBe(true);
    expect(emergency('脑袋里像有颗炸弹炸了，疼得直撞墙')).toBe(true);
    expect(emergency('her smile has gone wonky on the left side')).toBe(true);
    expect(emergency('headache like being hit with a hammer, out of nowhere, vomited twice')).toBe(true);
    expect(emergency('my back suddenly felt like it was being torn apart, BP 220/118')).toBe(true);
  });
  it('near misses', () => {
    expect(emergency('手机从手里往下落，摔碎了屏幕')).toBe(false);
    expect(emergency('心脏支架放了三年，像平常一样吃药')).toBe(false);
    expect(emergency('电视里说头像被炸弹炸了一样疼是什么病')).toBe(false);
    expect(emergency('my smile is wonky in photos, always has been')).toBe(false);
    expect(emergency('headache like being hit with a hammer every morning for years, hangover mostly')).toBe(
      false,
    );
    expect(emergency('my back pocket ripped apart, the jeans are old')).toBe(false);
  });
});

describe('third batch of fresh wording: reaching past a cup, half a face, interscapular, gait, Cantonese, pregnancy', () => {
  it('fires', () => {
    expect(
      emergency('he keeps missing his glass when he reaches with his left hand, started an hour ago'),
    ).toBe(true);
    expect(emergency('I woke up and half my face is numb and droopy')).toBe(true);
    expect(emergency('sudden severe pain between her shoulder blades, sweating')).toBe(true);
    expect(emergency('我妈左手突然攥不住东西了')).toBe(true);
    expect(emergency('他走路突然画圈，左腿甩着走')).toBe(true);
    expect(emergency('胸口好像有只手在里面攥，疼得直冒汗')).toBe(true);
    expect(emergency('阿爷今朝突然识唔到人')).toBe(true);
    expect(emergency('my wife is 35 weeks and has an agonising headache')).toBe(true);
    expect(emergency("Dad's words aren't coming out right and his left leg is dragging")).toBe(true);
  });
  it('near misses', () => {
    expect(emergency('I keep missing the bus with my left hand full of shopping')).toBe(false);
    expect(emergency('half my face is numb from the dentist injection')).toBe(false);
    expect(emergency('a dull ache between my shoulder blades from desk work for weeks')).toBe(false);
    expect(emergency('手攥不住，两只手都这样，关节炎好多年了')).toBe(false);
    expect(emergency('the rash is 12 weeks old and itchy, mild headache')).toBe(false);
    expect(emergency("when I write essays the words don't come out right, any tips")).toBe(false);
  });
});

describe('fourth batch of fresh wording: speech no one understands, sudden agraphia or alexia, blows and stabs, bellows', () => {
  it('fires', () => {
    expect(emergency('爷爷讲的话谁都听不懂了，刚才开始的')).toBe(true);
    expect(emergency('我爸突然名字都写不出来了')).toBe(true);
    expect(emergency('我妈突然看不懂报纸上的字了，明明都认得')).toBe(true);
    expect(emergency('后背那里像被人拿刀捅了一样，突然疼起来')).toBe(true);
    expect(emergency('脑袋突然像被铁锤砸了一下，吐了两回')).toBe(true);
    expect(emergency('她喘得像拉风箱，说不了一句整话')).toBe(true);
    expect(emergency('外婆今天老是重复问同一件事，早上还好好的')).toBe(true);
    expect(emergency('左边眼睛突然像蒙了块黑布一样，全黑了')).toBe(true);
    expect(emergency("wheezing badly and he can't speak in full sentences")).toBe(true);
    expect(emergency("his speech sounds like he's drunk but he hasn't had a drop")).toBe(true);
    expect(emergency('sudden loss of vision in my right eye')).toBe(true);
    expect(emergency('it feels like my heart is being squeezed, sweating')).toBe(true);
  });
  it('near misses', () => {
    expect(emergency('孩子的字谁都看不懂，写得太潦草')).toBe(false);
    expect(emergency('老人家一直重复问同一件事好几年了，老年痴呆')).toBe(false);
    expect(emergency('went blind in my left eye years ago from glaucoma')).toBe(false);
    expect(emergency('my heart is being squeezed with grief since the funeral')).toBe(false);
    expect(emergency('he slurs when he is drunk on Fridays')).toBe(false);
    expect(emergency('叫他起床半天不吱声，睡得太死了')).toBe(false);
    expect(emergency('my heart is being squeezed every time I think of her')).toBe(false);
  });
});
