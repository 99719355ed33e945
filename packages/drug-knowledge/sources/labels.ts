import type { Source } from '../types.ts';

/** Code systems, product labels, safety communications and other citable sources. */
export const LABEL_SOURCES: Source[] = [
  {
    id: 'rxnorm',
    label: 'RxNorm (NLM)',
    citation: 'RxNorm ingredient RxCUIs (NLM RxNav); only codes known with confidence are recorded',
    url: 'https://mor.nlm.nih.gov/RxNav/',
  },
  {
    id: 'cn-prescription-review-2018',
    // Basis for class-group duplication rules (thiazide + thiazide-like): docs/decisions/0015.
    label: 'Prescription Review Standard for Medical Institutions, China 2018 (duplicate medication)',
    citation:
      'National Health Commission of China, Prescription Review Standard for Medical Institutions (2018, No. 14), appropriateness review: whether there is duplicate medication',
  },
  {
    id: 'cn-prescription-review-2018-quantity',
    // Basis for the supply check (quantity against dose × frequency × days), issue 20.
    label: 'Prescription Review Standard for Medical Institutions, China 2018 (dose, usage and quantity)',
    citation:
      'National Health Commission of China, Prescription Review Standard for Medical Institutions (2018, No. 14), appropriateness review: whether the dose and usage are correct and the quantity of one prescription complies',
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
    id: 'label-verapamil-uk-4.3',
    // Number behind the non-DHP "marked bradycardia" contraindication for verapamil (issue 18/20).
    label: 'Verapamil UK SmPC section 4.3 Contraindications',
    citation:
      'Verapamil hydrochloride tablets, UK Summary of Product Characteristics (MHRA, Accord-UK 2019), section 4.3 Contraindications: marked bradycardia (less than 50 beats/minute)',
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
    citation:
      'British National Formulary monographs, breast-feeding section (lithium: avoid; fluoroquinolones: avoid)',
  },
  {
    id: 'formulary',
    label: 'Hospital formulary',
    citation: 'Local hospital formulary CSV (loaded at start-up)',
  },
];
