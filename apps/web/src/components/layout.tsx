/** Console frame: skip link, header with navigation for the user's role, language switch, sign-out. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import { can, useAuth } from '../auth/auth-context.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { canReviewPrescriptions } from '../features/pharmacy/pharmacy-api.ts';
import { canUseKnowledge } from '../api/knowledge.ts';

function NavItem({ to, children }: { to: string; children: ReactNode }) {
  return (
    <li>
      <NavLink to={to} className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}>
        {children}
      </NavLink>
    </li>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const { me, signOut } = useAuth();
  const navigate = useNavigate();
  if (!me) return null;
  const role = me.role;
  const end = (
    <>
      <span className="who" data-testid="current-user">
        {t('app.signedInAs', { name: me.displayName || me.username, role: t(`roles.${role}`) })}
      </span>
      <LanguageSwitch />
      <button
        type="button"
        className="button ghost"
        onClick={() => {
          void signOut().then(() => navigate('/signin', { replace: true }));
        }}
      >
        {t('app.signOut')}
      </button>
    </>
  );

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className={role === 'patient' ? 'topbar topbar-patient' : 'topbar'}>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            岐
          </span>
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">
            {role === 'patient' ? t('app.taglinePatient') : t('app.tagline')}
          </span>
        </div>
        <nav aria-label={t('app.mainNav')}>
          <ul className="nav">
            {can.searchPatients(role) && <NavItem to="/patients">{t('nav.patients')}</NavItem>}
            {role === 'patient' && me.patientId && (
              <NavItem to={`/patients/${encodeURIComponent(me.patientId)}`}>{t('nav.myChart')}</NavItem>
            )}
            {role === 'patient' && me.patientId && <NavItem to="/care">{t('care.navHome')}</NavItem>}
            {can.careTeam(role) && <NavItem to="/care/panel">{t('care.navPanel')}</NavItem>}
            {can.alerts(role) && <NavItem to="/alerts">{t('nav.alerts')}</NavItem>}
            {can.audit(role) && <NavItem to="/audit">{t('nav.audit')}</NavItem>}
            {can.admin(role) && <NavItem to="/users">{t('nav.users')}</NavItem>}
            {can.admin(role) && <NavItem to="/api-keys">{t('nav.apiKeys')}</NavItem>}
            {can.admin(role) && <NavItem to="/gateway">{t('nav.gateway')}</NavItem>}
            {can.evaluation(role) && <NavItem to="/evaluation">{t('nav.evaluation')}</NavItem>}
            {canReviewPrescriptions(role) && <NavItem to="/pharmacy">{t('nav.pharmacy')}</NavItem>}
            {canUseKnowledge(role) && <NavItem to="/knowledge">{t('knowledge.nav')}</NavItem>}
          </ul>
        </nav>
        {role === 'patient' ? (
          // A patient's phone: one compact row; who, language and sign-out live in a menu (tester finding 7).
          <details className="topbar-menu" data-testid="account-menu">
            <summary aria-label={t('app.accountMenu')}>
              <span aria-hidden="true">☰</span>
            </summary>
            {/* Closes after a choice (language switched, signed out). */}
            <div
              className="topbar-menu-body"
              onClick={(e) => e.currentTarget.closest('details')?.removeAttribute('open')}
            >
              {end}
            </div>
          </details>
        ) : (
          <div className="topbar-end">{end}</div>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
