/**
 * Treatment step "contraindications": classes to avoid (REFERENCE §5.2, §5.3, §6 row 1) and classes preferred by
 * compelling indication (§7.1, §5.2 pregnancy). Pure.
 *
 * `source` strings reach users: they name the guideline (and section/table as REFERENCE records it). Statements
 * REFERENCE marks UNVERIFIED are noted in comments here and not cited to users.
 */
import { CLASS_TEXT } from '../agents.ts';
import type {
  AntihypertensiveClass,
  AvoidedClass,
  Guideline,
  TreatmentInput,
  TreatmentProposal,
} from '../types.ts';

type Cls = AntihypertensiveClass;
type Preferred = TreatmentProposal['preferred'][number];

/**
 * Why a class is avoided: `contraindication` (a current agent of the class is stopped and replaced),
 * `potassium` (K⁺ rule: reduce or stop, §5.3), `caution` (no new start; a current agent gets a note),
 * `combination` (never added to what is on board, §6 row 1).
 */
export type AvoidKind = 'contraindication' | 'potassium' | 'caution' | 'combination';
export type Avoided = AvoidedClass & { kind: AvoidKind };

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

// REFERENCE §5.2 sources: ACC/AHA 2017 Table 18 "Comments" and §8.1; ESH 2023 contraindication table; China 2018
// 常用降压药适应证和禁忌证表 (exact wording UNVERIFIED in REFERENCE; the citations are as recorded there).
const CI = 'ACC/AHA 2017 Table 18；ESH 2023；中国高血压防治指南 2018 常用降压药禁忌证';
const CI_CHINA = '中国高血压防治指南 2018 常用降压药禁忌证';
// §5.2 pregnancy: ACC/AHA 2017 §10.2.1; ESH 2023; China 2018 [V2 for the preferred-agent list]
const PREGNANCY = 'ACC/AHA 2017 §10.2.1；ESH 2023；中国高血压防治指南 2018';
const PREGNANCY_CHINA_CITE = PREGNANCY;
/** §6 row 1 ACEi + ARB: ACC/AHA 2017 Class III: Harm (section number UNVERIFIED); ESH 2023; China 2018 不推荐. */
export const ACEI_ARB_SOURCE = 'ACC/AHA 2017（ACEI + ARB：III 级，有害）；ESH 2023；中国高血压防治指南 2018';

// The same citations for ACC/AHA and ESH patients, in English only (one language per field; the China guideline is
// named in English where it is the one that states the rule).
const CHINA_EN = 'Chinese Hypertension Guidelines 2018';
const CI_EN = `ACC/AHA 2017 Table 18; ESH 2023; ${CHINA_EN} (contraindications)`;
const PREGNANCY_EN = `ACC/AHA 2017 §10.2.1; ESH 2023; ${CHINA_EN}`;
const ACEI_ARB_EN = `ACC/AHA 2017 (ACEi + ARB: Class III, harm); ESH 2023; ${CHINA_EN}`;

const isChina = (g: Guideline) => g === 'china-2018' || g === 'china-2024';

/** The ACEi + ARB citation in the language of the edition's citations. */
export function aceiArbSource(g: Guideline): string {
  return isChina(g) ? ACEI_ARB_SOURCE : ACEI_ARB_EN;
}

function av(cls: Cls, kind: AvoidKind, zh: string, en: string, source: string): Avoided {
  return { cls, kind, reason: { zh, en }, source };
}

