/**
 * Emergency numbers in patient-facing text as tap-to-call links (tester finding: "120" could not be tapped).
 * 120 is China's medical emergency number, 911 the North American one; a blood-pressure value that happens to
 * be 120 ("180/120 mmHg", "120 mmHg") is never a number to call.
 */
export interface TelSegment {
  text: string;
  /** Present when this segment is a number to call. */
  tel?: string;
}

const NUMBER = /(?<![\d/.,])(120|911)(?![\d/.,]|\s*mm\s*Hg)/gi;

export function telSegments(text: string): TelSegment[] {
  const out: TelSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(NUMBER)) {
    const at = match.index ?? 0;
    if (at > last) out.push({ text: text.slice(last, at) });
    out.push({ text: match[0], tel: match[0] });
    last = at + match[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

/** The emergency number a text names (the call button dials it), else 120. */
export function emergencyNumber(text: string): string {
  return telSegments(text).find((s) => s.tel)?.tel ?? '120';
}
