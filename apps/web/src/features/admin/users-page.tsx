/** Admin: list users, create one (patient accounts tied to a Patient id), disable/enable, change role, reset password. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { admin, USER_ROLES, type NewUser, type User, type UserRole } from '../../api/index.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { formatDate } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { PatientPicker, patientLinkError, usePatientNames } from './patient-link.tsx';
import { passwordMin, passwordRefusalText } from './password-refusal.ts';

const BLANK: NewUser = { username: '', password: '', role: 'clinician', displayName: '', patientId: '' };

/** A refusal: a refused password worded in the page's language (issue 21), anything else as the console shows errors. */
function FormError({ error, language }: { error: unknown; language: string }) {
  if (!error) return null;
  const password = passwordRefusalText(error, language);
  if (!password) return <ErrorState error={error} />;
  return (
    <div className="state state-error" role="alert" data-testid="password-refusal">
      <p>
        <strong>{password}</strong>
      </p>
    </div>
  );
}

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const users = useAsync(() => admin.users(), []);
  const [form, setForm] = useState<NewUser>(BLANK);
  const [creating, setCreating] = useState(false);
  const [formError, setFormError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const linkError = patientLinkError(formError, form.patientId ?? '', t);
  const linkedNames = usePatientNames(
    users.status === 'success' ? users.data.map((u) => u.patientId ?? '') : [],
  );
  const [rowError, setRowError] = useState<unknown>(null);
  const [resetFor, setResetFor] = useState<string | null>(null);
  const [newPassword, setNewPassword] = useState('');

  async function create(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    if (form.role === 'patient' && !form.patientId?.trim()) {
      setFormError(new Error(t('userErrors.choosePatient')));
      return;
    }
    setCreating(true);
    try {
      const body: NewUser = { username: form.username.trim(), password: form.password, role: form.role };
      if (form.displayName?.trim()) body.displayName = form.displayName.trim();
      if (form.role === 'patient' && form.patientId?.trim()) body.patientId = form.patientId.trim();
      await admin.createUser(body);
      setStatus(t('users.createdOk', { name: body.username }));
      setForm(BLANK);
      users.reload();
    } catch (err) {
      setFormError(err);
    } finally {
      setCreating(false);
    }
  }

  async function update(user: User, patch: Parameters<typeof admin.updateUser>[1]) {
    setRowError(null);
    try {
      await admin.updateUser(user.id, patch);
      setStatus(t('users.updatedOk', { name: user.username }));
      users.reload();
      return true;
    } catch (err) {
      setRowError(err);
      return false;
    }
  }

  return (
    <section className="page" aria-labelledby="users-title">
      <h1 id="users-title">{t('users.title')}</h1>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      {status && <p className="notice notice-ok">{status}</p>}

      <form className="card form-grid" onSubmit={(e) => void create(e)} aria-labelledby="create-user-title">
        <h2 id="create-user-title">{t('users.create')}</h2>
        <div className="field">
          <label htmlFor="new-username">{t('users.username')}</label>
          <input
            id="new-username"
            required
            autoComplete="off"
            value={form.username}
            onChange={(e) => setForm({ ...form, username: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="new-password">{t('users.password')}</label>
          <input
            id="new-password"
            type="password"
            required
            autoComplete="new-password"
            aria-describedby="new-password-hint"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
          <small id="new-password-hint">{t('users.passwordHint', { count: passwordMin(form.role) })}</small>
        </div>
        <div className="field">
          <label htmlFor="new-role">{t('users.role')}</label>
          <select
            id="new-role"
            value={form.role}
            onChange={(e) => setForm({ ...form, role: e.target.value as UserRole })}
          >
            {USER_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="new-display">{t('users.displayName')}</label>
          <input
            id="new-display"
            autoComplete="off"
            value={form.displayName}
            onChange={(e) => setForm({ ...form, displayName: e.target.value })}
          />
        </div>
        {form.role === 'patient' && (
          <div className="field">
            <label htmlFor="new-patient">{t('users.patientId')}</label>
            <PatientPicker
              value={form.patientId ?? ''}
              describedBy={linkError ? 'new-patient-error new-patient-hint' : 'new-patient-hint'}
              invalid={Boolean(linkError)}
              onChange={(id) => setForm({ ...form, patientId: id })}
            />
            <small id="new-patient-hint">{t('users.patientIdHint')}</small>
            {linkError && (
              <div id="new-patient-error" className="state state-error" role="alert">
                {linkError.text}
                <details>
                  <summary className="muted">{t('apiKeyErrors.technical')}</summary>
                  <code className="mono">{linkError.raw}</code>
                </details>
              </div>
            )}
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={creating}>
            {t('users.create')}
          </button>
        </div>
        <FormError error={linkError ? null : formError} language={i18n.language} />
      </form>

      <FormError error={rowError} language={i18n.language} />
      {users.status === 'loading' && <Loading />}
      {users.status === 'error' && <ErrorState error={users.error} onRetry={users.reload} />}
      {users.status === 'success' &&
        (users.data.length === 0 ? (
          <Empty>{t('users.empty')}</Empty>
        ) : (
          <div className="table-wrap">
            <table className="data-table" data-testid="users-table">
              <thead>
                <tr>
                  <th scope="col">{t('users.username')}</th>
                  <th scope="col">{t('users.displayName')}</th>
                  <th scope="col">{t('users.role')}</th>
                  <th scope="col">{t('users.patientId')}</th>
                  <th scope="col">{t('users.status')}</th>
                  <th scope="col">{t('users.created')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {users.data.map((u) => {
                  const self = me?.id === u.id;
                  return (
                    <tr key={u.id} className={u.disabled ? 'row-muted' : undefined}>
                      <th scope="row">
                        {u.username}
                        {self ? <span className="muted"> ({t('users.self')})</span> : null}
                      </th>
                      <td>{u.displayName ?? ''}</td>
                      <td>
                        <label className="visually-hidden" htmlFor={`role-${u.id}`}>
                          {t('users.changeRole', { name: u.username })}
                        </label>
                        <select
                          id={`role-${u.id}`}
                          value={u.role}
                          disabled={self}
                          onChange={(e) => void update(u, { role: e.target.value as UserRole })}
                        >
                          {USER_ROLES.map((r) => (
                            <option key={r} value={r}>
                              {t(`roles.${r}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td
                        title={u.patientId ? `Patient/${u.patientId}` : undefined}
                        data-patient-id={u.patientId}
                      >
                        {u.patientId
                          ? (linkedNames.get(u.patientId) ?? <span className="mono">{u.patientId}</span>)
                          : ''}
                      </td>
                      <td>
                        <span className={u.disabled ? 'badge badge-muted' : 'badge badge-ok'}>
                          {u.disabled ? t('users.disabled') : t('users.active')}
                        </span>
                      </td>
                      <td className="nowrap">{formatDate(u.createdAt, i18n.language)}</td>
                      <td>
                        <div className="row-actions">
                          <button
                            type="button"
                            className="button small secondary"
                            disabled={self}
                            onClick={() => void update(u, { disabled: !u.disabled })}
                          >
                            {u.disabled ? t('users.enable') : t('users.disable')}
                          </button>
                          {resetFor === u.id ? (
                            <form
                              className="inline-form"
                              onSubmit={(e) => {
                                e.preventDefault();
                                void update(u, { password: newPassword }).then((ok) => {
                                  if (ok) {
                                    setResetFor(null);
                                    setNewPassword('');
                                  }
                                });
                              }}
                            >
                              <label className="visually-hidden" htmlFor={`pw-${u.id}`}>
                                {t('users.newPassword', { name: u.username })}
                              </label>
                              <input
                                id={`pw-${u.id}`}
                                type="password"
                                autoComplete="new-password"
                                autoFocus
                                required
                                value={newPassword}
                                onChange={(e) => setNewPassword(e.target.value)}
                              />
                              <button type="submit" className="button small primary">
                                {t('common.save')}
                              </button>
                              <button
                                type="button"
                                className="button small ghost"
                                onClick={() => setResetFor(null)}
                              >
                                {t('common.cancel')}
                              </button>
                            </form>
                          ) : (
                            <button
                              type="button"
                              className="button small ghost"
                              onClick={() => {
                                setNewPassword('');
                                setResetFor(u.id);
                              }}
                            >
                              {t('users.resetPassword')}
                            </button>
                          )}
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
