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

/** RAAS blockers (REFERENCE §5.1 ATC groups, §5.2 contraindications and pregnancy, §5.3 potassium). */
export const RAAS_CLASSES = {
  acei: {
    id: 'acei',
    names: { en: 'ACE inhibitor', zh: '血管紧张素转换酶抑制剂（ACEI）' },
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
    names: { en: 'angiotensin II receptor blocker', zh: '血管紧张素II受体拮抗剂（ARB）' },
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
    names: { en: 'angiotensin receptor–neprilysin inhibitor', zh: '血管紧张素受体脑啡肽酶抑制剂（ARNI）' },
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
} satisfies Partial<Record<DrugClassId, DrugClass>>;
