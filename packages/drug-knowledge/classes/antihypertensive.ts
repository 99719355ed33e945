import { CONDITIONS } from '../conditions.ts';
import type { DrugClass, DrugClassId, DuplicationGroup } from '../types.ts';

/**
 * Thiazide (C03AA) and thiazide-like (C03BA) diuretics act on the same transporter: two at once is a
 * therapeutic duplication (医疗机构处方审核规范 2018, 适宜性审核: 重复给药; docs/decisions/0015).
 */
const THIAZIDE_TYPE: DuplicationGroup = {
  id: 'thiazide-type',
  names: { en: 'thiazide or thiazide-like diuretic', zh: '噻嗪类/噻嗪样利尿剂' },
  source: 'cn-prescription-review-2018',
};

/**
 * Diltiazem's "marked bradycardia" heart rate, beats/min. NOT confirmed by a source here: REFERENCE §5.2 names marked
 * bradycardia for the non-DHP class without a number; 50 is verapamil's (UK verapamil SmPC §4.3). Needs clinical
 * sign-off against a diltiazem label before it is treated as sourced; kept a parameter so it can change alone.
 */
export const DILTIAZEM_MARKED_BRADYCARDIA_HR = 50;

/** Other antihypertensive classes (REFERENCE §5.1 ATC groups, §5.2 contraindications, §5.3 potassium). */
export const ANTIHYPERTENSIVE_CLASSES = {
  'ccb-dhp': {
    id: 'ccb-dhp',
    names: { en: 'dihydropyridine calcium channel blocker', zh: '二氢吡啶类钙通道阻滞剂' },
    atcPrefixes: ['C08CA'],
    antihypertensive: true,
    duplicationIsProblem: true,
    source: 'ref-5.1',
  },
  'ccb-non-dhp': {
    id: 'ccb-non-dhp',
    names: { en: 'non-dihydropyridine calcium channel blocker', zh: '非二氢吡啶类钙通道阻滞剂' },
    atcPrefixes: ['C08DA', 'C08DB'],
    antihypertensive: true,
    duplicationIsProblem: true,
    contraindications: [
      {
        id: 'ndhp-avblock',
        condition: CONDITIONS.avBlockHighGrade,
        severity: 'contraindicated',
        text: {
          en: '2nd/3rd-degree AV block or sick sinus syndrome without pacemaker',
          zh: '二/三度房室传导阻滞或病窦综合征（无起搏器）',
        },
        source: 'ref-5.2',
      },
      {
        id: 'ndhp-hfref',
        condition: CONDITIONS.hfref,
        severity: 'contraindicated',
        text: { en: 'HFrEF (LVEF <40%)', zh: '射血分数降低的心衰（LVEF<40%）' },
        source: 'ref-5.2',
      },
      // REFERENCE §5.2 non-DHP CCB, absolute (compelling) contraindications: "marked bradycardia"
      {
        id: 'ndhp-brady',
        condition: CONDITIONS.bradycardia,
        severity: 'contraindicated',
        text: { en: 'Marked bradycardia (HR <50)', zh: '明显心动过缓（心率<50次/分）' },
        source: 'ref-5.2',
      },
    ],
    vitals: [
      // REFERENCE §5.2: "marked bradycardia" is a contraindication; the row gives no number. Verapamil's own label does:
      // UK verapamil SmPC §4.3 Contraindications, "marked bradycardia (less than 50 beats/minute)" — the source shown.
      {
        id: 'ndhp-hr-50',
        vital: 'heartRate',
        below: 50,
        drugs: ['verapamil'],
        severity: 'contraindicated',
        condition: CONDITIONS.bradycardia,
        text: {
          en: 'Marked bradycardia: heart rate below 50/min — verapamil contraindicated',
          zh: '明显心动过缓：心率<50次/分，禁用维拉帕米',
        },
        source: 'label-verapamil-uk-4.3',
      },
      // Diltiazem: REFERENCE §5.2 lists "marked bradycardia" for the class, but no source here gives diltiazem's number;
      // DILTIAZEM_MARKED_BRADYCARDIA_HR (verapamil's 50) is a parameter awaiting clinical sign-off (README).
      {
        id: 'ndhp-hr-50-diltiazem',
        vital: 'heartRate',
        below: DILTIAZEM_MARKED_BRADYCARDIA_HR,
        drugs: ['diltiazem'],
        severity: 'contraindicated',
        condition: CONDITIONS.bradycardia,
        text: {
          en: `Marked bradycardia: heart rate below ${DILTIAZEM_MARKED_BRADYCARDIA_HR}/min — diltiazem contraindicated`,
          zh: `明显心动过缓：心率<${DILTIAZEM_MARKED_BRADYCARDIA_HR}次/分，禁用地尔硫䓬`,
        },
        source: 'ref-5.2',
      },
      // REFERENCE §5.2 (β-blocker row, "HR <50–60": 50–59/min a caution): bradycardia short of marked; verapamil and
      // diltiazem slow the rate further. A caution (use with care), not a contraindication.
      {
        id: 'ndhp-hr-60',
        vital: 'heartRate',
        below: 60,
        severity: 'caution',
        condition: CONDITIONS.bradycardia,
        text: {
          en: 'Heart rate 50–59/min: bradycardia, close to the marked bradycardia (<50/min) in which verapamil and diltiazem must not be used; check the indication and rhythm and recheck the heart rate',
          zh: '心率50–59次/分：心动过缓，接近不得使用维拉帕米、地尔硫䓬的明显心动过缓（<50次/分），请核实用药指征和心律并复测心率',
        },
        source: 'ref-5.2',
      },
    ],
    source: 'ref-5.1',
  },
  thiazide: {
    id: 'thiazide',
    names: { en: 'thiazide diuretic', zh: '噻嗪类利尿剂' },
    atcPrefixes: ['C03AA'],
    antihypertensive: true,
    duplicationIsProblem: true,
    duplicationGroup: THIAZIDE_TYPE,
    contraindications: [
      {
        id: 'thiazide-gout',
        condition: CONDITIONS.gout,
        severity: 'contraindicated',
        text: {
          en: 'Gout: thiazides raise uric acid (China 2018: contraindicated)',
          zh: '痛风：噻嗪类升高尿酸（中国指南2018列为禁忌）',
        },
        source: 'ref-5.2',
      },
    ],
    source: 'ref-5.1',
  },
  'thiazide-like': {
    id: 'thiazide-like',
    names: { en: 'thiazide-like diuretic', zh: '噻嗪样利尿剂' },
    atcPrefixes: ['C03BA'],
    antihypertensive: true,
    duplicationIsProblem: true,
    duplicationGroup: THIAZIDE_TYPE,
    contraindications: [
      {
        id: 'thiazide-gout',
        condition: CONDITIONS.gout,
        severity: 'contraindicated',
        text: {
          en: 'Gout: thiazide-like diuretics raise uric acid (China 2018: contraindicated)',
          zh: '痛风：噻嗪样利尿剂升高尿酸（中国指南2018列为禁忌）',
        },
        source: 'ref-5.2',
      },
    ],
    source: 'ref-5.1',
  },
  loop: {
    id: 'loop',
    names: { en: 'loop diuretic', zh: '袢利尿剂' },
    atcPrefixes: ['C03CA'],
    antihypertensive: true,
    duplicationIsProblem: true,
    contraindications: [
      {
        id: 'loop-anuria',
        condition: CONDITIONS.anuria,
        severity: 'contraindicated',
        text: { en: 'Anuria', zh: '无尿' },
        source: 'ref-5.2',
      },
    ],
    source: 'ref-5.1',
  },
  mra: {
    id: 'mra',
    names: { en: 'mineralocorticoid receptor antagonist', zh: '醛固酮受体拮抗剂' },
    atcPrefixes: ['C03DA'],
    antihypertensive: true,
    duplicationIsProblem: true,
    contraindications: [
      {
        id: 'mra-hyperk',
        condition: CONDITIONS.hyperkalaemia,
        severity: 'contraindicated',
        text: { en: 'Hyperkalaemia', zh: '高钾血症' },
        source: 'ref-5.2',
      },
    ],
    labs: [
      // REFERENCE §5.2/§5.3: do not start an MRA if K⁺ >5.0 mmol/L
      {
        id: 'mra-k-5.0',
        lab: 'potassium',
        above: 5.0,
        severity: 'critical',
        text: {
          en: 'K⁺ >5.0 mmol/L: do not start a mineralocorticoid receptor antagonist',
          zh: '血钾>5.0 mmol/L：不应启用醛固酮受体拮抗剂',
        },
        source: 'ref-5.3',
      },
    ],
    source: 'ref-5.1',
  },
  'k-sparing': {
    id: 'k-sparing',
    names: { en: 'potassium-sparing diuretic', zh: '保钾利尿剂' },
    atcPrefixes: ['C03DB'],
    antihypertensive: true,
    duplicationIsProblem: true,
    contraindications: [
      {
        id: 'ksparing-hyperk',
        condition: CONDITIONS.hyperkalaemia,
        severity: 'contraindicated',
        text: { en: 'Hyperkalaemia', zh: '高钾血症' },
        source: 'ref-5.3',
      },
    ],
    labs: [
      {
        id: 'ksparing-k-5.0',
        lab: 'potassium',
        above: 5.0,
        severity: 'warning',
        text: {
          en: 'K⁺ >5.0 mmol/L with a potassium-sparing diuretic',
          zh: '血钾>5.0 mmol/L，使用保钾利尿剂',
        },
        source: 'ref-5.3',
      },
    ],
    source: 'ref-5.1',
  },
  'beta-blocker': {
    id: 'beta-blocker',
    names: { en: 'beta-blocker', zh: 'β受体阻滞剂' },
    atcPrefixes: ['C07'],
    antihypertensive: true,
    duplicationIsProblem: true,
    contraindications: [
      {
        id: 'bb-avblock',
        condition: CONDITIONS.avBlockHighGrade,
        severity: 'contraindicated',
        text: {
          en: '2nd/3rd-degree AV block or sick sinus without pacemaker',
          zh: '二/三度房室传导阻滞或病窦综合征（无起搏器）',
        },
        source: 'ref-5.2',
      },
      {
        id: 'bb-asthma',
        condition: CONDITIONS.asthma,
        severity: 'caution',
        text: {
          en: 'Asthma (non-selective β-blockers contraindicated; β1-selective: caution)',
          zh: '哮喘（非选择性β阻滞剂禁用；β1选择性慎用）',
        },
        source: 'ref-5.2',
      },
      // REFERENCE §5.2 β-blockers, absolute (compelling) contraindications: "bradycardia (HR <50–60)"
      {
        id: 'bb-brady',
        condition: CONDITIONS.bradycardia,
        severity: 'contraindicated',
        text: { en: 'Bradycardia (HR <50–60)', zh: '心动过缓（心率<50–60次/分）' },
        source: 'ref-5.2',
      },
    ],
    vitals: [
      // REFERENCE §5.2: bradycardia "HR <50–60" is a contraindication. Below 50 every source the range spans agrees.
      {
        id: 'bb-hr-50',
        vital: 'heartRate',
        below: 50,
        severity: 'contraindicated',
        condition: CONDITIONS.bradycardia,
        text: {
          en: 'Bradycardia: heart rate below 50/min — β-blockers contraindicated',
          zh: '心动过缓：心率<50次/分，禁用β受体阻滞剂',
        },
        source: 'ref-5.2',
      },
      // REFERENCE §5.2: 50–59/min lies inside the range (<50–60); some sources draw the line at 60 — a caution.
      {
        id: 'bb-hr-60',
        vital: 'heartRate',
        below: 60,
        severity: 'caution',
        condition: CONDITIONS.bradycardia,
        text: {
          en: 'Heart rate 50–59/min: inside the bradycardia range the guidelines give for β-blockers (<50–60/min); check the indication and rhythm and recheck the heart rate',
          zh: '心率50–59次/分：处于指南对β受体阻滞剂所列心动过缓范围（<50–60次/分）内，请核实用药指征和心律并复测心率',
        },
        source: 'ref-5.2',
      },
    ],
    source: 'ref-5.1',
  },
  'alpha-blocker': {
    id: 'alpha-blocker',
    names: { en: 'alpha-1 blocker', zh: 'α1受体阻滞剂' },
    atcPrefixes: ['C02CA'],
    antihypertensive: true,
    duplicationIsProblem: true,
    source: 'ref-5.1',
  },
  'central-alpha2': {
    id: 'central-alpha2',
    names: { en: 'central alpha-2 agonist', zh: '中枢α2受体激动剂' },
    atcPrefixes: ['C02A'],
    antihypertensive: true,
    duplicationIsProblem: true,
    source: 'ref-5.1',
  },
  vasodilator: {
    id: 'vasodilator',
    names: { en: 'direct vasodilator', zh: '直接血管扩张剂' },
    atcPrefixes: ['C02D'],
    antihypertensive: true,
    duplicationIsProblem: true,
    source: 'ref-5.1',
  },
} satisfies Partial<Record<DrugClassId, DrugClass>>;
