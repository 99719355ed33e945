/**
 * Probe pairs for the discourse entity layer (issue 18, mechanism 2 of docs/notes/guard-generalisation-2026-12-07.md):
 * a reading, an average, a table row or a computed value stated in one sentence and classified in the next through
 * a reference ("this reading", "该均值", "这类读数", "家庭血压"); list items and coordinated guidelines that inherit
 * the head's guideline and setting ("ESH and China agree: both …", "home: …; night: …"); two patients (甲/乙) with
 * their own renal values. Written for this probe, not copied from any corpus part.
 * Facts, as the engines hold them: office categories (REFERENCE §1.1 ACC/AHA 2017: normal <120/<80, elevated
 * 120–129/<80, stage 1 130–139 or 80–89, stage 2 ≥140 or ≥90; §1.2 ESH 2023 and §1.3 China 2018: grade 1 140–159/90–99,
 * grade 2 160–179/100–109, grade 3 ≥180/≥110); out-of-office thresholds (REFERENCE §2, ESH 2023 and China 2018: home
 * ≥135/85, daytime ≥135/85, night ≥120/70, 24 h ≥130/80); KDIGO 2012 GFR categories (REFERENCE §4.3: G2 60–89, G3a
 * 45–59, G3b 30–44, G4 15–29).
 */
import type { ProbePair } from './probe.ts';

