/**
 * Speed (issue 18): a global scan by a pattern whose every match holds an anchor (a word it cannot do without,
 * such as the road word before a door number) at most `reach` characters after the match's start, run only at
 * the positions that can start a match: the anchors are found first (one cheap scan), then the pattern, sticky,
 * is tried at the few positions before each. The matches are those of `text.matchAll(global)`, in its order:
 * a global scan tries every position from the last match's end and keeps the first that matches; the positions
 * skipped here start no match. Pure.
 */

/**
 * @param sticky the pattern with the `y` flag (and `d` when indices are read)
 * @param anchor a global pattern that consumes one character at each anchor (its context in a lookahead), so
 *   that every anchor position is found
 * @param reach the longest distance from a match's start to its anchor
 */
export function* matchesNear(
  text: string,
  sticky: RegExp,
  anchor: RegExp,
  reach: number,
): Generator<RegExpExecArray> {
  anchor.lastIndex = 0;
  let from = 0;
  for (let a = anchor.exec(text); a; a = anchor.exec(text)) {
    if (a[0] === '') anchor.lastIndex++;
    for (let s = Math.max(from, a.index - reach); s <= a.index; s++) {
      sticky.lastIndex = s;
      const m = sticky.exec(text);
      if (!m) continue;
      yield m;
      from = m.index + Math.max(1, m[0].length);
      s = from - 1;
    }
    from = Math.max(from, a.index + 1);
  }
}
