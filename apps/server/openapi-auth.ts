/** OpenAPI entries for sign-in and administration (routes defined by packages/identity). */
export const AUTH_OPENAPI = {
  auth: {
    '/login': {
      post: {
        summary:
          'Sign in with {"username","password"}; answers {"access_token","token_type":"Bearer","expires_in"}',
        tags: ['auth'],
        security: [],
        responses: {
          '200': { description: 'token' },
          '401': { description: 'wrong credentials' },
          '429': { description: 'throttled (Retry-After)' },
        },
      },
    },
    '/logout': {
      post: {
        summary: 'Revoke the bearer token',
        tags: ['auth'],
        responses: { '204': { description: 'revoked' } },
      },
    },
    '/me': {
      get: {
        summary: 'The signed-in principal: id, username, role, scopes, patientId',
        tags: ['auth'],
        responses: { '200': { description: 'principal' }, '401': { description: 'no or bad token' } },
      },
    },
  },
  admin: {
    '/users': {
      get: { summary: 'List users (admin)', tags: ['admin'], responses: { '200': { description: 'users' } } },
      post: {
        summary: 'Create a user (admin)',
        tags: ['admin'],
        responses: { '201': { description: 'user' } },
      },
    },
    '/users/{id}': {
      patch: {
        summary: 'Change role, password, display name or disable (admin)',
        tags: ['admin'],
        responses: { '200': { description: 'user' } },
      },
    },
    '/users/{id}/revoke-tokens': {
      post: {
        summary: "Revoke all of a user's tokens (admin)",
        tags: ['admin'],
        responses: { '200': { description: 'revoked' } },
      },
    },
    '/api-keys': {
      get: {
        summary: 'List API keys (admin; never the key itself)',
        tags: ['admin'],
        responses: { '200': { description: 'keys' } },
      },
      post: {
        summary: 'Create an API key, shown once (admin)',
        tags: ['admin'],
        responses: { '201': { description: 'key' } },
      },
    },
    '/api-keys/{id}': {
      delete: {
        summary: 'Revoke an API key (admin)',
        tags: ['admin'],
        responses: { '204': { description: 'revoked' } },
      },
    },
    '/audit/export': {
      get: {
        summary: 'Audit log as NDJSON of AuditEvent (auditor, admin)',
        tags: ['audit'],
        responses: { '200': { description: 'application/x-ndjson' } },
      },
    },
  },
};

/** Knowledge base and grounding guard (routes defined by packages/knowledge and packages/guard). */
export const KNOWLEDGE_OPENAPI = {
  kb: {
    '/collections': {
      get: {
        summary: 'Collections the caller may search',
        tags: ['knowledge'],
        responses: { '200': { description: 'collections' } },
      },
      post: {
        summary: 'Create a collection with its allowed roles and keys (admin)',
        tags: ['knowledge'],
        responses: { '201': { description: 'collection' } },
      },
    },
    '/collections/{id}': {
      delete: {
        summary: 'Delete a collection with its documents and passages (admin)',
        tags: ['knowledge'],
        responses: { '204': { description: 'deleted' } },
      },
    },
    '/collections/{id}/documents/{docId}': {
      delete: {
        summary: 'Delete a document and its passages',
        tags: ['knowledge'],
        responses: { '204': { description: 'deleted' } },
      },
    },
    '/collections/{id}/documents': {
      get: {
        summary: 'Documents of a collection with passage counts',
        tags: ['knowledge'],
        responses: { '200': { description: 'documents' } },
      },
      post: {
        summary: 'Add or replace a document (Markdown, text, HTML, PDF, DOCX as base64)',
        tags: ['knowledge'],
        responses: { '201': { description: 'ingested' } },
      },
    },
    '/search': {
      post: {
        summary:
          'Search passages (Chinese and English; keyword, and vector fusion when configured) with citation data',
        tags: ['knowledge'],
        responses: {
          '200': {
            description:
              '{ terms, passages: [{ id, title, text, document, section, page, score, highlights: [[start, end]] }] }',
          },
        },
      },
    },
  },
  guard: {
    '/check': {
      post: {
        summary:
          "Check an answer's claims (doses, thresholds, interactions, citations) against the knowledge and the engines",
        tags: ['guard'],
        responses: {
          '200': { description: '{ claims: [{ text, kind, verdict, evidence }], summary, action }' },
        },
      },
    },
  },
};
