/**
 * Text normalisation with an offset map back to the original text (pure):
 * full-width → half-width, traditional → simplified for the characters the lexicon and the modifier rules use,
 * lower case, typographic apostrophes, spaces inside Chinese removed and runs of spaces collapsed, and English
 * typos corrected (words of 5+ letters within edit distance 1, or 2 for 8+ letters, of a lexicon word).
 */

export interface Normalized {
  /** Normalised text. */
  norm: string;
  /** `origin[i]` = index in the original text of normalised character i; `origin[norm.length]` = text.length. */
  origin: number[];
}

// Traditional → simplified pairs for the characters of the lexicon and the rules (pairs: trad, simp).
const TRAD_PAIRS =
  '頭头悶闷說说話话邊边氣气視视東东發发樣样後后癲癫癇痫暈晕識识認认腦脑風风壓压塊块臉脸無无沒没緣缘誘诱' +
  '歲岁過过經经會会萬万嗎吗爺爷媽妈親亲兒儿婦妇腎肾臟脏脹胀緊紧難难動动勁劲腳脚講讲齒齿語语嘔呕噁恶癱瘫' +
  '瘓痪歷历時时從从來来記记憶忆塗涂麼么現现們们個个隻只側侧體体張张開开閉闭聽听燒烧熱热藥药帶带這这還还' +
  '壞坏變变鬆松裡里裏里嚴严厲厉劇剧絞绞紮扎錯错亂乱醫医診诊斷断確确懷怀擔担憂忧預预險险縮缩測测幹干乾干' +
  '並并夠够嗆呛嚥咽穩稳頸颈項项飯饭歡欢們们傷伤瘡疮腫肿鳴鸣冒冒睏困覺觉陣阵種种麵面雙双腿腿僅仅貓猫紀纪' +
  '舊旧適适問问題题應应該该辦办幾几點点钟钟鐘钟晚晚頓顿壓压呼呼吸吸難难喪丧淚泪媳媳婦妇爸爸姐姐' +
  '爺爷奶奶鄰邻朋朋傳传遺遗屬属稱称筷筷掉掉東东臂臂擡抬舉举聲声輕轻導导致致慮虑極极歪歪蓋盖撕撕裂裂' +
  '聽听懂懂結结巴巴楚楚糊糊覺觉瘋疯羊羊癲癫驚惊厥厥沫沫泡泡紫紫腫肿脖脖腫肿廁厕尿尿減减顯显糖糖脂脂' +
  '衛卫醫医療疗護护療疗藥药劑剂雖虽然然於于為为與与對对沒没灣湾義义務务產产娠娠孕孕' +
  // Issue 16, tuning part 12 (Taiwan and Hong Kong writers): 兩個 (two), 剛才 (just now), 電腦, 牆, 這馬 (Hokkien now), 醫師, 轉院.
  '兩两剛刚電电牆墙馬马攏拢師师轉转細细漢汉嬤嬷' +
  // Round 9 (tuning part 23, Hong Kong writers): 禮拜 (week), 圖 (心電圖), 嘢 stays (Cantonese "thing").
  '禮礼圖图';

const TRAD = new Map<string, string>();
for (let i = 0; i + 1 < TRAD_PAIRS.length; i += 2) {
  const t = TRAD_PAIRS.charAt(i);
  const s = TRAD_PAIRS.charAt(i + 1);
  if (t !== s) TRAD.set(t, s);
}
// Hokkien 袂 (bē, "cannot / will not") is read as 不 — 讲袂清楚, 举袂起来, 叫袂醒 — so that a sign worded with it and a
// denial (胸口袂痛) read as their Mandarin forms (袂 "sleeve" is literary, not patient wording).
TRAD.set('袂', '不');
// Hakka 毋 (m̀, "not") likewise — 讲毋清, 毋会行, 头毋痛 (毋庸/毋须 read as 不庸/不须 stay a negation).
TRAD.set('毋', '不');

/**
 * Chinese input-method typos (homophones and look-alikes of the lexicon's words), replaced by the intended
 * characters; every pair has the same length so offsets stay one to one. Only whole phrases, never single
 * characters (凶 alone is a real word).
 */
