/** OpenAPI entries for the CDS Hooks 2.0 service (the routes are defined by packages/cds-hooks). */
export const CDS_OPENAPI = {
  '/cds-services': {
    get: {
      summary: 'CDS Hooks discovery: the prescription-review services',
      tags: ['cds-hooks'],
      security: [],
      responses: { '200': { description: '{ services: [...] }' } },
    },
  },
  '/cds-services/{id}': {
    post: {
      summary:
        'Call a service (order-select, order-sign, patient-view) with context and prefetch; answers cards',
      tags: ['cds-hooks'],
      responses: {
        '200': { description: '{ cards: [...] }' },
        '400': { description: 'bad request (reason given)' },
      },
    },
  },
  '/cds-services/{id}/feedback': {
    post: {
      summary: 'Feedback: cards accepted or overridden (recorded in the audit log)',
      tags: ['cds-hooks'],
      responses: { '200': { description: 'recorded' } },
    },
  },
};
