import { describe, expect, it } from 'vitest';
import { analyze, emergencyCall } from './analyze.ts';

// Gap patterns of lexicon/variants2.ts (regional and lay wording found in the independent tuning parts): each with
// a positive case and a near miss. The plain surface forms are tested by lexicon.test.ts like every row's own.
const has = (t: string, id: string) => analyze(t).mentions.some((m) => m.concept === id);
const emergency = (t: string) => emergencyCall(analyze(t)).emergency;

describe('lexicon variants, part 2 (issue 16)', () => {
  it('chest: the grip simile in the next clause; not a grip on something else', () => {
    expect(has('心口像针扎，又像被什么攥住了', 'chest-pain')).toBe(true);
    expect(has('手被门夹住了，像被什么攥住了', 'chest-pain')).toBe(false);
  });
  it('one leg dragged (Shanghainese 拖了走, 右腿有点拖); not slippers', () => {
    expect(has('一只脚拖了走', 'limb-weakness')).toBe(true);
    expect(has('去年脑梗后右腿一直有点拖', 'limb-weakness')).toBe(true);
    expect(has('右脚拖鞋找不到了', 'limb-weakness')).toBe(false);
  });
  it('object first: 笔也握不住; not a pen that is too thick to write', () => {
    expect(has('笔也握不住', 'limb-weakness')).toBe(true);
    expect(has('笔太粗了不好写', 'limb-weakness')).toBe(false);
  });
  it('English: dragging a foot, a leg giving way, a hand that will not obey; not a dragging meeting', () => {
    expect(has('dragging my foot since this morning', 'limb-weakness')).toBe(true);
    expect(has('my left leg keeps giving way', 'limb-weakness')).toBe(true);
    expect(has("hand won't do what I tell it", 'limb-weakness')).toBe(true);
    expect(has('the meeting was dragging on', 'limb-weakness')).toBe(false);
  });
  it('speech: 讲嘢讲唔清楚, "speak is slur", a thick tongue; not a slur about someone', () => {
    expect(has('阿婆讲嘢讲唔清楚', 'speech-difficulty')).toBe(true);
    expect(has('my speak is slur', 'speech-difficulty')).toBe(true);
    expect(has('my tongue feels thick', 'speech-difficulty')).toBe(true);
    expect(has('he used a slur against my neighbour', 'speech-difficulty')).toBe(false);
  });
  it('vision: one eye half dark; cannot see on one side; not "half the screen is black"', () => {
    expect(has('右眼是不是有点看不清？擦了还是一半黑的', 'sudden-vision-loss')).toBe(true);
    expect(has("can't see stuff on my left", 'sudden-vision-loss')).toBe(true);
    expect(has('手机屏幕一半是黑的', 'sudden-vision-loss')).toBe(false);
  });
  it('breath: "like drowning", "breath is very hard"; not a drowning in the news', () => {
    expect(has('I am like drowning when lie down', 'dyspnoea')).toBe(true);
    expect(has('Breath is very hard', 'dyspnoea')).toBe(true);
    expect(has('a boy drowned in the lake', 'dyspnoea')).toBe(false);
  });
  it('confusion: 不太认人, does not know where she is, not "where the shop is"', () => {
    expect(has('今天中午开始就不太认人了', 'confusion')).toBe(true);
    expect(has("she doesn't know where she is", 'confusion')).toBe(true);
    expect(has("I don't know where the shop is", 'confusion')).toBe(false);
  });
  it('unresponsive: 喊他没得反应 (Sichuan); not 没得问题', () => {
    expect(has('喊他没得反应', 'unresponsive')).toBe(true);
    expect(has('喊他没得问题', 'unresponsive')).toBe(false);
  });
  it('seizure: bitten tongue on waking, shaking that will not stop; not a cramp that stopped', () => {
    expect(has('醒来舌头咬破了', 'seizure')).toBe(true);
    expect(has('娃儿发起抖来停不下来', 'seizure')).toBe(true);
    expect(has('吃饭把舌头咬破了', 'seizure')).toBe(false);
  });
  it('thunderclap: a blow simile, 10/10, "came on in seconds", bursting pain with vomiting; not a knock', () => {
    expect(has('头突然像被雷劈了', 'thunderclap-headache')).toBe(true);
    expect(has('像被锤子砸了一下，头疼得不行', 'thunderclap-headache')).toBe(false);
    expect(has('head pain 10/10 sudden', 'thunderclap-headache')).toBe(true);
    expect(has('Nothing touches this headache, came on in seconds', 'thunderclap-headache')).toBe(true);
    expect(has('头痛得要裂开了，吐了两次', 'thunderclap-headache')).toBe(true);
    expect(has('头痛得要裂开了，睡一觉就好', 'thunderclap-headache')).toBe(false);
    expect(emergency('我头壳足痛，痛甲欲死')).toBe(true);
  });
  it('seizure: fallen and jerking, a denied bare 抽; not smoking', () => {
    expect(has('老爸倒在地上一直抽', 'seizure')).toBe(true);
    expect(has('他倒在地上抽烟', 'seizure')).toBe(false);
    const denied = analyze('孩子烧到三十九度，没有抽，精神还可以').mentions.find(
      (m) => m.concept === 'seizure',
    );
    expect(denied?.modifiers.negated).toBe(true);
    expect(has('他没有抽烟', 'seizure')).toBe(false);
  });
  it('bare 糊涂/迷糊/模糊 only where they read as a state (denied, feared, past); not 糊涂账 or 模糊的照片', () => {
    expect(has('一点不糊涂', 'confusion')).toBe(true);
    expect(has('怕她以后会糊涂', 'confusion')).toBe(true);
    expect(has('低血糖迷糊过一次', 'confusion')).toBe(true);
    expect(has('阿公毋知影家己佇佗位', 'confusion')).toBe(true);
    expect(has('一笔糊涂账', 'confusion')).toBe(false);
    expect(has('看东西挺清楚的，没模糊', 'blurred-vision')).toBe(true);
    expect(has('照片有点模糊', 'blurred-vision')).toBe(false);
  });
  it('retinal haemorrhage is a vision red flag (not alone an emergency); 眼底检查 is not', () => {
    expect(has('前几年一只眼睛眼底出过血', 'blurred-vision')).toBe(true);
    expect(emergency('眼底出血了')).toBe(false);
    expect(emergency('眼底出血了，血压200/130')).toBe(true);
    expect(has('做了眼底检查', 'blurred-vision')).toBe(false);
  });
  it('"有点喘" is recorded only when the sentence says it is over; plain "有点喘" is no red flag', () => {
    const past = analyze('昨晚有点喘，今天早上已经好了').mentions.find((m) => m.concept === 'dyspnoea');
    expect(past?.modifiers.historical).toBe(true);
    expect(has('有点喘', 'dyspnoea')).toBe(false);
  });
  it('balance: walking or standing leans to one side (BE-FAST); a picture hanging crooked is not', () => {
    expect(has('爸爸走路突然往左边倒', 'balance-loss')).toBe(true);
    expect(has('这张画往左边歪了', 'balance-loss')).toBe(false);
  });
  it('"thunderclap" in the head is a thunderclap headache; a thunderclap in the night is not', () => {
    expect(has('feels like a thunderclap in my head', 'thunderclap-headache')).toBe(true);
    expect(has('a thunderclap woke me up last night', 'thunderclap-headache')).toBe(false);
  });
  it('舌头打不过弯 is speech trouble; 脑子转不过弯 is not', () => {
    expect(has('奶奶说话舌头打不过弯来了', 'speech-difficulty')).toBe(true);
    expect(has('他脑子一时转不过弯来', 'speech-difficulty')).toBe(false);
  });
  it('someone sitting on the chest (simile) is chest pressure; someone sitting beside me is not', () => {
    expect(has('胸口像有人坐在上面', 'chest-pain')).toBe(true);
    expect(has('有人坐在我旁边', 'chest-pain')).toBe(false);
  });
  it("couldn't see out of my left eye is vision loss; out of the window is not", () => {
    expect(has("woke up and couldn't see out of my left eye", 'sudden-vision-loss')).toBe(true);
    expect(has("couldn't see out of the window for the fog", 'sudden-vision-loss')).toBe(false);
  });
  it('more lay similes of the same signs, each with a near miss', () => {
    expect(has('爸爸笑起来只有一边嘴角动', 'facial-droop')).toBe(true);
    expect(has("he's dribbling from one side of his mouth", 'facial-droop')).toBe(true);
    expect(has('the baby is drooling a lot, teething', 'facial-droop')).toBe(false);
    expect(has("my mum's arm just flopped down", 'limb-weakness')).toBe(true);
    expect(has('the fish flopped down on the deck', 'limb-weakness')).toBe(false);
    expect(has('眼前像有一块黑布挡着', 'sudden-vision-loss')).toBe(true);
    expect(has('窗户拉着黑布帘子', 'sudden-vision-loss')).toBe(false);
    expect(has('suddenly the room went black on my left side', 'sudden-vision-loss')).toBe(true);
    expect(has('the screen went black', 'sudden-vision-loss')).toBe(false);
    expect(has('心脏像被手捏住一样疼', 'chest-pain')).toBe(true);
    expect(has('老人突然不认识回家的路了', 'confusion')).toBe(true);
    expect(has('后脑勺像被人用棍子敲了一下', 'thunderclap-headache')).toBe(true);
    expect(has('worst pain ever in my head, like being hit with a bat', 'thunderclap-headache')).toBe(true);
    expect(has('he was hit with a bat in a game', 'thunderclap-headache')).toBe(false);
    expect(has("my back feels like it's being ripped apart", 'tearing-pain')).toBe(true);
    expect(has('my back feels like a plank after gardening', 'tearing-pain')).toBe(false);
  });
  it('mixed "chest 好痛" is chest pain; "chest X光" is not', () => {
    expect(has('chest 好痛，出冷汗', 'chest-pain')).toBe(true);
    expect(has('拍了chest X光', 'chest-pain')).toBe(false);
  });
  it('input-method typos 不轻楚 / 喘不过起 read as 不清楚 / 喘不过气; 年轻 is untouched', () => {
    expect(has('说话不轻楚', 'speech-difficulty')).toBe(true);
    expect(has('喘不过起', 'dyspnoea')).toBe(true);
    expect(has('我还年轻', 'speech-difficulty')).toBe(false);
  });
});
