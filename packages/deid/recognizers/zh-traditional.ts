/** Traditional forms of Chinese name characters (split from zh-person-positions.ts, round 10). Pure. */

/**
 * Traditional forms of frequent surnames and given-name characters (Hong Kong and Taiwan names: 陳志明, 黃嘉欣),
 * scored as their simplified forms.
 */
const TRADITIONAL =
  '陳陈黃黄張张劉刘趙赵吳吴鄭郑楊杨葉叶許许馮冯鄧邓蕭萧盧卢蘇苏譚谭錢钱鍾钟饒饶賴赖羅罗韓韩' +
  '謝谢馬马孫孙鄒邹蔣蒋龍龙顧顾陸陆區区麥麦歐欧陽阳偉伟華华國国誌志強强傑杰麗丽鳳凤蘭兰寶宝輝辉嬌娇' +
  '榮荣瑩莹賢贤鴻鸿鵬鹏維维傳传雲云書书興兴' +
  // Round 10: more surnames and given-name characters of Hong Kong and Taiwan notes.
  '嚴严閻阎溫温賀贺費费韋韦駱骆聶聂龔龚鄺邝儀仪瑋玮銘铭鋒锋濤涛軍军紅红蓮莲嬋婵潔洁靜静穎颖' +
  // and words a name may follow (見區醫生, 請陳先生)
  '見见請请讓让與与給给對对經经';
export const T2S = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL.length; i += 2) T2S.set(TRADITIONAL[i]!, TRADITIONAL[i + 1]!);
const HAS_TRADITIONAL = new RegExp(`[${[...T2S.keys()].join('')}]`);
export const toSimplified = (name: string) =>
  HAS_TRADITIONAL.test(name) ? [...name].map((c) => T2S.get(c) ?? c).join('') : name;
