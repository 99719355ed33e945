/**
 * Literal prefilters for regular expressions (issue 16, speed only; pure). From a pattern's source, the literal
 * strings that every match needs somewhere in the input are worked out once: a conjunction of clauses, each a set of
 * alternatives ("(?:胸|心口)(?:痛|疼)" needs one of 胸痛, 胸疼, 心口痛, 心口疼; a lookbehind's words must be in the
 * text too). When a clause has none of its strings in the input, the expression cannot match and is not run — most
 * rules name words that a given message does not contain, and a scan that starts with a lookbehind costs a
 * backward match at every position. The answer of the expression never changes: the filter only says "cannot match".
 */

/** What every match of a node needs: `exact` = the finite set of strings it can consume (null: too many or
 * unknown); `cnf` = clauses (each: one of these strings occurs in the input). */
interface Info {
  exact: Set<string> | null;
  cnf: Set<string>[];
}

const MAX_EXACT = 64;
const MAX_CLASS = 32;
const MAX_CLAUSES = 3;
const ANY: Info = { exact: null, cnf: [] };
const EMPTY = (): Info => ({ exact: new Set(['']), cnf: [] });

const cross = (a: Set<string>, b: Set<string>): Set<string> | null => {
  if (a.size * b.size > MAX_EXACT) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
};

/** Drops strings that contain another string of the clause (the shorter one occurs whenever they do). */
function minimal(clause: Set<string>): Set<string> | null {
  if (clause.has('')) return null;
  if (clause.size === 1) return clause;
  const list = [...clause].sort((a, b) => a.length - b.length);
  const out: string[] = [];
  for (const s of list) if (!out.some((t) => s.includes(t))) out.push(s);
  return new Set(out);
}

const clausesOf = (i: Info): Set<string>[] => {
  const out = [...i.cnf];
  const e = i.exact && minimal(i.exact);
  if (e) out.push(e);
  return out;
};

/** The `k` best clauses: longer shortest string, then fewer strings (stable; scores computed once). */
const best = (clauses: readonly Set<string>[], k: number): Set<string>[] => {
  if (clauses.length <= 1) return [...clauses];
  const scored = clauses.map((c, i) => {
    let len = Infinity;
    for (const s of c) if (s.length < len) len = s.length;
    return { c, len, i };
  });
  scored.sort((a, b) => b.len - a.len || a.c.size - b.c.size || a.i - b.i);
  return scored.slice(0, k).map((x) => x.c);
};

/** Clauses kept per node while parsing (the best ones; dropping a clause never loses a match). */
const KEEP = 6;

