/**
 * Two sentence shapes in which the answer does not assert what a claim frame read (issue 18, false alarms removed
 * by cause): a question ("氨氯地平可以吃到每天20毫克吗？", "Is 150/95 normal?"), and a statement the answer reports
 * and rejects ("网上说“氨氯地平最多可以吃20毫克”，这是错误的…", "It is a myth that X and Y are always safe together").
 * A contradicted claim found only inside the rejected statement is not the answer's claim; a correction stated
 * after the rejection ("…，这是错误的，其实可以联用") stays the answer's and is still checked.
 */
import { splitClauses } from './clauses.ts';
import { categoriesIn } from './extract-bp-categories.ts';
import { polarity } from './polarity.ts';
import type { Claim } from './types.ts';

/** A question: ends with a question mark, or in Chinese with a question particle. */
export function isQuestion(text: string): boolean {
  const t = text.trim().replace(/[\s"”’」』)）]+$/, '');
  return /[?？]$/.test(t) || /(?:吗|么|呢)[。.!！]?$/.test(t);
}

/** An earlier reply, a record or posts quoted ("我上一条回复说", "病历写", "I said", "Some forum posts claim"). */
const EARLIER =
  /(?:我)?(?:上一条|上条|上一次|上次|之前的?|前面的?|刚才的?)(?:回答|回复|答复|解答)(?:中|里)?(?:说|写的是|写道|写了|写|提到|称|把)|(?:我)?上一条把|病历(?:上|中)?(?:写(?:的是|着)?|记(?:录|载)(?:为|的是)?)|\bI (?:said|wrote|stated|told you|mentioned|suggested)\b|\bmy (?:earlier|previous|last|first) (?:reply|answer|message) (?:said|stated|suggested|called|labell?ed|classified|described|put)\b|\b(?:some |many |several )?(?:forum |online |social[- ]media )?(?:posts|articles|websites|blogs|videos) (?:claim|say|state|suggest)\b|\bthe (?:chart|note|record|notes) (?:says|states|reads)\b/i;

/** Reported speech: what someone else says or believes, or a quotation. */
const REPORTED_WORDS =
  /有人(?:认为|说|觉得|以为|担心)|网上(?:说|传|流传|有说法)?|听说|传言|说法是|常见的?(?:误区|误解)|某些?(?:文章|资料|网站)(?:说|称)|\bsome (?:people|patients|sources|websites|articles|friends) (?:believe|say|think|claim|suggest)\b|\byou (?:may|might) have (?:read|heard|been told)\b|\bit is (?:often|commonly|sometimes|widely) (?:said|believed|claimed|thought)\b|["“「『]/i;
const REPORTED = new RegExp(`${REPORTED_WORDS.source}|${EARLIER.source}`, 'i');
/** The rejection of the reported statement, after it ("这是错误的", "which is not true", "but that is wrong"). */
const REJECTED_AFTER =
  /(?:这|这种说法|这个说法|该说法|此说法|这种观点)?(?:是)?(?:错误的|(?<!不)错的|不对的?|不正确的?|误区|谣言|没有根据)|有误(?!差)|[说写]错了|\b(?:which|that|this)(?:'s| is| was) (?:not true|not correct|wrong|incorrect|false|a myth)\b|\bis (?:not true|wrong|incorrect|false)\b/i;
/** The rejection before it: "It is a myth that …", "It is not true that …", "…的说法是错误的" read above. */
const REJECTED_BEFORE =
  /\b(?:it is|it's) (?:a (?:common )?(?:myth|misconception)|not true|wrong|false|incorrect) that\b|\b(?:a|the) (?:common )?(?:myth|misconception) (?:is )?that\b|(?:误区|谣言)(?:是|：|:)/i;

/** The span of the sentence that the answer reports and rejects, if any. */
function rejectedSpan(text: string): [number, number] | undefined {
  const before = REJECTED_BEFORE.exec(text);
  if (before) {
    const from = before.index + before[0].length;
    const end = text.slice(from).search(/[;；。]|\.(?:\s|$)/);
    return [from, end < 0 ? text.length : from + end];
  }
  const reported = REPORTED.exec(text);
  if (!reported) return rejectedClause(text);
  const rest = text.slice(reported.index + reported[0].length);
  const rejected = REJECTED_AFTER.exec(rest);
  if (!rejected) return undefined;
  return [reported.index, reported.index + reported[0].length + rejected.index];
}

/** A clause that states a value and ends by rejecting it ("之前说的每日40 mg不对", "the 40 mg mentioned before is
 * wrong"): the clause reader's span (clauses.ts), whoever said it first. */
const REJECTS_CLAUSE =
  /(?<![不没并])(?:不对|不正确|错误|是错的|有误)(?:的)?\s*[。.，,;；!！]?\s*$|\b(?:is|was|are|were) (?:wrong|incorrect|not correct|not right|a mistake)\s*[.,;!]?\s*$/i;

function rejectedClause(text: string): [number, number] | undefined {
  const c = splitClauses(text).find((x) => /\d/.test(x.text) && REJECTS_CLAUSE.test(x.text));
  return c ? [c.start, c.end] : undefined;
}

/** The position lies inside a statement the sentence reports and rejects ("上一条回复把 R 归为 C，这是错的"). */
export function rejectedAt(text: string, at: number): boolean {
  const span = rejectedSpan(text);
  return !!span && span[0] <= at && at < span[1];
}

const has = (text: string, n: number | undefined) =>
  n !== undefined && new RegExp(`(?<![\\d.])${String(n).replace('.', '\\.')}(?![\\d.])`).test(text);

/** A record quoted for review ("病历写“血压136/86，诊断1级高血压”", 'the chart reads "…"'): the quotation is the
 * record's statement under review, not the answer's. */
const RECORD_QUOTE =
  /(?:病历|病程记录|记录|处方|医嘱|诊断书|申报|\b(?:the )?(?:chart|note|notes|record|prescription|claim form))[^“"「。]{0,8}?(?:写|记|载|填|\breads?\b|\bsays?\b|\bstates?\b)[^“"「。]{0,6}[“"「]([^”"」]*)[”"」]/i;

const ENDORSED =
  /(?<!不|未|不太|并不)(?:正确|合适|合理|无误|恰当|可行)|没(?:有)?问题|(?<!not |n't |\bin)\b(?:correct|appropriate|fine|acceptable|reasonable|right)\b/i;

/** The next sentence opens by rejecting the one before ("That was wrong —", "这个说法是错误的"). */
const REJECTS_BEFORE =
  /^\s*(?:(?:that|this|which|it)(?:'s| is| was) (?:not true|not correct|wrong|incorrect|false|a myth|outdated|an error|a mistake)|(?:这|这个|这种|该|此|以上|上述)(?:说法|观点|数字|数值|回答)?(?:是|并)?(?:错误的?|不对的?|不正确的?|有误|是误区|是谣言|没有根据))/i;

/** The claim lies only inside a statement the sentence reports and rejects, here or at the next sentence's start. */
export function onlyInRejected(claim: Claim, raw: string, next = ''): boolean {
  const text = raw.normalize('NFKC');
  const reported = REJECTS_BEFORE.test(next.normalize('NFKC')) ? REPORTED.exec(text) : null;
  const span = rejectedSpan(text) ?? (reported ? [reported.index, text.length] : undefined);
  if (!span) return false;
  const inside = text.slice(span[0], span[1]);
  const outside = `${text.slice(0, span[0])} ${text.slice(span[1]).replace(REJECTED_AFTER, ' ')}`;
  const n =
    claim.dose?.amountMg ?? claim.target?.sbp ?? claim.bp?.sbp?.[0] ?? claim.lab?.low ?? claim.acr?.low;
  if (n !== undefined) return has(inside, n) && !has(outside, n);
  if (claim.interaction || claim.condition) return !!polarity(inside) && !polarity(outside);
  return false;
}

/** "132/84 and 128/79 average 130/82, which is stage 1", "两次读数平均为 130/82": the average a category is said of. */
const AVERAGE =
  /(?:\baverag(?:e|es|ed|ing)|\bmean(?: of| is| was)?|平均(?:值)?(?:为|是|约)?|均值(?:为|是)?)\s*(?:of|is|was|to|at|about|约)?\s*(\d{2,3})\s*\/\s*(\d{2,3})/i;

/** A single reading named as such ("单次", "个别读数", "a single reading of", "one-off"). */
const SINGLE =
  /(?:单次|单个|一次|个别|某次|其中一次)(?:读数|测量|测得|血压)?(?:为|是|的)?|\b(?:a|the|one|that) (?:single|one-off|isolated|individual) (?:reading|measurement)(?: of)?/;

/** A reading other than the average the sentence gives for it, before that average: the category is the average's. */
export function notTheAverage(claim: Claim, raw: string): boolean {
  if (claim.bp?.form !== 'reading') return false;
  const text = raw.normalize('NFKC');
  // "单次138/86不影响平均值的分级", "the single reading of 136/84 does not change the category of the mean": one
  // reading set beside the average, whose category the sentence states.
  const [s0, d0] = [claim.bp.sbp?.[0], claim.bp.dbp?.[0]];
  const single = new RegExp(`${SINGLE.source}\\s*${s0}\\s*\\/\\s*${d0}(?!\\d)`, 'i');
  if (single.test(text) && /平均|均值|\baverage\b|\bmean\b/i.test(text)) return true;
  const avg = AVERAGE.exec(text);
  if (!avg) return false;
  const [s, d] = [claim.bp.sbp?.[0], claim.bp.dbp?.[0]];
  if (s === Number(avg[1]) && d === Number(avg[2])) return false;
  const at = text.search(new RegExp(`(?<!\\d)${s}\\s*\\/\\s*${d}(?!\\d)`));
  return at >= 0 && at < avg.index;
}

/** The claim lies only inside a record quoted for review, and the answer adds no category of its own outside it. */
export function onlyInRecordQuote(claim: Claim, raw: string): boolean {
  const text = raw.normalize('NFKC');
  const q = RECORD_QUOTE.exec(text);
  if (!q) return false;
  const from = q.index + q[0].length - (q[1] as string).length - 1;
  const to = q.index + q[0].length;
  const inside = text.slice(from, to);
  const outside = `${text.slice(0, from)} ${text.slice(to)}`;
  if (claim.bp && categoriesIn(outside).some((c) => !c.negated)) return false;
  // "…”，剂量合适" / '…", which is correct': the answer endorses the record, the statement is its own.
  if (ENDORSED.test(outside)) return false;
  const n = claim.dose?.amountMg ?? claim.target?.sbp ?? claim.bp?.sbp?.[0] ?? claim.lab?.low;
  return n !== undefined && has(inside, n) && !has(outside, n);
}
