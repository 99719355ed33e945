/**
 * Orders targets for weighted load balancing: weighted sampling without replacement, so the first target is
 * chosen in proportion to its weight and the remaining ones stay available as fallbacks.
 */
export function weightedOrder<T extends { weight: number }>(
  targets: readonly T[],
  random: () => number,
): T[] {
  const pool = [...targets];
  const out: T[] = [];
  while (pool.length > 0) {
    const total = pool.reduce((sum, t) => sum + t.weight, 0);
    let pick = random() * total;
    let index = 0;
    for (; index < pool.length - 1; index++) {
      pick -= pool[index]!.weight;
      if (pick < 0) break;
    }
    out.push(pool.splice(index, 1)[0]!);
  }
  return out;
}
