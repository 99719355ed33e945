/**
 * Traditional Chinese read as simplified (answers written in Taiwan or Hong Kong, "依中國2018指南，診室血壓…屬於1級高血壓"):
 * one character for one, so every offset stays the same and the claim frames, written in simplified characters, read
 * the answer. Only characters of blood-pressure, kidney, medicine and dosing text, and the common function words
 * around them (pairs: traditional, simplified).
 */
const PAIRS =
  // Blood pressure, categories, settings, guidelines.
  '壓压診诊屬属於于級级縮缩張张較较為为準准類类標标範范圍围態态間间時时斷断達达歐欧國国際际學学協协會会專专' +
  '節节別别稱称則则須须讀读數数單单兩两項项條条組组臨临實实踐践錄录記记測测監监檢检複复復复週周異异嚴严緊紧' +
  '亞亚輕轻險险變变體体質质種种歲岁齡龄懷怀腎肾臟脏鉀钾鈉钠鈣钙併并與与聯联' +
  // Medicines and doses.
  '藥药劑剂療疗處处審审醫医師师囑嘱錠锭顆颗膠胶緩缓釋释纈缬貝贝賴赖氫氢達达爾尔內内維维託托雙双奧奥來来' +
  '樂乐鋰锂減减調调議议應应該该發发現现風风開开啟启續续換换' +
  // Function words.
  '這这個个嗎吗麼么說说認认錯错對对沒没無无還还過过後后從从將将進进問问請请們们裡里裏里麽么當当讓让給给' +
  '並并雖虽則则幾几點点邊边樣样種种麼么覺觉頭头氣气動动靜静態态' +
  '級级壓压';

const MAP = new Map<string, string>();
const CHARS = [...PAIRS];
for (let i = 0; i + 1 < CHARS.length; i += 2) MAP.set(CHARS[i] as string, CHARS[i + 1] as string);
const TRADITIONAL = new RegExp(`[${[...MAP.keys()].join('')}]`, 'gu');
const ANY = new RegExp(TRADITIONAL.source, 'u');

/** The text with the traditional characters above read as simplified (same length, same offsets). */
export function toSimplified(text: string): string {
  return ANY.test(text) ? text.replace(TRADITIONAL, (c) => MAP.get(c) ?? c) : text;
}
