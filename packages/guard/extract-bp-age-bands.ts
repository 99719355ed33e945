/**
 * Targets by age band in one sentence ("18–64岁<130/80，65–79岁<140/80，80岁及以上…", "under 130/80 at ages 18–64,
 * under 140/80 at 65–79"): when a sentence names two or more age bands, each target takes the band named in its own
 * clause (REFERENCE §7 targets by age), not the first or last band of the sentence.
 */

/** "18–64岁", "ages 18–64", "at 65–79": a closed band (its middle is the age read). */
const BAND =
  /(?:ages?|aged|at|年龄)\s*(\d{2})(?!\d)\s*(?:[–—~-]|to|至)\s*(\d{2})(?!\d|\s*\/)|(?<![\d./])(\d{2})\s*(?:[–—~-]|至)\s*(\d{2})\s*(?:岁|years)/gi;
/** "80岁及以上", "≥80岁", "from age 80", "80 and over": an open band (five years above its edge is the age read). */
const OPEN =
  /(?:from|over|above|≥|>=)\s*(?:the )?(?:age\s*(?:of\s*)?)(\d{2})(?!\d)|(?:≥|>=)\s*(\d{2})(?!\d)\s*(?:岁|years)|(?<![\d./–-])(\d{2})(?!\d)\s*(?:岁|years(?: of age)?)?\s*(?:及|或)?(?:以上|or older|and older|or over|and over|\+)/gi;

interface AgeAt {
  at: number;
  age: number;
}

function agesIn(t: string): AgeAt[] {
  const out: AgeAt[] = [];
  for (const m of t.matchAll(BAND)) {
    const lo = Number(m[1] ?? m[3]);
    const hi = Number(m[2] ?? m[4]);
    if (lo >= 18 && hi <= 99 && hi > lo) out.push({ at: m.index as number, age: Math.round((lo + hi) / 2) });
  }
  for (const m of t.matchAll(OPEN)) {
    const edge = Number(m[1] ?? m[2] ?? m[3]);
    if (edge >= 18 && edge <= 99 && !out.some((a) => Math.abs(a.at - (m.index as number)) < 4))
      out.push({ at: m.index as number, age: edge + 5 });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** The clause (between commas and semicolons, not 、) around a position. */
function clauseAround(t: string, at: number): [number, number] {
  const before = Math.max(...[',', '，', ';', '；'].map((c) => t.lastIndexOf(c, at - 1)));
  const rest = t.slice(at).search(/[,，;；]/);
  return [before + 1, rest < 0 ? t.length : at + rest];
}

/**
 * In a sentence with two or more age bands, the age and tolerance of the clause holding `at`: `{}` when the clause
 * names no band (the sentence's reading stands), undefined when the sentence has fewer than two bands.
 */
export function clauseAge(text: string, at: number): { age?: number; tolerated: boolean } | undefined {
  const t = text.normalize('NFKC');
  const ages = agesIn(t);
  if (new Set(ages.map((a) => a.age)).size < 2) return undefined;
  const [from, to] = clauseAround(t, at);
  const own = ages.filter((a) => a.at >= from && a.at < to);
  const clause = t.slice(from, to);
  return {
    ...(own.length === 1 ? { age: own[0]!.age } : {}),
    tolerated: /tolerat|耐受/i.test(clause),
  };
}