const ZH_TYPOS: readonly [string, string][] = [
  ['凶口', '胸口'],
  ['兄口', '胸口'],
  ['胸囗', '胸口'],
  ['凶闷', '胸闷'],
  ['凶痛', '胸痛'],
  ['中疯', '中风'],
  // 中封 (an acupoint, 中封穴) for 中风 in voice input: only "中封了" ("我老伴又中封了").
  ['中封了', '中风了'],
  ['脑埂', '脑梗'],
  ['脑梗赛', '脑梗塞'],
  ['昏谜', '昏迷'],
  ['抽蓄', '抽搐'],
  ['抽畜', '抽搐'],
  ['头痛欲列', '头痛欲裂'],
  ['头疼欲列', '头疼欲裂'],
  ['呼吸困男', '呼吸困难'],
  ['不情楚', '不清楚'],
  ['不清处', '不清楚'],
  ['喘不上起', '喘不上气'],
  ['口角歪邪', '口角歪斜'],
  ['嘴外了', '嘴歪了'],
  ['穿不上气', '喘不上气'],
  ['穿不过气', '喘不过气'],
  ['半身不随', '半身不遂'],
  ['云倒了', '晕倒了'],
  ['偏摊', '偏瘫'],
  ['钟风', '中风'],
  ['不青楚', '不清楚'],
  ['看不件', '看不见'],
  ['不轻楚', '不清楚'],
  ['喘不过起', '喘不过气'],
  ['抽触', '抽搐'],
  // 通 for 痛 (both tong): "胸口通得厉害".
  ['胸口通', '胸口痛'],
  ['心口通', '心口痛'],
  // 中分 (a centre parting) for 中风 (zhongfeng): only "我/他/她中分了" ("我觉得我中分了").
  // 经 for 劲 (jing/jin merged in southern speech): "半边身子没经了" is no negation of 经.
  ['没经了', '没劲了'],
  ['没经儿', '没劲儿'],
  ['我中分了', '我中风了'],
  ['他中分了', '他中风了'],
  ['她中分了', '她中风了'],
  // Voice input: 兄 (xiong) for 胸 before a chest state ("兄闷兄痛", "兄疼得厉害"); 兄 alone is "elder brother".
  ['兄闷', '胸闷'],
  ['兄痛', '胸痛'],
  ['兄疼', '胸疼'],
  ['凶疼', '胸疼'],
  // Round 7 (issue 16; wrong characters of elderly and voice-input writers, tuning part 22): 颈 (jing) for 劲 (jin) in
  // "没颈" (左手没颈了); 伤 (shang) for 上 in "喘不伤气"; 通 (tong) for 痛 after the head ("头通得厉害") and in "从来没这么
  // 通过" (never hurt like this; 通过 "passed" follows no 从来没这么).
  ['没颈', '没劲'],
  ['喘不伤气', '喘不上气'],
  ['头通', '头痛'],
  ['从来没这么通过', '从来没这么痛过'],
];
const ZH_TYPO_RE = new RegExp(ZH_TYPOS.map(([t]) => t).join('|'), 'g');
const ZH_TYPO_MAP = new Map(ZH_TYPOS);

const isCjkCode = (c: number): boolean => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

/** `/\s/.test(ch)` for one UTF-16 code unit (ECMAScript WhiteSpace and LineTerminator). */
const isSpaceCode = (c: number): boolean =>
  (c >= 9 && c <= 13) ||
  c === 32 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

/** Whether the string has a CJK ideograph (as `/[\u3400-\u9fff\uf900-\ufaff]/.test`). */
const isCjk = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) if (isCjkCode(s.charCodeAt(i))) return true;
  return false;
};

function mapChar(ch: string): string {
  const code = ch.charCodeAt(0);
  // ASCII (most of the English text): lower case, and the backtick as an apostrophe (speed only; same result).
  if (code < 128) return code === 96 ? "'" : code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  if (code >= 0xff01 && code <= 0xff5e) ch = String.fromCharCode(code - 0xfee0);
  else if (code === 0x3000) ch = ' ';
  else if (ch === '\u2018' || ch === '\u2019' || ch === '\u02bc' || ch === '`') ch = "'";
  else if (ch === '\u201c' || ch === '\u201d') ch = '"';
  else if (ch === '\u2014' || ch === '\u2013' || ch === '\u2212') ch = '-';
  else if (ch === '\u3001') return '、';
  const simplified = TRAD.get(ch);
  if (simplified !== undefined) return simplified;
  // CJK ideographs have no case (speed only).
  return isCjkCode(code) ? ch : ch.toLowerCase();
}

/** Optimal-string-alignment distance (substitution, insertion, deletion, adjacent transposition), capped. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
      const prev = rows[i - 1] as number[];
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1))
        v = Math.min(v, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row.push(v);
      if (v < best) best = v;
    }
    rows.push(row);
    if (i > 0 && best > max) return max + 1;
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/**
 * Typo corrector over a vocabulary (lexicon and cue words). `common` lists real English words that must never be
 * "corrected" into a vocabulary word (e.g. strike → stroke, tried → tired).
 */
export class TypoCorrector {
  private readonly vocab: Set<string>;
  private readonly byFirst = new Map<string, string[]>();
  /** 5-letter vocabulary words by first letter (for 4-letter words missing a letter). */
  private readonly fiveByFirst = new Map<string, string[]>();
  private readonly common: Set<string>;
  private readonly inflected: Set<string>;

