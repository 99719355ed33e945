import { CONDITIONS } from '../conditions.ts';
import type { DrugClass, DrugClassId } from '../types.ts';

const avoidInPregnancy = {
  level: 'contraindicated',
  text: {
    en: 'Fetotoxic: stop when pregnancy is planned or detected; use methyldopa, labetalol or long-acting nifedipine',
    zh: '有胎儿毒性：计划妊娠或已妊娠应停用，改用甲基多巴、拉贝洛尔或长效硝苯地平',
  },
  source: 'ref-5.2-pregnancy',
} as const;

/** Antihypertensive classes (REFERENCE §5.1 ATC groups, §5.2 contraindications, §5.3 potassium). */
export const ANTIHYPERTENSIVE_CLASSES = {
  acei: {
    id: 'acei',
    names: { en: 'ACE inhibitor', zh: '血管紧张素转换酶抑制剂(ACEI)' },
    atcPrefixes: ['C09A', 'C09B'],
    antihypertensive: true,
    duplicationIsProblem: true,
    allergyGroups: ['ace-inhibitor'],
    pregnancy: avoidInPregnancy,
    contraindications: [
      {
        id: 'acei-angioedema',
        condition: CONDITIONS.angioedema,
        severity: 'contraindicated',
        text: {
          en: 'History of angioedema: ACE inhibitors contraindicated',
          zh: '血管神经性水肿史：禁用ACEI',
        },
        source: 'ref-5.2',
      },
      {
        id: 'acei-ras',
        condition: CONDITIONS.renalArteryStenosis,
        severity: 'caution',
        text: {
          en: 'Renal artery stenosis (contraindicated if bilateral or solitary kidney)',
          zh: '肾动脉狭窄（双侧或孤立肾禁用）',
        },
        source: 'ref-5.2',
      },
      {
        id: 'acei-hyperk',
        condition: CONDITIONS.hyperkalaemia,
        severity: 'contraindicated',
        text: {
          en: 'Hyperkalaemia: China 2018 lists ACEI as contraindicated',
          zh: '高钾血症：中国指南2018列为禁忌',
        },
        source: 'ref-5.2',
      },
    ],
    labs: [
      // REFERENCE §5.3 potassium thresholds: K⁺ >5.5 → reduce/stop RAAS blocker
      {
        id: 'raas-k-5.5',
        lab: 'potassium',
        above: 5.5,
        severity: 'warning',
        text: {
          en: 'K⁺ >5.5 mmol/L: reduce or stop the RAAS blocker',
          zh: '血钾>5.5 mmol/L：应减量或停用RAAS抑制剂',
        },
        source: 'ref-6.3',
      },
    ],
    source: 'ref-5.1',
  },
  arb: {
    id: 'arb',
    names: { en: 'angiotensin II receptor blocker', zh: '血管紧张素II受体拮抗剂(ARB)' },
    atcPrefixes: ['C09C', 'C09D'],
    antihypertensive: true,
    duplicationIsProblem: true,
    pregnancy: avoidInPregnancy,
    contraindications: [
      {
        id: 'arb-ras',
        condition: CONDITIONS.renalArteryStenosis,
        severity: 'caution',
        text: { en: 'Renal artery stenosis (contraindicated if bilateral)', zh: '肾动脉狭窄（双侧禁用）' },
        source: 'ref-5.2',
      },
      {
        id: 'arb-hyperk',
        condition: CONDITIONS.hyperkalaemia,
        severity: 'contraindicated',
        text: { en: 'Hyperkalaemia', zh: '高钾血症' },
        source: 'ref-5.2',
      },
    ],
    labs: [
      {
        id: 'raas-k-5.5',
        lab: 'potassium',
        above: 5.5,
        severity: 'warning',
        text: {
          en: 'K⁺ >5.5 mmol/L: reduce or stop the RAAS blocker',
          zh: '血钾>5.5 mmol/L：应减量或停用RAAS抑制剂',
        },
        source: 'ref-6.3',
      },
    ],
    source: 'ref-5.1',
  },
  arni: {
    id: 'arni',
    names: { en: 'angiotensin receptor–neprilysin inhibitor', zh: '血管紧张素受体脑啡肽酶抑制剂(ARNI)' },
    atcPrefixes: ['C09DX04'],
    antihypertensive: true,
    duplicationIsProblem: true,
    pregnancy: avoidInPregnancy,
    contraindications: [
      {
        id: 'arni-angioedema',
        condition: CONDITIONS.angioedema,
        severity: 'contraindicated',
        text: {
          en: 'History of angioedema related to ACEi/ARB: contraindicated',
          zh: '既往ACEI/ARB相关血管性水肿：禁用',
        },
        source: 'ref-6.14',
      },
    ],
    labs: [
      {
        id: 'raas-k-5.5',
        lab: 'potassium',
        above: 5.5,
        severity: 'warning',
        text: {
          en: 'K⁺ >5.5 mmol/L: reduce or stop the RAAS blocker',
          zh: '血钾>5.5 mmol/L：应减量或停用RAAS抑制剂',
        },
        source: 'ref-6.3',
      },
    ],
    source: 'ref-5.1',
  },
  'renin-inhibitor': {
    id: 'renin-inhibitor',
    names: { en: 'direct renin inhibitor', zh: '直接肾素抑制剂' },
    atcPrefixes: ['C09XA'],
    antihypertensive: true,
    duplicationIsProblem: true,
    pregnancy: avoidInPregnancy,
    source: 'ref-5.1',
  },
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
        text: { en: 'HFrEF (LVEF <40%)', zh: '射血分数降低的心衰(LVEF<40%)' },
        source: 'ref-5.2',
      },
      {
        id: 'ndhp-brady',
        condition: CONDITIONS.bradycardia,
        severity: 'caution',
        text: { en: 'Marked bradycardia', zh: '明显心动过缓' },
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
      {
        id: 'bb-brady',
        condition: CONDITIONS.bradycardia,
        severity: 'caution',
        text: { en: 'Bradycardia', zh: '心动过缓' },
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
