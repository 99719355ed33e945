/**
 * i18n: zh-CN and en. First visit follows navigator.languages (Chinese if the browser asks for it first,
 * else English); an explicit choice is remembered in localStorage.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';
import { detectLanguage, LANGUAGES, type Language } from './detect-language.ts';

export { detectLanguage, LANGUAGES, type Language };

const STORAGE_KEY = 'qihuang.lang';

function stored(): Language | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : undefined;
  } catch {
    return undefined;
  }
}

function initialLanguage(): Language {
  const browser = navigator.languages?.length ? navigator.languages : [navigator.language];
  return stored() ?? detectLanguage(browser);
}

function applyToDocument(lng: string): void {
  document.documentElement.lang = lng;
  document.title = lng === 'zh-CN' ? '岐黄 · 临床控制台' : 'Qihuang · Clinical console';
}

export function setLanguage(lng: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // private mode: the choice lasts for this page only
  }
  void i18next.changeLanguage(lng);
}

export function currentLanguage(): Language {
  return i18next.language === 'zh-CN' ? 'zh-CN' : 'en';
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyToDocument(i18next.language);
i18next.on('languageChanged', applyToDocument);

export { i18next };
