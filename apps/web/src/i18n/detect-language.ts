export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The browser's first preference that we support: any zh-* → zh-CN, any en-* → en; default English. */
export function detectLanguage(preferences: readonly string[]): Language {
  for (const tag of preferences) {
    const lower = tag.toLowerCase();
    if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
  }
  return 'en';
}
