/** One collection: its documents with passage counts; admins upload files (progress and errors per file) and delete. */
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { collectionDescription } from './pack-descriptions.ts';
import { Link, useParams } from 'react-router-dom';
import {
  ACCEPTED_EXTENSIONS,
  MAX_DOCUMENT_BYTES,
  canManageKnowledge,
  knowledge,
  uploadDocument,
  type DocumentInfo,
  type IngestResult,
  type UploadPhase,
} from '../../api/knowledge.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { errorMessageKey, formatDate } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { RoleList } from './role-list.tsx';

interface UploadItem {
  key: string;
  name: string;
  phase: UploadPhase | 'waiting' | 'done' | 'failed';
  fraction: number;
  result?: IngestResult;
  error?: string;
}

const ACCEPT = ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(',');
const extensionOf = (name: string) => name.toLowerCase().split('.').pop() ?? '';

function UploadRow({ item }: { item: UploadItem }) {
  const { t } = useTranslation();
  const pct = Math.round(item.fraction * 100);
  let text: string;
  switch (item.phase) {
    case 'waiting':
      text = t('knowledge.collection.upload.waiting');
      break;
    case 'reading':
      text = t('knowledge.collection.upload.reading');
      break;
    case 'uploading':
      text = t('knowledge.collection.upload.uploading', { pct });
      break;
    case 'indexing':
      text = t('knowledge.collection.upload.indexing');
      break;
    case 'done':
      text = t(`knowledge.collection.upload.${item.result?.status ?? 'created'}`, {
        count: item.result?.chunks ?? 0,
      });
      if (item.result?.embedded) text += ` · ${t('knowledge.collection.upload.withVectors')}`;
      break;
    default:
      text = t('knowledge.collection.upload.failed', { message: item.error ?? '' });
  }
  // Overall progress: reading 0–10 %, uploading 10–90 %, indexing 90 %, done 100 %.
  const overall =
    item.phase === 'done'
      ? 100
      : item.phase === 'reading'
        ? 10 * item.fraction
        : item.phase === 'uploading'
          ? 10 + 80 * item.fraction
          : item.phase === 'indexing'
            ? 90
            : 0;
  return (
    <li className={`kb-upload kb-upload-${item.phase}`} data-testid="kb-upload-item" data-phase={item.phase}>
      <span className="kb-upload-name">{item.name}</span>
      {item.phase !== 'failed' && (
        <progress
          max={100}
          value={item.phase === 'indexing' ? undefined : overall}
          aria-label={t('knowledge.collection.upload.progressLabel', { name: item.name })}
        />
      )}
      <span className="kb-upload-status" role={item.phase === 'failed' ? 'alert' : undefined}>
        {text}
      </span>
    </li>
  );
}

