import { CONDITIONS } from '../conditions.ts';
import type { InteractionRule } from '../types.ts';
import { c, d, DIURETIC, K_RAISING, RAAS } from './selectors.ts';

/** Interactions among antihypertensives and with NSAIDs / potassium (REFERENCE §6 rows 1–5, 11, 14, 15). */
export const ANTIHYPERTENSIVE_INTERACTIONS: InteractionRule[] = [
  {
    id: 'acei-arb',
    members: [c('acei'), c('arb')],
    severity: 'major',
    findingType: 'guideline',
    summary: {
      en: 'ACE inhibitor + ARB: dual RAAS blockade is not recommended',
      zh: 'ACEI联用ARB：不推荐双重RAAS阻断',
    },
    mechanism: {
      en: 'Dual RAAS blockade raises hyperkalaemia, AKI and hypotension with no CV benefit (ONTARGET, VA NEPHRON-D)',
      zh: '双重RAAS阻断增加高钾、急性肾损伤和低血压风险，无心血管获益（ONTARGET、VA NEPHRON-D）',
    },
    management: {
      en: 'Do not combine for hypertension (ACC/AHA 2017 Class III: Harm); keep one agent',
      zh: '高血压治疗不应联用（ACC/AHA 2017 III类：有害），保留其一',
    },
    source: 'ref-6.1',
  },
  {
    id: 'aliskiren-raas-diabetes',
    members: [c('renin-inhibitor'), RAAS],
    severity: 'contraindicated',
    onlyWithCondition: CONDITIONS.diabetes,
    supersedes: ['aliskiren-raas'],
    summary: {
      en: 'Aliskiren + ACEi/ARB in diabetes: contraindicated',
      zh: '糖尿病患者阿利吉仑联用ACEI/ARB：禁忌',
    },
    mechanism: {
      en: 'ALTITUDE: hyperkalaemia, hypotension, renal events, stroke',
      zh: 'ALTITUDE研究：高钾、低血压、肾脏事件、卒中增加',
    },
    management: { en: 'Do not combine in patients with diabetes', zh: '糖尿病患者禁止联用' },
    source: 'ref-6.2',
  },
  {
    id: 'aliskiren-raas',
    members: [c('renin-inhibitor'), RAAS],
    severity: 'major',
    findingType: 'guideline',
    summary: {
      en: 'Aliskiren + ACEi/ARB: dual RAAS blockade is not recommended',
      zh: '阿利吉仑联用ACEI/ARB：不推荐双重RAAS阻断',
    },
    mechanism: { en: 'Dual RAAS blockade (ALTITUDE)', zh: '双重RAAS阻断（ALTITUDE）' },
    management: { en: 'Avoid; EMA contraindicates with eGFR <60', zh: '避免联用；EMA规定eGFR<60禁用' },
    source: 'ref-6.2',
  },
  {
    id: 'raas-potassium',
    members: [c('acei', 'arb', 'arni', 'renin-inhibitor'), K_RAISING],
    severity: 'major',
    findingType: 'lab',
    labGate: { lab: 'potassium', above: 5.0, missingSeverity: 'info' },
    summary: {
      en: 'RAAS blocker + potassium-raising drug with K⁺ >5.0 mmol/L: hyperkalaemia risk',
      zh: 'RAAS抑制剂联用升钾药物且血钾>5.0 mmol/L：高钾血症风险',
    },
    mechanism: {
      en: 'Additive potassium retention → hyperkalaemia (worse with low eGFR, diabetes, NSAIDs)',
      zh: '钾潴留叠加→高钾血症（eGFR低、糖尿病、NSAIDs时更甚）',
    },
    management: {
      en: 'Do not start while K⁺ >5.0; check K⁺ and creatinine before and within 1 week–1 month',
      zh: '血钾>5.0时不应启用；用药前及1周至1月内复查血钾和肌酐',
    },
    source: 'ref-6.3',
  },
  {
    id: 'potassium-ksparing',
    members: [c('potassium-supplement'), c('mra', 'k-sparing')],
    severity: 'major',
    summary: {
      en: 'Potassium supplement + potassium-sparing diuretic: hyperkalaemia risk',
      zh: '补钾联用保钾利尿剂：高钾血症风险',
    },
    mechanism: { en: 'Additive potassium load and retention', zh: '钾负荷与钾潴留叠加' },
    management: {
      en: 'Avoid unless hypokalaemia is documented; monitor K⁺',
      zh: '除非确有低钾，避免联用；监测血钾',
    },
    source: 'label-k',
  },
  {
    id: 'triple-whammy',
    members: [c('nsaid'), RAAS, DIURETIC],
    severity: 'major',
    supersedes: ['nsaid-raas'],
    summary: {
      en: '"Triple whammy": NSAID + ACEi/ARB + diuretic raises acute kidney injury risk',
      zh: '“三重打击”：NSAID+ACEI/ARB+利尿剂增加急性肾损伤风险',
    },
    mechanism: {
      en: 'NSAID afferent vasoconstriction + RAAS efferent dilation + volume depletion → AKI',
      zh: 'NSAID收缩入球小动脉+RAAS抑制扩张出球小动脉+容量不足→急性肾损伤',
    },
    management: {
      en: 'Avoid NSAIDs; if unavoidable, short course and monitor creatinine/K⁺',
      zh: '避免NSAIDs；如必须使用，短疗程并监测肌酐和血钾',
    },
    source: 'ref-6.4',
  },
  {
    id: 'nsaid-raas',
    members: [c('nsaid'), RAAS],
    severity: 'moderate',
    summary: {
      en: 'NSAID + ACEi/ARB: reduced BP control, higher K⁺ and creatinine',
      zh: 'NSAID联用ACEI/ARB：降压效果减弱，血钾和肌酐升高',
    },
    mechanism: {
      en: 'Prostaglandin inhibition blunts antihypertensive effect and renal perfusion',
      zh: '抑制前列腺素，削弱降压作用及肾灌注',
    },
    management: {
      en: 'Prefer paracetamol; monitor BP, creatinine, K⁺',
      zh: '优选对乙酰氨基酚；监测血压、肌酐、血钾',
    },
    source: 'ref-6.4',
  },
  {
    id: 'nondhp-betablocker',
    members: [c('ccb-non-dhp'), c('beta-blocker')],
    severity: 'major',
    summary: {
      en: 'Verapamil/diltiazem + β-blocker: bradycardia and heart block risk',
      zh: '维拉帕米/地尔硫䓬联用β阻滞剂：心动过缓和传导阻滞风险',
    },
    mechanism: {
      en: 'Additive negative chronotropy, dromotropy and inotropy',
      zh: '负性频率、传导和肌力作用叠加',
    },
    management: {
      en: 'Avoid routine use; if needed, monitor ECG/HR; never with AV block or HFrEF. DHP CCB + β-blocker is fine',
      zh: '避免常规联用；必要时监测心电图/心率；有房室阻滞或HFrEF者禁用。二氢吡啶类CCB可与β阻滞剂联用',
    },
    source: 'ref-6.5',
  },
  {
    id: 'clonidine-betablocker',
    members: [d('clonidine'), c('beta-blocker')],
    severity: 'major',
    summary: {
      en: 'Clonidine + β-blocker: rebound hypertension on withdrawal, bradycardia',
      zh: '可乐定联用β阻滞剂：停药反跳性高血压、心动过缓',
    },
    mechanism: {
      en: 'Unopposed α-stimulation when clonidine stops; additive bradycardia',
      zh: '停用可乐定时α受体兴奋失拮抗；心动过缓叠加',
    },
    management: {
      en: 'If stopping both, stop the β-blocker several days before tapering clonidine',
      zh: '如需停用两者，先停β阻滞剂数日后再逐渐减停可乐定',
    },
    source: 'ref-6.11',
  },
  {
    id: 'acei-arni',
    members: [c('acei'), c('arni')],
    severity: 'contraindicated',
    supersedes: ['acei-arb'],
    summary: {
      en: 'ACE inhibitor + sacubitril/valsartan: contraindicated (angioedema); 36-hour washout',
      zh: 'ACEI联用沙库巴曲缬沙坦：禁忌（血管性水肿），需间隔36小时',
    },
    mechanism: {
      en: 'Neprilysin + ACE inhibition raises bradykinin → angioedema',
      zh: '脑啡肽酶与ACE同时抑制使缓激肽升高→血管性水肿',
    },
    management: {
      en: 'Do not co-administer; allow 36 h after the last ACEi dose',
      zh: '禁止合用；末次ACEI后36小时方可启用',
    },
    source: 'ref-6.14',
  },
  {
    id: 'acei-dpp4',
    members: [c('acei'), c('dpp4i')],
    severity: 'moderate',
    summary: {
      en: 'ACE inhibitor + DPP-4 inhibitor: angioedema risk',
      zh: 'ACEI联用DPP-4抑制剂：血管性水肿风险',
    },
    mechanism: { en: 'Reduced bradykinin/substance P breakdown', zh: '缓激肽/P物质降解减少' },
    management: { en: 'Monitor', zh: '监测' },
    source: 'ref-6',
  },
];
