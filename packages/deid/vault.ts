/**
 * Consistent replacements for one request: the same value always gets the same placeholder
 * (`[PATIENT_NAME_1]`), every date moves by the request's one shift, and the answer is restored
 * (placeholders back to the values, dates shifted back). Pure: the shift comes from the `seed`.
 */
import { dateTailStart, shiftDatesIn } from './dates.ts';
import type { PhiCategory } from './types.ts';

export const PLACEHOLDER_PATTERN = /\[([A-Z]+(?:_[A-Z]+)*_\d+)\]/g;

export interface VaultOptions {
  /** Picks the request's date shift (see chooseShift); callers pass a random number per request. */
  seed?: number;
}

export class PlaceholderVault {
  private readonly byValue = new Map<string, string>();
  private readonly byPlaceholder = new Map<string, string>();
  private readonly counters = new Map<PhiCategory, number>();
  private shiftedDates = 0;
  /** Generalised values (ZIP 627XX, 90岁以上) → the original, when one original had that replacement. */
  private readonly generalised = new Map<string, string | null>();
  readonly seed: number;
  /** Days every date of this request moved (undefined until a date was shifted). */
  dateShiftDays: number | undefined;

  constructor(options: VaultOptions = {}) {
    this.seed = options.seed ?? 0;
  }

  /** Replaced values (placeholders and shifted dates). */
  get size(): number {
    return this.byValue.size + this.shiftedDates + this.generalised.size;
  }

  placeholderFor(value: string, category: PhiCategory): string {
    const existing = this.byValue.get(value);
    if (existing) return existing;
    const n = (this.counters.get(category) ?? 0) + 1;
    this.counters.set(category, n);
    const placeholder = `[${category}_${n}]`;
    this.byValue.set(value, placeholder);
    this.byPlaceholder.set(placeholder, value);
    return placeholder;
  }

  /** Records a date written shifted (counted for the audit record). */
  noteShiftedDate(): void {
    this.shiftedDates++;
    this.counters.set('DATE', (this.counters.get('DATE') ?? 0) + 1);
  }

  /** Records a generalised value (ZIP, age over 89); restored while it stands for a single original. */
  noteGeneralised(original: string, replacement: string, category: PhiCategory): void {
    const known = this.generalised.get(replacement);
    if (known === undefined) {
      this.generalised.set(replacement, original);
      this.counters.set(category, (this.counters.get(category) ?? 0) + 1);
    } else if (known !== original) this.generalised.set(replacement, null); // ambiguous: left generalised
  }

  /** Replacement strings that are restored literally (for the streaming hold-back). */
  get literals(): readonly string[] {
    return [...this.generalised.keys()];
  }

  /** Counts per category, for the audit record (never the values). */
  categories(): Record<string, number> {
    return Object.fromEntries(this.counters);
  }

  /** Whether answers need their dates shifted back. */
  get shiftsDates(): boolean {
    return this.dateShiftDays !== undefined && this.dateShiftDays !== 0;
  }

  restore(text: string): string {
    let out = this.shiftsDates ? shiftDatesIn(text, -this.dateShiftDays!) : text;
    for (const [replacement, original] of this.generalised)
      if (original !== null && out.includes(replacement)) out = out.split(replacement).join(original);
    if (this.byPlaceholder.size > 0 && out.indexOf('[') !== -1)
      out = out.replace(PLACEHOLDER_PATTERN, (match) => this.byPlaceholder.get(match) ?? match);
    return out;
  }
}

/**
 * Restores streamed text. A placeholder may be split across chunks (`[PATIENT_` + `NAME_1]`), and so may a
 * date (`2025年3` + `月12日`): a trailing fragment that could still become one is held back until the next
 * chunk or `flush()`.
 */
export class StreamingRestorer {
  private held = '';

  constructor(private readonly vault: PlaceholderVault) {}

  push(text: string): string {
    const all = this.held + text;
    this.held = '';
    let cut = all.length;
    const open = all.lastIndexOf('[');
    if (
      open !== -1 &&
      all.indexOf(']', open) === -1 &&
      all.length - open <= 40 &&
      /^\[[A-Z0-9_]*$/.test(all.slice(open))
    )
      cut = open;
    if (this.vault.shiftsDates) cut = Math.min(cut, dateTailStart(all));
    for (const literal of this.vault.literals) {
      for (let k = Math.min(literal.length - 1, all.length); k > 0; k--) {
        if (all.endsWith(literal.slice(0, k))) {
          cut = Math.min(cut, all.length - k);
          break;
        }
      }
    }
    this.held = all.slice(cut);
    return this.vault.restore(all.slice(0, cut));
  }

  flush(): string {
    const rest = this.held;
    this.held = '';
    return this.vault.restore(rest);
  }
}
