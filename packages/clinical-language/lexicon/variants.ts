/**
 * More surface forms for concepts defined in emergency*.ts, kept apart so each file stays small: regional
 * Chinese (Sichuan/Chongqing 气紧/喘不赢, Cantonese 透唔到气/唔识讲嘢/冇力/晕咗, north-eastern 不好使/不跟劲),
 * lay English from the AHA warning-sign pages (heart attack: "uncomfortable pressure, squeezing, fullness";
 * stroke: "sudden trouble walking … loss of coordination", "trouble understanding") and BE-FAST/中风120 wording.
 * Merged into the concept rows by lexicon/index.ts; every form is tested like the row's own (lexicon.test.ts).
 */
import type { Concept } from '../types.ts';

/** A gap inside a phrase: no clause break and no negation character. */
const G = '[^,.。!?;:\\n不没无未别但却和及与、]';

export type Variants = Pick<Partial<Concept>, 'zh' | 'en' | 'patterns'>;

export const VARIANTS: Readonly<Record<string, Variants>> = {
  'chest-pain': {
    zh: ['心窝子疼', '心窝子痛', '心口窝疼', '心口窝痛', '胸口憋屈', '心口子痛', '心口子疼', '胸坎痛'],
    en: [
      'chest fullness',
      'fullness in my chest',
      'chest feels full',
      'chest feels heavy',
      'chest pian',
      'heart hurts',
      'heart is hurting',
      'heart pain',
      'pain in my heart',
    ],
    patterns: [
      `(?:胸|心口|心窝|胸前|心脏)(?:口|部)?${G}{0,3}?(?:不舒服|不得劲|不对劲)`,
      `(?:胸|心口|胸前)(?:口|部)?${G}{0,5}?(?:攥|捏|箍|挤|揪)(?:住|着|紧)`,
      `\\bchest\\b[^,.;!?]{0,30}\\b(?:vise|vice|full|fullness|heavy|squeeze)\\b`,
      `\\b(?:squeezing|pressure|tightness|heaviness|fullness|pain|discomfort)\\b[^,.;!?]{0,34}\\b(?:of|in|on) (?:my|his|her|the) chest\\b`,
      `\\b(?:elephant|someone|something heavy|a weight)\\b[^,.;!?]{0,20}\\b(?:sitting|standing|pressing) on (?:my|his|her) chest\\b`,
    ],
  },
  'mi-now': { en: ['angina attack', 'having angina', 'having a hart attack'] },
  'stroke-now': { en: ['having a stoke', 'is having a stoke'] },
  'tearing-pain': {
    zh: ['背心撕着疼', '背心撕着痛', '前胸穿到后背'],
    patterns: [
      `(?:后背|背部|背心|背上|背|胸背)${G}{0,6}?(?:劈|劈开|撕着)`,
      // IRAD: tearing or ripping — the torn-apart similes (像被扯开, 像被撕开, 像拿刀划); a simile, not a torn shirt.
      `(?:后背|背部|背心|背上|胸背)${G}{0,3}?像${G}{0,3}?(?:被|让)?(?:扯开|撕开|扯裂|拿刀(?:往下)?划|刀割)`,
      // IRAD: abrupt severe chest or back pain.
      `\\bsudden(?:ly)?\\b[^,.;!?]{0,12}\\b(?:severe|sharp|intense|excruciating|terrible|tearing|ripping)\\b[^,.;!?]{0,10}\\bback pain\\b`,
      `\\bback\\b[^,.;!?]{0,12}\\b(?:splitting|split) (?:open|apart|in two)\\b`,
    ],
  },
  'facial-droop': {
    zh: ['嘴歪咗', '口歪咗', '脸塌了', '半边脸塌', '眼歪嘴斜'],
    patterns: [
      `(?:嘴|嘴巴|嘴角|口角)${G}{0,4}?(?:扯|拽|咧)(?:向|到|过)?(?:一边|左|右)`,
      `(?:嘴|嘴巴|嘴角|口角)${G}{0,2}?往(?:左|右|一边)${G}{0,1}?(?:扯|拽|咧|跑)`,
      `(?:半边|左边|右边|左|右|一边|一侧)(?:脸|面部)${G}{0,3}?(?:塌|垮|往下掉|掉下来|下垂|耷拉)`,
      `(?:脸|面部|嘴唇|嘴)${G}{0,2}?突然${G}{0,2}?(?:麻|木)`,
      `突然${G}{0,3}?(?:脸|面部)${G}{0,2}?(?:麻|木)`,
      `\\bface\\b[^,.;!?]{0,12}\\bsuddenly\\b[^,.;!?]{0,10}\\b(?:numb|tingly|droop\\w*)\\b`,
      `\\b(?:face|mouth|smile|lip)\\b[^,.;!?]{0,20}\\b(?:pulled|pulling|slanted|fallen|sagged|drawn) (?:over |down )?(?:to|on) (?:one|the) side\\b`,
    ],
  },
  'limb-weakness': {
    zh: ['手脚冇力', '手冇力', '脚冇力', '半边冇力', '一边冇力'],
    patterns: [
      // Without a side, only when sudden ("老人腿脚不好使" is old age, not a stroke sign).
      `(?:胳膊|胳臂|手臂|手|腿|脚|手脚|胳膊腿)(?:突然|一下子)(?:不好使|不中用|不跟劲|不听话)`,
      `(?:一侧|一边|半边|左边|右边|左|右)(?:的)?(?:胳膊|胳臂|手臂|手|腿|脚|手脚|身子)${G}{0,3}?(?:不好使|不中用|不跟劲|冇力|冇劲)`,
      `走路${G}{0,3}?(?:一拖一拖|拖着|拖拉着?)`,
      `拿不住(?:东西|杯子|碗|筷子|勺子|笔|手机)`,
      `(?:腿|脚)${G}{0,1}?突然${G}{0,2}?(?:迈不开|迈不动|挪不动)|突然${G}{0,3}?(?:腿|脚)${G}{0,2}?(?:迈不开|迈不动|挪不动)`,
      `(?:胳膊|胳臂|手臂|手|腿)${G}{0,2}?软绵绵`,
      // AHA stroke warning signs: sudden numbness or weakness of the face, arm or leg.
      `\\bsudden(?:ly)?\\b[^,.;!?]{0,10}\\b(?:weak\\w*|numb\\w*)\\b[^,.;!?]{0,15}\\b(?:arm|leg|hand|side)s?\\b`,
      `(?:手|手指头?)${G}{0,5}?不(?:灵活|灵便|听话)`,
      `\\b(?:can'?t|cannot|can not|couldn'?t) feel (?:my|his|her) (?:(?:right|left) )?(?:arm|hand|leg|foot|side)s?\\b`,
    ],
  },
  'speech-difficulty': {
    zh: [
      '说话呜噜呜噜',
      '说话呜呜噜噜',
      '舌头短了',
      '舌头像短了',
      '舌头打卷',
      '舌头打转',
      '吐词不清',
      '口齿含糊',
      '唔识讲嘢',
      '讲唔到嘢',
      '讲唔出嘢',
      '讲嘢唔清楚',
      '讲嘢含糊',
      '想说说不出来',
      '想说的话说不出来',
      '表达不出来',
      '找不到词',
    ],
    en: [
      'words are coming out wrong',
      'words coming out wrong',
      'words come out all wrong',
      'unable to speak',
      'not able to speak',
      'can barely talk',
      'can barely speak',
      'hard time talking',
      'hard time speaking',
      'struggling to speak',
      'struggling to talk',
      "can't form words",
      "words won't come",
    ],
    patterns: [
      `(?:说话|讲话)${G}{0,3}?像${G}{0,2}?含着`,
      `(?:说话|讲话)${G}{0,2}?(?:呜噜|嘟噜|囫囵)`,
      `(?:口齿|嘴)${G}{0,1}?不利(?:索|落)`,
      `\\bwords\\b[^,.;!?]{0,12}\\b(?:coming out|come out|came out)\\b[^,.;!?]{0,10}\\b(?:wrong|funny|jumbled|slurred|weird)\\b`,
      // BE-FAST / AHA "trouble understanding speech".
      // (Only speech: "I can't understand what the doctor said about my pills" is no stroke sign.)
      `\\b(?:can'?t|cannot|can not|couldn'?t|doesn'?t|does not|unable to) (?:understand|follow) (?:what (?:we|i|you|people|anyone|they)(?: are| am|'re|'m)? ?(?:say|saying|said|tell|telling)|anything (?:we|i|you|anyone) (?:say|said)|speech|spoken words)\\b`,
    ],
  },
  'balance-loss': {
    zh: ['走路东倒西歪', '东倒西歪', '站起来就往一边倒', '动作不协调', '手脚不协调'],
    en: ['loss of coordination', 'lost coordination', 'lost my coordination', 'uncoordinated'],
    patterns: [
      `\\bsudden(?:ly)?\\b[^,.;!?]{0,15}\\b(?:trouble|difficulty|problems?) (?:walking|standing)\\b`,
      `\\b(?:keep|keeps|kept) veering\\b|\\bveering (?:to|off to) (?:the|one) (?:left|right|side)\\b`,
      `\\bwalking (?:like (?:i'?m|he'?s|she'?s|i am|he is|she is) drunk|into (?:things|walls))\\b`,
      `\\bsudden(?:ly)?\\b[^,.;!?]{0,10}\\b(?:can'?t|cannot|unable to|couldn'?t) (?:walk|stand)\\b`,
      `\\bkeeps? falling(?! asleep| behind| for| in love)\\b|\\bfalling over\\b`,
      `突然${G}{0,3}?(?:走不了路|走不动路|站不起来|站不住|站不稳)`,
    ],
  },
  'sudden-vision-loss': {
    zh: ['什么都看不到', '什么都看不见', '啥也看不见', '啥都看不见', '啥也看不到', '出现双影', '看东西双影'],
    en: ['lost the sight', 'lost my sight', 'lost sight in', 'lost the vision', 'shadow over my eye'],
    patterns: [
      `突然${G}{0,4}?(?:看不清|模糊|看不见|看不到|黑了|发黑)`,
      `(?:眼前|眼睛|视力|看东西)${G}{0,2}?突然${G}{0,4}?(?:模糊|看不清|看不见|看不到|黑|下降)`,
      `\\b(?:everything|things)\\b[^,.;!?]{0,10}\\b(?:looks?|is|are|appears?) (?:double|doubled)\\b`,
      `\\bsudden(?:ly)?\\b[^,.;!?]{0,15}\\b(?:blurr\\w*|can'?t see|lost (?:my |the )?(?:sight|vision))\\b`,
      `\\b(?:vision|sight|everything)\\b[^,.;!?]{0,10}\\b(?:went|going|gone|turned|goes) (?:dark|black|grey|gray|dim)\\b`,
      `\\b(?:blacked|greyed|grayed|went black|went dark) (?:out )?in (?:my|one|his|her) (?:left |right )?eye\\b`,
      `\\b(?:shadow|curtain|veil)\\b[^,.;!?]{0,6}\\bover (?:my|his|her|one) (?:left |right )?eye\\b`,
    ],
  },
  dyspnoea: {
    zh: [
      '气紧',
      '喘不赢',
      '出气不赢',
      '气不赢',
      '透唔到气',
      '透唔过气',
      '抖唔到气',
      '唞唔到气',
      '不能平躺',
      '没法平躺',
      '不能躺平',
      '要憋死了',
      '张着嘴喘',
      '张嘴喘',
      '窒息',
      '一口气上不来',
      '呼哧呼哧',
      '气不够喘',
      '没有呼吸了',
      '没呼吸了',
      '呼吸停了',
      '停止呼吸',
      '呼吸停止',
      '喘得不行',
    ],
    en: [
      "can't breath",
      'cannot breath',
      "can't get my breath",
      'huffing and puffing',
      'lips look blue',
      'lips are turning blue',
      'not breathing',
      'stopped breathing',
      "isn't breathing",
    ],
    patterns: [
      `(?:躺|平躺|躺平|躺下)${G}{0,3}?(?:就|也)?憋`,
      `喘得${G}{0,2}?(?:厉害|要命|受不了|难受|要死)`,
      `\\bstruggling (?:for|to get) (?:air|breath|a breath)\\b`,
      `(?:说不完|说不出)(?:整|完整的?|一)?句(?:话)?`,
      `一句话(?:都|也)?说不(?:完|全|下来)`,
      `\\b(?:can'?t|cannot|couldn'?t|unable to) (?:get|catch|take) (?:my|a|his|her|their|enough|a deep|a full) ?breath\\b`,
      `\\bbreathing\\b[^,.;!?]{0,15}\\b(?:labou?red|difficult|rapid|shallow and fast)\\b`,
      `\\blips?\\b[^,.;!?]{0,12}\\b(?:blue|purple|grey|gray)\\b`,
    ],
  },
  confusion: {
    zh: [
      '突然迷糊',
      '人迷糊了',
      '犯迷糊',
      '脑子不清醒',
      '人不清醒',
      '问啥都不知道',
      '问什么都不知道',
      '前言不搭后语',
      '语无伦次',
    ],
    en: [
      'acting drunk',
      'not himself',
      'not herself',
      'not acting like himself',
      'not acting like herself',
      "can't stay awake",
    ],
    patterns: [
      `(?:人|突然|一下子)${G}{0,2}?迷糊`,
      `认不(?:出|得)(?:我|人|家里人|家人|自己)`,
      `(?:神志|意识)${G}{0,2}?不(?:太|大)?清`,
      "\\b(?:can'?t|cannot|doesn'?t|does not|didn'?t) (?:remember|know) (?:who|where|what day|what year) (?:he|she|i|they|we)\\b",
    ],
  },
  unresponsive: {
    zh: ['叫唔醒', '叫极都唔醒', '眼神发直'],
    en: [
      'hard to rouse',
      "can't rouse",
      'cannot rouse',
      'difficult to wake',
      'hard to wake up',
      'barely awake',
    ],
    patterns: [
      `\\b(?:he|she|they|dad|mom|mum|father|mother|husband|wife|grandma|grandpa|grandmother|grandfather|son|daughter|brother|sister|neighbou?r|friend)\\b[^,.;!?]{0,25}\\b(?:isn'?t|is not|wasn'?t|was not|stopped|not) moving\\b`,
    ],
  },
  syncope: {
    zh: ['晕咗', '晕低咗', '晕低', '瘫倒', '瘫在地上'],
    en: [
      'dropped to the floor',
      'fell to the floor',
      'hit the floor',
      'passing out',
      'blacking out',
      'collapsing',
    ],
  },
  seizure: {
    zh: ['抽起来了', '一抽一抽', '牙关紧闭', '牙关紧咬', '全身痉挛', '四肢痉挛'],
    en: ['convulsions', 'jerking all over', 'shaking all over', 'twitching all over'],
    patterns: [
      `(?:手脚|全身|浑身|身体|身子|四肢)${G}{0,3}?一抽一抽`,
      `眼睛${G}{0,2}?(?:上翻|往上翻)`,
      `抽(?:过|了)(?:一次|两次|几次|好几次|一回)(?![烟血水根支口])`,
      `\\b(?:having|had|has|have) (?:a )?fits?\\b`,
    ],
  },
  'thunderclap-headache': {
    patterns: [
      // AHA stroke warning signs: sudden severe headache with no known cause.
      `突然${G}{0,2}?(?:剧烈|严重|特别厉害)的?(?:头痛|头疼)`,
      `\\bsudden(?:ly)?\\b[^,.;!?]{0,12}\\b(?:severe|terrible|awful|excruciating|intense|worst|blinding|splitting)\\b[^,.;!?]{0,6}\\bheadache\\b`,
      `\\bheadache\\b[^,.;!?]{0,20}\\b(?:came on|started|hit me|struck)\\b[^,.;!?]{0,10}\\b(?:suddenly|all at once|out of nowhere|like a (?:bolt|thunderclap|hammer))\\b`,
      `(?:头|后脑勺|后脑|脑袋|脑壳)${G}{0,4}?(?:像被|被|像)${G}{0,2}?(?:打了|敲了|砸了|挨了)一(?:闷)?(?:棍|棒|锤|下|闷棍)`,
      `\\b(?:like|as if) (?:i'?d|i had|i was|he was|she was)? ?(?:been )?(?:hit|struck|kicked) (?:in|on) the (?:back of the )?head\\b`,
    ],
  },
  'severe-headache': {
    zh: ['头疼得想撞墙', '头痛得想撞墙', '头疼得睁不开眼', '头痛得睁不开眼'],
    patterns: [
      `(?:炸裂|爆炸|撕裂|劈开)(?:样|般|似)的?(?:头痛|头疼)`,
      `\\bhead\\b[^,.;!?]{0,30}\\b(?:split(?:ting)? open|going to explode|going to burst|cracking open|about to explode)\\b`,
    ],
  },
};
