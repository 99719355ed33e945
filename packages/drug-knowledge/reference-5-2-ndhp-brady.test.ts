/**
 * Issue 18/20: REFERENCE §5.2, row "Non-DHP CCB (verapamil, diltiazem)", absolute (compelling) contraindications:
 * "… marked bradycardia" (no number in the row; exact wording UNVERIFIED per the section's note). The UK verapamil
 * SmPC §4.3 (MHRA, Accord-UK 2019) gives the number: "marked bradycardia (less than 50 beats/minute)". The heart-rate
 * rule is the β-blocker one (commit c4284d2): below 50 contraindicated, 50–59 a caution. Issue 18/20 (second try):
 * the 50 for verapamil cites that label (the source users see); diltiazem's 50 is not confirmed by a source here and is
 * a parameter (DILTIAZEM_MARKED_BRADYCARDIA_HR) awaiting clinical sign-off.
 */
import { describe, expect, it } from 'vitest';
import { DILTIAZEM_MARKED_BRADYCARDIA_HR, DRUG_CLASSES, SOURCES, sourceName } from './index.ts';

describe('REFERENCE §5.2: marked bradycardia is a non-DHP CCB contraindication', () => {
  const ndhp = DRUG_CLASSES['ccb-non-dhp'];

  it('a coded bradycardia is a contraindication, not a caution', () => {
    const f = ndhp.contraindications!.find((x) => x.id === 'ndhp-brady')!;
    expect(f).toMatchObject({ severity: 'contraindicated', source: 'ref-5.2' });
    expect(f.condition.id).toBe('bradycardia');
  });

  it('heart rate: below 50 contraindicated (verapamil: its UK SmPC section 4.3; diltiazem: a parameter); 50–59 a caution', () => {
    expect(ndhp.vitals).toEqual([
      expect.objectContaining({
        id: 'ndhp-hr-50',
        vital: 'heartRate',
        below: 50,
        drugs: ['verapamil'],
        severity: 'contraindicated',
        source: 'label-verapamil-uk-4.3',
      }),
      expect.objectContaining({
        id: 'ndhp-hr-50-diltiazem',
        vital: 'heartRate',
        below: DILTIAZEM_MARKED_BRADYCARDIA_HR,
        drugs: ['diltiazem'],
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

  it('the source users see for verapamil’s number is the label and its section, with the number', () => {
    expect(SOURCES['label-verapamil-uk-4.3']!.citation).toMatch(
      /4\.3 Contraindications: marked bradycardia \(less than 50 beats\/minute\)/,
    );
    for (const lang of ['en', 'zh'] as const) {
      const name = sourceName('label-verapamil-uk-4.3', lang);
      expect(name).toMatch(/SmPC/);
      expect(name).toMatch(/4\.3/);
      expect(name).toMatch(/50/);
      expect(name).not.toMatch(/REFERENCE|§|UNVERIFIED/);
    }
  });

  it('the thresholds are the β-blocker rule’s; the caution band (50–59) is a caution, not a contraindication', () => {
    const bb = DRUG_CLASSES['beta-blocker'].vitals!.map((v) => [v.below, v.severity]);
    const byDrug = (id: string) => ndhp.vitals!.filter((v) => !v.drugs || v.drugs.includes(id));
    for (const id of ['verapamil', 'diltiazem'])
      expect(byDrug(id).map((v) => [v.below, v.severity])).toEqual(bb);
    const caution = [...ndhp.vitals!, ...DRUG_CLASSES['beta-blocker'].vitals!].filter((v) => v.below === 60);
    for (const v of caution) expect(JSON.stringify(v.text)).not.toMatch(/禁忌|禁用|contraindicated/);
  });
});
