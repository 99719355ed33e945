/**
 * Treatment step "contraindications": classes to avoid (REFERENCE §5.2, §5.3, §6 row 1) and classes preferred by
 * compelling indication (§7.1, §5.2 pregnancy). Pure.
 */
import { CLASS_TEXT } from '../agents.ts';
import type { AntihypertensiveClass, AvoidedClass, TreatmentInput, TreatmentProposal } from '../types.ts';

type Cls = AntihypertensiveClass;
type Preferred = TreatmentProposal['preferred'][number];

const ENGINE_CLASS_ORDER: readonly Cls[] = [
  'acei',
  'arb',
  'ccb-dhp',
  'ccb-nondhp',
  'thiazide',
  'loop',
  'mra',
  'beta-blocker',
  'alpha-blocker',
  'central',
  'other',
];

function av(cls: Cls, zh: string, en: string, source: string): AvoidedClass {
  return { cls, reason: { zh, en }, source };
}

/** Classes to avoid, one entry per (class, reason), in a stable order. */
export function avoidedClasses(input: TreatmentInput): AvoidedClass[] {
  const c = input.conditions;
  const k = input.labs?.potassium;
  const egfr = input.labs?.egfr;
  const out: AvoidedClass[] = [];
  if (c.pregnancy) {
    const s = 'REFERENCE §5.2 pregnancy (ACC/AHA 2017 §10.2.1; ESH 2023; China 2018)';
    out.push(
      av('acei', '妊娠:ACEI致胎儿毒性,禁用', 'Pregnancy: ACE inhibitors are fetotoxic (contraindicated)', s),
    );
    out.push(av('arb', '妊娠:ARB致胎儿毒性,禁用', 'Pregnancy: ARBs are fetotoxic (contraindicated)', s));
    out.push(av('mra', '妊娠:应停用螺内酯类', 'Pregnancy: stop MRAs (spironolactone)', s));
    out.push(
      av(
        'other',
        '妊娠:直接肾素抑制剂(阿利吉仑)禁用',
        'Pregnancy: direct renin inhibitor (aliskiren) contraindicated',
        s,
      ),
    );
    out.push(
      av(
        'thiazide',
        '妊娠:噻嗪类为相对禁忌,首选拉贝洛尔/硝苯地平/甲基多巴',
        'Pregnancy: thiazides are a caution; labetalol, nifedipine ER or methyldopa preferred',
        'REFERENCE §5.2 thiazide cautions, pregnancy',
      ),
    );
  } else if (c.pregnancyPossible) {
    const s = 'REFERENCE §5.2 ACEi/ARB: women of child-bearing potential without reliable contraception';
    out.push(
      av(
        'acei',
        '育龄期未可靠避孕:避免ACEI',
        'Possible pregnancy (no reliable contraception): avoid ACE inhibitors',
        s,
      ),
    );
    out.push(
      av('arb', '育龄期未可靠避孕:避免ARB', 'Possible pregnancy (no reliable contraception): avoid ARBs', s),
    );
  }
  if (c.angioedemaHistory)
    out.push(
      av(
        'acei',
        '血管性水肿病史:禁用ACEI',
        'History of angioedema: ACE inhibitors contraindicated',
        'REFERENCE §5.2 ACEi',
      ),
    );
  if (c.bilateralRenalArteryStenosis) {
    const s = 'REFERENCE §5.2 ACEi/ARB bilateral renal artery stenosis';
    out.push(
      av(
        'acei',
        '双侧肾动脉狭窄:禁用ACEI',
        'Bilateral renal artery stenosis: ACE inhibitors contraindicated',
        s,
      ),
    );
    out.push(av('arb', '双侧肾动脉狭窄:禁用ARB', 'Bilateral renal artery stenosis: ARBs contraindicated', s));
  }
  if (k !== undefined && k > 5.5) {
    // §5.2 ESH K⁺ >5.5 (UNVERIFIED); §5.3 K⁺ >5.5 → reduce/stop RAAS blocker
    const s = 'REFERENCE §5.2 hyperkalaemia (K⁺ >5.5), §5.3 potassium thresholds';
    out.push(
      av(
        'acei',
        `高钾血症(K⁺ ${k} mmol/L >5.5):避免ACEI`,
        `Hyperkalaemia (K⁺ ${k} mmol/L >5.5): avoid ACE inhibitors`,
        s,
      ),
    );
    out.push(
      av(
        'arb',
        `高钾血症(K⁺ ${k} mmol/L >5.5):避免ARB`,
        `Hyperkalaemia (K⁺ ${k} mmol/L >5.5): avoid ARBs`,
        s,
      ),
    );
  }
  if (k !== undefined && k > 5.0)
    // §5.2 MRA K⁺ >5.0; §5.3 do not start spironolactone if K⁺ >5.0
    out.push(
      av(
        'mra',
        `K⁺ ${k} mmol/L >5.0:不宜使用醛固酮受体拮抗剂`,
        `K⁺ ${k} mmol/L >5.0: do not start an MRA`,
        'REFERENCE §5.2 MRA, §5.3 spironolactone',
      ),
    );
  if (egfr !== undefined && egfr < 30) {
    // §5.3 spironolactone eGFR <30; thiazides less effective <30 → loop
    out.push(
      av(
        'mra',
        `eGFR ${egfr} <30:不宜使用螺内酯`,
        `eGFR ${egfr} <30: do not start spironolactone`,
        'REFERENCE §5.3 spironolactone',
      ),
    );
    out.push(
      av(
        'thiazide',
        `eGFR ${egfr} <30:噻嗪类效果差,改用袢利尿剂`,
        `eGFR ${egfr} <30: thiazides less effective, use a loop diuretic`,
        'REFERENCE §5.2 thiazide cautions, §5.3 thiazides',
      ),
    );
  }
  if (c.gout)
    out.push(
      av(
        'thiazide',
        '痛风:禁用噻嗪类利尿剂',
        'Gout: thiazide diuretics contraindicated',
        'REFERENCE §5.2 thiazide (China 2018 痛风禁忌; ESH 2023)',
      ),
    );
  if (c.asthma)
    out.push(
      av(
        'beta-blocker',
        '哮喘:禁用β受体阻滞剂',
        'Asthma: β-blockers contraindicated',
        'REFERENCE §5.2 β-blockers (China 2018; ESH 2023)',
      ),
    );
  if (c.avBlock) {
    const s = 'REFERENCE §5.2 2nd/3rd-degree AV block without pacemaker';
    out.push(
      av(
        'beta-blocker',
        '二/三度房室传导阻滞:禁用β受体阻滞剂',
        '2nd/3rd-degree AV block: β-blockers contraindicated',
        s,
      ),
    );
    out.push(
      av(
        'ccb-nondhp',
        '二/三度房室传导阻滞:禁用非二氢吡啶类CCB',
        '2nd/3rd-degree AV block: non-DHP CCBs contraindicated',
        s,
      ),
    );
  }
  if (c.bradycardia) {
    const s = 'REFERENCE §5.2 marked bradycardia';
    out.push(av('beta-blocker', '心动过缓:避免β受体阻滞剂', 'Bradycardia: avoid β-blockers', s));
    out.push(av('ccb-nondhp', '心动过缓:避免非二氢吡啶类CCB', 'Bradycardia: avoid non-DHP CCBs', s));
  }
  if (c.heartFailureReducedEf)
    out.push(
      av(
        'ccb-nondhp',
        '射血分数降低的心衰:禁用非二氢吡啶类CCB',
        'HFrEF: non-DHP CCBs contraindicated',
        'REFERENCE §5.2 non-DHP CCB',
      ),
    );
  for (const cls of input.intolerances ?? [])
    out.push(
      av(
        cls,
        `既往不耐受/过敏:${CLASS_TEXT[cls].zh}`,
        `Reported intolerance/allergy: ${CLASS_TEXT[cls].en}`,
        'patient record (intolerances)',
      ),
    );
  const onAcei = input.current.some((m) => m.cls === 'acei');
  const onArb = input.current.some((m) => m.cls === 'arb');
  // §6 row 1: ACEi + ARB never combined (Class III: Harm)
  if (onAcei)
    out.push(av('arb', '已用ACEI:不联用ARB', 'On an ACE inhibitor: never add an ARB', 'REFERENCE §6 row 1'));
  if (onArb)
    out.push(av('acei', '已用ARB:不联用ACEI', 'On an ARB: never add an ACE inhibitor', 'REFERENCE §6 row 1'));
  return out.sort((a, b) => ENGINE_CLASS_ORDER.indexOf(a.cls) - ENGINE_CLASS_ORDER.indexOf(b.cls));
}