export const DISCOURSE_PAIRS: readonly ProbePair[] = [
  // Anaphora: a reading or an average, then a category said of it.
  {
    id: 'd01-avg-en',
    ok: 'Over the week your home readings came to a mean of 146/92 mmHg. Under ESH 2023 this average is above the home threshold.',
    bad: 'Over the week your home readings came to a mean of 146/92 mmHg. Under ESH 2023 this average is below the home threshold.',
  },
  {
    id: 'd02-reading-en',
    ok: 'The nurse measured 152/94 mmHg in clinic. By the ESH 2023 scheme that reading is grade 1 hypertension.',
    bad: 'The nurse measured 152/94 mmHg in clinic. By the ESH 2023 scheme that reading is grade 2 hypertension.',
  },
  {
    id: 'd03-avg-zh',
    ok: '这一周家里量的平均是128/78 mmHg。按中国2018指南，该均值没有达到家庭血压的诊断标准。',
    bad: '这一周家里量的平均是128/78 mmHg。按中国2018指南，该均值已经达到家庭血压的诊断标准。',
  },
  {
    id: 'd04-reading-zh',
    ok: '门诊测得的血压是166/102 mmHg。按中国2018指南，这个读数属于2级高血压。',
    bad: '门诊测得的血压是166/102 mmHg。按中国2018指南，这个读数属于1级高血压。',
  },
  {
    id: 'd05-these-en',
    ok: 'Your clinic readings were 124/76 and 127/78 mmHg. Under ACC/AHA 2017 these readings are elevated blood pressure.',
    bad: 'Your clinic readings were 124/76 and 127/78 mmHg. Under ACC/AHA 2017 these readings are normal blood pressure.',
  },
  {
    id: 'd06-class-zh',
    ok: '诊室两次测量分别为145/92和148/95 mmHg。按ESH 2023，这类读数属于1级高血压。',
    bad: '诊室两次测量分别为145/92和148/95 mmHg。按ESH 2023，这类读数属于正常血压。',
  },
  {
    id: 'd07-setting-zh',
    ok: '夜间动态血压均值为126/74 mmHg。按ESH 2023，夜间血压高于诊断阈值。',
    bad: '夜间动态血压均值为126/74 mmHg。按ESH 2023，夜间血压低于诊断阈值。',
  },
  {
    id: 'd08-it-en',
    ok: 'A single clinic reading of 184/112 mmHg was taken. Under China 2018 it falls in grade 3 hypertension.',
    bad: 'A single clinic reading of 184/112 mmHg was taken. Under China 2018 it falls in grade 2 hypertension.',
  },
  // Lists and table rows: the setting labels on either side of the value, the head's guideline.
  {
    id: 'd09-list-en',
    ok: 'ESH 2023 thresholds for hypertension: home: 135/85; night-time: 120/70; 24-hour: 130/80.',
    bad: 'ESH 2023 thresholds for hypertension: home: 135/85; night-time: 135/85; 24-hour: 130/80.',
  },
  {
    id: 'd10-list-zh',
    ok: '中国2018指南的诊断阈值：家庭血压≥135/85；夜间≥120/70；24小时≥130/80。',
    bad: '中国2018指南的诊断阈值：家庭血压≥135/85；夜间≥130/80；24小时≥130/80。',
  },
  {
    id: 'd11-row-after-en',
    ok: 'Thresholds under ESH 2023: 135/85 for daytime, 120/70 for night-time.',
    bad: 'Thresholds under ESH 2023: 135/85 for daytime, 135/85 for night-time.',
  },
  {
    id: 'd12-table-zh',
    ok: '按ESH 2023，诊断阈值如下：家庭 135/85 | 白天 135/85 | 夜间 120/70 | 24小时 130/80。',
    bad: '按ESH 2023，诊断阈值如下：家庭 135/85 | 白天 135/85 | 夜间 130/80 | 24小时 130/80。',
  },
  // Coordinated guidelines: both named subjects take the claim.
  {
    id: 'd13-coord-en',
    ok: 'ESH 2023 and China 2018 agree: both call 150/95 grade 1 hypertension.',
    bad: 'ESH 2023 and China 2018 agree: both call 150/95 grade 2 hypertension.',
  },
  {
    id: 'd14-coord-zh',
    ok: 'ESH 2023和中国2018指南的看法一致，二者都把150/95归为1级高血压。',
    bad: 'ESH 2023和中国2018指南的看法一致，二者都把150/95归为2级高血压。',
  },
  {
    id: 'd15-coord-en',
    ok: 'Both ESH 2023 and China 2018 classify 172/104 as grade 2 hypertension.',
    bad: 'Both ESH 2023 and China 2018 classify 172/104 as grade 1 hypertension.',
  },
  {
    id: 'd16-coord-zh',
    ok: '中国2018指南与ESH 2023都认为168/98属于2级高血压。',
    bad: '中国2018指南与ESH 2023都认为168/98属于3级高血压。',
  },
  // Computed values and two patients.
  {
    id: 'd17-computed-en',
    ok: 'With creatinine 1.4 mg/dL at 70 years the CKD-EPI 2021 eGFR works out to about 52. That value places the kidneys in category G3a.',
    bad: 'With creatinine 1.4 mg/dL at 70 years the CKD-EPI 2021 eGFR works out to about 52. That value places the kidneys in category G2.',
  },
  {
    id: 'd18-computed-zh',
    ok: '按CKD-EPI 2021计算，eGFR约为38 mL/min/1.73 m²。该数值对应KDIGO的G3b期。',
    bad: '按CKD-EPI 2021计算，eGFR约为38 mL/min/1.73 m²。该数值对应KDIGO的G3a期。',
  },
  {
    id: 'd19-patients-zh',
    ok: '两位患者：甲的eGFR约72，属G2；乙的eGFR约40，属G3b。',
    bad: '两位患者：甲的eGFR约72，属G2；乙的eGFR约40，属G3a。',
    patient: { age: 70, egfr: 72 },
  },
  {
    id: 'd20-patients-en',
    ok: 'Patient A has an eGFR of about 68, which is G2; patient B has an eGFR of about 27, which is G4.',
    bad: 'Patient A has an eGFR of about 68, which is G2; patient B has an eGFR of about 27, which is G3b.',
    patient: { age: 66, egfr: 68 },
  },
  {
    id: 'd21-patients-zh',
    ok: '甲：eGFR 85，G2期。乙：eGFR 52，G3a期。',
    bad: '甲：eGFR 85，G2期。乙：eGFR 52，G2期。',
    patient: { age: 60, egfr: 85 },
  },
  {
    id: 'd22-phenotype-en',
    ok: 'Clinic 150/96 and home mean 128/80. Under ESH 2023 this pattern is white-coat hypertension.',
    bad: 'Clinic 150/96 and home mean 128/80. Under ESH 2023 this pattern is masked hypertension.',
  },
];
