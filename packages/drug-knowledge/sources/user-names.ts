/**
 * How each source is named to users (zh-CN and en): the guideline, label or communication itself with its section,
 * never the project's internal reference file ("REFERENCE §6 row 3 …") or its verification marks. The same names as
 * the pharmacist's screen (pharmacy-review/source-names.ts re-exports this table). Sources not listed fall
 * back to their own label with internal references removed. Pure.
 */
import { sourceOf } from '../sources.ts';
import { withoutInternalReferences } from '../internal-references.ts';
import type { Bilingual, SourceId } from '../types.ts';

const NAMES: Record<string, Bilingual> = {
  'ref-5.1': {
    zh: 'ACC/AHA 2017 高血压指南表18；WHO ATC 索引',
    en: 'ACC/AHA 2017 hypertension guideline Table 18; WHO ATC index',
  },
  'ref-5.1a': {
    zh: '美国药品说明书 第 2 节 用法用量（高血压剂量与最大日剂量）',
    en: 'US prescribing information section 2 Dosage (hypertension dose and maximum daily dose)',
  },
  'ref-5.2': {
    // ESH 2023's section as the clinical reference §5.2 names it (table of compelling/possible contraindications).
    zh: 'ACC/AHA 2017 表18；ESH 2023（降压药强制性和可能禁忌证表）；中国高血压防治指南 2018 常用降压药适应证和禁忌证',
    en: 'ACC/AHA 2017 Table 18; ESH 2023 (table of compelling and possible contraindications); Chinese hypertension guideline 2018 (indications and contraindications table)',
  },
  'ref-5.2-pregnancy': {
    zh: 'ACC/AHA 2017 第 10.2.1 节；ESH 2023；中国高血压防治指南 2018（妊娠）',
    en: 'ACC/AHA 2017 section 10.2.1; ESH 2023; Chinese hypertension guideline 2018 (pregnancy)',
  },
  'ref-5.3': {
    zh: '美国药品说明书 第 2 节 肾功能不全剂量调整',
    en: 'US prescribing information section 2 renal dose adjustment',
  },
  'ref-6': {
    zh: 'ACC/AHA 2017；ESH 2023（高血压患者重要药物相互作用）',
    en: 'ACC/AHA 2017; ESH 2023 (key drug interactions in hypertension)',
  },
  'ref-6.1': {
    zh: 'ACC/AHA 2017（双重RAAS阻断：III级，有害）；ESH 2023；中国高血压防治指南 2018；ONTARGET 2008',
    en: 'ACC/AHA 2017 (dual RAAS blockade: Class III Harm); ESH 2023; Chinese hypertension guideline 2018; ONTARGET 2008',
  },
  'ref-6.2': {
    zh: 'FDA/EMA 2012 阿利吉仑说明书修订（ALTITUDE）',
    en: 'FDA/EMA 2012 aliskiren label change (ALTITUDE)',
  },
  'ref-6.3': {
    zh: '螺内酯、依普利酮、ACEI/ARB 说明书（高钾血症）；ESC 2021 心衰指南',
    en: 'Spironolactone, eplerenone, ACEi/ARB labels (hyperkalaemia); ESC 2021 heart failure guideline',
  },
  'ref-6.4': {
    zh: 'Lapi 等，BMJ 2013;346:e8525（“三重打击”）',
    en: 'Lapi et al. BMJ 2013;346:e8525 (triple whammy)',
  },
  'ref-6.5': {
    zh: 'ACC/AHA 2017 表18；ESH 2023（非二氢吡啶类CCB + β受体阻滞剂）',
    en: 'ACC/AHA 2017 Table 18; ESH 2023 (non-DHP CCB + β-blocker)',
  },
  'ref-6.6': {
    zh: 'FDA 药品安全通讯 2011-06-08；辛伐他汀美国说明书 第 2.3 节',
    en: 'FDA Drug Safety Communication 2011-06-08; simvastatin US label section 2.3',
  },
  'ref-6.8': { zh: '洛伐他汀美国说明书（CYP3A4）', en: 'Lovastatin US label (CYP3A4)' },
  'ref-6.9': { zh: '锂盐说明书（噻嗪类利尿剂）', en: 'Lithium labels (thiazides)' },
  'ref-6.10': { zh: '锂盐说明书（ACEI/ARB）', en: 'Lithium labels (ACEi/ARB)' },
  'ref-6.11': { zh: '可乐定说明书（Catapres）', en: 'Clonidine label (Catapres)' },
  'ref-6.12': {
    zh: 'Am Fam Physician 2019;99(9):558–564；PDE-5 抑制剂说明书（硝酸酯类）',
    en: 'Am Fam Physician 2019;99(9):558–564; PDE-5 inhibitor labels (nitrates)',
  },
  'ref-6.13': { zh: 'PDE-5 抑制剂说明书（α受体阻滞剂）', en: 'PDE-5 inhibitor labels (α-blockers)' },
  'ref-6.14': {
    zh: '沙库巴曲缬沙坦（Entresto）美国说明书 第 4 节 禁忌证',
    en: 'Sacubitril/valsartan (Entresto) US label section 4 Contraindications',
  },
  'ref-6.16': { zh: '依普利酮（Inspra）美国说明书（CYP3A4）', en: 'Eplerenone (Inspra) US label (CYP3A4)' },
  'ref-6.18': { zh: 'β受体阻滞剂说明书（低血糖）', en: 'β-blocker labels (hypoglycaemia)' },
  'ref-6.19': { zh: '利尿剂与地高辛说明书', en: 'Diuretic and digoxin labels' },
  'ref-6.20': { zh: 'ACC/AHA 2017（升高血压的药物）', en: 'ACC/AHA 2017 (drugs that raise blood pressure)' },
  'ref-phansalkar-11': {
    zh: 'ONC 高优先级相互作用 #11（Phansalkar 2012）；辛伐他汀美国说明书禁忌证',
    en: 'ONC high-priority interaction #11 (Phansalkar 2012); simvastatin US label Contraindications',
  },
  'ref-8.4': { zh: 'SNOMED CT 临床术语；WHO ICD-10 国际疾病分类', en: 'SNOMED CT; WHO ICD-10' },
  rxnorm: { zh: 'RxNorm（美国国家医学图书馆）', en: 'RxNorm (NLM)' },
  'cn-prescription-review-2018': {
    zh: '《医疗机构处方审核规范》（2018）适宜性审核：重复给药',
    en: 'China Prescription Review Standard for Medical Institutions (2018), appropriateness review: duplicate medication',
  },
  'cn-prescription-review-2018-quantity': {
    zh: '《医疗机构处方审核规范》（2018）适宜性审核：剂量、用法与处方总量',
    en: 'China Prescription Review Standard for Medical Institutions (2018), appropriateness review: dose, usage and quantity',
  },
  'who-atc': { zh: 'WHO ATC/DDD 索引', en: 'WHO ATC/DDD index' },
  'label-metformin': {
    zh: 'FDA 药品安全通讯 2016-04-08（二甲双胍肾功能）',
    en: 'FDA Drug Safety Communication 2016-04-08 (metformin and kidney function)',
  },
  'label-sglt2i': {
    zh: 'SGLT2 抑制剂美国说明书（肾功能起始限制）',
    en: 'SGLT2 inhibitor US labels (renal initiation limits)',
  },
  'kdigo-nsaid': {
    zh: 'KDIGO 2012 CKD 指南 第 4.4 节（NSAIDs）',
    en: 'KDIGO 2012 CKD guideline section 4.4 (NSAIDs)',
  },
  'fda-nsaid-pregnancy': {
    zh: 'FDA 药品安全通讯 2020-10-15（妊娠期 NSAIDs）',
    en: 'FDA Drug Safety Communication 2020-10-15 (NSAIDs in pregnancy)',
  },
  'fda-statin-pregnancy': {
    zh: 'FDA 药品安全通讯 2021-07-20（妊娠期他汀）',
    en: 'FDA Drug Safety Communication 2021-07-20 (statins in pregnancy)',
  },
  'label-verapamil-uk-4.3': {
    zh: '维拉帕米英国产品特性概要（SmPC）第 4.3 节 禁忌：明显心动过缓（心率<50次/分）',
    en: 'Verapamil UK SmPC section 4.3 Contraindications: marked bradycardia (below 50 beats/minute)',
  },
  'label-amoxicillin': {
    zh: '阿莫西林美国说明书 第 2 节、第 4 节',
    en: 'Amoxicillin US label section 2, section 4',
  },
  'aaaai-2022': {
    zh: 'AAAAI/ACAAI 2022 药物过敏实践参数',
    en: 'AAAAI/ACAAI 2022 drug allergy practice parameter',
  },
  'label-beta-lactam': {
    zh: '青霉素类/头孢菌素类美国说明书 第 4 节 禁忌证',
    en: 'Penicillin/cephalosporin US labels section 4 Contraindications',
  },
  'label-nsaid-ere': {
    zh: 'NSAIDs 美国说明书 第 4 节（阿司匹林敏感哮喘）',
    en: 'NSAID US labels section 4 (aspirin-sensitive asthma)',
  },
  'label-statin': { zh: '他汀类美国说明书 第 2 节、第 4 节', en: 'Statin US labels section 2, section 4' },
  'label-atorva-clarith': {
    zh: '阿托伐他汀美国说明书 第 2 节/第 7 节（克拉霉素）',
    en: 'Atorvastatin US label section 2/section 7 (clarithromycin)',
  },
  'label-lithium': {
    zh: '碳酸锂美国说明书 第 7 节、第 8.1 节',
    en: 'Lithium carbonate US label section 7, section 8.1',
  },
  'label-fq': { zh: '氟喹诺酮类美国说明书 第 2 节；BNF', en: 'Fluoroquinolone US labels section 2; BNF' },
  'label-macrolide': {
    zh: '克拉霉素美国说明书 第 2 节、第 4 节',
    en: 'Clarithromycin US label section 2, section 4',
  },
  'label-cephalexin': {
    zh: '头孢氨苄美国说明书 第 2.3 节（肾功能）',
    en: 'Cephalexin US label section 2.3 (renal)',
  },
  'label-warfarin': {
    zh: '华法林（Coumadin）美国说明书 第 7 节',
    en: 'Warfarin (Coumadin) US label section 7',
  },
  'label-k': {
    zh: '氯化钾缓释片美国说明书 第 4 节、第 7 节',
    en: 'Potassium chloride ER US label section 4, section 7',
  },
  'label-methyldopa': { zh: '甲基多巴说明书（活动性肝病）', en: 'Methyldopa label (active liver disease)' },
  'label-nebivolol': {
    zh: '奈必洛尔（Bystolic）美国说明书 第 2 节',
    en: 'Nebivolol (Bystolic) US label section 2',
  },
  'label-amlodipine': {
    zh: '氨氯地平（Norvasc）美国说明书 第 2.1 节',
    en: 'Amlodipine (Norvasc) US label section 2.1',
  },
  'label-lisinopril': {
    zh: '赖诺普利（Zestril/Prinivil）美国说明书 第 2 节（肾功能不全）',
    en: 'Lisinopril (Zestril/Prinivil) US label section 2 (renal impairment)',
  },
  'label-spironolactone': {
    zh: '螺内酯（Aldactone）美国说明书（血钾、肾功能）',
    en: 'Spironolactone (Aldactone) US label (potassium, kidney function)',
  },
  'label-eplerenone': {
    zh: '依普利酮（Inspra）美国说明书（高血压）',
    en: 'Eplerenone (Inspra) US label (hypertension)',
  },
  'label-antidiabetic': {
    zh: '磺脲类/DPP-4 抑制剂美国说明书',
    en: 'Sulfonylurea / DPP-4 inhibitor US labels',
  },
  'label-antiplatelet': { zh: '阿司匹林/氯吡格雷说明书；BNF', en: 'Aspirin / clopidogrel labels; BNF' },
  'label-pde5': {
    zh: '西地那非/他达拉非美国说明书 第 2 节、第 4 节',
    en: 'Sildenafil / tadalafil US labels section 2, section 4',
  },
  'label-nitrate': { zh: '硝酸酯类美国说明书 第 4 节', en: 'Nitrate US labels section 4' },
  'label-digoxin': {
    zh: '地高辛（Lanoxin）美国说明书 第 2 节、第 7 节',
    en: 'Digoxin (Lanoxin) US label section 2, section 7',
  },
  'nice-ng133': {
    zh: 'NICE NG133 妊娠期高血压 第 1.6 节（哺乳期）',
    en: 'NICE NG133 Hypertension in pregnancy section 1.6 (breastfeeding)',
  },
  'bnf-lactation': { zh: 'BNF 英国国家处方集（哺乳期）', en: 'British National Formulary (breastfeeding)' },
  formulary: { zh: '本院处方集', en: 'Hospital formulary' },
  // Blood-pressure targets the guard's bp-target check cites (engines/blood-pressure targetFor).
  'bp-target-acc-aha-2017': {
    zh: 'ACC/AHA 2017 高血压指南 第 8.1.5 节',
    en: 'ACC/AHA 2017 hypertension guideline section 8.1.5',
  },
  'bp-target-esh-2023': {
    zh: 'ESH 2023 高血压指南 降压目标',
    en: 'ESH 2023 hypertension guideline, BP targets',
  },
  'bp-target-china-2018': {
    zh: '中国高血压防治指南 2018 降压目标',
    en: 'Chinese hypertension guideline 2018, BP targets',
  },
  'bp-target-china-2024': {
    zh: '中国高血压防治指南 2024 降压目标',
    en: 'Chinese hypertension guideline 2024, BP targets',
  },
};

