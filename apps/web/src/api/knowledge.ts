/**
 * Knowledge base (/kb: collections, documents, search) and grounding guard (/guard/check).
 * Any signed-in user reaches /kb; each collection lists the roles that may search it (admin always may);
 * creating collections, uploading and deleting need the admin (or service) role.
 */
import { ApiError, errorFromBody } from './api-error.ts';
import { request } from './client.ts';
import { tokenStore } from './token-store.ts';
import type { Role } from './auth.ts';
import type {
  Collection,
  CollectionList,
  DocumentInfo,
  DocumentList,
  IngestResult,
  SearchResult,
} from '@qihuang/knowledge/api-types';
import type { GuardCheckRequest as GuardRequest, GuardResult } from '@qihuang/guard/api-types';

/** Roles that see the knowledge pages (the server's default search roles, plus admin). */
export const canUseKnowledge = (role: Role) =>
  role === 'admin' || role === 'clinician' || role === 'nurse' || role === 'pharmacist';
/** Who may create collections, upload and delete (the server also lets service keys). */
export const canManageKnowledge = (role: Role) => role === 'admin';

/** Roles a collection can be opened to (admin always may search). */
export const SEARCH_ROLES: readonly Role[] = [
  'clinician',
  'nurse',
  'pharmacist',
  'auditor',
  'patient',
  'service',
];
export const DEFAULT_SEARCH_ROLES: readonly Role[] = ['clinician', 'nurse', 'pharmacist', 'service'];

/** File types the server can ingest. */
export const ACCEPTED_EXTENSIONS = ['md', 'markdown', 'txt', 'text', 'html', 'htm', 'pdf', 'docx'] as const;
/** The server's default limit per document (after base64 decoding). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export type {
  Collection,
  DocumentInfo,
  IngestResult,
  Passage,
  SearchResult,
} from '@qihuang/knowledge/api-types';
export type {
  CheckedClaim,
  GuardCheckRequest as GuardRequest,
  GuardPassage,
  GuardResult,
  VerdictKind as Verdict,
} from '@qihuang/guard/api-types';

const enc = encodeURIComponent;

export type UploadPhase = 'reading' | 'uploading' | 'indexing';

/** Reads a file as base64 (no data: prefix). */
function readBase64(file: File, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    reader.onerror = () => reject(new ApiError(0, 'read-failed', `Could not read ${file.name}`));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

/**
 * Uploads one file (JSON with base64 content) with progress: XMLHttpRequest, because fetch reports no upload
 * progress. `onProgress(phase, fraction)`; fraction is 0–1 within the phase.
 */
export async function uploadDocument(
  collectionId: string,
  file: File,
  onProgress: (phase: UploadPhase, fraction: number) => void,
): Promise<IngestResult> {
  onProgress('reading', 0);
  const contentBase64 = await readBase64(file, (f) => onProgress('reading', f));
  const body = JSON.stringify({ filename: file.name, contentBase64 });
  return new Promise<IngestResult>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/kb/collections/${enc(collectionId)}/documents`);
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.setRequestHeader('Accept', 'application/json');
    const token = tokenStore.get();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress('uploading', e.loaded / e.total);
    };
    xhr.upload.onload = () => onProgress('indexing', 0);
    xhr.onerror = () => reject(new ApiError(0, 'network', 'The server could not be reached.'));
    xhr.onload = () => {
      let parsed: unknown = xhr.responseText;
      try {
        parsed = xhr.responseText ? (JSON.parse(xhr.responseText) as unknown) : undefined;
      } catch {
        // keep the text
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed as IngestResult);
      else {
        if (xhr.status === 401) {
          // Let the shared client handle an expired session (drops the token, back to sign-in).
          void request('/auth/me').catch(() => undefined);
        }
        reject(errorFromBody(xhr.status, parsed, xhr.statusText || `HTTP ${xhr.status}`));
      }
    };
    onProgress('uploading', 0);
    xhr.send(body);
  });
}

export const knowledge = {
  collections: async (signal?: AbortSignal) =>
    (await request<CollectionList>('/kb/collections', { signal })).collections,
  createCollection: (input: { name: string; description?: string; allowedRoles?: Role[] }) =>
    request<Collection>('/kb/collections', { method: 'POST', body: input }),
  deleteCollection: (collectionId: string) =>
    request<void>(`/kb/collections/${enc(collectionId)}`, { method: 'DELETE' }),
  documents: async (collectionId: string, signal?: AbortSignal) =>
    (
      await request<DocumentList>(`/kb/collections/${enc(collectionId)}/documents`, {
        signal,
      })
    ).documents,
  deleteDocument: (collectionId: string, documentId: string) =>
    request<void>(`/kb/collections/${enc(collectionId)}/documents/${enc(documentId)}`, { method: 'DELETE' }),
  search: (input: { query: string; collections?: string[]; limit?: number }, signal?: AbortSignal) =>
    request<SearchResult>('/kb/search', { method: 'POST', body: input, signal }),
  check: (input: GuardRequest, signal?: AbortSignal) =>
    request<GuardResult>('/guard/check', { method: 'POST', body: input, signal }),
};
