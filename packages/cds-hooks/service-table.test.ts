/**
 * A CDS service is a row of the table: a new one is discovered and called without an edit to the router
 * (issue 19 item 3). The row here answers one card from what its own prefetch gathered.
 */
import { describe, expect, it } from 'vitest';
import { SERVICE_TABLE, type CdsService } from './index.ts';
import { app, fixture, post } from './testing.ts';

const echo: CdsService = {
  id: 'test-patient-greeting',
  hook: 'patient-view',
  title: 'Greeting',
  description: 'Names the patient the chart was opened for.',
  prefetch: { patient: 'Patient/{{context.patientId}}' },
  handle: async ({ service, request, gather, uuid }) => {
    const { resources, fromPrefetch } = await gather();
    return [
      {
        uuid: uuid(),
        summary: `${service.id}: ${request.context.patientId}, ${resources.length} resource(s) from ${fromPrefetch.join(',')}`,
        indicator: 'info',
        source: { label: 'test' },
      },
    ];
  },
};

describe('CDS service table', () => {
  const services = [...SERVICE_TABLE, echo];

  it('lists a new row in discovery with its own prefetch', async () => {
    const res = await app({ services }).request('/cds-services');
    const body = (await res.json()) as { services: { id: string; prefetch: Record<string, string> }[] };
    expect(body.services.map((s) => s.id)).toContain('test-patient-greeting');
    expect(body.services.find((s) => s.id === echo.id)?.prefetch).toEqual(echo.prefetch);
  });

  it('calls the new row’s handler with the request and what its prefetch gathered', async () => {
    const body = fixture('order-sign-request.json');
    body.hook = 'patient-view';
    const res = await post(app({ services }), `/cds-services/${echo.id}`, body);
    expect(res.status).toBe(200);
    const { cards } = (await res.json()) as { cards: { summary: string }[] };
    const patientId = (body.context as { patientId: string }).patientId;
    expect(cards.map((c) => c.summary)).toEqual([`${echo.id}: ${patientId}, 1 resource(s) from patient`]);
  });

  it('answers 404 for a service not in the table, and the default table does not hold the test row', async () => {
    const res = await post(app(), `/cds-services/${echo.id}`, fixture('order-sign-request.json'));
    expect(res.status).toBe(404);
  });
});
