/**
 * Sources of the concept lexicon. Every concept row names one or more of these keys in `sources`.
 * Surface forms (colloquial and regional wording, typos) are this package's own, written to match how
 * patients describe the symptoms these sources list; codes are added only where the code is certain.
 */
import type { SourceId } from '../types.ts';

export interface Source {
  id: SourceId;
  title: string;
  citation: string;
  /** What the lexicon takes from it. */
  used: string;
}

export const SOURCES: Record<SourceId, Source> = {
  befast: {
    id: 'befast',
    title: 'BE-FAST stroke recognition (Balance, Eyes, Face, Arm, Speech, Time)',
    citation:
      'Aroor S, Singh R, Goldstein LB. BE-FAST (Balance, Eyes, Face, Arm, Speech, Time): reducing the proportion of strokes missed using the FAST mnemonic. Stroke 2017;48(2):479–481. doi:10.1161/STROKEAHA.116.015169',
    used: 'stroke signs: sudden loss of balance, sudden vision loss/double vision, facial droop, arm weakness, speech difficulty',
  },
  stroke120: {
    id: 'stroke120',
    title: '中风120 (Stroke 1-2-0) public campaign',
    citation:
      'Zhao J, Liu R. Stroke 1-2-0: a rapid response programme for stroke in China. Lancet Neurol 2017;16(1):27–28 — "1看1张脸(不对称、口角歪斜)，2查2只胳膊(平行举起单侧无力)，0(聆)听语言(言语不清、表达困难)，有上述任何症状立即拨打120"',
    used: '口角歪斜/脸不对称, 单侧手臂无力/抬不起, 言语不清/说不出话; call-120 instruction',
  },
  'ref-1.5': {
    id: 'ref-1.5',
    title: 'REFERENCE §1.5 hypertensive crisis / emergency (acute target-organ damage)',
    citation:
      '../shared/clinical/REFERENCE.md §1.5 (ACC/AHA 2017 §11.2; ESH 2023; China 2018 高血压急症: 伴进行性心、脑、肾等重要靶器官功能不全表现)',
    used: 'target-organ-damage symptoms: chest pain, breathlessness (pulmonary oedema), neurological deficit, confusion, seizure, severe headache, visual disturbance, reduced urine; crisis reading >180/120',
  },
  'aha-heart-attack': {
    id: 'aha-heart-attack',
    title: 'American Heart Association, "Warning Signs of a Heart Attack" (patient page, heart.org)',
    citation:
      'AHA patient education: chest discomfort (uncomfortable pressure, squeezing, fullness or pain), discomfort in arms/back/neck/jaw, shortness of breath, cold sweat, nausea, light-headedness',
    used: 'chest pressure/squeezing/heaviness wording, radiating pain, cold sweat',
  },
  'aha-dissection': {
    id: 'aha-dissection',
    title: 'Acute aortic dissection presentation (IRAD)',
    citation:
      'Hagan PG, Nienaber CA, Isselbacher EM, et al. The International Registry of Acute Aortic Dissection (IRAD): new insights into an old disease. JAMA 2000;283(7):897–903 (abrupt severe chest or back pain, described as sharp, tearing or ripping)',
    used: 'tearing/ripping chest or back pain, pain moving to the back',
  },
  preeclampsia: {
    id: 'preeclampsia',
    title:
      'Pre-eclampsia warning signs (ACOG patient education "Preeclampsia and High Blood Pressure During Pregnancy")',
    citation:
      'ACOG FAQ: headache that does not go away, changes in vision, pain in the upper abdomen, trouble breathing, swelling of face or hands',
    used: 'pregnancy + headache / visual change as a red flag',
  },
  'patient-education': {
    id: 'patient-education',
    title:
      'Patient-education symptom wording (MedlinePlus symptom pages; Chinese hypertension health-education leaflets)',
    citation:
      'MedlinePlus (U.S. National Library of Medicine) pages "Dizziness", "Headache", "Palpitations", "Swelling", "Breathing difficulty"; 中国高血压健康教育指南 (2013) lay symptom wording (头晕、头胀、心慌、耳鸣、乏力、水肿)',
    used: 'ordinary symptoms and lay terms that are not red flags by themselves',
  },
  'ref-5.1': {
    id: 'ref-5.1',
    title: 'REFERENCE §5.1 antihypertensive class table (agents, Chinese names, ATC)',
    citation: '../shared/clinical/REFERENCE.md §5.1 (WHO ATC index)',
    used: 'drug names (zh/en) and ATC codes; common brand names as marketed in China/US',
  },
  'ref-8.4': {
    id: 'ref-8.4',
    title: 'REFERENCE §8.4–8.5 SNOMED CT and ICD-10 hypertension codes',
    citation: '../shared/clinical/REFERENCE.md §8.4 (SNOMED CT 38341003), §8.5 (ICD-10 I10)',
    used: 'hypertension codes',
  },
  'aha-crisis': {
    id: 'aha-crisis',
    title:
      'American Heart Association, "Hypertensive Crisis: When You Should Call 911 for High Blood Pressure" (patient page, heart.org)',
    citation:
      'AHA patient education: call 911 if blood pressure is 180/120 or higher with chest pain, shortness of breath, back pain, numbness, weakness, change in vision or difficulty speaking',
    used: 'back pain and numbness as target-organ-damage signs together with a crisis reading (crisisSign)',
  },
  intake: {
    id: 'intake',
    title: 'Qihuang intake condition list',
    citation: 'packages/care/intake.ts CONDITION_TERMS (SNOMED CT concept ids already used by the intake)',
    used: 'condition codes shared with the intake drafts',
  },
};
