/** OpenAPI paths of the pharmacist review queue (mounted at /api/pharmacy). */
export const PHARMACY_OPENAPI = {
  '/queue': {
    get: {
      summary: 'Pharmacist review queue (前置审方): orders with their review findings, newest first',
      tags: ['pharmacy'],
      parameters: [
        { name: 'status', in: 'query', schema: { enum: ['pending', 'approved', 'returned', 'all'] } },
      ],
      responses: { '200': { description: 'queue' }, '403': { description: 'not a pharmacist or admin' } },
    },
  },
  '/queue/{id}/approve': {
    post: {
      summary:
        'Approve an order; {reason?, overrides: {findingId: reason}} — a reason for every warning or critical finding; an order awaiting review becomes active and the order it replaces (priorPrescription) stopped, statusReason replaced',
      tags: ['pharmacy'],
      responses: {
        '200': { description: 'reviewed order' },
        '400': { description: 'an override reason is missing' },
        '409': { description: 'already reviewed or not awaiting review' },
      },
    },
  },
  '/queue/{id}/return': {
    post: {
      summary: 'Return an order to the prescriber; {reason} required',
      tags: ['pharmacy'],
      responses: { '200': { description: 'reviewed order' }, '400': { description: 'no reason' } },
    },
  },
  '/report': {
    get: {
      summary: 'Daily report: volume, findings by type and severity, return and override rates',
      tags: ['pharmacy'],
      parameters: [{ name: 'date', in: 'query', schema: { type: 'string', format: 'date' } }],
      responses: { '200': { description: 'report' } },
    },
  },
} as const;
