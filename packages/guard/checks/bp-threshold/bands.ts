/** Where an office category begins and ends on each axis (other component held low), read from the engine. */
import { classifyOfficeBp, type Guideline } from '@qihuang/engines/blood-pressure';

export interface Band {
  sbp?: [number, number];
  dbp?: [number, number];
}

const cache = new Map<string, Band | null>();

export function bandOf(guideline: Guideline, category: string): Band | undefined {
  const key = `${guideline}|${category}`;
  if (cache.has(key)) return cache.get(key) ?? undefined;
  const scan = (axis: 'sbp' | 'dbp'): [number, number] | undefined => {
    const hits: number[] = [];
    for (let v = axis === 'sbp' ? 60 : 30; v <= (axis === 'sbp' ? 260 : 170); v++) {
      const bp = axis === 'sbp' ? { sbp: v, dbp: 50 } : { sbp: 90, dbp: v };
      if (classifyOfficeBp(bp, guideline).category === category) hits.push(v);
    }
    return hits.length ? [hits[0] as number, hits[hits.length - 1] as number] : undefined;
  };
  const sbp = scan('sbp');
  const dbp = scan('dbp');
  const band = sbp || dbp ? { ...(sbp ? { sbp } : {}), ...(dbp ? { dbp } : {}) } : null;
  cache.set(key, band);
  return band ?? undefined;
}
