import type { Source } from './types.ts';

/**
 * Provenance registry. "REFERENCE" is ../shared/clinical/REFERENCE.md (the project's clinical reference);
 * label statements are cited by product name and section. Statements marked (UNVERIFIED) in REFERENCE stay
 * marked here: check the primary source before raising a rule's severity.
 */
const list: Source[] = [
  {
    id: 'ref-5.1',
    label: 'REFERENCE §5.1 (ACC/AHA 2017 Table 18, WHO ATC)',
    citation:
      'Qihuang clinical reference §5.1: class table, Chinese names, ATC, usual adult daily dose (ACC/AHA 2017 Table 18; WHO ATC index)',
  },
  {
    id: 'ref-5.1a',
    label: 'REFERENCE §5.1a (US label maximum doses)',
    citation: 'Qihuang clinical reference §5.1a: US label hypertension dosing and maximum daily dose',
  },
  {
    id: 'ref-5.2',
    label: 'REFERENCE §5.2 (class contraindications)',
    citation:
      'Qihuang clinical reference §5.2: ACC/AHA 2017 Table 18 comments; ESH 2023; China 2018 常用降压药适应证和禁忌证表',
  },
  {
    id: 'ref-5.2-pregnancy',
    label: 'REFERENCE §5.2 pregnancy (ACC/AHA 2017 §10.2.1; ESH 2023; China 2018)',
    citation: 'Qihuang clinical reference §5.2, pregnancy paragraph',
  },
  {
    id: 'ref-5.3',
    label: 'REFERENCE §5.3 (renal dose rules)',
    citation: 'Qihuang clinical reference §5.3: renal dose considerations',
  },
  {
    id: 'ref-6',
    label: 'REFERENCE §6 (key DDIs)',
    citation: 'Qihuang clinical reference §6: key drug–drug interactions for hypertension patients',
  },
  {
    id: 'ref-6.1',
    label: 'ACC/AHA 2017 (dual RAAS blockade: Class III Harm)',
    citation: 'REFERENCE §6 row 1: ACC/AHA 2017; ESH 2023; China 2018 (不推荐 ACEI+ARB); ONTARGET 2008',
    url: 'https://doi.org/10.1161/HYP.0000000000000065',
  },
  {
    id: 'ref-6.2',
    label: 'FDA/EMA 2012 aliskiren (ALTITUDE)',
    citation: 'REFERENCE §6 row 2: FDA 2012 label change; EMA 2012',
  },
  {
    id: 'ref-6.3',
    label: 'REFERENCE §6 row 3 (RAAS + K-sparing/K⁺)',
    citation: 'REFERENCE §6 row 3 and §5.3 potassium thresholds (labels; ESC HF 2021)',
  },
  {
    id: 'ref-6.4',
    label: 'Lapi et al. BMJ 2013 (triple whammy)',
    citation: 'REFERENCE §6 row 4: Lapi F et al. BMJ 2013;346:e8525',
    url: 'https://doi.org/10.1136/bmj.e8525',
  },
  {
    id: 'ref-6.5',
    label: 'ACC/AHA 2017 Table 18 (non-DHP CCB + β-blocker)',
    citation: 'REFERENCE §6 row 5: ACC/AHA 2017 Table 18; ESH 2023',
  },
  {
    id: 'ref-6.6',
    label: 'FDA 2011 simvastatin dose limits',
    citation: 'REFERENCE §6 rows 6–7: FDA Drug Safety Communication 2011-06-08; simvastatin US label §2.3',
    url: 'https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-new-restrictions-contraindications-and-dose-limitations-zocor-simvastatin',
  },
  {
    id: 'ref-6.8',
    label: 'Lovastatin US label (CYP3A4)',
    citation: 'REFERENCE §6 row 8: lovastatin US label (UNVERIFIED)',
  },
  { id: 'ref-6.9', label: 'Lithium labels (thiazide)', citation: 'REFERENCE §6 row 9: lithium labels' },
  { id: 'ref-6.10', label: 'Lithium labels (ACEi/ARB)', citation: 'REFERENCE §6 row 10: lithium labels' },
  { id: 'ref-6.11', label: 'Clonidine label (Catapres)', citation: 'REFERENCE §6 row 11' },
  {
    id: 'ref-6.12',
    label: 'Am Fam Physician 2019 (PDE-5i + nitrates)',
    citation: 'REFERENCE §6 row 12: Am Fam Physician 2019;99(9):558–564; PDE-5 inhibitor labels',
  },
  {
    id: 'ref-6.13',
    label: 'PDE-5 inhibitor labels (α-blockers)',
    citation: 'REFERENCE §6 row 13 (UNVERIFIED)',
  },
  {
    id: 'ref-6.14',
    label: 'Entresto US label §4',
    citation: 'REFERENCE §6 row 14: sacubitril/valsartan US label §4 Contraindications',
  },
  { id: 'ref-6.16', label: 'Inspra US label (CYP3A4)', citation: 'REFERENCE §6 row 16' },
  { id: 'ref-6.18', label: 'β-blocker labels (hypoglycaemia)', citation: 'REFERENCE §6 row 18' },
  { id: 'ref-6.19', label: 'Labels (diuretic + digoxin)', citation: 'REFERENCE §6 row 19' },
  { id: 'ref-6.20', label: 'ACC/AHA 2017 (drugs that raise BP)', citation: 'REFERENCE §6 row 20' },
  {
    id: 'ref-phansalkar-11',
    label: 'ONC high-priority DDI #11 (Phansalkar 2012)',
    citation:
      'REFERENCE §6 ONC list #11: statins + CYP3A4 inhibitors; simvastatin US label Contraindications (strong CYP3A4 inhibitors incl. clarithromycin, erythromycin, ketoconazole)',
    url: 'https://doi.org/10.1136/amiajnl-2011-000612',
  },
  {
    id: 'ref-8.4',
    label: 'REFERENCE §8.4–8.5 (codes)',
    citation: 'SNOMED CT / ICD-10 codes per REFERENCE §8.4–§8.5 and WHO ICD-10',
  },
  {
    id: 'rxnorm',
    label: 'RxNorm (NLM)',
    citation: 'RxNorm ingredient RxCUIs (NLM RxNav); only codes known with confidence are recorded',
    url: 'https://mor.nlm.nih.gov/RxNav/',
  },
  {
    id: 'who-atc',
    label: 'WHO ATC/DDD index',
    citation: 'WHO Collaborating Centre for Drug Statistics Methodology, ATC/DDD index',
    url: 'https://atcddd.fhi.no/atc_ddd_index/',
  },
  {
    id: 'label-metformin',
    label: 'FDA 2016 metformin renal labelling',
    citation:
      'FDA Drug Safety Communication 2016-04-08: metformin contraindicated at eGFR <30; starting not recommended at eGFR 30–45; reassess below 45',
    url: 'https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-fda-revises-warnings-regarding-use-diabetes-medicine-metformin-certain',
  },
  {
    id: 'label-sglt2i',
    label: 'SGLT2 inhibitor US labels (renal initiation limits)',
    citation:
      'US prescribing information: Farxiga (initiation not recommended eGFR <25), Jardiance (eGFR <20 for initiation), Invokana (initiation not recommended eGFR <30)',
  },
  {
    id: 'kdigo-nsaid',
    label: 'KDIGO 2012 CKD (NSAIDs)',
    citation:
      'KDIGO 2012 CKD guideline §4.4: avoid NSAIDs at GFR <30; prolonged use not recommended at GFR <60; avoid with RAAS blockers and lithium',
  },
  {
    id: 'fda-nsaid-pregnancy',
    label: 'FDA 2020 NSAIDs in pregnancy',
    citation:
      'FDA Drug Safety Communication 2020-10-15: avoid NSAIDs at ≥20 weeks of pregnancy (fetal renal dysfunction, oligohydramnios); avoid ≥30 weeks (ductus arteriosus)',
    url: 'https://www.fda.gov/drugs/drug-safety-and-availability/fda-recommends-avoiding-use-nsaids-pregnancy-20-weeks-or-later-because-they-can-result-low-amniotic',
  },
  {
    id: 'fda-statin-pregnancy',
    label: 'FDA 2021 statins in pregnancy',
    citation:
      'FDA Drug Safety Communication 2021-07-20: contraindication removed, but most pregnant patients should stop statins; statins not recommended while breastfeeding',
  },
  {
    id: 'label-amoxicillin',
    label: 'Amoxicillin US label (Amoxil)',
    citation:
      'Amoxicillin US prescribing information §2 (renal: GFR <30 do not use 875 mg; 10–30: 250–500 mg q12h; <10: q24h) and §4 (hypersensitivity to β-lactams)',
  },
  {
    id: 'aaaai-2022',
    label: 'AAAAI/ACAAI 2022 drug allergy parameter',
    citation:
      'Khan DA et al. Drug allergy: a 2022 practice parameter update. J Allergy Clin Immunol 2022;150(6):1333–1393 (penicillin–cephalosporin cross-reactivity low; higher with shared R1 side chains, e.g. amoxicillin–cefadroxil/cephalexin)',
    url: 'https://doi.org/10.1016/j.jaci.2022.08.028',
  },
  {
    id: 'label-beta-lactam',
    label: 'Penicillin/cephalosporin labels (hypersensitivity)',
    citation:
      'US labels of penicillins and cephalosporins §4 Contraindications: known serious hypersensitivity to the drug or other β-lactams of the same class',
  },
  {
    id: 'label-nsaid-ere',
    label: 'NSAID US labels (aspirin-sensitive asthma)',
    citation:
      'US NSAID labels §4: contraindicated after asthma, urticaria or allergic-type reactions to aspirin or other NSAIDs',
  },
  {
    id: 'label-statin',
    label: 'Statin US labels',
    citation:
      'US prescribing information for simvastatin, atorvastatin, rosuvastatin, pravastatin, lovastatin (§2 dosing, §4 contraindications: acute liver failure or decompensated cirrhosis)',
  },
  {
    id: 'label-atorva-clarith',
    label: 'Atorvastatin US label §2/§7 (clarithromycin)',
    citation: 'Atorvastatin US label: with clarithromycin or itraconazole, do not exceed 20 mg/day',
  },
  {
    id: 'label-lithium',
    label: 'Lithium US label (NSAIDs, pregnancy)',
    citation:
      'Lithium carbonate US prescribing information §7 (NSAIDs increase lithium levels) and §8.1 (cardiac malformations incl. Ebstein anomaly)',
  },
  {
    id: 'label-fq',
    label: 'Fluoroquinolone US labels',
    citation:
      'Ciprofloxacin / levofloxacin / moxifloxacin US labels §2 renal dose adjustment; BNF: avoid in pregnancy',
  },
  {
    id: 'label-macrolide',
    label: 'Clarithromycin US label',
    citation:
      'Clarithromycin US label §2 (CrCl <30: halve dose) and §4 (with simvastatin/lovastatin contraindicated)',
  },
  {
    id: 'label-cephalexin',
    label: 'Cephalexin / cefuroxime US labels (renal)',
    citation: 'Cephalexin US label §2.3 renal dose (CrCl <30 mL/min: reduce dose)',
  },
  {
    id: 'label-warfarin',
    label: 'Warfarin US label §7 (bleeding risk)',
    citation:
      'Warfarin (Coumadin) US label §7: NSAIDs and antiplatelet agents increase bleeding risk; macrolides/fluoroquinolones may raise INR',
  },
  {
    id: 'label-k',
    label: 'Potassium chloride US label',
    citation:
      'Potassium chloride extended-release US label §4: contraindicated in hyperkalaemia; §7: with K-sparing diuretics / ACEi / ARB risk of hyperkalaemia',
  },
  {
    id: 'label-methyldopa',
    label: 'Methyldopa label',
    citation: 'REFERENCE §5.2: methyldopa contraindicated in active hepatic disease (label)',
  },
  {
    id: 'label-nebivolol',
    label: 'Bystolic label (Medscape)',
    citation:
      'REFERENCE §5.1a/§5.3: nebivolol CrCl <30 start 2.5 mg; severe hepatic impairment contraindicated',
  },
  {
    id: 'label-amlodipine',
    label: 'Norvasc US label §2.1',
    citation:
      'REFERENCE §5.1a: amlodipine 5 mg qd (2.5 mg if elderly or hepatic impairment), max 10 mg qd (label text seen)',
  },
  {
    id: 'label-lisinopril',
    label: 'Zestril/Prinivil US label (renal)',
    citation: 'REFERENCE §5.1a/§5.3: lisinopril CrCl 10–30 start 5 mg (max 40); <10 start 2.5 mg',
  },
  {
    id: 'label-spironolactone',
    label: 'Aldactone US label (K⁺, renal)',
    citation: 'REFERENCE §5.2/§5.3: spironolactone — do not start if K⁺ >5.0 or eGFR <30; Addison disease',
  },
  {
    id: 'label-eplerenone',
    label: 'Inspra US label (HTN)',
    citation: 'REFERENCE §5.2/§5.3: eplerenone HTN — K⁺ >5.5, CrCl ≤50 contraindicated (UNVERIFIED numbers)',
  },
  {
    id: 'label-antidiabetic',
    label: 'Sulfonylurea / DPP-4 inhibitor US labels',
    citation:
      'US labels of glipizide, glimepiride, gliclazide (EU SmPC), sitagliptin (renal dose: eGFR 30–45 50 mg, <30 25 mg)',
  },
  {
    id: 'label-antiplatelet',
    label: 'Aspirin / clopidogrel labels',
    citation: 'Aspirin and clopidogrel (Plavix) labels; BNF aspirin: avoid in 3rd trimester analgesic doses',
  },
  {
    id: 'label-pde5',
    label: 'Sildenafil / tadalafil US labels',
    citation:
      'Viagra / Cialis US labels §2 (max once daily; 100 mg sildenafil, 20 mg tadalafil) and §4 (nitrates)',
  },
  {
    id: 'label-nitrate',
    label: 'Nitrate US labels',
    citation: 'Isosorbide mononitrate / nitroglycerin US labels §4 (PDE-5 inhibitors, riociguat)',
  },
  {
    id: 'label-digoxin',
    label: 'Digoxin (Lanoxin) US label',
    citation: 'Lanoxin US label §2 (renal dose adjustment) and §7',
  },
  {
    id: 'nice-ng133',
    label: 'NICE NG133 (breastfeeding)',
    citation:
      'NICE NG133 Hypertension in pregnancy §1.6: enalapril/captopril usable in breastfeeding; insufficient evidence for ARBs; nifedipine, amlodipine, labetalol, atenolol, metoprolol usable',
  },
  {
    id: 'bnf-lactation',
    label: 'BNF (breastfeeding)',
    citation: 'British National Formulary monographs, breast-feeding section (lithium: avoid; fluoroquinolones: avoid)',
  },
  {
    id: 'formulary',
    label: 'Hospital formulary',
    citation: 'Local hospital formulary CSV (loaded at start-up)',
  },
];

export const SOURCES: Readonly<Record<string, Source>> = Object.fromEntries(list.map((s) => [s.id, s]));

export function sourceOf(id: string): Source {
  return SOURCES[id] ?? { id, label: id, citation: id };
}
