/** Collections the caller may search, with counts and access; admins create and delete collections. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { collectionDescription } from './pack-descriptions.ts';
import { Link } from 'react-router-dom';
import type { Role } from '../../api/index.ts';
import {
  DEFAULT_SEARCH_ROLES,
  SEARCH_ROLES,
  canManageKnowledge,
  knowledge,
  type Collection,
} from '../../api/knowledge.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { formatDate } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { RoleList } from './role-list.tsx';

function CreateCollectionForm({ onCreated }: { onCreated: (c: Collection) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [roles, setRoles] = useState<Role[]>([...DEFAULT_SEARCH_ROLES]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await knowledge.createCollection({
        name: name.trim(),
        ...(description.trim() ? { description: description.trim() } : {}),
        allowedRoles: roles,
      });
      setName('');
      setDescription('');
      setRoles([...DEFAULT_SEARCH_ROLES]);
      onCreated(created);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const toggle = (role: Role, on: boolean) =>
    setRoles((current) => (on ? [...current, role] : current.filter((r) => r !== role)));

  return (
    <form className="card form-grid" onSubmit={(e) => void submit(e)} aria-labelledby="kb-create-title">
      <h2 id="kb-create-title">{t('knowledge.collections.create.title')}</h2>
      <div className="field">
        <label htmlFor="kb-create-name">{t('knowledge.collections.create.name')}</label>
        <input
          id="kb-create-name"
          required
          maxLength={100}
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="kb-create-description">{t('knowledge.collections.create.description')}</label>
        <input
          id="kb-create-description"
          maxLength={2000}
          autoComplete="off"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <fieldset className="kb-roles" aria-describedby="kb-create-roles-hint">
        <legend>{t('knowledge.collections.create.roles')}</legend>
        {SEARCH_ROLES.map((role) => (
          <label key={role} className="kb-check">
            <input
              type="checkbox"
              checked={roles.includes(role)}
              onChange={(e) => toggle(role, e.target.checked)}
            />{' '}
            {t(`roles.${role}`)}
          </label>
        ))}
        <small id="kb-create-roles-hint">{t('knowledge.collections.create.rolesHint')}</small>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy || !name.trim()}>
          {busy ? t('knowledge.collections.create.creating') : t('knowledge.collections.create.submit')}
        </button>
      </div>
      {error ? <ErrorState error={error} /> : null}
    </form>
  );
}

export function CollectionsPage() {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const manage = me ? canManageKnowledge(me.role) : false;
  const list = useAsync((signal) => knowledge.collections(signal), []);
  const [message, setMessage] = useState('');
  const [actionError, setActionError] = useState<unknown>(null);

  async function remove(c: Collection) {
    if (!window.confirm(t('knowledge.collections.confirmDelete', { name: c.name }))) return;
    setActionError(null);
    try {
      await knowledge.deleteCollection(c.id);
      setMessage(t('knowledge.collections.deleted', { name: c.name }));
      list.reload();
    } catch (err) {
      setActionError(err);
    }
  }

  return (
    <>
      <p className="visually-hidden" role="status" aria-live="polite">
        {message}
      </p>
      {manage && (
        <CreateCollectionForm
          onCreated={(c) => {
            setMessage(t('knowledge.collections.create.created', { name: c.name }));
            list.reload();
          }}
        />
      )}
      {actionError ? <ErrorState error={actionError} /> : null}
      <section className="card" aria-labelledby="kb-collections-title">
        <h2 id="kb-collections-title">{t('knowledge.collections.title')}</h2>
        {list.status === 'loading' && <Loading />}
        {list.status === 'error' && <ErrorState error={list.error} onRetry={list.reload} />}
        {list.status === 'success' &&
          (list.data.length === 0 ? (
            <Empty>{t('knowledge.collections.empty')}</Empty>
          ) : (
            <div className="table-wrap">
              <table className="data-table" data-testid="kb-collections-table">
                <thead>
                  <tr>
                    <th scope="col">{t('knowledge.collections.name')}</th>
                    <th scope="col">{t('knowledge.collections.description')}</th>
                    <th scope="col">{t('knowledge.collections.documents')}</th>
                    <th scope="col">{t('knowledge.collections.chunks')}</th>
                    <th scope="col">{t('knowledge.collections.access')}</th>
                    <th scope="col">{t('knowledge.collections.created')}</th>
                    {manage && <th scope="col">{t('common.actions')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {list.data.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <Link to={`/knowledge/collections/${encodeURIComponent(c.id)}`}>{c.name}</Link>
                      </th>
                      <td>
                        {collectionDescription(c.name, c.description, t) || (
                          <span className="muted">{t('common.none')}</span>
                        )}
                      </td>
                      <td className="num">{c.documents ?? '—'}</td>
                      <td className="num">{c.chunks ?? '—'}</td>
                      <td>
                        <RoleList roles={c.allowedRoles} />
                      </td>
                      <td className="nowrap">{formatDate(c.createdAt, i18n.language)}</td>
                      {manage && (
                        <td>
                          <button
                            type="button"
                            className="button small danger"
                            aria-label={t('knowledge.collections.deleteLabel', { name: c.name })}
                            onClick={() => void remove(c)}
                          >
                            {t('knowledge.collections.delete')}
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
      </section>
    </>
  );
}