function Uploader({ collectionId, onUploaded }: { collectionId: string; onUploaded: () => void }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<UploadItem[]>([]);
  const busy = items.some((i) => i.phase !== 'done' && i.phase !== 'failed');
  const update = (key: string, patch: Partial<UploadItem>) =>
    setItems((all) => all.map((i) => (i.key === key ? { ...i, ...patch } : i)));

  async function onFiles(event: ChangeEvent<HTMLInputElement>) {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    if (files.length === 0) return;
    const stamp = Date.now();
    const queued: UploadItem[] = files.map((f, n) => ({
      key: `${stamp}-${n}-${f.name}`,
      name: f.name,
      phase: 'waiting',
      fraction: 0,
    }));
    setItems((all) => [...all, ...queued]);
    // One at a time: the server extracts and indexes each file before answering.
    for (const [n, file] of files.entries()) {
      const key = queued[n]!.key;
      if (!(ACCEPTED_EXTENSIONS as readonly string[]).includes(extensionOf(file.name))) {
        update(key, { phase: 'failed', error: t('knowledge.collection.upload.unsupported') });
        continue;
      }
      if (file.size > MAX_DOCUMENT_BYTES) {
        update(key, { phase: 'failed', error: t('knowledge.collection.upload.tooLarge') });
        continue;
      }
      try {
        const result = await uploadDocument(collectionId, file, (phase, fraction) =>
          update(key, { phase, fraction }),
        );
        update(key, { phase: 'done', fraction: 1, result });
        onUploaded();
      } catch (err) {
        const { key: messageKey, detail } = errorMessageKey(err);
        update(key, { phase: 'failed', error: detail ?? t(messageKey) });
      }
    }
  }

  const done = items.filter((i) => i.phase === 'done').length;
  const failed = items.filter((i) => i.phase === 'failed').length;
  return (
    <section className="card" aria-labelledby="kb-upload-title">
      <h2 id="kb-upload-title">{t('knowledge.collection.upload.title')}</h2>
      <div className="field">
        <label htmlFor="kb-upload-files">{t('knowledge.collection.upload.files')}</label>
        <input
          id="kb-upload-files"
          type="file"
          multiple
          accept={ACCEPT}
          aria-describedby="kb-upload-hint"
          onChange={(e) => void onFiles(e)}
        />
        <small id="kb-upload-hint">{t('knowledge.collection.upload.hint')}</small>
      </div>
      {items.length > 0 && (
        <>
          <ul className="kb-upload-list" aria-label={t('knowledge.collection.upload.list')}>
            {items.map((item) => (
              <UploadRow key={item.key} item={item} />
            ))}
          </ul>
          <p className="muted" role="status" aria-live="polite">
            {t('knowledge.collection.upload.summary', { done: done + failed, total: items.length, failed })}
          </p>
          {!busy && (
            <button type="button" className="button secondary small" onClick={() => setItems([])}>
              {t('knowledge.collection.upload.clear')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

export function CollectionPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const manage = me ? canManageKnowledge(me.role) : false;
  const collections = useAsync((signal) => knowledge.collections(signal), [id]);
  const documents = useAsync((signal) => knowledge.documents(id, signal), [id]);
  const [message, setMessage] = useState('');
  const [actionError, setActionError] = useState<unknown>(null);
  const collection = collections.status === 'success' ? collections.data.find((c) => c.id === id) : undefined;

  async function remove(doc: DocumentInfo) {
    if (!window.confirm(t('knowledge.collection.confirmDelete', { name: doc.filename }))) return;
    setActionError(null);
    try {
      await knowledge.deleteDocument(id, doc.id);
      setMessage(t('knowledge.collection.deleted', { name: doc.filename }));
      documents.reload();
      collections.reload();
    } catch (err) {
      setActionError(err);
    }
  }

  if (collections.status === 'success' && !collection) {
    return (
      <div className="card">
        <p>{t('knowledge.collection.notFound')}</p>
        <Link to="/knowledge">{t('knowledge.collection.back')}</Link>
      </div>
    );
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/knowledge">{t('knowledge.collection.back')}</Link>
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {message}
      </p>
      {collection && (
        <header className="kb-collection-head">
          <h2 data-testid="kb-collection-name">{collection.name}</h2>
          {collection.description && (
            <p className="muted">{collectionDescription(collection.name, collection.description, t)}</p>
          )}
          <p className="muted">
            {t('knowledge.collections.access')}
            {t('common.colon')}
            <RoleList roles={collection.allowedRoles} />
          </p>
        </header>
      )}
      {manage && (
        <Uploader
          collectionId={id}
          onUploaded={() => {
            documents.reload();
          }}
        />
      )}
      {actionError ? <ErrorState error={actionError} /> : null}
      <section className="card" aria-labelledby="kb-documents-title">
        <h2 id="kb-documents-title">{t('knowledge.collection.documents')}</h2>
        {documents.status === 'loading' && <Loading />}
        {documents.status === 'error' && <ErrorState error={documents.error} onRetry={documents.reload} />}
        {documents.status === 'success' &&
          (documents.data.length === 0 ? (
            <Empty>{t('knowledge.collection.empty')}</Empty>
          ) : (
            <div className="table-wrap">
              <table className="data-table" data-testid="kb-documents-table">
                <thead>
                  <tr>
                    <th scope="col">{t('knowledge.collection.filename')}</th>
                    <th scope="col">{t('knowledge.collection.docTitle')}</th>
                    <th scope="col">{t('knowledge.collection.format')}</th>
                    <th scope="col">{t('knowledge.collection.pages')}</th>
                    <th scope="col">{t('knowledge.collection.chunks')}</th>
                    <th scope="col">{t('knowledge.collection.source')}</th>
                    <th scope="col">{t('knowledge.collection.ingested')}</th>
                    {manage && <th scope="col">{t('common.actions')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {documents.data.map((d) => (
                    <tr key={d.id}>
                      <th scope="row" className="mono">
                        {d.filename}
                      </th>
                      <td>{d.title}</td>
                      <td>{d.format}</td>
                      <td className="num">{d.pages ?? '—'}</td>
                      <td className="num" data-testid="kb-document-chunks">
                        {d.chunks}
                      </td>
                      <td>{d.source ?? <span className="muted">{t('common.none')}</span>}</td>
                      <td className="nowrap">{formatDate(d.ingestedAt, i18n.language, true)}</td>
                      {manage && (
                        <td>
                          <button
                            type="button"
                            className="button small danger"
                            aria-label={t('knowledge.collection.deleteLabel', { name: d.filename })}
                            onClick={() => void remove(d)}
                          >
                            {t('knowledge.collection.delete')}
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
