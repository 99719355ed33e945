import type { DrugEntry } from '../types.ts';
import { drug, mg, renal } from './helpers.ts';

/** Statins, antithrombotics, nitrates, digoxin. ATC: WHO index; doses: US labels (cited per entry). */
export const CARDIOMETABOLIC_DRUGS: DrugEntry[] = [
  // FDA 2011 (REFERENCE §6 row 6): simvastatin 80 mg restricted → 40 mg/day practical maximum
  drug('simvastatin', 'simvastatin', '辛伐他汀', ['statin'], { atc: ['C10AA01'], rxnorm: ['36567'] }, { brands: [{ en: 'Zocor', zh: '舒降之' }], strengths: ['10 mg', '20 mg', '40 mg'], dose: mg([5, 40], 40, [1], 'ref-6.6', { note: '80 mg only for patients already on it ≥12 months without myopathy' }), source: 'who-atc' }),
  drug('atorvastatin', 'atorvastatin', '阿托伐他汀', ['statin'], { atc: ['C10AA05'], rxnorm: ['83367'] }, { salts: [{ en: 'calcium', zh: '钙' }], brands: [{ en: 'Lipitor', zh: '立普妥' }], strengths: ['10 mg', '20 mg', '40 mg'], dose: mg([10, 80], 80, [1], 'label-statin'), source: 'who-atc' }),
  drug('rosuvastatin', 'rosuvastatin', '瑞舒伐他汀', ['statin'], { atc: ['C10AA07'], rxnorm: ['301542'] }, { salts: [{ en: 'calcium', zh: '钙' }], brands: [{ en: 'Crestor', zh: '可定' }], strengths: ['5 mg', '10 mg', '20 mg'], dose: mg([5, 40], 40, [1], 'label-statin', { note: 'Asian patients: start 5 mg; Chinese label max 20 mg (UNVERIFIED)' }), renal: [renal('rosuvastatin-crcl30', 'CrCl', 30, 'reduce-dose', 'CrCl <30 (not on dialysis): start 5 mg, max 10 mg/day', 'CrCl<30（未透析）：起始5 mg，最大10 mg/日', 'label-statin', { maxDaily: 10, startMg: 5 })], source: 'who-atc' }),
  drug('pravastatin', 'pravastatin', '普伐他汀', ['statin'], { atc: ['C10AA03'], rxnorm: ['42463'] }, { salts: [{ en: 'sodium', zh: '钠' }], brands: [{ en: 'Pravachol', zh: '普拉固' }], dose: mg([10, 80], 80, [1], 'label-statin'), source: 'who-atc' }),
  drug('lovastatin', 'lovastatin', '洛伐他汀', ['statin'], { atc: ['C10AA02'], rxnorm: ['6472'] }, { brands: [{ en: 'Mevacor' }], dose: mg([10, 80], 80, [1, 2], 'label-statin'), source: 'who-atc' }),
  drug('pitavastatin', 'pitavastatin', '匹伐他汀', ['statin'], { atc: ['C10AA08'] }, { salts: [{ en: 'calcium', zh: '钙' }], brands: [{ en: 'Livalo', zh: '力清之' }], dose: mg([1, 4], 4, [1], 'label-statin'), source: 'who-atc' }),
  drug('fluvastatin', 'fluvastatin', '氟伐他汀', ['statin'], { atc: ['C10AA04'] }, { salts: [{ en: 'sodium', zh: '钠' }], brands: [{ en: 'Lescol', zh: '来适可' }], dose: mg([20, 80], 80, [1, 2], 'label-statin'), source: 'who-atc' }),
  // Antithrombotics
  drug('aspirin', 'aspirin', '阿司匹林', ['antiplatelet'], { atc: ['B01AC06', 'N02BA01'], rxnorm: ['1191'] }, { synonyms: ['acetylsalicylic acid', '乙酰水杨酸', 'asa'], brands: [{ en: 'Bayaspirin', zh: '拜阿司匹灵' }], allergyGroups: ['nsaid'], tags: ['aspirin'], strengths: ['100 mg'], dose: mg([75, 4000], 4000, [1, 2, 3, 4], 'label-antiplatelet', { note: 'antiplatelet 75–100 mg; analgesic to 4 g/day' }), source: 'who-atc' }),
  drug('clopidogrel', 'clopidogrel', '氯吡格雷', ['antiplatelet'], { atc: ['B01AC04'], rxnorm: ['32968'] }, { salts: [{ en: 'bisulfate', zh: '硫酸氢' }], brands: [{ en: 'Plavix', zh: '波立维' }], strengths: ['75 mg'], dose: mg([75, 75], undefined, [1], 'label-antiplatelet', { note: 'loading dose 300–600 mg' }), source: 'who-atc' }),
  drug('ticagrelor', 'ticagrelor', '替格瑞洛', ['antiplatelet'], { atc: ['B01AC24'] }, { brands: [{ en: 'Brilinta', zh: '倍林达' }], dose: mg([120, 180], undefined, [2], 'label-antiplatelet'), source: 'who-atc' }),
  drug('warfarin', 'warfarin', '华法林', ['anticoagulant'], { atc: ['B01AA03'], rxnorm: ['11289'] }, { salts: [{ en: 'sodium', zh: '钠' }], brands: [{ en: 'Coumadin' }], pregnancy: { level: 'contraindicated', text: { en: 'Teratogenic (except mechanical valves, specialist care)', zh: '致畸（机械瓣膜者需专科处理）' }, source: 'label-warfarin' }, source: 'who-atc' }),
  drug('rivaroxaban', 'rivaroxaban', '利伐沙班', ['anticoagulant'], { atc: ['B01AF01'] }, { brands: [{ en: 'Xarelto', zh: '拜瑞妥' }], dose: mg([10, 20], 30, [1, 2], 'label-warfarin', { note: '15 mg bid for 21 days in VTE treatment' }), source: 'who-atc' }),
  // Nitrates (REFERENCE §6 row 12 lists nicorandil with nitrates)
  drug('nitroglycerin', 'nitroglycerin', '硝酸甘油', ['nitrate'], { atc: ['C01DA02'], rxnorm: ['4917'] }, { synonyms: ['glyceryl trinitrate', 'gtn'], brands: [{ en: 'Nitrostat' }], source: 'who-atc' }),
  drug('isosorbide-mononitrate', 'isosorbide mononitrate', '单硝酸异山梨酯', ['nitrate'], { atc: ['C01DA14'], rxnorm: ['6058'] }, { synonyms: ['ismn'], brands: [{ en: 'Imdur', zh: '依姆多' }], source: 'who-atc' }),
  drug('isosorbide-dinitrate', 'isosorbide dinitrate', '硝酸异山梨酯', ['nitrate'], { atc: ['C01DA08'] }, { synonyms: ['消心痛'], brands: [{ en: 'Isordil' }], source: 'who-atc' }),
  drug('nicorandil', 'nicorandil', '尼可地尔', ['nitrate'], { atc: ['C01DX16'] }, { brands: [{ en: 'Sigmart', zh: '喜格迈' }], source: 'who-atc' }),
  drug('digoxin', 'digoxin', '地高辛', ['cardiac-glycoside'], { atc: ['C01AA05'], rxnorm: ['3407'] }, { brands: [{ en: 'Lanoxin' }], dose: { unit: 'mg', usualDaily: [0.0625, 0.25], maxDaily: 0.5, timesPerDay: [1], source: 'label-digoxin' }, renal: [renal('digoxin-crcl50', 'CrCl', 50, 'reduce-dose', 'Renal impairment: reduce dose and monitor levels', '肾功能不全：减量并监测血药浓度', 'label-digoxin')], source: 'who-atc' }),
];
