/** Chinese numerals as patients write them (一百九 = 190, 一百二十五 = 125, 两百 = 200, 七点八 = 7.8). */
const DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Arabic or Chinese number → value, or undefined. */
export function parseNumber(s: string): number | undefined {
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  const [intPart, frac] = s.split('点');
  if (intPart === undefined) return undefined;
  const whole = parseChineseInt(intPart);
  if (whole === undefined) return undefined;
  if (frac === undefined) return whole;
  let digits = '';
  for (const ch of frac) {
    const d = DIGIT[ch];
    if (d === undefined) return undefined;
    digits += String(d);
  }
  return digits ? Number(`${whole}.${digits}`) : undefined;
}

function parseChineseInt(s: string): number | undefined {
  if (!s) return undefined;
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let rest = s;
  const h = /^([一二两三四五六七八九])百/.exec(rest);
  if (h) {
    total += (DIGIT[h[1] as string] as number) * 100;
    rest = rest.slice(h[0].length);
    // Colloquial "一百九" = 190, "两百二" = 220 (a single digit right after 百 is tens).
    if (rest.length === 1 && DIGIT[rest] !== undefined) return total + (DIGIT[rest] as number) * 10;
    // Spoken "一百九五" = 195, "两百零五" handled below (two digits right after 百: tens and units, 十 left out).
    if (
      rest.length === 2 &&
      rest[0] !== '零' &&
      DIGIT[rest[0] as string] !== undefined &&
      DIGIT[rest[1] as string] !== undefined
    )
      return total + (DIGIT[rest[0] as string] as number) * 10 + (DIGIT[rest[1] as string] as number);
    if (rest.startsWith('零')) rest = rest.slice(1);
  }
  const t = /^([一二两三四五六七八九])?十/.exec(rest);
  if (t) {
    total += (t[1] ? (DIGIT[t[1]] as number) : 1) * 10;
    rest = rest.slice(t[0].length);
  }
  if (rest.length === 1 && DIGIT[rest] !== undefined) {
    total += DIGIT[rest] as number;
    rest = '';
  }
  if (rest !== '' || (!h && !t && total === 0)) return undefined;
  return total;
}
