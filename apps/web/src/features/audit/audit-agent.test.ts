/** Issue 20: the audit page names the person and role; the user name and id stay available (tooltip). */
import { describe, expect, it } from 'vitest';
import { agentView } from './audit-agent.tsx';

const QH = 'https://qihuang.dev';
describe('agentView', () => {
  it('a user: display name, role, user name and id', () => {
    expect(
      agentView({
        name: '李医生',
        altId: 'dr.li',
        requestor: true,
        role: [{ coding: [{ system: `${QH}/CodeSystem/role`, code: 'clinician' }] }],
        who: { identifier: { system: `${QH}/principal/user`, value: 'u-123' }, display: 'dr.li' },
      }),
    ).toEqual({ name: '李医生', username: 'dr.li', id: 'u-123', system: false, role: 'clinician' });
  });

  it('no display name: the user name; the system is recognised', () => {
    expect(
      agentView({
        requestor: true,
        who: { identifier: { system: `${QH}/principal/user`, value: 'u-9' }, display: 'aud' },
      }).name,
    ).toBe('aud');
    expect(
      agentView({
        requestor: true,
        who: { identifier: { system: `${QH}/principal/system`, value: 'system' }, display: 'system' },
      }).system,
    ).toBe(true);
  });
});
