/** BP variability measures (REFERENCE §2.6). Values only: no guideline gives diagnostic cut-offs. */
export interface Variability {
  n: number;
  mean: number;
  /** Sample SD, divisor n − 1 (§2.6). */
  sd: number;
  /** SD / mean × 100 (§2.6). */
  cv: number;
  /** Average real variability, mean |x(k+1) − x(k)| in time order (§2.6, Mena 2005). */
  arv: number;
}

export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length ? s / xs.length : NaN;
}

/** `values` must be in time order (ARV depends on order). */
export function variability(values: readonly number[]): Variability {
  const n = values.length;
  const m = mean(values);
  let ss = 0;
  let abs = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    ss += (v - m) ** 2;
    if (i > 0) abs += Math.abs(v - (values[i - 1] as number));
  }
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : NaN; // §2.6 sample SD
  return { n, mean: m, sd, cv: (sd / m) * 100, arv: n > 1 ? abs / (n - 1) : NaN }; // §2.6 CV, ARV
}
