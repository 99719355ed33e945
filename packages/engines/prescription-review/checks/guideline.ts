import { CONDITIONS, conditionMatches } from '@qihuang/drug-knowledge';
import { makeFinding } from '../finding.ts';
import type { Finding } from '../types.ts';
import type { CheckContext } from './context.ts';

const EXTENDED_RELEASE =
  /缓释|控释|长效|\b(er|xl|la|sr|cr|cc|gits|xr|extended|sustained|controlled|modified)\b/i;
const IMMEDIATE_RELEASE = /胶囊|舌下|普通片|\b(capsules?|sublingual|immediate)\b/i;

/**
 * Regimen-level guideline checks for antihypertensives (dual RAAS blockade is an interaction rule with
 * findingType 'guideline'):
 * - immediate-release nifedipine should not be used for hypertension (REFERENCE §5.2 DHP CCB row; ACC/AHA 2017);
 * - an α1-blocker as the only antihypertensive in a patient with hypertension: not first-line (REFERENCE §5.2).
 */
export function checkGuideline(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const med of ctx.meds) {
    if (!med.subject || med.drug?.id !== 'nifedipine') continue;
    const text = med.text;
    // Precise trigger: explicit IR wording, or an IR-only strength (5/10 mg), and no ER wording.
    if (
      EXTENDED_RELEASE.test(text) ||
      !(IMMEDIATE_RELEASE.test(text) || med.doseMg === 5 || med.doseMg === 10)
    )
      continue;
    out.push(
      makeFinding({
        ruleId: 'guideline-nifedipine-ir',
        type: 'guideline',
        severity: 'warning',
        summary: {
          en: 'Immediate-release nifedipine should not be used for hypertension; use a long-acting form',
          zh: '高血压不应使用短效硝苯地平，应改用长效制剂',
        },
        detail: {
          en: 'Short-acting nifedipine causes abrupt BP falls and reflex tachycardia (ACC/AHA 2017). Use nifedipine GITS/ER 30–60 mg once daily.',
          zh: '短效硝苯地平可致血压骤降和反射性心动过速（ACC/AHA 2017）。改用硝苯地平控释/缓释片30–60 mg每日一次。',
        },
        meds: [med],
        facts: ['guideline:nifedipine-immediate-release'],
        source: 'ref-5.2',
      }),
    );
  }
  const hypertensive = ctx.patient.conditions.some((c) => conditionMatches(CONDITIONS.hypertension, c));
  if (hypertensive) {
    const antihypertensives = ctx.meds.filter((m) =>
      [...m.classes].some((c) => ctx.kb.classes[c].antihypertensive),
    );
    const alpha = antihypertensives.filter((m) => m.classes.has('alpha-blocker'));
    if (alpha.length > 0 && alpha.length === antihypertensives.length && alpha.some((m) => m.subject)) {
      out.push(
        makeFinding({
          ruleId: 'guideline-alpha-blocker-monotherapy',
          type: 'guideline',
          severity: 'info',
          summary: {
            en: 'α1-blocker alone is not first-line for hypertension (ACC/AHA 2017)',
            zh: 'α1受体阻滞剂单药不是高血压一线治疗（ACC/AHA 2017）',
          },
          detail: {
            en: 'First-line: thiazide, ACEi/ARB or CCB. α1-blockers suit coexisting BPH; watch orthostatic hypotension.',
            zh: '一线药物为噻嗪类、ACEI/ARB或CCB；α1受体阻滞剂适用于合并前列腺增生者，注意体位性低血压。',
          },
          meds: alpha,
          facts: ['guideline:alpha-blocker-not-first-line'],
          source: 'ref-5.2',
        }),
      );
    }
  }
  return out;
}

/** Every medication the knowledge base cannot identify is reported: it could not be checked. */
export function checkUnknown(ctx: CheckContext): Finding[] {
  return ctx.meds
    .filter((m) => !m.drug)
    .map((m) =>
      makeFinding({
        ruleId: 'unknown-drug',
        type: 'unknown-drug',
        severity: m.subject ? 'warning' : 'info',
        summary: {
          en: `Could not check "${m.text}": drug not recognised`,
          zh: `无法审核“${m.text}”：未识别的药品`,
        },
        detail: {
          en: `"${m.text}" does not match any drug in the knowledge base (version ${ctx.kb.version}); interactions, doses and contraindications involving it were NOT checked.`,
          zh: `“${m.text}”未匹配到知识库（版本${ctx.kb.version}）中的药品；涉及它的相互作用、剂量和禁忌均未审核。`,
        },
        meds: [m],
        facts: ['unmatched'],
        source: 'formulary',
      }),
    );
}
