import { useTranslation } from 'react-i18next';
import { setLanguage } from '../i18n/index.ts';

/** One button that flips zh-CN ↔ en; its own text is in the target language so anyone can find it. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const target = i18n.language === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <button
      type="button"
      className="button ghost lang-switch"
      aria-label={t('app.switchToLabel')}
      data-testid="language-switch"
      onClick={() => setLanguage(target)}
    >
      <span aria-hidden="true">文/A </span>
      <span lang={target}>{t('app.switchTo')}</span>
    </button>
  );
}