/** Every source's user-facing name (the pharmacist's screen shows these too). */
export const SOURCE_NAMES: Readonly<Record<string, Bilingual>> = NAMES;

/** Per-drug facts of the label-derived tables: named by the drug's own label and section. */
const PER_DRUG: Record<string, { zh: (d: string) => string; en: (d: string) => string }> = {
  'ref-5.1a': {
    zh: (d) => `${d}美国说明书 第 2 节 用法用量（最大日剂量）`,
    en: (d) => `${d} US prescribing information section 2 Dosage and Administration (maximum daily dose)`,
  },
  'ref-5.3': {
    zh: (d) => `${d}美国说明书 第 2 节 用法用量（肾功能不全）`,
    en: (d) => `${d} US prescribing information section 2 Dosage and Administration (renal impairment)`,
  },
};

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The user-facing name of a source, in one language; with `drug`, a per-drug label section where there is one. */
export function sourceName(id: SourceId, lang: 'zh' | 'en', drug?: Bilingual): string {
  const per = drug ? PER_DRUG[id] : undefined;
  if (per && drug) return lang === 'zh' ? per.zh(drug.zh) : per.en(capital(drug.en));
  return NAMES[id]?.[lang] ?? (withoutInternalReferences(sourceOf(id).label) || id);
}
