/**
 * Users never see internal references (issue 17 item 4): every string the hypertension-care and blood-pressure
 * engines export or return — for a spread of scenarios — cites guidelines by name, never "REFERENCE", never
 * "UNVERIFIED", never a bare section of the internal reference ("§7.1" without a guideline year before it,
 * "§10" worked cases). Triage has its own check (triage.test.ts).
 */
import {
  assessHomeSeries,
  checkTarget,
  classifyOfficeBp,
  classifyPhenotype,
  evaluateAlerts,
  GUIDELINES,
  summarizeAbpm,
  summarizeHbpm,
  targetFor,
  type BpReading,
} from '@qihuang/engines/blood-pressure';
import { describe, expect, it } from 'vitest';
import {
  adherence,
  AGENTS,
  avoidedClasses,
  CLASS_TEXT,
  followUpDays,
  GUIDELINE_EDITIONS,
  lifestyleGoals,
  monitoringPlan,
  preferredClasses,
  proposeTreatment,
  rankPanel,
  remindersFor,
  SPCS,
  type CurrentMedication,
  type TreatmentInput,
} from './index.ts';

/** Every string inside a value (objects, arrays), with its path. Functions are skipped. */
function strings(value: unknown, path = '$', out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) strings(v, `${path}.${k}`, out);
  return out;
}

// A "§" is allowed only right after a guideline year ("ACC/AHA 2017 §11.2"); anything else is internal.
const INTERNAL = [/REFERENCE/, /UNVERIFIED/i, /(?<!(19|20)\d\d )§\d/];

function leaks(label: string, value: unknown): string[] {
  return strings(value, label)
    .filter(([, s]) => INTERNAL.some((re) => re.test(s)))
    .map(([p, s]) => `${p}: ${s}`);
}

const med = (agent: string, cls: CurrentMedication['cls'], dailyDoseMg: number): CurrentMedication => ({
  agent,
  cls,
  dailyDoseMg,
});

function treatmentScenarios(): TreatmentInput[] {
  const conds: TreatmentInput['conditions'][] = [
    {},
    { diabetes: true },
    { ckd: true, albuminuria: true },
    { albuminuria: true },
    { pregnancy: true },
    { pregnancyPlanned: true },
    { pregnancyPossible: true },
    { heartFailureReducedEf: true },
    { coronaryArteryDisease: true, ascvd: true },
    { gout: true, asthma: true, avBlock: true, bradycardia: true },
    { angioedemaHistory: true, bilateralRenalArteryStenosis: true },
    { blackAncestry: true, atrialFibrillation: true, frail: true },
  ];
  const currents: CurrentMedication[][] = [
    [],
    [med('amlodipine', 'ccb-dhp', 5)],
    [med('losartan', 'arb', 50)],
    [med('lisinopril', 'acei', 20), med('amlodipine', 'ccb-dhp', 10)],
    [
      med('amlodipine', 'ccb-dhp', 10),
      med('losartan', 'arb', 100),
      med('hydrochlorothiazide', 'thiazide', 50),
    ],
    [
      med('amlodipine', 'ccb-dhp', 10),
      med('losartan', 'arb', 100),
      med('hydrochlorothiazide', 'thiazide', 50),
      med('spironolactone', 'mra', 25),
    ],
    [med('atenolol', 'beta-blocker', 100)],
  ];
  const bps = [
    { sbp: 118, dbp: 76 },
    { sbp: 134, dbp: 84 },
    { sbp: 148, dbp: 92 },
    { sbp: 168, dbp: 104 },
    { sbp: 186, dbp: 124 },
  ];
  const labs = [
    undefined,
    { potassium: 4.2, egfr: 60 },
    { potassium: 5.9, egfr: 25 },
    { potassium: 4.4, egfr: 8 },
  ];
  const out: TreatmentInput[] = [];
  for (const guideline of GUIDELINES)
    for (const conditions of conds)
      for (const current of currents)
        for (const bp of bps)
          for (const [i, l] of labs.entries()) {
            const input: TreatmentInput = {
              guideline,
              age: [45, 70, 82][i % 3]!,
              sex: 'female',
              bp,
              bpSource: i === 3 ? 'home' : 'office',
              conditions,
              current,
              lifestyleMonths: i,
              ...(l ? { labs: l } : {}),
            };
            if (i === 2) delete input.age;
            out.push(input);
          }
  return out;
}

function week(sbp: number, dbp: number): BpReading[] {
  const out: BpReading[] = [];
  for (let d = 1; d <= 7; d++)
    for (const [h, k] of [
      ['07', 0],
      ['07', 1],
      ['21', 2],
      ['21', 3],
    ] as const)
      out.push({ id: `d${d}-${k}`, time: `2026-01-0${d}T${h}:0${k}:00+08:00`, sbp, dbp });
  return out;
}

