/** Who is signed in. The token is in sessionStorage; `me` is fetched from /auth/me on start and sign-in. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  fetchMe,
  login as apiLogin,
  logout as apiLogout,
  onUnauthorized,
  tokenStore,
  type Me,
  type Role,
} from '../api/index.ts';

interface AuthValue {
  me: Me | null;
  /** true until the first /auth/me answer when a token is present. */
  checking: boolean;
  /** Set when the session ended on a 401 (shown on the sign-in page). */
  expired: boolean;
  signIn: (username: string, password: string) => Promise<Me>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(() => tokenStore.get() !== null);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    const off = onUnauthorized(() => {
      setMe((current) => {
        if (current) setExpired(true);
        return null;
      });
    });
    if (tokenStore.get()) {
      fetchMe()
        .then(setMe, () => setMe(null))
        .finally(() => setChecking(false));
    }
    return off;
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    await apiLogin(username, password);
    const user = await fetchMe();
    setExpired(false);
    setMe(user);
    return user;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await apiLogout();
    } catch {
      // the token is dropped locally either way
    }
    setExpired(false);
    setMe(null);
  }, []);

  const value = useMemo(
    () => ({ me, checking, expired, signIn, signOut }),
    [me, checking, expired, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** What each role may see in the console (the server enforces; this only hides what would be refused). */
export const can = {
  searchPatients: (role: Role) => ['admin', 'clinician', 'nurse', 'pharmacist'].includes(role),
  alerts: (role: Role) => ['admin', 'clinician', 'nurse'].includes(role),
  audit: (role: Role) => role === 'admin' || role === 'auditor',
  admin: (role: Role) => role === 'admin',
  evaluation: (role: Role) => ['admin', 'clinician', 'auditor'].includes(role),
  /** Hypertension care: the patient's own pages, the care team's tab/panel, signing (clinicians only). */
  careHome: (role: Role) => role === 'patient',
  careTeam: (role: Role) => ['admin', 'clinician', 'nurse'].includes(role),
  careSign: (role: Role) => role === 'clinician',
};

/** Where a user lands after sign-in. */
export function homePath(me: Me): string {
  if (me.role === 'patient' && me.patientId) return '/care';
  if (can.searchPatients(me.role)) return '/patients';
  if (can.audit(me.role)) return '/audit';
  return '/patients';
}
