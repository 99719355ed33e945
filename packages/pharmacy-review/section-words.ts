/**
 * A label's or guideline's section in words, as users read it (issue 20 item 8): "§2.3" is our internal
 * notation, so a screen says "第 2.3 节" (zh) or "section 2.3" (en). Pure; used by every finding display.
 */
export function sectionsInWords(text: string, lang: 'zh' | 'en'): string {
  return text.replace(/§\s*(\d+(?:\.\d+)*)/g, (_, n: string) =>
    lang === 'zh' ? `第 ${n} 节` : `section ${n}`,
  );
}
