/**
 * Issue 20: one target population for every screen. The care plan, the patient's home, the BP assessment, the
 * treatment proposal and the alerts raised on write build it with the one builder (bp-monitoring
 * targetPopulation), so the same patient gets the same target everywhere. China 2018 targets (REFERENCE §7.3):
 * 脑卒中后 <140/90 (home equivalent 135/85, §2.2); CKD with proteinuria <130/80 (home 130/80, §2.1 Table 11),
 * albuminuria read from a UACR ≥30 mg/g (§3.4) with no coded CKD; decision 0005 items 3 and 9.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { raiseAlerts } from '@qihuang/bp-monitoring';
import { DATABASE_KINDS } from '@qihuang/test-kit';
import { officeBp } from './care-test-support.ts';
import { createTestApp, type TestApp } from '../../test-support.ts';

const NOW = new Date('2026-03-10T04:00:00Z');
const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };

/** A home reading (no Encounter): REFERENCE §8.1 BP panel. */
function homeBp(id: string, patientId: string, sbp: number, dbp: number, time: string) {
  const bp = officeBp(id, patientId, sbp, dbp, time) as Record<string, unknown>;
  delete bp.encounter;
  return bp;
}

const condition = (id: string, patientId: string, code: string, display: string) => ({
  resourceType: 'Condition',
  id,
  clinicalStatus: {
    coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
  },
  code: { coding: [{ system: 'http://snomed.info/sct', code, display }] },
  subject: { reference: `Patient/${patientId}` },
});

type Bp = { sbp: number; dbp?: number };
const pair = (t: Bp | undefined) => (t ? [t.sbp, t.dbp] : undefined);

describe.each(DATABASE_KINDS)('one target population for every screen on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, {}, () => NOW);
    // st-1: 76 years old, stroke on the problem list (SNOMED 230690007), office 150/88, home 138/84 for 8 days.
    // ua-1: 70 years old, UACR 45 mg/g (LOINC 9318-7) and no coded CKD, office 150/88.
    for (const [id, gender, birthDate] of [
      ['st-1', 'female', '1949-06-01'],
      ['ua-1', 'male', '1955-06-01'],
    ] as const) {
      await t.repository.update(system, 'Patient', id, { resourceType: 'Patient', id, gender, birthDate });
      await t.repository.update(
        system,
        'Observation',
        `${id}-office`,
        officeBp(`${id}-office`, id, 150, 88, '2026-03-09T02:00:00Z'),
      );
    }
    await t.repository.update(
      system,
      'Condition',
      'st-1-stroke',
      condition('st-1-stroke', 'st-1', '230690007', 'Cerebrovascular accident'),
    );
    for (let day = 2; day <= 9; day++)
      for (const hour of ['07', '19']) {
        const id = `st-1-home-${day}-${hour}`;
        const time = `2026-03-0${day}T${hour}:00:00+08:00`;
        await t.repository.update(system, 'Observation', id, homeBp(id, 'st-1', 138, 84, time));
      }
    await t.repository.update(system, 'Observation', 'ua-1-uacr', {
      resourceType: 'Observation',
      id: 'ua-1-uacr',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '9318-7' }] },
      subject: { reference: 'Patient/ua-1' },
      effectiveDateTime: '2026-03-01T09:00:00+08:00',
      valueQuantity: { value: 45, unit: 'mg/g', system: 'http://unitsofmeasure.org', code: 'mg/g' },
    });
  }, 300_000);
  afterAll(async () => t?.closeAll());

  const screens = async (patientId: string) => {
    const home = (await (
      await t.request(`/api/care/patients/${patientId}/home?guideline=china-2018`)
    ).json()) as { progress: { target?: Bp; officeTarget?: Bp } };
    const assessment = (await (
      await t.request(`/api/bp/patients/${patientId}/assessment?guideline=china-2018`)
    ).json()) as { population: Record<string, unknown>; home: { target: { target: Bp } } };
    const proposal = await t.request(`/api/care/patients/${patientId}/proposal`, {
      method: 'POST',
      json: { guideline: 'china-2018', language: 'zh' },
    });
    expect(proposal.status).toBe(201);
    const p = (await proposal.json()) as {
      proposal: { target: Bp; inputs: Record<string, unknown> };
      targetSetting: string;
    };
    const plan = await t.request(`/api/care/patients/${patientId}/care-plan`, {
      method: 'PUT',
      json: { guideline: 'china-2018' },
    });
    expect(plan.status).toBe(200);
    const carePlan = (await plan.json()) as { target: Bp & { rule: string }; homeTarget: Bp };
    return { home, assessment, proposal: p, carePlan };
  };

  it('76 with a stroke: <140/90 (home 135/85) on the care plan, the home, the assessment and the proposal', async () => {
    const s = await screens('st-1');
    expect(s.assessment.population).toMatchObject({ age: 76, stroke: true, coronary: false });
    expect(pair(s.carePlan.target)).toEqual([140, 90]);
    expect(s.carePlan.target.rule).toBe('after stroke: <140/90');
    expect(pair(s.carePlan.homeTarget)).toEqual([135, 85]);
    expect(pair(s.home.progress.target)).toEqual([135, 85]);
    expect(pair(s.assessment.home.target.target)).toEqual([135, 85]);
    // The proposal decided on the sufficient home series: its target is the home one.
    expect(s.proposal.targetSetting).toBe('home');
    expect(pair(s.proposal.proposal.target)).toEqual([135, 85]);
  });

  it('the alerts raised on write judge the home mean 138/84 against the same 135/85', async () => {
    expect(await raiseAlerts(t.repository, 'st-1', { now: NOW.toISOString() })).toBeGreaterThan(0);
    const bundle = (await (await t.request('/fhir/R4/Flag?patient=st-1')).json()) as {
      entry?: { resource: { code?: { coding?: { code?: string }[]; text?: string } } }[];
    };
    const sustained = (bundle.entry ?? []).filter(
      (e) => e.resource.code?.coding?.[0]?.code === 'sustained-above-target',
    );
    expect(sustained).toHaveLength(1);
    expect(sustained[0]!.resource.code?.text).toContain('135/85');
  });

  it('70 with UACR 45 mg/g: the CKD-with-proteinuria <130/80 on every screen', async () => {
    const s = await screens('ua-1');
    expect(s.assessment.population).toMatchObject({ age: 70, proteinuria: true });
    expect(pair(s.carePlan.target)).toEqual([130, 80]);
    expect(pair(s.home.progress.target)).toEqual([130, 80]);
    // No home readings: the assessment has no home comparison, its population is the one above.
    expect(s.proposal.targetSetting).toBe('office');
    expect(pair(s.proposal.proposal.target)).toEqual([130, 80]);
  });
});
