/**
 * Body bytes to text at the HTTP edge, losing nothing silently (independent review after issue 15, item 4):
 * - invalid UTF-8 is refused (a fatal decoder), never replaced by U+FFFD and stored;
 * - a JSON number that an IEEE double cannot carry as written (more significant digits than survive parsing,
 *   e.g. a 23-digit decimal or 99999999999999999999999999 → 1e+26) is refused, never rounded and stored.
 *   Trailing zeros are not precision lost to this check (1.50 parses to 1.5: same digits).
 */
import { QihuangError } from '@qihuang/contracts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The body as text; 400 when it is not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array, where = 'The request body'): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new QihuangError('invalid-input', `${where} is not valid UTF-8`, {
      issues: [{ severity: 'error', code: 'structure', message: `${where} is not valid UTF-8` }],
    });
  }
}

/** Significant digits of a number literal: mantissa digits without sign, point, leading or trailing zeros. */
function digitsOf(literal: string): string {
  const mantissa = literal.replace(/^-/, '').replace(/[eE].*$/, '');
  return mantissa.replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
}

/** Whether Number(literal) keeps every significant digit written (and its magnitude). */
export function exactNumber(literal: string): boolean {
  const written = digitsOf(literal);
  const parsed = Number(literal);
  if (!Number.isFinite(parsed)) return false; // 1e400 would become Infinity (stored as null)
  // The shortest text that parses back to the same double: its digits must be the digits written.
  return digitsOf(parsed.toExponential().replace(/e.*$/, '')) === written;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Throws 400 when a number in this JSON text would change on parsing. Scans the text once (strings skipped);
 * cheap for bodies without long digit runs (checked first).
 */
export function assertExactNumbers(text: string, where = 'The request body'): void {
  // A double keeps any 15 significant digits; longer digit runs and large exponents are checked.
  if (!/[0-9.]{16,}|[eE][+-]?\d{3}/.test(text)) return;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // skip a string
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text);
      if (!match) continue;
      if (!exactNumber(match[0]))
        throw new QihuangError(
          'invalid-input',
          `${where} holds the number ${match[0].slice(0, 40)}${match[0].length > 40 ? '…' : ''}, which cannot be stored exactly (at most 15 significant digits are always kept; send it with fewer digits)`,
          { issues: [{ severity: 'error', code: 'value', message: 'number cannot be represented exactly' }] },
        );
      i += match[0].length - 1;
    }
  }
}
