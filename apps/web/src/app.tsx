/** Routes. Pages a role may not use are not routed for it (the server refuses them anyway). */
import { useEffect, useRef, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AuthProvider, can, homePath, useAuth } from './auth/auth-context.tsx';
import type { Me } from './api/index.ts';
import { Layout } from './components/layout.tsx';
import { Loading } from './components/states.tsx';
import { SignInPage } from './features/sign-in/sign-in-page.tsx';
import { PatientListPage } from './features/patients/patient-list-page.tsx';
import { PatientChartPage } from './features/patient-chart/patient-chart-page.tsx';
import { AlertsPage } from './features/blood-pressure/alerts-page.tsx';
import { AuditPage } from './features/audit/audit-page.tsx';
import { UsersPage } from './features/admin/users-page.tsx';
import { ApiKeysPage } from './features/admin/api-keys-page.tsx';
import { NotFoundPage } from './features/not-found-page.tsx';
import { GatewayPage } from './features/gateway/gateway-page.tsx';
import { EvaluationPage } from './features/evaluation/evaluation-page.tsx';
import { PharmacyPage } from './features/pharmacy/pharmacy-page.tsx';
import { canReviewPrescriptions } from './features/pharmacy/pharmacy-api.ts';
import { KnowledgePage } from './features/knowledge/knowledge-page.tsx';
import { canUseKnowledge } from './api/knowledge.ts';
import { PatientHomePage } from './features/care/patient-home-page.tsx';
import { ConsultationPage, NewConsultationPage } from './features/care/consultation-page.tsx';
import { CarePanelPage } from './features/care/care-panel-page.tsx';
import { PrescriptionSlipPage } from './features/print/prescription-slip-page.tsx';

function RequireAuth({ children }: { children: ReactNode }) {
  const { me, checking } = useAuth();
  const location = useLocation();
  if (checking) return <Loading />;
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/signin' : `/signin?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

function RequireRole({ allow, children }: { allow: (role: Me['role']) => boolean; children: ReactNode }) {
  const { me } = useAuth();
  if (!me) return null;
  return allow(me.role) ? <>{children}</> : <Navigate to={homePath(me)} replace />;
}

function Home() {
  const { me } = useAuth();
  return me ? <Navigate to={homePath(me)} replace /> : null;
}

/** After client-side navigation, move focus to the main region so keyboard and screen-reader users follow. */
function FocusOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: false });
  }, [pathname]);
  return null;
}

export function App() {
  return (
    <AuthProvider>
      <BrowserRouter>
        <FocusOnNavigate />
        <Routes>
          <Route path="/signin" element={<SignInPage />} />
          <Route
            element={
              <RequireAuth>
                <Layout />
              </RequireAuth>
            }
          >
            <Route index element={<Home />} />
            <Route
              path="patients"
              element={
                <RequireRole allow={can.searchPatients}>
                  <PatientListPage />
                </RequireRole>
              }
            />
            <Route path="patients/:id" element={<PatientChartPage section="overview" />} />
            <Route
              path="patients/:id/blood-pressure"
              element={<PatientChartPage section="blood-pressure" />}
            />
            <Route
              path="alerts"
              element={
                <RequireRole allow={can.alerts}>
                  <AlertsPage />
                </RequireRole>
              }
            />
            <Route
              path="audit"
              element={
                <RequireRole allow={can.audit}>
                  <AuditPage />
                </RequireRole>
              }
            />
            <Route
              path="users"
              element={
                <RequireRole allow={can.admin}>
                  <UsersPage />
                </RequireRole>
              }
            />
            <Route
              path="api-keys"
              element={
                <RequireRole allow={can.admin}>
                  <ApiKeysPage />
                </RequireRole>
              }
            />
            <Route
              path="gateway"
              element={
                <RequireRole allow={can.admin}>
                  <GatewayPage />
                </RequireRole>
              }
            />
            <Route
              path="evaluation/*"
              element={
                <RequireRole allow={can.evaluation}>
                  <EvaluationPage />
                </RequireRole>
              }
            />
            <Route
              path="pharmacy"
              element={
                <RequireRole allow={canReviewPrescriptions}>
                  <PharmacyPage />
                </RequireRole>
              }
            />
            <Route
              path="patients/:id/care"
              element={
                <RequireRole allow={can.careTeam}>
                  <PatientChartPage section="care" />
                </RequireRole>
              }
            />
            <Route
              path="care"
              element={
                <RequireRole allow={can.careHome}>
                  <PatientHomePage />
                </RequireRole>
              }
            />
            <Route
              path="care/consultation/new"
              element={
                <RequireRole allow={can.careHome}>
                  <NewConsultationPage />
                </RequireRole>
              }
            />
            <Route
              path="care/consultation/:cid"
              element={
                <RequireRole allow={can.careHome}>
                  <ConsultationPage />
                </RequireRole>
              }
            />
            <Route
              path="care/panel"
              element={
                <RequireRole allow={can.careTeam}>
                  <CarePanelPage />
                </RequireRole>
              }
            />
            <Route
              path="prescriptions/:id/print"
              element={
                <RequireRole allow={can.careTeam}>
                  <PrescriptionSlipPage />
                </RequireRole>
              }
            />
            <Route
              path="knowledge/*"
              element={
                <RequireRole allow={canUseKnowledge}>
                  <KnowledgePage />
                </RequireRole>
              }
            />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </AuthProvider>
  );
}
