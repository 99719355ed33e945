/**
 * Reference-based text scores. Tokens: lower-cased words for Latin script, single characters for CJK (the
 * usual character-level convention for Chinese ROUGE).
 */

export function tokenize(text: string): string[] {
  return (
    text
      .toLowerCase()
      .match(/\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}])+(?:['’](?:(?!\p{Script=Han})\p{L})+)?/gu) ??
    []
  );
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

const prf = (hits: number, predicted: number, reference: number): Prf => {
  const precision = predicted ? hits / predicted : 0;
  const recall = reference ? hits / reference : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};

/** Length of the longest common subsequence (O(n·m) time, O(m) memory). */
export function lcsLength(a: string[], b: string[]): number {
  const row = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(up, row[j - 1]!);
      diagonal = up;
    }
  }
  return row[b.length]!;
}

/** ROUGE-L (sentence-level, F1 with β = 1) of a candidate against a reference. */
export function rougeL(candidate: string, reference: string): Prf {
  const c = tokenize(candidate);
  const r = tokenize(reference);
  return prf(lcsLength(c, r), c.length, r.length);
}

/** SQuAD-style bag-of-tokens F1. */
export function tokenF1(candidate: string, reference: string): Prf {
  const counts = new Map<string, number>();
  for (const t of tokenize(reference)) counts.set(t, (counts.get(t) ?? 0) + 1);
  const c = tokenize(candidate);
  let hits = 0;
  for (const t of c) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      hits++;
      counts.set(t, n - 1);
    }
  }
  return prf(hits, c.length, tokenize(reference).length);
}

/** Set F1 over labels (exact match after trimming and removing spaces). */
export function labelF1(predicted: string[], reference: string[]): Prf & { hits: number } {
  const norm = (s: string) => s.replace(/\s+/g, '').replace(/：/g, ':').toLowerCase();
  const p = new Set(predicted.map(norm).filter(Boolean));
  const r = new Set(reference.map(norm).filter(Boolean));
  let hits = 0;
  for (const x of p) if (r.has(x)) hits++;
  return { ...prf(hits, p.size, r.size), hits };
}

/** Labels in MIE form (`类别:项目-状态:状态`) found anywhere in a model's answer. */
export function parseMieLabels(text: string): string[] {
  return Array.from(
    text.matchAll(
      /([\p{Script=Han}]{2,4})\s*[:：]\s*([^\s:：\-—,，;；]+?)\s*[-—]\s*状态\s*[:：]\s*(阳性|阴性|医生阴性|医生阳性|未知)/gu,
    ),
  ).map((m) => `${m[1]}:${m[2]}-状态:${m[3]}`);
}
