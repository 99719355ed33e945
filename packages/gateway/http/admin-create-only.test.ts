/**
 * Issue 20 (IT try-out): "Add provider" with the id of an existing provider silently replaced it. A create
 * sent with `If-None-Match: *` (create only, RFC 9110) is refused with 409 when the id exists; without the
 * header PUT still replaces (the edit form).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startHarness, type Harness } from '../test-support/gateway-harness.ts';

describe('/admin/gateway create-only', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      config: () => ({ virtualModels: [{ name: 'clinical-copilot', targets: [{ provider: 'local' }] }] }),
    });
  });
  afterAll(() => h.close());
  const admin = (path: string, init: RequestInit = {}) =>
    h.fetch(`/admin/gateway${path}`, { ...init, key: ADMIN_KEY });
  const provider = (model: string) =>
    JSON.stringify({ kind: 'vllm', baseUrl: h.upstreams.local!.url, model, location: 'on-premises' });

  it('a new id is created; the same id again is refused with 409 and the provider is unchanged', async () => {
    const created = await admin('/providers/second', {
      method: 'PUT',
      headers: { 'If-None-Match': '*' },
      body: provider('first-model'),
    });
    expect(created.status).toBe(201);
    const again = await admin('/providers/second', {
      method: 'PUT',
      headers: { 'If-None-Match': '*' },
      body: provider('replacement-model'),
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('conflict');
    const stored = (await (await admin('/providers/second')).json()) as { model: string };
    expect(stored.model).toBe('first-model');
    const edited = await admin('/providers/second', { method: 'PUT', body: provider('edited-model') });
    expect(edited.status).toBe(200);
  });

  it('a virtual model likewise', async () => {
    const again = await admin('/virtual-models/clinical-copilot', {
      method: 'PUT',
      headers: { 'If-None-Match': '*' },
      body: JSON.stringify({ targets: [{ provider: 'local' }] }),
    });
    expect(again.status).toBe(409);
  });
});
