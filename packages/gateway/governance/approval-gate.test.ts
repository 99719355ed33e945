import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handleChatCompletion } from '../handlers/chat-completions.ts';
import { startHarness, type Harness } from '../test-support/gateway-harness.ts';
import type { ApprovalTarget } from '../runtime/gateway-runtime.ts';

describe('dossier gate (governance.requireApprovedDossier)', () => {
  let h: Harness;
  let clock = 1_700_000_000_000;
  /** `${model}|${scenario}` pairs with an approved dossier. */
  const approved = new Set<string>();
  const asked: { target: ApprovalTarget; scenario: string }[] = [];
  let failing = false;

  beforeAll(async () => {
    h = await startHarness({
      upstreams: { local: { location: 'on-premises' }, cloud: { location: 'cloud' } },
      config: () => ({
        governance: { requireApprovedDossier: true },
        virtualModels: [
          { name: 'clinical-copilot', targets: [{ provider: 'local' }] },
          { name: 'record-writer', targets: [{ provider: 'cloud' }, { provider: 'local' }] },
          { name: 'triage-demo', targets: [{ provider: 'local' }], requireApprovedDossier: false },
        ],
      }),
      runtime: {
        now: () => clock,
        approvalTtlMs: 10_000,
        approval: (target, scenario) => {
          asked.push({ target, scenario });
          if (failing) throw new Error('database down');
          return approved.has(`${target.model}|${scenario}`);
        },
      },
    });
  });
  afterAll(() => h.close());
  afterEach(() => {
    Object.values(h.upstreams).forEach((u) => u.reset());
    approved.clear();
    asked.length = 0;
    failing = false;
    h.runtime.invalidateApprovals();
  });

  const chat = (model: string) =>
    h.fetch('/v1/chat/completions', {
      method: 'POST',
      body: JSON.stringify({ model, messages: [{ role: 'user', content: '血压 150/95 怎么办？' }] }),
    });

  it('routes a scenario to a model whose dossier is approved for it', async () => {
    approved.add('local-model|clinical-copilot');
    h.upstreams.local!.enqueue({ content: '建议复测血压。' });
    const response = await chat('clinical-copilot');
    expect(response.status).toBe(200);
    expect(
      ((await response.json()) as { choices: { message: { content: string } }[] }).choices[0]!.message,
    ).toMatchObject({ content: '建议复测血压。' });
    expect(asked).toEqual([
      {
        target: { provider: 'local', model: 'local-model', location: 'on-premises' },
        scenario: 'clinical-copilot',
      },
    ]);
  });

  it('refuses with 403 model_not_approved (OpenAI shape) when no approved dossier covers the scenario', async () => {
    approved.add('local-model|record-writer'); // another scenario: does not count
    const response = await chat('clinical-copilot');
    expect(response.status).toBe(403);
    const body = (await response.json()) as {
      error: { message: string; type: string; code: string; param: string };
    };
    expect(body.error).toMatchObject({
      type: 'permission_error',
      code: 'model_not_approved',
      param: 'model',
    });
    expect(body.error.message).toContain('`local-model`');
    expect(body.error.message).toContain('scenario `clinical-copilot`');
    expect(body.error.message).toContain('/eval/dossiers');
    expect(h.upstreams.local!.modelRequests()).toHaveLength(0);
    await h.runtime.flush();
    expect(h.usage.records.at(-1)).toMatchObject({ outcome: 'refused', errorCode: 'model_not_approved' });
    expect(h.audit.events.at(-1)).toMatchObject({ outcome: 'refused', scenario: 'clinical-copilot' });
  });

  it('refuses once the approval is revoked (cached answers forgotten on invalidation or after the TTL)', async () => {
    approved.add('local-model|clinical-copilot');
    expect((await chat('clinical-copilot')).status).toBe(200);
    approved.delete('local-model|clinical-copilot'); // revoked
    // Still cached (within the TTL, no invalidation): one lookup so far.
    expect((await chat('clinical-copilot')).status).toBe(200);
    expect(asked).toHaveLength(1);
    h.runtime.invalidateApprovals();
    expect((await chat('clinical-copilot')).status).toBe(403);

    approved.add('local-model|clinical-copilot');
    h.runtime.invalidateApprovals();
    expect((await chat('clinical-copilot')).status).toBe(200);
    approved.delete('local-model|clinical-copilot');
    clock += 10_001; // TTL over: asked again without an invalidation
    expect((await chat('clinical-copilot')).status).toBe(403);
  });

  it('skips unapproved targets of a virtual model and fails over only to approved ones', async () => {
    approved.add('local-model|record-writer');
    h.upstreams.local!.enqueue({ content: '病历已生成。' });
    const response = await chat('record-writer');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-qihuang-target')).toBe('local');
    expect(h.upstreams.cloud!.modelRequests()).toHaveLength(0);
  });

  it('routes without asking when the setting is off (per virtual model here, or gateway-wide)', async () => {
    expect((await chat('triage-demo')).status).toBe(200);
    expect(asked).toHaveLength(0);
    const config = h.runtime.config;
    await h.runtime.setConfig({ ...config, governance: { requireApprovedDossier: false } });
    try {
      expect((await chat('clinical-copilot')).status).toBe(200);
      expect(asked).toHaveLength(0);
    } finally {
      await h.runtime.setConfig(config);
    }
  });

  it('lets evaluation runs reach unapproved models (they gather the dossier evidence)', async () => {
    const result = await handleChatCompletion(h.runtime, {
      principal: { id: 'eval-run:run-1', kind: 'service', role: 'service', evaluation: true },
      body: { model: 'clinical-copilot', messages: [{ role: 'user', content: 'x' }] },
      requestId: 'r-1',
      known: {},
    });
    expect(result.status).toBe(200);
    expect(asked).toHaveLength(0);
  });

  it('fails closed (503) when approvals cannot be checked, and does not cache the failure', async () => {
    failing = true;
    const response = await chat('clinical-copilot');
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('approval_check_failed');
    failing = false;
    approved.add('local-model|clinical-copilot');
    expect((await chat('clinical-copilot')).status).toBe(200);
  });
});
