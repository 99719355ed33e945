/**
 * Round 10 (issue 18): number and code forms tuning-4's writer used that numbers.ts leaves — Hong Kong identity
 * cards with their bracketed check digit (K341882(0)), Taiwan phones with the area code in brackets and a
 * 分機 extension ((02)2708-3311 分機 512), Windows share paths (\\server\share\folder), US plates with a state
 * and dashed groups after "plate" (LA 482-BXK, WI 87-441-TK), LINE IDs, Australian postcodes after a state
 * (NSW 2485) and provider or registration numbers ("Provider No. 2468013K"). Pure.
 */
import type { PatternRule } from './collect.ts';

export const round10CodeRules: PatternRule[] = [
  { category: 'ID_CARD', regex: /(?<![A-Za-z0-9])([A-Z]{1,2}\d{6}[（(][0-9A][）)])/dg },
  { category: 'PHONE', regex: /(?<![\d)])((?:\(0\d{1,2}\)|（0\d{1,2}）)[ \t]?\d{3,4}-\d{4})(?![\d-])/dg },
  {
    category: 'PHONE',
    regex: /(?<=\d[ \t]*)(?:分機|分机|內線|内线)[ \t]*(\d{2,5})(?!\d)/dg,
    gate: /分[機机]|內線|内线/,
  },
  { category: 'URL', regex: /(\\\\[A-Za-z0-9][A-Za-z0-9.-]+(?:\\[^\s\\，。；;,]+)+)/dg, gate: /\\\\/ },
  {
    category: 'VEHICLE',
    regex:
      /\bplate(?:[ \t]+(?:number|No\.?|#))?:?[ \t]+([A-Z]{2}[ \t]+[A-Z0-9]{1,4}(?:-[A-Z0-9]{1,4}){1,2})\b/dg,
  },
  {
    category: 'WECHAT',
    regex: /\bL(?:INE|ine)(?:[ \t]*ID)?[ \t]*[：:][ \t]*([A-Za-z0-9][-_.A-Za-z0-9]{3,19})/dg,
  },
  { category: 'ZIP', regex: /\b(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)[ \t]+(\d{4})\b/dg },
  {
    category: 'LICENSE_NO',
    regex:
      /\b(?:Provider|Prescriber|Registration|Reg\.|AHPRA|Licen[cs]e)[ \t]+(?:No\.?|[Nn]umber|#)[ \t]*:?[ \t]*([A-Z0-9]{5,12})\b/dg,
    validate: (value) => /\d/.test(value),
  },
];
