import { describe, expect, it, vi } from 'vitest';

const planned: string[] = [];
vi.mock('@qihuang/care', () => ({
  upsertCarePlan: vi.fn(async (_deps: unknown, _ctx: unknown, id: string) => {
    planned.push(id);
  }),
  carePanel: vi.fn(async () => ({ entries: [{ patientId: 'alive' }] })),
}));

const { seedCareDemo } = await import('./demo-care.ts');

describe('seedCareDemo', () => {
  it('makes no care plan for a deceased demo patient and still creates the demo accounts (issue 17 item 4)', async () => {
    const users: string[] = [];
    const repository = {
      db: {},
      searchAll: async () => [
        { resourceType: 'Patient', id: 'alive' },
        { resourceType: 'Patient', id: 'died-1981', deceasedDateTime: '1981-03-14T08:59:56+00:00' },
        { resourceType: 'Patient', id: 'died', deceasedBoolean: true },
      ],
    };
    const identity = {
      createUser: async (_db: unknown, u: { username: string }) => void users.push(u.username),
    };
    const accounts = await seedCareDemo({
      repository: repository as never,
      identity: identity as never,
      care: {} as never,
    });
    expect(planned).toEqual(['alive']);
    expect(accounts?.carePlans).toBe(1);
    expect(accounts?.patient.patientId).toBe('alive');
    expect(users).toEqual(['doctor', 'pharmacist', 'patient']);
    // The pharmacist reviews the demo orders in 前置审方 (issue 20).
    expect(accounts?.pharmacist.username).toBe('pharmacist');
    expect(accounts?.pharmacist.password).toMatch(/^[\w-]{16}$/);
  });
});