  constructor(words: Iterable<string>, common: Iterable<string>) {
    // Inflections of a vocabulary word are words, not typos ("drooped" is not "dropped").
    const base = [...words].filter((w) => w.length >= 4);
    this.vocab = new Set(base);
    this.inflected = new Set(
      base.flatMap((w) => [`${w}s`, `${w}es`, `${w}ed`, `${w}d`, `${w}ing`, `${w}er`, `${w}ly`]),
    );
    this.common = new Set(common);
    for (const w of this.vocab) {
      const list = this.byFirst.get(w.charAt(0)) ?? [];
      list.push(w);
      this.byFirst.set(w.charAt(0), list);
      if (w.length === 5)
        this.fiveByFirst.set(w.charAt(0), [...(this.fiveByFirst.get(w.charAt(0)) ?? []), w]);
    }
  }

  correct(word: string): string {
    if (word.length === 4) return this.missingLetter(word);
    if (word.length < 5 || this.vocab.has(word) || this.common.has(word) || this.inflected.has(word))
      return word;
    const max = word.length >= 8 ? 2 : 1;
    let best = word;
    let bestD = max + 1;
    let tie = false;
    for (const cand of this.byFirst.get(word.charAt(0)) ?? []) {
      if (cand.length < 5) continue;
      const d = editDistance(word, cand, max);
      if (d < bestD) {
        best = cand;
        bestD = d;
        tie = false;
      } else if (d === bestD && d <= max && cand !== best) tie = true;
    }
    return bestD <= max && !tie ? best : word;
  }

  /**
   * Short words (issue 16): a 4-letter word is corrected only when it is a 5-letter vocabulary word with one
   * letter left out inside it ("chst" → "chest"; never the first or last letter: "year" is no "years"), and exactly one such word exists.
   */
  private missingLetter(word: string): string {
    // A real 4-letter word has a vowel (tree, heat, drop, were): only vowel-less words are read as typos.
    if (/[aeiou]/.test(word) || this.vocab.has(word) || this.common.has(word)) return word;
    let found: string | undefined;
    for (const cand of this.fiveByFirst.get(word.charAt(0)) ?? []) {
      let ok = false;
      for (let i = 1; i < 4 && !ok; i++) ok = cand.slice(0, i) + cand.slice(i + 1) === word;
      if (!ok) continue;
      if (found !== undefined && found !== cand) return word;
      found = cand;
    }
    return found ?? word;
  }
}

/** Normalises `text`; `typos` (optional) corrects English words. */
export function normalize(text: string, typos?: TypoCorrector): Normalized {
  const chars: string[] = [];
  const origin: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = mapChar(text.charAt(i));
    if (ch.length === 1 && isSpaceCode(ch.charCodeAt(0))) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0) {
      const prev = chars[chars.length - 1];
      // Spaces inside Chinese ("胸 口 痛") are dropped; elsewhere a run of spaces becomes one space.
      if (prev !== undefined && !(isCjk(prev) && isCjk(ch))) {
        chars.push(' ');
        origin.push(pendingSpace);
      }
      pendingSpace = -1;
    }
    chars.push(ch);
    origin.push(i);
  }
  let norm = chars.join('');
  norm = norm.replace(ZH_TYPO_RE, (t) => ZH_TYPO_MAP.get(t) ?? t);
  let map = origin;
  if (typos && /[a-z]{4}/.test(norm)) {
    const out: string[] = [];
    const omap: number[] = [];
    let last = 0;
    for (const m of norm.matchAll(/[a-z]{4,}/g)) {
      const fixed = typos.correct(m[0]);
      if (fixed === m[0]) continue;
      for (let k = last; k < m.index; k++) {
        out.push(norm.charAt(k));
        omap.push(map[k] as number);
      }
      const s = map[m.index] as number;
      const e = (map[m.index + m[0].length - 1] as number) + 1;
      for (let k = 0; k < fixed.length; k++) {
        out.push(fixed.charAt(k));
        omap.push(Math.min(s + k, e - 1));
      }
      last = m.index + m[0].length;
    }
    if (out.length || last) {
      for (let k = last; k < norm.length; k++) {
        out.push(norm.charAt(k));
        omap.push(map[k] as number);
      }
      norm = out.join('');
      map = omap;
    }
  }
  map.push(text.length);
  return { norm, origin: map };
}

/** Original-text span of a normalised span. */
export function toOriginal(n: Normalized, start: number, end: number): { start: number; end: number } {
  const s = n.origin[start] as number;
  const e = end > start ? (n.origin[end - 1] as number) + 1 : s;
  return { start: s, end: e };
}
