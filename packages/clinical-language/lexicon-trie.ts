/**
 * Surface forms as a trie over UTF-16 code units (issue 16, speed only; pure): at a position of a text, every form
 * that starts there is found in one walk along the text, instead of testing each form with the same first
 * character. Values of one form keep the order they were added in.
 */
interface TrieNode<V> {
  next: Map<number, TrieNode<V>>;
  /** Values of the form that ends here (in the order added). */
  values: V[];
}

const node = <V>(): TrieNode<V> => ({ next: new Map(), values: [] });

export class FormTrie<V> {
  private readonly root: TrieNode<V> = node();

  add(form: string, value: V): void {
    if (!form) return;
    let n = this.root;
    for (let i = 0; i < form.length; i++) {
      const c = form.charCodeAt(i);
      let m = n.next.get(c);
      if (!m) n.next.set(c, (m = node()));
      n = m;
    }
    n.values.push(value);
  }

  /** Calls `found(end, value)` for every form starting at `start` of `text`: longest first, then in the order added. */
  matchesAt(text: string, start: number, found: (end: number, value: V) => void): void {
    const ends: TrieNode<V>[] = [];
    const at: number[] = [];
    let n: TrieNode<V> | undefined = this.root;
    for (let i = start; i < text.length; i++) {
      n = n.next.get(text.charCodeAt(i));
      if (!n) break;
      if (n.values.length) {
        ends.push(n);
        at.push(i + 1);
      }
    }
    for (let k = ends.length - 1; k >= 0; k--)
      for (const v of (ends[k] as TrieNode<V>).values) found(at[k] as number, v);
  }
}
