/** A collection's search roles as translated names (admin is implied). */
import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/index.ts';

export function RoleList({ roles }: { roles: readonly Role[] }) {
  const { t, i18n } = useTranslation();
  if (roles.length === 0) return <span className="muted">{t('knowledge.roleList')}</span>;
  return <>{roles.map((r) => t(`roles.${r}`)).join(i18n.language === 'zh-CN' ? '、' : ', ')}</>;
}
