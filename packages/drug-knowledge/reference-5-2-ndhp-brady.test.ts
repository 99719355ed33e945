/**
 * Issue 18/20: REFERENCE §5.2, row "Non-DHP CCB (verapamil, diltiazem)", absolute (compelling) contraindications:
 * "… marked bradycardia" (no number in the row; exact wording UNVERIFIED per the section's note). The UK verapamil
 * SmPC §4.3 (MHRA, Accord-UK 2019) gives the number: "marked bradycardia (less than 50 beats/minute)". The heart-rate
 * rule is the β-blocker one (commit c4284d2): below 50 contraindicated, 50–59 a caution.
 */
import { describe, expect, it } from 'vitest';
import { DRUG_CLASSES, SOURCES } from './index.ts';

describe('REFERENCE §5.2: marked bradycardia is a non-DHP CCB contraindication', () => {
  const ndhp = DRUG_CLASSES['ccb-non-dhp'];

  it('a coded bradycardia is a contraindication, not a caution', () => {
    const f = ndhp.contraindications!.find((x) => x.id === 'ndhp-brady')!;
    expect(f).toMatchObject({ severity: 'contraindicated', source: 'ref-5.2' });
    expect(f.condition.id).toBe('bradycardia');
  });

  it('heart rate: below 50 contraindicated; 50–59 a caution (the β-blocker rule)', () => {
    expect(ndhp.vitals).toEqual([
      expect.objectContaining({
        id: 'ndhp-hr-50',
        vital: 'heartRate',
        below: 50,
        severity: 'contraindicated',
        source: 'ref-5.2',
      }),
      expect.objectContaining({
        id: 'ndhp-hr-60',
        vital: 'heartRate',
        below: 60,
        severity: 'caution',
        source: 'ref-5.2',
      }),
    ]);
    for (const v of ndhp.vitals!) {
      expect(SOURCES[v.source]).toBeDefined();
      expect(v.condition.id).toBe('bradycardia');
      expect(JSON.stringify(v.text)).not.toMatch(/REFERENCE|§|UNVERIFIED|β/);
    }
  });

  it('the thresholds are the β-blocker rule’s', () => {
    const bb = DRUG_CLASSES['beta-blocker'].vitals!.map((v) => [v.below, v.severity]);
    expect(ndhp.vitals!.map((v) => [v.below, v.severity])).toEqual(bb);
  });
});