/** Classes to avoid with their kind (internal form of `avoidedClasses`). */
export function avoidedWithKind(input: TreatmentInput): Avoided[] {
  const c = input.conditions;
  const k = input.labs?.potassium;
  const egfr = input.labs?.egfr;
  const out: Avoided[] = [];
  const zhCite = isChina(input.guideline);
  const CIS = zhCite ? CI : CI_EN;
  const PREG = zhCite ? PREGNANCY : PREGNANCY_EN;
  const RASX = aceiArbSource(input.guideline);
  /** China 2018 contraindication table entry (REFERENCE §5.2), in the edition's citation language. */
  const chinaCi = (zh: string, en: string) =>
    zhCite ? `${CI_CHINA}(${zh})` : `${CHINA_EN} (contraindications: ${en})`;
  if (c.pregnancy || c.pregnancyPlanned) {
    // §5.2: ACEi, ARB, direct renin inhibitors (and MRA) stopped when pregnancy is planned or detected
    const p = c.pregnancy ? { zh: '妊娠', en: 'Pregnancy' } : { zh: '计划妊娠', en: 'Planning pregnancy' };
    const ci = (cls: Cls, zh: string, en: string) =>
      out.push(av(cls, 'contraindication', `${p.zh}:${zh}`, `${p.en}: ${en}`, PREG));
    ci('acei', 'ACEI致胎儿毒性，禁用', 'ACE inhibitors are fetotoxic (contraindicated)');
    ci('arb', 'ARB致胎儿毒性，禁用', 'ARBs are fetotoxic (contraindicated)');
    ci('mra', '应停用螺内酯类', 'stop MRAs (spironolactone)');
    ci('other', '直接肾素抑制剂（阿利吉仑）禁用', 'direct renin inhibitor (aliskiren) contraindicated');
    out.push(
      av(
        'thiazide',
        'caution',
        `${p.zh}：噻嗪类为相对禁忌，首选拉贝洛尔/硝苯地平/甲基多巴`,
        `${p.en}: thiazides are a caution; labetalol, nifedipine ER or methyldopa preferred`,
        PREG,
      ),
    );
  } else if (c.pregnancyPossible) {
    // §5.2 ACEi/ARB cautions: women of child-bearing potential without reliable contraception
    const s = CIS;
    out.push(
      av(
        'acei',
        'caution',
        '育龄期未可靠避孕：不新用ACEI（正在使用者请复核）',
        'Possible pregnancy (no reliable contraception): no new start of ACE inhibitors (review a current one)',
        s,
      ),
    );
    out.push(
      av(
        'arb',
        'caution',
        '育龄期未可靠避孕：不新用ARB（正在使用者请复核）',
        'Possible pregnancy (no reliable contraception): no new start of ARBs (review a current one)',
        s,
      ),
    );
  }
  if (c.angioedemaHistory)
    out.push(
      av(
        'acei',
        'contraindication',
        '血管性水肿病史：禁用ACEI',
        'History of angioedema: ACE inhibitors contraindicated',
        CIS,
      ),
    );
  if (c.bilateralRenalArteryStenosis) {
    out.push(
      av(
        'acei',
        'contraindication',
        '双侧肾动脉狭窄：禁用ACEI',
        'Bilateral renal artery stenosis: ACE inhibitors contraindicated',
        CIS,
      ),
    );
    out.push(
      av(
        'arb',
        'contraindication',
        '双侧肾动脉狭窄：禁用ARB',
        'Bilateral renal artery stenosis: ARBs contraindicated',
        CIS,
      ),
    );
  }
  if (k !== undefined && k > 5.5) {
    // §5.2 hyperkalaemia (China 2018 高血钾 contraindication; ESH K⁺ >5.5 UNVERIFIED); §5.3 K⁺ >5.5 → reduce/stop RAAS
    // blocker, ≥6.0 stop (common practice, UNVERIFIED) — users see the China 2018 table only (the guideline that
    // states it). A current agent below 6.0 is reduced, not stopped (regimen-review.ts), so the entry says "no new
    // start or dose increase" — never "avoid" for a class the regimen keeps.
    const s = chinaCi('高血钾', 'hyperkalaemia');
    const stop = k >= 6.0; // §5.3 K⁺ ≥6.0 → stop
    for (const [cls, zhName, enName] of [
      ['acei', 'ACEI', 'ACE inhibitors'],
      ['arb', 'ARB', 'ARBs'],
    ] as const)
      out.push(
        av(
          cls,
          'potassium',
          stop
            ? `高钾血症（K⁺ ${k} mmol/L ≥6.0）：停用并避免${zhName}`
            : `高钾血症（K⁺ ${k} mmol/L >5.5）：${zhName}不新用、不加量（正在使用者减量）`,
          stop
            ? `Hyperkalaemia (K⁺ ${k} mmol/L ≥6.0): stop and avoid ${enName}`
            : `Hyperkalaemia (K⁺ ${k} mmol/L >5.5): no new start or dose increase of ${enName} (a current one is reduced)`,
          s,
        ),
      );
  }
  if (k !== undefined && k > 5.0)
    // §5.2 MRA absolute: hyperkalaemia K⁺ >5.0; §5.3 do not start spironolactone if K⁺ >5.0 (Aldactone label)
    out.push(
      av(
        'mra',
        'potassium',
        `K⁺ ${k} mmol/L >5.0：醛固酮受体拮抗剂不新用、不加量`,
        `K⁺ ${k} mmol/L >5.0: no new start or dose increase of an MRA`,
        'ACC/AHA 2017 Table 18; spironolactone US label (Aldactone)',
      ),
    );
  if (egfr !== undefined && egfr < 30) {
    // §5.3 spironolactone eGFR <30 (label: avoid); thiazides less effective <30 → loop (ACC/AHA 2017 §9.3, KDIGO)
    out.push(
      av(
        'mra',
        'contraindication',
        `eGFR ${egfr} <30：不宜使用螺内酯`,
        `eGFR ${egfr} <30: do not start spironolactone`,
        'spironolactone US label (Aldactone)',
      ),
    );
    out.push(
      av(
        'thiazide',
        'contraindication',
        `eGFR ${egfr} <30：噻嗪类效果差，改用袢利尿剂`,
        `eGFR ${egfr} <30: thiazides less effective, use a loop diuretic`,
        'ACC/AHA 2017 §9.3; KDIGO (BP in CKD)',
      ),
    );
  }
  if (c.gout)
    // §5.2 thiazide: China 2018 痛风禁忌 (ESH 2023 gout contraindication UNVERIFIED)
    out.push(
      av(
        'thiazide',
        'contraindication',
        '痛风：禁用噻嗪类利尿剂',
        'Gout: thiazide diuretics contraindicated',
        chinaCi('痛风', 'gout'),
      ),
    );
  if (c.asthma)
    // §5.2 β-blockers: China 2018 哮喘禁忌 (ESH 2023 asthma contraindication UNVERIFIED)
    out.push(
      av(
        'beta-blocker',
        'contraindication',
        '哮喘：禁用β受体阻滞剂',
        'Asthma: β-blockers contraindicated',
        chinaCi('哮喘', 'asthma'),
      ),
    );
  if (c.avBlock) {
    // §5.2 2nd/3rd-degree AV block without pacemaker (β-blockers: China 2018 禁忌; non-DHP CCB: Table 18)
    out.push(
      av(
        'beta-blocker',
        'contraindication',
        '二/三度房室传导阻滞：禁用β受体阻滞剂',
        '2nd/3rd-degree AV block: β-blockers contraindicated',
        CIS,
      ),
    );
    out.push(
      av(
        'ccb-nondhp',
        'contraindication',
        '二/三度房室传导阻滞：禁用非二氢吡啶类CCB',
        '2nd/3rd-degree AV block: non-DHP CCBs contraindicated',
        CIS,
      ),
    );
  }
  if (c.bradycardia) {
    // §5.2 marked bradycardia (HR <50–60)
    out.push(
      av(
        'beta-blocker',
        'contraindication',
        '心动过缓：避免β受体阻滞剂',
        'Bradycardia: avoid β-blockers',
        CIS,
      ),
    );
    out.push(
      av(
        'ccb-nondhp',
        'contraindication',
        '心动过缓：避免非二氢吡啶类CCB',
        'Bradycardia: avoid non-DHP CCBs',
        CIS,
      ),
    );
  }
  if (c.heartFailureReducedEf)
    // §5.2 non-DHP CCB: HFrEF
    out.push(
      av(
        'ccb-nondhp',
        'contraindication',
        '射血分数降低的心衰：禁用非二氢吡啶类CCB',
        'HFrEF: non-DHP CCBs contraindicated',
        CIS,
      ),
    );
  for (const cls of input.intolerances ?? [])
    out.push(
      av(
        cls,
        'contraindication',
        `既往不耐受/过敏：${CLASS_TEXT[cls].zh}`,
        `Reported intolerance/allergy: ${CLASS_TEXT[cls].en}`,
        'patient record (intolerances)',
      ),
    );
  const onAcei = input.current.some((m) => m.cls === 'acei');
  const onArb = input.current.some((m) => m.cls === 'arb');
  // §6 row 1: ACEi + ARB never combined (Class III: Harm)
  if (onAcei)
    out.push(av('arb', 'combination', '已用ACEI：不联用ARB', 'On an ACE inhibitor: never add an ARB', RASX));
  if (onArb)
    out.push(av('acei', 'combination', '已用ARB：不联用ACEI', 'On an ARB: never add an ACE inhibitor', RASX));
  return out.sort((a, b) => ENGINE_CLASS_ORDER.indexOf(a.cls) - ENGINE_CLASS_ORDER.indexOf(b.cls));
}

