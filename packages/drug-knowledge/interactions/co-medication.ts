import type { InteractionRule } from '../types.ts';
import { c, d, RAAS, t } from './selectors.ts';

/** Statins, lithium, PDE-5 inhibitors, CYP3A4 inhibitors, anticoagulants (REFERENCE §6 rows 6–10, 12–13, 16–19; ONC #11; labels). */
export const CO_MEDICATION_INTERACTIONS: InteractionRule[] = [
  {
    id: 'simvastatin-amlodipine',
    members: [d('simvastatin'), d('amlodipine')],
    severity: 'major',
    doseCap: { drug: 'simvastatin', maxDaily: 20, unit: 'mg' }, // REFERENCE §6 row 6: simvastatin ≤20 mg/day with amlodipine
    summary: {
      en: 'Simvastatin >20 mg/day with amlodipine: myopathy risk (max 20 mg)',
      zh: '辛伐他汀>20 mg/日联用氨氯地平：肌病风险（最大20 mg）',
    },
    mechanism: {
      en: 'CYP3A4 inhibition by amlodipine raises simvastatin exposure',
      zh: '氨氯地平抑制CYP3A4，升高辛伐他汀暴露',
    },
    management: {
      en: 'Limit simvastatin to 20 mg/day or switch to rosuvastatin/pravastatin',
      zh: '辛伐他汀限至20 mg/日，或换用瑞舒伐他汀/普伐他汀',
    },
    source: 'ref-6.6',
  },
  {
    id: 'simvastatin-nondhp',
    members: [d('simvastatin'), c('ccb-non-dhp')],
    severity: 'major',
    doseCap: { drug: 'simvastatin', maxDaily: 10, unit: 'mg' }, // REFERENCE §6 row 7: ≤10 mg/day with verapamil/diltiazem
    summary: {
      en: 'Simvastatin >10 mg/day with verapamil/diltiazem: myopathy risk (max 10 mg)',
      zh: '辛伐他汀>10 mg/日联用维拉帕米/地尔硫䓬：肌病风险（最大10 mg）',
    },
    mechanism: { en: 'CYP3A4 inhibition raises simvastatin exposure', zh: 'CYP3A4抑制升高辛伐他汀暴露' },
    management: {
      en: 'Limit simvastatin to 10 mg/day or switch statin',
      zh: '辛伐他汀限至10 mg/日或换用其他他汀',
    },
    source: 'ref-6.6',
  },
  {
    id: 'lovastatin-nondhp',
    members: [d('lovastatin'), c('ccb-non-dhp')],
    severity: 'major',
    doseCap: { drug: 'lovastatin', maxDaily: 20, unit: 'mg' }, // REFERENCE §6 row 8 (UNVERIFIED)
    summary: {
      en: 'Lovastatin >20 mg/day with verapamil/diltiazem: myopathy risk',
      zh: '洛伐他汀>20 mg/日联用维拉帕米/地尔硫䓬：肌病风险',
    },
    mechanism: { en: 'CYP3A4 inhibition', zh: 'CYP3A4抑制' },
    management: { en: 'Limit lovastatin to 20 mg/day', zh: '洛伐他汀限至20 mg/日' },
    source: 'ref-6.8',
  },
  {
    id: 'statin-strong-cyp3a4',
    members: [d('simvastatin', 'lovastatin'), t('cyp3a4-strong-inhibitor')],
    severity: 'contraindicated',
    summary: {
      en: 'Simvastatin/lovastatin + strong CYP3A4 inhibitor: contraindicated (rhabdomyolysis)',
      zh: '辛伐/洛伐他汀联用强CYP3A4抑制剂：禁忌（横纹肌溶解）',
    },
    mechanism: {
      en: 'Strong CYP3A4 inhibition markedly raises statin exposure',
      zh: '强效CYP3A4抑制显著升高他汀暴露',
    },
    management: {
      en: 'Suspend the statin during the course or use pravastatin/rosuvastatin',
      zh: '疗程中暂停该他汀，或换用普伐他汀/瑞舒伐他汀',
    },
    source: 'ref-phansalkar-11',
  },
  {
    id: 'atorvastatin-clarithromycin',
    members: [d('atorvastatin'), d('clarithromycin', 'itraconazole')],
    severity: 'major',
    doseCap: { drug: 'atorvastatin', maxDaily: 20, unit: 'mg' },
    summary: {
      en: 'Atorvastatin >20 mg/day with clarithromycin/itraconazole: myopathy risk',
      zh: '阿托伐他汀>20 mg/日联用克拉霉素/伊曲康唑：肌病风险',
    },
    mechanism: { en: 'CYP3A4 inhibition', zh: 'CYP3A4抑制' },
    management: { en: 'Do not exceed atorvastatin 20 mg/day', zh: '阿托伐他汀不超过20 mg/日' },
    source: 'label-atorva-clarith',
  },
  {
    id: 'lithium-thiazide',
    members: [c('lithium'), c('thiazide', 'thiazide-like')],
    severity: 'major',
    summary: { en: 'Lithium + thiazide: lithium toxicity risk', zh: '锂盐联用噻嗪类：锂中毒风险' },
    mechanism: { en: 'Reduced renal lithium clearance', zh: '肾脏锂清除减少' },
    management: {
      en: 'Avoid, or reduce lithium and monitor levels closely',
      zh: '避免联用，或减少锂剂量并密切监测血锂',
    },
    source: 'ref-6.9',
  },
  {
    id: 'lithium-raas',
    members: [c('lithium'), RAAS],
    severity: 'major',
    summary: { en: 'Lithium + ACEi/ARB: lithium toxicity risk', zh: '锂盐联用ACEI/ARB：锂中毒风险' },
    mechanism: { en: 'Reduced lithium excretion', zh: '锂排泄减少' },
    management: {
      en: 'Check lithium level within 1 week of start or dose change',
      zh: '起始或调整剂量后1周内复查血锂',
    },
    source: 'ref-6.10',
  },
  {
    id: 'lithium-nsaid',
    members: [c('lithium'), c('nsaid')],
    severity: 'major',
    summary: { en: 'Lithium + NSAID: raised lithium levels', zh: '锂盐联用NSAID：血锂升高' },
    mechanism: { en: 'NSAIDs reduce renal lithium clearance', zh: 'NSAIDs减少肾脏锂清除' },
    management: { en: 'Avoid or monitor lithium levels closely', zh: '避免联用或密切监测血锂' },
    source: 'label-lithium',
  },
  {
    id: 'pde5-nitrate',
    members: [c('pde5i'), c('nitrate')],
    severity: 'contraindicated',
    summary: {
      en: 'PDE-5 inhibitor + nitrate: contraindicated (severe hypotension)',
      zh: 'PDE-5抑制剂联用硝酸酯：禁忌（严重低血压）',
    },
    mechanism: { en: 'Additive cGMP-mediated vasodilation', zh: 'cGMP介导的血管扩张叠加' },
    management: {
      en: 'Do not combine; no nitrate within 24 h of sildenafil/vardenafil or 48 h of tadalafil',
      zh: '禁止联用；西地那非/伐地那非24小时内、他达拉非48小时内不用硝酸酯',
    },
    source: 'ref-6.12',
  },
  {
    id: 'pde5-alpha',
    members: [c('pde5i'), c('alpha-blocker')],
    severity: 'moderate',
    summary: {
      en: 'PDE-5 inhibitor + α-blocker: additive hypotension',
      zh: 'PDE-5抑制剂联用α阻滞剂：低血压叠加',
    },
    mechanism: { en: 'Additive vasodilation, orthostasis', zh: '血管扩张叠加，体位性低血压' },
    management: {
      en: 'Start the PDE-5 inhibitor at the lowest dose once stable on the α-blocker',
      zh: 'α阻滞剂稳定后以最低剂量起始PDE-5抑制剂',
    },
    source: 'ref-6.13',
  },
  {
    id: 'eplerenone-cyp3a4',
    members: [d('eplerenone'), t('cyp3a4-strong-inhibitor')],
    severity: 'contraindicated',
    summary: {
      en: 'Eplerenone + strong CYP3A4 inhibitor: contraindicated (hyperkalaemia)',
      zh: '依普利酮联用强CYP3A4抑制剂：禁忌（高钾血症）',
    },
    mechanism: { en: 'Raised eplerenone exposure', zh: '依普利酮暴露升高' },
    management: { en: 'Do not combine', zh: '禁止联用' },
    source: 'ref-6.16',
  },
  {
    id: 'nonselective-bb-sulfonylurea',
    members: [t('beta-nonselective'), c('sulfonylurea')],
    severity: 'moderate',
    summary: {
      en: 'Non-selective β-blocker + sulfonylurea: masked hypoglycaemia',
      zh: '非选择性β阻滞剂联用磺脲类：掩盖低血糖症状',
    },
    mechanism: {
      en: 'β-blockade masks tachycardia and may prolong hypoglycaemia',
      zh: 'β阻断掩盖心动过速并可能延长低血糖',
    },
    management: {
      en: 'Prefer a β1-selective agent; educate the patient',
      zh: '优选β1选择性药物；加强患者教育',
    },
    source: 'ref-6.18',
  },
  {
    id: 'diuretic-digoxin',
    members: [c('thiazide', 'thiazide-like', 'loop'), c('cardiac-glycoside')],
    severity: 'moderate',
    summary: {
      en: 'Diuretic + digoxin: hypokalaemia raises digoxin toxicity',
      zh: '利尿剂联用地高辛：低钾增加地高辛毒性',
    },
    mechanism: { en: 'Diuretic-induced hypokalaemia/hypomagnesaemia', zh: '利尿剂致低钾/低镁' },
    management: { en: 'Monitor K⁺ and Mg²⁺', zh: '监测血钾和血镁' },
    source: 'ref-6.19',
  },
  {
    id: 'warfarin-nsaid',
    members: [c('anticoagulant'), c('nsaid')],
    severity: 'major',
    summary: { en: 'Anticoagulant + NSAID: bleeding risk', zh: '抗凝药联用NSAID：出血风险' },
    mechanism: {
      en: 'Platelet inhibition and GI mucosal injury add to anticoagulation',
      zh: '抑制血小板及胃肠黏膜损伤叠加抗凝作用',
    },
    management: {
      en: 'Avoid; use paracetamol; if unavoidable add gastroprotection and monitor',
      zh: '避免联用；改用对乙酰氨基酚；必须时加用胃黏膜保护并监测',
    },
    source: 'label-warfarin',
  },
  {
    id: 'warfarin-antibiotic',
    members: [d('warfarin'), c('macrolide', 'fluoroquinolone')],
    severity: 'moderate',
    summary: {
      en: 'Warfarin + macrolide/fluoroquinolone: INR may rise',
      zh: '华法林联用大环内酯类/氟喹诺酮类：INR可能升高',
    },
    mechanism: {
      en: 'Reduced warfarin clearance and gut flora vitamin K',
      zh: '华法林清除减少及肠道菌群维生素K减少',
    },
    management: { en: 'Check INR within 3–5 days', zh: '3–5天内复查INR' },
    source: 'label-warfarin',
  },
];