/** Characters with a meaning of their own in a pattern (outside a class). */
const SPECIAL = new Set([...'\\()[]{}|^$.*+?']);
const QUANTIFIER_START = new Set([...'*+?{']);

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Info {
    const info = this.alternation();
    if (this.i < this.src.length) throw new Error(`prefilter: unexpected ")" at ${this.i}`);
    return info;
  }

  private alternation(): Info {
    const alts: Info[] = [this.sequence()];
    while (this.src.charAt(this.i) === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    if (alts.length === 1) return alts[0] as Info;
    let exact: Set<string> | null = new Set();
    for (const a of alts) {
      if (!a.exact || !exact) exact = null;
      else for (const s of a.exact) exact.add(s);
      if (exact && exact.size > MAX_EXACT) exact = null;
    }
    // One clause: the best clause of every alternative, together.
    const union = new Set<string>();
    for (const a of alts) {
      const first = best(clausesOf(a), 1)[0];
      if (!first) return { exact, cnf: [] };
      for (const s of first) union.add(s);
    }
    const clause = minimal(union);
    return { exact, cnf: clause ? [clause] : [] };
  }

  private sequence(): Info {
    const items: Info[] = [];
    while (this.i < this.src.length && this.src.charAt(this.i) !== '|' && this.src.charAt(this.i) !== ')')
      items.push(this.quantified());
    const cnf: Set<string>[] = [];
    let run: Set<string> | null = new Set(['']);
    let whole: Set<string> | null = new Set(['']);
    const flush = () => {
      const c = run && minimal(run);
      if (c) cnf.push(c);
    };
    for (const it of items) {
      cnf.push(...it.cnf);
      whole = whole && it.exact ? cross(whole, it.exact) : null;
      if (!it.exact) {
        flush();
        run = new Set(['']);
        continue;
      }
      const next: Set<string> | null = run ? cross(run, it.exact) : null;
      if (next) run = next;
      else {
        flush();
        run = it.exact;
      }
    }
    flush();
    return { exact: whole, cnf: best(cnf, KEEP) };
  }

  private quantified(): Info {
    const atom = this.atom();
    if (!QUANTIFIER_START.has(this.src.charAt(this.i))) return atom;
    const q = /^(?:([?*+])|\{(\d+)(?:(,)(\d*))?\})\??/.exec(this.src.slice(this.i));
    if (!q) return atom;
    this.i += q[0].length;
    const min = q[1] === '?' || q[1] === '*' ? 0 : q[1] === '+' ? 1 : Number(q[2]);
    const max = q[1] ? (q[1] === '?' ? 1 : Infinity) : q[3] ? (q[4] ? Number(q[4]) : Infinity) : min;
    let exact: Set<string> | null = null;
    if (atom.exact && max <= 4) {
      exact = min === 0 ? new Set(['']) : null;
      let power: Set<string> | null = new Set(['']);
      for (let k = 1; k <= max && power; k++) {
        power = cross(power, atom.exact);
        if (!power) break;
        if (k >= min) exact = exact ? new Set([...exact, ...power]) : power;
        if (exact && exact.size > MAX_EXACT) exact = null;
      }
      if (!power) exact = null;
    }
    return { exact, cnf: min === 0 ? [] : clausesOf(atom) };
  }

  private atom(): Info {
    const src = this.src;
    const ch = src.charAt(this.i);
    if (ch === '(') {
      const head = /^\((\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>))?/.exec(src.slice(this.i)) as RegExpExecArray;
      this.i += head[0].length;
      const body = this.alternation();
      if (src.charAt(this.i) !== ')') throw new Error('prefilter: unclosed group');
      this.i++;
      const kind = head[1] ?? '';
      if (kind === '?!' || kind === '?<!') return EMPTY();
      if (kind === '?=' || kind === '?<=') return { exact: new Set(['']), cnf: clausesOf(body) };
      return body;
    }
    if (ch === '[') return this.charClass();
    if (ch === '^' || ch === '$') {
      this.i++;
      return EMPTY();
    }
    if (ch === '.') {
      this.i++;
      return ANY;
    }
    if (ch === '\\') return this.escape(false) ?? ANY;
    // A run of plain characters is one string (the last one stays apart when a quantifier follows it).
    let end = this.i + 1;
    while (end < src.length && !SPECIAL.has(src.charAt(end))) end++;
    if (end > this.i + 1 && QUANTIFIER_START.has(src.charAt(end))) end--;
    const run = src.slice(this.i, end);
    this.i = end;
    return { exact: new Set([run]), cnf: [] };
  }

  /** An escape at `i` (backslash): an Info outside a class, or the characters it stands for (null: too many). */
  private escape(inClass: true): string[] | null;
  private escape(inClass: false): Info | null;
  private escape(inClass: boolean): Info | string[] | null {
    const src = this.src;
    const c = src.charAt(this.i + 1);
    this.i += 2;
    const chars = (list: string[] | null): Info | string[] | null =>
      inClass ? list : list ? { exact: new Set(list), cnf: [] } : ANY;
    if (c === 'b' || c === 'B') return inClass ? ['\b'] : EMPTY();
    if (c === 'd') return chars([...'0123456789']);
    if ('DwWsSpPk'.includes(c) || /[1-9]/.test(c)) {
      // Classes too large to list, Unicode properties, back references: nothing known.
      if (c === 'k' || c === 'p' || c === 'P') this.i = src.indexOf(c === 'k' ? '>' : '}', this.i) + 1;
      return chars(null);
    }
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '0': '\0' };
    if (c in simple) return chars([simple[c] as string]);
    const hex = c === 'x' ? /^[0-9a-fA-F]{2}/ : c === 'u' ? /^[0-9a-fA-F]{4}/ : null;
    if (hex) {
      const h = hex.exec(src.slice(this.i));
      if (!h) throw new Error('prefilter: unsupported escape');
      this.i += h[0].length;
      return chars([String.fromCharCode(parseInt(h[0], 16))]);
    }
    if (c === 'c') throw new Error('prefilter: unsupported escape');
    return chars([c]);
  }

  private charClass(): Info {
    const src = this.src;
    this.i++;
    const negated = src.charAt(this.i) === '^';
    if (negated) this.i++;
    let set: string[] | null = [];
    let first = true;
    while (this.i < src.length && (src.charAt(this.i) !== ']' || first)) {
      first = false;
      let lo: string[] | null;
      if (src.charAt(this.i) === '\\') lo = this.escape(true);
      else lo = [src.charAt(this.i++)];
      if (src.charAt(this.i) === '-' && src.charAt(this.i + 1) !== ']' && lo && lo.length === 1) {
        this.i++;
        const hi = src.charAt(this.i) === '\\' ? this.escape(true) : [src.charAt(this.i++)];
        if (!hi || hi.length !== 1) throw new Error('prefilter: bad range');
        const a = (lo[0] as string).charCodeAt(0);
        const b = (hi[0] as string).charCodeAt(0);
        lo =
          b - a < MAX_CLASS ? Array.from({ length: b - a + 1 }, (_, k) => String.fromCharCode(a + k)) : null;
      }
      set = set && lo ? [...set, ...lo] : null;
      if (set && set.length > MAX_CLASS) set = null;
    }
    if (src.charAt(this.i) !== ']') throw new Error('prefilter: unclosed class');
    this.i++;
    return !negated && set && set.length ? { exact: new Set(set), cnf: [] } : ANY;
  }
}