/** Classes to avoid, one entry per (class, reason), in a stable order. */
export function avoidedClasses(input: TreatmentInput): AvoidedClass[] {
  return avoidedWithKind(input).map(({ cls, reason, source }) => ({ cls, reason, source }));
}

/** Preferred classes given comorbidities (REFERENCE §7.1 first-line and compelling indications, §5.2 pregnancy). */
export function preferredClasses(input: TreatmentInput): Preferred[] {
  const c = input.conditions;
  const out: Preferred[] = [];
  const p = (cls: Cls, zh: string, en: string, source: string) =>
    out.push({ cls, reason: { zh, en }, source });
  if (c.pregnancy || c.pregnancyPlanned) {
    // §5.2 pregnancy (and planned pregnancy): methyldopa, labetalol, long-acting nifedipine [V2]
    const w = c.pregnancy ? { zh: '妊娠', en: 'Pregnancy' } : { zh: '计划妊娠', en: 'Planning pregnancy' };
    const PREGNANCY = isChina(input.guideline) ? PREGNANCY_CHINA_CITE : PREGNANCY_EN;
    p('beta-blocker', `${w.zh}：首选拉贝洛尔`, `${w.en}: labetalol preferred`, PREGNANCY);
    p('ccb-dhp', `${w.zh}：首选长效硝苯地平`, `${w.en}: long-acting nifedipine preferred`, PREGNANCY);
    p('central', `${w.zh}：可用甲基多巴`, `${w.en}: methyldopa preferred`, PREGNANCY);
    return out;
  }
  if (c.ckd || c.albuminuria) {
    // §7.1 CKD stage 3+ or albuminuria: ACEi (ARB if ACEi not tolerated)
    const s = 'ACC/AHA 2017 (CKD: ACE inhibitor, ARB if not tolerated)';
    p('acei', 'CKD/蛋白尿：首选ACEI', 'CKD/albuminuria: ACE inhibitor preferred', s);
    p('arb', 'CKD/蛋白尿：ACEI不耐受时用ARB', 'CKD/albuminuria: ARB if ACE inhibitor not tolerated', s);
  }
  if (c.heartFailureReducedEf) {
    // §7.1 compelling indication HFrEF (β-blocker, ACEi/ARB)
    const s = 'ACC/AHA 2017 (compelling indications: HFrEF)';
    if (!c.ckd && !c.albuminuria) {
      p('acei', '射血分数降低的心衰：ACEI', 'HFrEF: ACE inhibitor', s);
      p('arb', '射血分数降低的心衰：ARB', 'HFrEF: ARB', s);
    }
    p(
      'beta-blocker',
      '射血分数降低的心衰：β受体阻滞剂为强适应证',
      'HFrEF: compelling indication for a β-blocker',
      s,
    );
  }
  if (c.coronaryArteryDisease && !c.heartFailureReducedEf)
    // §7.1 compelling indication ischaemic heart disease
    p(
      'beta-blocker',
      '冠心病：β受体阻滞剂为强适应证',
      'Coronary artery disease: compelling indication for a β-blocker',
      'ACC/AHA 2017 (compelling indications: ischaemic heart disease)',
    );
  if (c.atrialFibrillation && !c.heartFailureReducedEf && !c.coronaryArteryDisease)
    // §7.1 compelling indication arrhythmia
    p(
      'beta-blocker',
      '房颤：β受体阻滞剂（心率控制）',
      'Atrial fibrillation: β-blocker (rate control)',
      'ACC/AHA 2017 (compelling indications: arrhythmia)',
    );
  if (c.blackAncestry && !c.heartFailureReducedEf && !c.ckd) {
    // §7.1 Black adults without HF or CKD: initial thiazide-type diuretic or CCB
    const s = 'ACC/AHA 2017 (Black adults without HF or CKD: thiazide-type diuretic or CCB)';
    p(
      'thiazide',
      '黑人（无心衰/CKD）：首选噻嗪类利尿剂',
      'Black adults without HF/CKD: thiazide-type diuretic',
      s,
    );
    p('ccb-dhp', '黑人（无心衰/CKD）：首选CCB', 'Black adults without HF/CKD: CCB', s);
  }
  return out;
}
