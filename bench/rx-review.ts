/**
 * Benchmark: in-process prescription review of one patient with 20 active medications and 3 draft orders
 * (interactions, duplication, dose, renal, allergy, contraindication, labs, guideline). Target p95 ≤ 5 ms.
 * "warm": the same order texts every time (name-match cache hit, as with a formulary's repeated product names);
 * "cold": every order text is new (full name search for each of the 23 medications).
 * Wall-clock percentiles include scheduler delays on a loaded machine; CPU time (process.cpuUsage) is also shown.
 * Run: node bin/run-ts.mjs bench/rx-review.ts [iterations]
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import {
  reviewPrescriptions,
  type MedicationInput,
  type PatientContext,
} from '@qihuang/engines/prescription-review';

const iterations = Number(process.argv[2] ?? 2000);
const kb = createDrugKnowledgeBase();
const ACTIVE = [
  '苯磺酸氨氯地平片 5mg qd',
  'Lisinopril 20 mg tablet daily',
  '氢氯噻嗪片 25mg qd',
  '酒石酸美托洛尔片 25mg bid',
  '阿托伐他汀钙片 20mg qn',
  '阿司匹林肠溶片 100mg qd',
  '盐酸二甲双胍片 0.5g tid',
  'empagliflozin 10 mg daily',
  '氯吡格雷 75mg qd',
  'furosemide 20 mg daily',
  '格列美脲片 2mg qd',
  '单硝酸异山梨酯缓释片 40mg qd',
  'potassium chloride 10 mmol bid',
  '地高辛片 0.125mg qd',
  'warfarin 3 mg daily',
  'sitagliptin 100 mg daily',
  'doxazosin 4 mg qhs',
  '碳酸锂片 0.3g bid',
  'allopurinol 100 mg daily',
  '奥美拉唑肠溶胶囊 20mg qd',
];
const DRAFTS = ['simvastatin 40 mg qn', '布洛芬缓释胶囊 0.3g bid', '阿莫西林胶囊 0.5g tid'];
const patient = (suffix: string): PatientContext => ({
  ageYears: 72,
  sex: 'female',
  weightKg: 58,
  conditions: [
    { codes: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'I10' }] },
    { codes: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'E11.9' }] },
    { text: '痛风' },
  ],
  allergies: [{ text: '青霉素' }],
  medications: ACTIVE.map((text, i): MedicationInput => ({
    id: `MedicationRequest/a${i}`,
    text: text + suffix,
  })),
  labs: { creatinine: { value: 1.4 }, potassium: { value: 5.2 } },
  bp: { systolic: 152, diastolic: 88 },
});
const drafts = (suffix: string) =>
  DRAFTS.map((text, i): MedicationInput => ({ id: `MedicationRequest/d${i}`, text: text + suffix }));

function measure(label: string, makeSuffix: (i: number) => string): number {
  for (let i = 0; i < 200; i++)
    reviewPrescriptions({ patient: patient(makeSuffix(-i - 1)), drafts: drafts(makeSuffix(-i - 1)) }, kb); // warm-up
  const times: number[] = [];
  const cpu: number[] = [];
  let findings = 0;
  for (let i = 0; i < iterations; i++) {
    const input = { patient: patient(makeSuffix(i)), drafts: drafts(makeSuffix(i)) };
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    findings = reviewPrescriptions(input, kb).findings.length;
    times.push(performance.now() - t0);
    const c1 = process.cpuUsage(c0);
    cpu.push((c1.user + c1.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const at = (list: number[], p: number) =>
    list[Math.min(list.length - 1, Math.floor((p / 100) * list.length))] as number;
  const pct = (p: number) => at(times, p);
  const p95 = pct(95);
  console.log(
    `rx-review (${label}): 20 active + 3 drafts, ${findings} findings, ${iterations} iterations — p50 ${pct(50).toFixed(3)} ms, p95 ${p95.toFixed(3)} ms, max ${(times[times.length - 1] as number).toFixed(3)} ms (target ≤ 5 ms) ${p95 <= 5 ? 'OK' : 'SLOW'}; CPU time p50 ${at(cpu, 50).toFixed(3)} ms, p95 ${at(cpu, 95).toFixed(3)} ms (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs)`,
  );
  return p95;
}

measure('warm', () => '');
measure('cold', (i) => ` #${i}`);
