/**
 * Parts of a drug statement's frame that are read apart from the sentence's drugs: a switch and its interval,
 * the level of hepatic impairment, the severe (bilateral) form of renal artery stenosis.
 */
import type { DrugConditionData } from './types.ts';

/** The severe form of renal artery stenosis (ACEI/ARB contraindicated, REFERENCE §5.4). */
export const BILATERAL =
  /bilateral|both (?:renal )?arteries|solitary (?:functioning )?kidney|single kidney|双侧|孤立肾|独肾/i;

export const SWITCH =
  /switch\w*|changing (?:from|over)|\bmov(?:e|es|ing) (?:from|over)\b|\b(?:last|final) (?:dose|tablet)\b|transition\w*|after (?:the )?(?:last|final) dose|末次|停用[^，。,;；]{0,12}后|换用|改用|转换|换为|改为|换成|改成|\bstop(?:s|ped|ping)?\b[^.;]{0,40}\bstart(?:s|ed|ing)?\b|(?:^|[，,：:；;]\s*)停(?:用|服|掉)?[^，。,;；]{1,16}?(?:开始|换用|改用|服用)/i;
/** The interval a switch states, in hours; 0 for "no gap / the same day / immediately". */
export function washoutIn(raw: string): number | undefined {
  // "the next morning", "第二天", "次日": within a day (below any 36-hour washout).
  // (Last dose at night, first the next morning: about 12 hours.)
  if (/\b(?:the )?(?:next|following) morning\b|第二天早上|次日早上|次日清晨|第二天早晨|次日晨/i.test(raw))
    return 12;
  if (/\b(?:the )?(?:next|following) (?:day|evening)\b|第二天|次日|隔天|翌日/i.test(raw)) return 24;
  // Chinese numerals before a time unit ("两天", "三十六小时") read as digits.
  const text = raw.replace(/([一二两三四五六七八九十]+)(?=\s*(?:个)?(?:天|日|小时))/g, (m) =>
    String(zhNumber(m)),
  );
  const h = /(\d+(?:\.\d+)?)\s*(?:-|\s)?(?:h\b|hours?|hrs?\b|小时)/i.exec(text);
  if (h) return Number(h[1]);
  const d = /(\d+(?:\.\d+)?)\s*(?:-|\s)?(?:days?|天|日)(?!剂量)/i.exec(text);
  if (d) return Number(d[1]) * 24;
  if (
    /无需间隔|不需要间隔|不用间隔|无需等待|不必等待|当天|同一天|直接(?:开始|换用|服用)|立即(?:开始|换用)|no (?:washout|gap|interval|wait)|without (?:a )?(?:washout|gap|interval|waiting)|same day|immediately|right away|next dose/i.test(
      text,
    )
  )
    return 0;
  return undefined;
}

/** "两" → 2, "十二" → 12, "三十六" → 36. */
function zhNumber(t: string): number {
  const d: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const [tens, ones] = t.includes('十') ? t.split('十') : ['', t];
  return t.includes('十') ? (tens ? (d[tens] ?? 1) : 1) * 10 + (ones ? (d[ones] ?? 0) : 0) : (d[t] ?? 0);
}

/** The level of hepatic impairment a sentence states (Child-Pugh A/B/C or mild/moderate/severe impairment). */
export function hepaticLevel(text: string): DrugConditionData['hepatic'] {
  const impaired =
    /(?:肝功能?|hepatic|liver)[^，。,;；]{0,6}(?:不全|损害|受损|impairment|dysfunction|insufficiency|disease)/i;
  if (/Child-?Pugh\s*(?:C|class C|C级)/i.test(text)) return 'severe';
  if (/Child-?Pugh\s*(?:B|class B|B级)/i.test(text)) return 'moderate';
  if (/Child-?Pugh\s*(?:A|class A|A级)/i.test(text)) return 'mild';
  if (!impaired.test(text)) return undefined;
  if (/重度|严重|severe/i.test(text)) return 'severe';
  if (/中度|moderate/i.test(text)) return 'moderate';
  if (/轻度|mild/i.test(text)) return 'mild';
  return undefined;
}
