/**
 * Separates Qwen/R1-style inline reasoning — `<think>…</think>` at the start of the content — from the
 * answer, incrementally: tags may be split across streamed chunks. Text that does not start with `<think>`
 * (after whitespace) is passed through untouched.
 */
const OPEN = '<think>';
const CLOSE = '</think>';

export interface SplitText {
  reasoning: string;
  content: string;
}

export class ThinkTagSplitter {
  private state: 'start' | 'thinking' | 'after-think' | 'content';
  private pending = '';

  /**
   * `startsOpen`: the chat template already opened the block (DeepSeek-R1 served without a reasoning
   * parser answers `reasoning…</think>answer`), so the text starts inside the reasoning.
   */
  constructor(startsOpen = false) {
    this.state = startsOpen ? 'thinking' : 'start';
  }

  /** True once the splitter can no longer change anything (plain content). */
  get passthrough(): boolean {
    return this.state === 'content';
  }

  push(text: string): SplitText {
    const out: SplitText = { reasoning: '', content: '' };
    this.pending += text;
    for (;;) {
      if (this.state === 'start') {
        const trimmed = this.pending.trimStart();
        if (trimmed.length === 0) return out;
        if (trimmed.startsWith(OPEN)) {
          this.pending = trimmed.slice(OPEN.length);
          this.state = 'thinking';
          continue;
        }
        if (OPEN.startsWith(trimmed)) return out; // could still become <think>
        this.state = 'content';
        out.content += this.pending;
        this.pending = '';
        return out;
      }
      if (this.state === 'thinking') {
        const close = this.pending.indexOf(CLOSE);
        if (close !== -1) {
          out.reasoning += this.pending.slice(0, close);
          this.pending = this.pending.slice(close + CLOSE.length);
          this.state = 'after-think';
          continue;
        }
        const keep = partialSuffix(this.pending, CLOSE);
        out.reasoning += this.pending.slice(0, this.pending.length - keep);
        this.pending = this.pending.slice(this.pending.length - keep);
        return out;
      }
      if (this.state === 'after-think') {
        const trimmed = this.pending.replace(/^\s+/, '');
        if (trimmed.length === 0) {
          this.pending = '';
          return out;
        }
        this.state = 'content';
        this.pending = trimmed;
        continue;
      }
      out.content += this.pending;
      this.pending = '';
      return out;
    }
  }

  /** Emits what is held back at the end of the stream. */
  flush(): SplitText {
    const rest = this.pending;
    this.pending = '';
    if (this.state === 'thinking') return { reasoning: rest, content: '' };
    if (this.state === 'after-think') return { reasoning: '', content: '' };
    return { reasoning: '', content: rest };
  }
}

/** Length of the longest suffix of `text` that is a proper prefix of `tag`. */
function partialSuffix(text: string, tag: string): number {
  for (let n = Math.min(tag.length - 1, text.length); n > 0; n--) {
    if (text.endsWith(tag.slice(0, n))) return n;
  }
  return 0;
}

/** Whole-text version for non-streaming answers. */
export function splitThinkTags(content: string, startsOpen = false): SplitText | null {
  const trimmed = content.trimStart();
  // A whole answer shows an implicit block too: `reasoning…</think>answer` without an opening tag.
  const open = startsOpen || (!content.includes(OPEN) && content.includes(CLOSE));
  if (!open && !trimmed.startsWith(OPEN)) return null;
  const splitter = new ThinkTagSplitter(open && !trimmed.startsWith(OPEN));
  const a = splitter.push(content);
  const b = splitter.flush();
  return { reasoning: a.reasoning + b.reasoning, content: a.content + b.content };
}
