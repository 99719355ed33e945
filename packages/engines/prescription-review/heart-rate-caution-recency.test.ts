/**
 * Issue 18/20, a non-author try of `qihuang rx review`:
 * 1. verapamil/diltiazem/β-blocker at heart rate 50–59 is a caution: severity warning, type 'caution' (heading 慎用 /
 *    "Use with caution"), never filed under 禁忌 (contraindication) at info.
 * 2. the <50 threshold on verapamil cites the UK verapamil SmPC section 4.3; diltiazem's threshold (not confirmed by a
 *    source here) stays a parameter and cites the guideline table that lists marked bradycardia.
 * 3. a heart rate older than the vital-sign window (docs/decisions/0028, 90 days) gives an info-level "last heart
 *    rate … on <date> — recheck", not the critical finding; dates are shown as dates, never raw ISO.
 */
import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase, DILTIAZEM_MARKED_BRADYCARDIA_HR } from '@qihuang/drug-knowledge';
import { reviewPrescriptions, VITAL_WINDOW_DAYS, type PatientContext } from './index.ts';

const kb = createDrugKnowledgeBase();
const patient = (p: Partial<PatientContext> = {}): PatientContext => ({
  ageYears: 66,
  sex: 'male',
  conditions: [],
  allergies: [],
  medications: [],
  labs: {},
  ...p,
});
const hrFindings = (p: PatientContext, text: string, options = {}) =>
  reviewPrescriptions(
    { patient: p, drafts: [{ id: 'MedicationRequest/new', text }] },
    kb,
    options,
  ).findings.filter((x) => x.evidence.facts.some((f) => f.startsWith('heart-rate:')));
const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}/;

describe('heart rate 50–59: a caution, not a contraindication', () => {
  for (const text of ['verapamil SR 240 mg qd', 'diltiazem 90 mg bid', 'metoprolol tartrate 25 mg bid'])
    it(`${text} at HR 55: type caution, severity warning, 慎用 / use with caution`, () => {
      const f = hrFindings(
        patient({ heartRate: { value: 55, at: '2026-12-01' }, asOf: '2026-12-08T02:00:00Z' }),
        text,
      );
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ type: 'caution', severity: 'warning' });
      expect(f[0]!.summary.zh).toMatch(/^慎用/);
      expect(f[0]!.summary.en).toMatch(/^Caution: use .+ with care at heart rate 55\/min/);
      expect(JSON.stringify([f[0]!.summary, f[0]!.detail])).not.toMatch(/禁忌|禁用|contraindicated/i);
      expect(f[0]!.summary.zh).toContain('心率 55 次/分（2026-12-01）');
    });
});

describe('sources of the <50 threshold', () => {
  it('verapamil cites the UK verapamil SmPC section 4.3; diltiazem the guideline table, its number a parameter', () => {
    const v = hrFindings(patient({ heartRate: { value: 46 } }), 'verapamil SR 240 mg qd');
    expect(v).toEqual([
      expect.objectContaining({ ruleId: 'ndhp-hr-50', severity: 'critical', type: 'contraindication' }),
    ]);
    expect(v[0]!.source.id).toBe('label-verapamil-uk-4.3');
    const d = hrFindings(patient({ heartRate: { value: 46 } }), 'diltiazem 90 mg bid');
    expect(d).toEqual([expect.objectContaining({ ruleId: 'ndhp-hr-50-diltiazem', severity: 'critical' })]);
    expect(d[0]!.source.id).toBe('ref-5.2');
    expect(DILTIAZEM_MARKED_BRADYCARDIA_HR).toBe(50);
  });
});

describe('an old heart rate is not a current one (decision 0028: 90 days)', () => {
  const old = { value: 46, at: '2019-03-02T08:30:00+08:00' };
  it('verapamil with HR 46 from 2019: info "last heart rate … on 2019-03-02 — recheck", not critical', () => {
    expect(VITAL_WINDOW_DAYS).toBe(90);
    const f = hrFindings(patient({ heartRate: old, asOf: '2026-12-08T02:00:00Z' }), 'verapamil SR 240 mg qd');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'info', type: 'caution', ruleId: 'ndhp-hr-50-old-reading' });
    expect(f[0]!.summary.en).toMatch(/last heart rate 46\/min on 2019-03-02 — recheck/);
    expect(f[0]!.summary.zh).toMatch(/最近一次心率 46 次\/分（2019-03-02）.*请复测/);
    expect(JSON.stringify(f[0])).not.toMatch(ISO_TIME);
  });

  it('a reading inside the window still gives the critical finding, with its date, not raw ISO', () => {
    const f = hrFindings(
      patient({ heartRate: { value: 46, at: '2026-11-20T08:30:00+08:00' }, asOf: '2026-12-08T02:00:00Z' }),
      'verapamil SR 240 mg qd',
    );
    expect(f).toEqual([expect.objectContaining({ ruleId: 'ndhp-hr-50', severity: 'critical' })]);
    expect(f[0]!.summary.zh).toContain('2026-11-20');
    expect(f[0]!.detail.en).toContain('2026-11-20');
    expect(JSON.stringify([f[0]!.summary, f[0]!.detail])).not.toMatch(ISO_TIME);
  });

  it('the local date is the hospital zone’s when given (23:30 UTC is the next day in Shanghai)', () => {
    const f = hrFindings(
      patient({ heartRate: { value: 46, at: '2026-11-20T23:30:00Z' }, asOf: '2026-12-08T02:00:00Z' }),
      'verapamil SR 240 mg qd',
      { timeZone: 'Asia/Shanghai' },
    );
    expect(f[0]!.summary.en).toContain('2026-11-21');
  });

  it('the window is a setting; an old normal reading gives nothing; an old reading leaves a coded bradycardia', () => {
    const p = patient({ heartRate: { value: 46, at: '2026-10-01' }, asOf: '2026-12-08T02:00:00Z' });
    expect(hrFindings(p, 'verapamil SR 240 mg qd')).toEqual([
      expect.objectContaining({ severity: 'critical' }),
    ]);
    expect(hrFindings(p, 'verapamil SR 240 mg qd', { vitalWindowDays: 30 })).toEqual([
      expect.objectContaining({ severity: 'info', ruleId: 'ndhp-hr-50-old-reading' }),
    ]);
    expect(
      hrFindings(
        patient({ heartRate: { value: 72, at: '2019-03-02' }, asOf: '2026-12-08' }),
        'verapamil SR 240 mg qd',
      ),
    ).toEqual([]);
    const brady = { codes: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'R00.1' }] };
    const all = reviewPrescriptions(
      {
        patient: patient({ heartRate: old, asOf: '2026-12-08T02:00:00Z', conditions: [brady] }),
        drafts: [{ id: 'MedicationRequest/new', text: 'verapamil SR 240 mg qd' }],
      },
      kb,
    ).findings.map((f) => [f.ruleId, f.severity]);
    expect(all).toEqual(expect.arrayContaining([['ndhp-brady', 'critical']]));
  });
});