/**
 * The clauses every match of `source` needs (at most three, the most selective first); empty when nothing is known
 * (then the expression always runs). Case-insensitive and Unicode-mode expressions get no filter.
 */
export function requiredLiterals(source: string, flags = ''): string[][] {
  if (/[iuv]/.test(flags)) return [];
  let info: Info;
  try {
    info = new Parser(source).parse();
  } catch {
    return [];
  }
  const all = best(clausesOf(info), KEEP);
  // A clause implied by another (each string of the other contains one of its strings) adds nothing.
  const lists = new Map(all.map((c) => [c, [...c]]));
  const implies = (strong: Set<string>, weak: Set<string>) =>
    (lists.get(strong) as string[]).every((s) => (lists.get(weak) as string[]).some((w) => s.includes(w)));
  const kept: Set<string>[] = [];
  all.forEach((c, i) => {
    if (all.some((o, j) => j !== i && implies(o, c) && (!implies(c, o) || j < i))) return;
    kept.push(c);
  });
  // The most selective clauses are kept; the one with fewest strings is looked up first (a text that lacks it is
  // rejected at the least cost).
  return kept
    .slice(0, MAX_CLAUSES)
    .sort((a, b) => a.size - b.size)
    .map((c) => [...c]);
}

export type Clauses = readonly (readonly string[])[];

/**
 * An expression with the literals every match of it needs. The literals are worked out on first use and kept on
 * this object (a memo: the same for every text, so answers never depend on it); nothing is parsed at load. Keep the
 * object itself (spreading it would lose the lazy `need`, a prototype getter).
 */
export class Filtered {
  private memo: Clauses | undefined;
  constructor(
    readonly re: RegExp,
    /** The source the literals are read from (as written; `re.source` escapes "/" and line breaks). */
    private readonly source: string = re.source,
  ) {}

  get need(): Clauses {
    return (this.memo ??= requiredLiterals(this.source, this.re.flags));
  }
}

export const filtered = (source: string, flags = ''): Filtered =>
  new Filtered(new RegExp(source, flags), source);

const NO_MATCHES: readonly RegExpExecArray[] = [];

/**
 * One text's characters and character pairs (bit sets; pairs hashed), built once per analysis so that the
 * literals of every expression are looked up in constant time before any `includes`.
 */
export class TextIndex {
  private readonly chars = new Uint32Array(2048);
  private readonly pairs = new Uint32Array(2048);

  constructor(readonly text: string) {
    let prev = -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      this.chars[c >>> 5] = (this.chars[c >>> 5] as number) | (1 << (c & 31));
      if (prev >= 0) {
        const h = pairHash(prev, c);
        this.pairs[h >>> 5] = (this.pairs[h >>> 5] as number) | (1 << (h & 31));
      }
      prev = c;
    }
  }

  /** Whether the text contains `s`. */
  has(s: string): boolean {
    const c = s.charCodeAt(0);
    if (!(((this.chars[c >>> 5] as number) >>> (c & 31)) & 1)) return false;
    if (s.length === 1) return true;
    const h = pairHash(c, s.charCodeAt(1));
    if (!(((this.pairs[h >>> 5] as number) >>> (h & 31)) & 1)) return false;
    return this.text.includes(s);
  }

  /** Whether the text has a string of every clause (false: an expression needing them cannot match). */
  may(need: Clauses): boolean {
    for (const clause of need) {
      let found = false;
      for (const s of clause)
        if (this.has(s)) {
          found = true;
          break;
        }
      if (!found) return false;
    }
    return true;
  }

  /** `text.matchAll(f.re)`, skipped when the expression cannot match. */
  matchAll(f: Filtered): Iterable<RegExpExecArray> {
    return this.may(f.need) ? this.text.matchAll(f.re) : NO_MATCHES;
  }

  /** `f.re.test(text)` (non-global expressions), skipped when it cannot match. */
  test(f: Filtered): boolean {
    return this.may(f.need) && f.re.test(this.text);
  }
}

const pairHash = (a: number, b: number): number => ((a * 31 + b) * 2654435761) >>> 16;
