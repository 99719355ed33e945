/**
 * Consistent placeholders for one request: the same value always gets the same placeholder
 * (`[PATIENT_NAME_1]`), and placeholders are restored to the original values in the answer.
 */
export type IdentifierCategory =
  | 'PATIENT_NAME'
  | 'RELATIVE_NAME'
  | 'ID_CARD'
  | 'PASSPORT'
  | 'SSN'
  | 'INSURANCE_NO'
  | 'PHONE'
  | 'EMAIL'
  | 'WECHAT'
  | 'QQ'
  | 'MRN'
  | 'ADMISSION_NO'
  | 'ADDRESS'
  | 'BIRTH_DATE'
  | 'IDENTIFIER';

export const PLACEHOLDER_PATTERN = /\[([A-Z]+(?:_[A-Z]+)*_\d+)\]/g;

export class PlaceholderVault {
  private readonly byValue = new Map<string, string>();
  private readonly byPlaceholder = new Map<string, string>();
  private readonly counters = new Map<IdentifierCategory, number>();

  get size(): number {
    return this.byValue.size;
  }

  placeholderFor(value: string, category: IdentifierCategory): string {
    const existing = this.byValue.get(value);
    if (existing) return existing;
    const n = (this.counters.get(category) ?? 0) + 1;
    this.counters.set(category, n);
    const placeholder = `[${category}_${n}]`;
    this.byValue.set(value, placeholder);
    this.byPlaceholder.set(placeholder, value);
    return placeholder;
  }

  /** Counts per category, for the audit record (never the values). */
  categories(): Record<string, number> {
    return Object.fromEntries(this.counters);
  }

  restore(text: string): string {
    if (this.byPlaceholder.size === 0 || text.indexOf('[') === -1) return text;
    return text.replace(PLACEHOLDER_PATTERN, (match) => this.byPlaceholder.get(match) ?? match);
  }
}

/**
 * Restores placeholders in streamed text. A placeholder may be split across chunks (`[PATIENT_` + `NAME_1]`),
 * so a trailing fragment that could still become one is held back until the next chunk or `flush()`.
 */
export class StreamingRestorer {
  private held = '';

  constructor(private readonly vault: PlaceholderVault) {}

  push(text: string): string {
    const all = this.held + text;
    this.held = '';
    const open = all.lastIndexOf('[');
    if (
      open !== -1 &&
      all.indexOf(']', open) === -1 &&
      all.length - open <= 40 &&
      /^\[[A-Z0-9_]*$/.test(all.slice(open))
    ) {
      this.held = all.slice(open);
      return this.vault.restore(all.slice(0, open));
    }
    return this.vault.restore(all);
  }

  flush(): string {
    const rest = this.held;
    this.held = '';
    return this.vault.restore(rest);
  }
}
