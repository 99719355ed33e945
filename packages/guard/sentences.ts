/** Sentences of an answer with their citation markers ([id]); markers after a sentence end belong to it. */

export interface Sentence {
  text: string;
  start: number;
  end: number;
  citations: string[];
}

const CITATION = /\[([A-Za-z0-9_.:#-]{1,64}(?:\s*[,，]\s*[A-Za-z0-9_.:#-]{1,64})*)\](?!\()/g;

export function citationsIn(text: string): string[] {
  const ids: string[] = [];
  for (const m of text.matchAll(CITATION))
    for (const id of (m[1] as string).split(/\s*[,，]\s*/)) ids.push(id);
  return [...new Set(ids)];
}

export function stripCitations(text: string): string {
  return text.replace(CITATION, ' ');
}

/** Splits into sentences; citation markers right after a sentence end belong to that sentence. */
export function splitSentences(answer: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = answer.slice(start, end);
    if (raw.trim()) out.push({ text: raw, start, end, citations: [] });
    start = end;
  };
  for (let i = 0; i < answer.length; i++) {
    const ch = answer[i] as string;
    if ('。！？!?；;\n'.includes(ch)) push(i + 1);
    else if (
      ch === '.' &&
      /\s/.test(answer[i + 1] ?? ' ') &&
      // After a digit a '.' ends the sentence only before a capital ("is 84. Under …"), never in "2.5 mg".
      (!/\d/.test(answer[i - 1] ?? '') || /^\s+[A-Z]/.test(answer.slice(i + 1, i + 3))) &&
      !/\b(e\.g|i\.e|vs|etc)$/i.test(answer.slice(Math.max(0, i - 4), i))
    ) {
      push(i + 1);
    }
  }
  push(answer.length);
  // Move leading citation markers ("。[p1]") to the previous sentence.
  for (let i = 1; i < out.length; i++) {
    const s = out[i] as Sentence;
    const lead = /^\s*(?:\[[^\]\n]{1,80}\](?!\()\s*)+/.exec(s.text);
    if (lead) {
      const prev = out[i - 1] as Sentence;
      prev.text += lead[0];
      prev.end += lead[0].length;
      s.text = s.text.slice(lead[0].length);
      s.start += lead[0].length;
    }
  }
  for (const s of out) s.citations = citationsIn(s.text);
  return out.filter(
    (s) =>
      s.text.trim() &&
      stripCitations(s.text)
        .trim()
        .replace(/^[-*#>\d.\s]+/, ''),
  );
}
