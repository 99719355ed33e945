/** Minimal dotted paths into JSON: `a.b[0].c`, `cards[*].indicator` (a `[*]` yields every element). */

export function selectPath(value: unknown, path: string): unknown[] {
  const steps = path
    .replace(/^\$\.?/, '')
    .split(/\.|(?=\[)/)
    .filter(Boolean);
  let current: unknown[] = [value];
  for (const step of steps) {
    const next: unknown[] = [];
    const index = /^\[(\d+|\*)\]$/.exec(step);
    for (const v of current) {
      if (index) {
        if (!Array.isArray(v)) continue;
        if (index[1] === '*') next.push(...v);
        else if (Number(index[1]) < v.length) next.push(v[Number(index[1])]);
      } else if (v && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, step)) {
        next.push((v as Record<string, unknown>)[step]);
      }
    }
    current = next;
  }
  return current.filter((v) => v !== undefined);
}

export const firstAt = (value: unknown, path: string): unknown => selectPath(value, path)[0];