describe('no internal references in user-facing text', () => {
  it('treatment proposals over 13,440 scenarios', () => {
    const found = new Set<string>();
    for (const input of treatmentScenarios()) {
      for (const l of leaks('proposal', proposeTreatment(input))) found.add(l.replace(/\[\d+\]/g, '[]'));
      for (const l of leaks('avoided', avoidedClasses(input))) found.add(l);
      for (const l of leaks('preferred', preferredClasses(input))) found.add(l);
    }
    expect([...found]).toEqual([]);
  });
  it('exported tables, follow-up, monitoring, lifestyle, panel', () => {
    const values: [string, unknown][] = [
      ['AGENTS', AGENTS],
      ['SPCS', SPCS],
      ['CLASS_TEXT', CLASS_TEXT],
      ['GUIDELINE_EDITIONS', GUIDELINE_EDITIONS],
    ];
    for (const g of GUIDELINES) {
      values.push([`followUp ${g}`, [followUpDays(g, true), followUpDays(g, false)]]);
      for (const phase of ['diagnosis', 'titration', 'maintenance'] as const) {
        const plan = monitoringPlan(g, phase, '2026-01-01');
        values.push([`plan ${g} ${phase}`, plan]);
        values.push([`reminders ${g}`, remindersFor(plan, week(130, 80), '2026-01-05T08:00:00+08:00', 480)]);
        values.push([`adherence ${g}`, adherence(plan, week(130, 80), '2026-01-01', '2026-01-07', 480)]);
      }
      for (const sex of ['male', 'female'] as const)
        values.push([
          `lifestyle ${g}`,
          lifestyleGoals({
            guideline: g,
            bmi: 31,
            smoker: true,
            alcoholDrinksPerWeek: 20,
            saltGramsPerDay: 12,
            exerciseMinutesPerWeek: 30,
            sex,
          }),
        ]);
      values.push([`lifestyle hk ${g}`, lifestyleGoals({ guideline: g, hyperkalaemiaRisk: true })]);
    }
    values.push([
      'panel',
      rankPanel([
        {
          patientId: 'a',
          controlled: false,
          excessSbp: 12,
          openAlerts: 2,
          crisisAlerts: 1,
          adherenceFraction: 0.4,
          daysOverdue: 5,
          pendingDrafts: 1,
        },
        { patientId: 'b', openAlerts: 0, crisisAlerts: 0 },
      ]),
    ]);
    expect(values.flatMap(([k, v]) => leaks(k, v))).toEqual([]);
  });
  it('blood-pressure engine results', () => {
    const values: [string, unknown][] = [];
    const abpm: BpReading[] = [];
    for (let h = 0; h < 24; h++)
      for (const m of [0, 30])
        abpm.push({
          id: `a${h}-${m}`,
          time: `2026-01-02T${String(h).padStart(2, '0')}:${m === 0 ? '00' : '30'}:00+08:00`,
          sbp: h < 6 ? 120 : 140,
          dbp: h < 6 ? 70 : 88,
        });
    for (const g of GUIDELINES) {
      for (const bp of [
        { sbp: 118, dbp: 76 },
        { sbp: 138, dbp: 92 },
        { sbp: 186, dbp: 124 },
      ])
        values.push([`classify ${g}`, classifyOfficeBp(bp, g)]);
      for (const setting of ['office', 'home', 'day', 'night', '24h'] as const)
        for (const pop of [
          { age: 50 },
          { age: 70, diabetes: true },
          { age: 85 },
          {},
          { age: 60, proteinuria: true },
        ]) {
          values.push([`target ${g} ${setting}`, targetFor(g, pop, setting)]);
          values.push([`check ${g} ${setting}`, checkTarget({ sbp: 138, dbp: 88 }, g, pop, setting)]);
        }
      values.push([`hbpm ${g}`, summarizeHbpm(week(142, 91), { guideline: g, utcOffsetMinutes: 480 })]);
      values.push([`abpm ${g}`, summarizeAbpm(abpm, { guideline: g, utcOffsetMinutes: 480 })]);
      values.push([
        `phenotype ${g}`,
        classifyPhenotype({
          guideline: g,
          office: { sbp: 146, dbp: 92 },
          home: { sbp: 128, dbp: 79 },
          treated: false,
        }),
      ]);
      const readings = [...week(150, 95), { id: 'x', time: '2026-01-07T21:30:00+08:00', sbp: 192, dbp: 118 }];
      values.push([
        `alerts ${g}`,
        evaluateAlerts({
          readings,
          now: '2026-01-07T22:00:00+08:00',
          guideline: g,
          target: { sbp: 135, dbp: 85 },
        }),
      ]);
      values.push([
        `assess ${g}`,
        assessHomeSeries({
          readings,
          guideline: g,
          now: '2026-01-07T22:00:00+08:00',
          utcOffsetMinutes: 480,
          office: { sbp: 150, dbp: 95 },
          population: { age: 60 },
        }),
      ]);
    }
    expect(values.flatMap(([k, v]) => leaks(k, v))).toEqual([]);
  });
});
