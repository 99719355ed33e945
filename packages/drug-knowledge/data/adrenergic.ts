import { CONDITIONS } from '../conditions.ts';
import type { ContraindicationFact, DrugEntry } from '../types.ts';
import { drug, mg, renal } from './helpers.ts';

/** β-blockers, α1-blockers, central agents, direct vasodilators. REFERENCE §5.1/§5.1a/§5.2/§5.3. */
const preferredInPregnancy = { level: 'preferred', text: { en: 'Preferred antihypertensive in pregnancy', zh: '妊娠期首选降压药之一' }, source: 'ref-5.2-pregnancy' } as const;
const nice = { level: 'compatible', text: { en: 'Usable while breastfeeding (NICE NG133)', zh: '哺乳期可用（NICE NG133）' }, source: 'nice-ng133' } as const;
const nonSelectiveAsthma: ContraindicationFact = {
  id: 'nonselective-bb-asthma',
  condition: CONDITIONS.asthma,
  severity: 'contraindicated',
  text: { en: 'Asthma: non-selective β-blockers contraindicated', zh: '哮喘：禁用非选择性β受体阻滞剂' },
  source: 'ref-5.2',
};

export const ADRENERGIC_DRUGS: DrugEntry[] = [
  // REFERENCE §5.1a: atenolol max 100 mg/d; §5.3 CrCl 15–35 max 50, <15 max 25 (UNVERIFIED)
  drug('atenolol', 'atenolol', '阿替洛尔', ['beta-blocker'], { atc: ['C07AB03'], rxnorm: ['1202'] }, { brands: [{ en: 'Tenormin', zh: '天诺敏' }], strengths: ['25 mg', '50 mg', '100 mg'], dose: mg([25, 100], 100, [1, 2], 'ref-5.1a'), renal: [renal('atenolol-crcl35', 'CrCl', 35, 'reduce-dose', 'CrCl 15–35: max 50 mg/day', 'CrCl 15–35：最大50 mg/日', 'ref-5.3', { atLeast: 15, maxDaily: 50 }), renal('atenolol-crcl15', 'CrCl', 15, 'reduce-dose', 'CrCl <15: max 25 mg/day', 'CrCl<15：最大25 mg/日', 'ref-5.3', { maxDaily: 25 })], lactation: nice }),
  drug('bisoprolol', 'bisoprolol', '比索洛尔', ['beta-blocker'], { atc: ['C07AB07'], rxnorm: ['19484'] }, { salts: [{ en: 'fumarate', zh: '富马酸', zhName: '富马酸比索洛尔' }], brands: [{ en: 'Concor', zh: '康忻' }, { en: 'Zebeta' }], strengths: ['2.5 mg', '5 mg'], dose: mg([2.5, 10], undefined, [1], 'ref-5.1') }),
  // REFERENCE §5.1: tartrate 100–200 (2); §5.1a label usual 100–450 mg/d
  drug('metoprolol-tartrate', 'metoprolol tartrate', '酒石酸美托洛尔', ['beta-blocker'], { atc: ['C07AB02'], rxnorm: ['6918'] }, { synonyms: ['metoprolol', '美托洛尔'], brands: [{ en: 'Lopressor' }, { en: 'Betaloc', zh: '倍他乐克' }], strengths: ['25 mg', '50 mg', '100 mg'], dose: mg([100, 200], 450, [2], 'ref-5.1a'), lactation: nice }),
  // REFERENCE §5.1a: succinate ER 50–200, label max 400 (UNVERIFIED)
  drug('metoprolol-succinate', 'metoprolol succinate', '琥珀酸美托洛尔', ['beta-blocker'], { atc: ['C07AB02'] }, { synonyms: ['美托洛尔缓释', 'metoprolol er', 'metoprolol extended-release'], brands: [{ en: 'Toprol-XL' }, { en: 'Betaloc ZOK', zh: '倍他乐克缓释' }], strengths: ['23.75 mg', '47.5 mg', '95 mg'], dose: mg([50, 200], 400, [1], 'ref-5.1a') }),
  // REFERENCE §5.1a/§5.3: nebivolol start 5 mg qd, max 40; CrCl <30 start 2.5 mg; Child-Pugh C contraindicated
  drug('nebivolol', 'nebivolol', '奈必洛尔', ['beta-blocker'], { atc: ['C07AB12'], rxnorm: ['31555'] }, { salts: [{ en: 'hydrochloride', zh: '盐酸', zhName: '盐酸奈必洛尔' }], brands: [{ en: 'Bystolic' }], dose: mg([5, 40], 40, [1], 'label-nebivolol', { adultStart: 5 }), renal: [renal('nebivolol-crcl30', 'CrCl', 30, 'reduce-dose', 'CrCl <30: start 2.5 mg/day and titrate cautiously', 'CrCl<30：起始2.5 mg/日，谨慎加量', 'label-nebivolol', { startMg: 2.5 })], hepatic: [{ id: 'nebivolol-severe-hepatic', from: 'severe', action: 'contraindicated', text: { en: 'Severe hepatic impairment (Child-Pugh C): contraindicated', zh: '重度肝功能不全（Child-Pugh C）：禁用' }, source: 'label-nebivolol' }] }),
  drug('propranolol', 'propranolol', '普萘洛尔', ['beta-blocker'], { atc: ['C07AA05'], rxnorm: ['8787'] }, { synonyms: ['心得安'], salts: [{ en: 'hydrochloride', zh: '盐酸', zhName: '盐酸普萘洛尔' }], brands: [{ en: 'Inderal' }], tags: ['beta-nonselective'], contraindications: [nonSelectiveAsthma], dose: mg([40, 480], undefined, [2], 'ref-5.1') }),
  // REFERENCE §5.1a: carvedilol max 50 mg/d for hypertension
  drug('carvedilol', 'carvedilol', '卡维地洛', ['beta-blocker'], { atc: ['C07AG02'], rxnorm: ['20352'] }, { brands: [{ en: 'Coreg' }, { en: 'Dilatrend', zh: '达利全' }], tags: ['beta-nonselective'], contraindications: [nonSelectiveAsthma], strengths: ['6.25 mg', '12.5 mg', '25 mg'], dose: mg([12.5, 50], 50, [2], 'ref-5.1a', { maxSingle: 25 }) }),
  // REFERENCE §5.1a: labetalol usual 200–800, label allows 2400 mg/d
  drug('labetalol', 'labetalol', '拉贝洛尔', ['beta-blocker'], { atc: ['C07AG01'], rxnorm: ['6185'] }, { salts: [{ en: 'hydrochloride', zh: '盐酸', zhName: '盐酸拉贝洛尔' }], brands: [{ en: 'Trandate' }], tags: ['beta-nonselective'], contraindications: [nonSelectiveAsthma], dose: mg([200, 800], 2400, [2], 'ref-5.1a'), pregnancy: preferredInPregnancy, lactation: nice }),
  drug('arotinolol', 'arotinolol', '阿罗洛尔', ['beta-blocker'], {}, { salts: [{ en: 'hydrochloride', zh: '盐酸', zhName: '盐酸阿罗洛尔' }], brands: [{ zh: '阿尔马尔' }], tags: ['beta-nonselective'], contraindications: [nonSelectiveAsthma] }),
  // α1-blockers
  drug('doxazosin', 'doxazosin', '多沙唑嗪', ['alpha-blocker'], { atc: ['C02CA04'], rxnorm: ['49276'] }, { salts: [{ en: 'mesylate', zh: '甲磺酸', zhName: '甲磺酸多沙唑嗪' }], brands: [{ en: 'Cardura', zh: '可多华' }], dose: mg([1, 8], undefined, [1], 'ref-5.1') }),
  drug('prazosin', 'prazosin', '哌唑嗪', ['alpha-blocker'], { atc: ['C02CA01'], rxnorm: ['8629'] }, { salts: [{ en: 'hydrochloride', zh: '盐酸', zhName: '盐酸哌唑嗪' }], brands: [{ en: 'Minipress' }], dose: mg([2, 20], undefined, [2, 3], 'ref-5.1') }),
  drug('terazosin', 'terazosin', '特拉唑嗪', ['alpha-blocker'], { atc: ['G04CA03'], rxnorm: ['37798'] }, { salts: [{ en: 'hydrochloride', zh: '盐酸', zhName: '盐酸特拉唑嗪' }], brands: [{ en: 'Hytrin', zh: '高特灵' }], dose: mg([1, 20], undefined, [1, 2], 'ref-5.1') }),
  drug('urapidil', 'urapidil', '乌拉地尔', ['alpha-blocker'], { atc: ['C02CA06'] }, { brands: [{ en: 'Ebrantil', zh: '亚宁定' }] }),
  // Central agents
  drug('clonidine', 'clonidine', '可乐定', ['central-alpha2'], { atc: ['C02AC01'], rxnorm: ['2599'] }, { salts: [{ en: 'hydrochloride', zh: '盐酸', zhName: '盐酸可乐定' }], brands: [{ en: 'Catapres' }], dose: mg([0.1, 0.8], undefined, [2], 'ref-5.1') }),
  drug('methyldopa', 'methyldopa', '甲基多巴', ['central-alpha2'], { atc: ['C02AB01'], rxnorm: ['6876'] }, { brands: [{ en: 'Aldomet' }], dose: mg([250, 1000], undefined, [2], 'ref-5.1'), pregnancy: preferredInPregnancy, hepatic: [{ id: 'methyldopa-liver', from: 'moderate', action: 'contraindicated', text: { en: 'Active hepatic disease: contraindicated', zh: '活动性肝病：禁用' }, source: 'label-methyldopa' }] }),
  drug('guanfacine', 'guanfacine', '胍法辛', ['central-alpha2'], { atc: ['C02AC02'] }, { dose: mg([0.5, 2], undefined, [1], 'ref-5.1') }),
  // Direct vasodilators
  drug('hydralazine', 'hydralazine', '肼屈嗪', ['vasodilator'], { atc: ['C02DB02'], rxnorm: ['5470'] }, { synonyms: ['肼苯哒嗪'], salts: [{ en: 'hydrochloride', zh: '盐酸', zhName: '盐酸肼屈嗪' }], brands: [{ en: 'Apresoline' }], dose: mg([100, 200], undefined, [2, 3], 'ref-5.1') }),
  drug('minoxidil', 'minoxidil', '米诺地尔', ['vasodilator'], { atc: ['C02DC01'] }, { brands: [{ en: 'Loniten' }], dose: mg([5, 100], 100, [1, 2, 3], 'ref-5.1') }),
];