/** Preferred classes given comorbidities (REFERENCE §7.1 first-line and compelling indications, §5.2 pregnancy). */
export function preferredClasses(input: TreatmentInput): Preferred[] {
  const c = input.conditions;
  const out: Preferred[] = [];
  const p = (cls: Cls, zh: string, en: string, source: string) =>
    out.push({ cls, reason: { zh, en }, source });
  if (c.pregnancy) {
    const s = 'REFERENCE §5.2 pregnancy: methyldopa, labetalol, long-acting nifedipine';
    p('beta-blocker', '妊娠:首选拉贝洛尔', 'Pregnancy: labetalol preferred', s);
    p('ccb-dhp', '妊娠:首选长效硝苯地平', 'Pregnancy: long-acting nifedipine preferred', s);
    p('central', '妊娠:可用甲基多巴', 'Pregnancy: methyldopa preferred', s);
    return out;
  }
  if (c.ckd || c.albuminuria) {
    const s = 'REFERENCE §7.1 CKD stage 3+ or albuminuria: ACEi (ARB if ACEi not tolerated)';
    p('acei', 'CKD/蛋白尿:首选ACEI', 'CKD/albuminuria: ACE inhibitor preferred', s);
    p('arb', 'CKD/蛋白尿:ACEI不耐受时用ARB', 'CKD/albuminuria: ARB if ACE inhibitor not tolerated', s);
  }
  if (c.heartFailureReducedEf) {
    const s = 'REFERENCE §7.1 compelling indication HFrEF (β-blocker, ACEi/ARB)';
    if (!c.ckd && !c.albuminuria) {
      p('acei', '射血分数降低的心衰:ACEI', 'HFrEF: ACE inhibitor', s);
      p('arb', '射血分数降低的心衰:ARB', 'HFrEF: ARB', s);
    }
    p(
      'beta-blocker',
      '射血分数降低的心衰:β受体阻滞剂为强适应证',
      'HFrEF: compelling indication for a β-blocker',
      s,
    );
  }
  if (c.coronaryArteryDisease && !c.heartFailureReducedEf)
    p(
      'beta-blocker',
      '冠心病:β受体阻滞剂为强适应证',
      'Coronary artery disease: compelling indication for a β-blocker',
      'REFERENCE §7.1 compelling indication ischaemic heart disease',
    );
  if (c.atrialFibrillation && !c.heartFailureReducedEf && !c.coronaryArteryDisease)
    p(
      'beta-blocker',
      '房颤:β受体阻滞剂(心率控制)',
      'Atrial fibrillation: β-blocker (rate control)',
      'REFERENCE §7.1 compelling indication arrhythmia',
    );
  if (c.blackAncestry && !c.heartFailureReducedEf && !c.ckd) {
    const s = 'REFERENCE §7.1 Black adults without HF or CKD: initial thiazide-type diuretic or CCB';
    p(
      'thiazide',
      '黑人(无心衰/CKD):首选噻嗪类利尿剂',
      'Black adults without HF/CKD: thiazide-type diuretic',
      s,
    );
    p('ccb-dhp', '黑人(无心衰/CKD):首选CCB', 'Black adults without HF/CKD: CCB', s);
  }
  return out;
}
