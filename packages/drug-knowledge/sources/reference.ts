import type { Source } from '../types.ts';

/** Sections of ../shared/clinical/REFERENCE.md and the guidelines/labels they cite. */
export const REFERENCE_SOURCES: Source[] = [
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
      'Qihuang clinical reference §5.2: ACC/AHA 2017 Table 18 comments; ESH 2023; Chinese hypertension guideline 2018, table of indications and contraindications of common antihypertensive drugs',
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
    citation:
      'REFERENCE §6 row 1: ACC/AHA 2017; ESH 2023; Chinese hypertension guideline 2018 (ACEI+ARB not recommended); ONTARGET 2008',
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
];
