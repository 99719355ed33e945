/**
 * The guided hypertension intake: fixed questions (the model only phrases the conversation around them) and
 * deterministic extraction of the answers into patient-reported FHIR drafts for the clinician to confirm.
 * Pure: no I/O; `now` and ids are arguments. The answers are read with @qihuang/clinical-language: negated,
 * hypothetical, uncertain and family items never become the patient's active Condition or current
 * MedicationStatement ("高血压5年，糖尿病没有" creates no Diabetes); past conditions are recorded as inactive,
 * past medicines as completed; everything stays patient-reported / unconfirmed until a clinician confirms it.
 */
import { analyze, FAMILY_MEMBER, relativeOf } from '@qihuang/clinical-language';
import type { DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import type { FhirResource } from '@qihuang/store';
import { excludedMention } from './condition-match.ts';
import type { IntakeStepId } from './api-types/index.ts';
import { allergyDrafts } from './intake-allergies.ts';
import { medicationsIn, statusOf, type ConditionStatus } from './intake-mentions.ts';
import { observationDrafts, zhTranslation } from './intake-observations.ts';

export type { IntakeStepId, ConditionStatus };
export { lifestyleIn, mentioned, type LifestyleFacts } from './intake-lifestyle.ts';
export { readingsIn, medicationsIn, type MedicationMention } from './intake-mentions.ts';
export { allergiesIn, type AllergyMention } from './intake-allergies.ts';

export const INTAKE_STEPS = [
  'symptoms',
  'history',
  'family-history',
  'medications',
  'allergies',
  'lifestyle',
  'home-readings',
] as const satisfies readonly IntakeStepId[];

export interface Text {
  zh: string;
  en: string;
}

/**
 * The answers in the order the questions are asked (the database's JSON may keep keys in another order: the care
 * tab listed 既往史 before 症状).
 */
export function answersInOrder(
  answers: Partial<Record<string, string>>,
): Partial<Record<IntakeStepId, string>> {
  const out: Partial<Record<IntakeStepId, string>> = {};
  for (const step of INTAKE_STEPS) if (answers[step] !== undefined) out[step] = answers[step];
  return out;
}

export const QUESTIONS: Record<IntakeStepId, Text> = {
  symptoms: {
    zh: '您现在有哪些不舒服？例如头痛、头晕、胸痛、心慌、气短、视物模糊、一侧肢体无力或麻木。没有的话请说“没有”。',
    en: 'How are you feeling right now? For example headache, dizziness, chest pain, palpitations, shortness of breath, blurred vision, weakness or numbness on one side. If none, say "none".',
  },
  history: {
    zh: '您以前被诊断过哪些疾病？例如高血压（多少年）、糖尿病、慢性肾病、冠心病、脑卒中、心衰、痛风、哮喘、高血脂。',
    en: 'Which conditions have you been diagnosed with? For example hypertension (for how long), diabetes, chronic kidney disease, coronary heart disease, stroke, heart failure, gout, asthma, high cholesterol.',
  },
  'family-history': {
    zh: '您的父母或兄弟姐妹有高血压、早发心脏病或脑卒中吗？',
    en: 'Do your parents or siblings have high blood pressure, early heart disease or stroke?',
  },
  medications: {
    zh: '您现在在吃哪些药？请写药名和剂量，例如“氨氯地平 5mg 每天一次”。没有请说“没有”。',
    en: 'Which medicines do you take now? Please give the name and dose, e.g. "amlodipine 5 mg once daily". If none, say "none".',
  },
  // Issue 20: the intake read allergies from any answer but never asked (the pharmacist's review needs them).
  allergies: {
    zh: '您对药物、食物或其他东西过敏吗？如有，请写是什么和当时的反应，例如“青霉素，起皮疹”。没有请说“没有”。',
    en: 'Are you allergic to any medicine, food or anything else? If so, name it and what happened, e.g. "penicillin, rash". If none, say "none".',
  },
  lifestyle: {
    zh: '请介绍一下您的生活习惯：是否吸烟、饮酒（每周多少）、口味咸淡、每周运动多少分钟、身高体重。',
    en: 'Tell me about your lifestyle: do you smoke, how much alcohol per week, how salty you eat, minutes of exercise per week, height and weight.',
  },
  'home-readings': {
    zh: '您最近在家量过血压吗？请写几次读数，例如“150/95”。',
    en: 'Have you measured your blood pressure at home recently? Please give a few readings, e.g. "150/95".',
  },
};

export const TAG_PATIENT_REPORTED = {
  system: 'urn:qihuang:provenance',
  code: 'patient-reported',
  display: 'Patient-reported, not yet confirmed by a clinician',
};

interface ConditionTerm {
  key: string;
  terms: string[];
  snomed: string;
  display: string;
}

/** A condition's Chinese name: its first Chinese term ("高血压"). */
function chineseName(term: ConditionTerm): string | undefined {
  return term.terms.find((t) => /\p{Script=Han}/u.test(t));
}

/** SNOMED CT concept ids (REFERENCE §8.4 lists the hypertension codes; the others are standard SNOMED CT concepts). */
export const CONDITION_TERMS: ConditionTerm[] = [
  {
    key: 'hypertension',
    terms: ['高血压', 'hypertension', 'high blood pressure'],
    snomed: '38341003',
    display: 'Hypertensive disorder',
  },
  {
    key: 'diabetes',
    terms: ['糖尿病', 'diabetes', 'diabetic'],
    snomed: '73211009',
    display: 'Diabetes mellitus',
  },
  {
    key: 'ckd',
    terms: ['慢性肾病', '慢性肾脏病', '肾功能不全', '肾病', 'kidney disease', 'ckd', 'renal failure'],
    snomed: '709044004',
    display: 'Chronic kidney disease',
  },
  {
    key: 'coronary',
    terms: ['冠心病', '心肌梗死', '心梗', 'coronary', 'heart attack', 'angina', '心绞痛'],
    snomed: '53741008',
    display: 'Coronary arteriosclerosis',
  },
  {
    key: 'stroke',
    terms: ['脑卒中', '中风', '脑梗', '脑出血', 'stroke'],
    snomed: '230690007',
    display: 'Cerebrovascular accident',
  },
  {
    key: 'heart-failure',
    terms: ['心衰', '心力衰竭', 'heart failure'],
    snomed: '84114007',
    display: 'Heart failure',
  },
  { key: 'gout', terms: ['痛风', 'gout'], snomed: '90560007', display: 'Gout' },
  { key: 'asthma', terms: ['哮喘', 'asthma'], snomed: '195967001', display: 'Asthma' },
  {
    key: 'hyperlipidemia',
    terms: ['高血脂', '高脂血症', '血脂高', 'high cholesterol', 'hyperlipidemia', 'hyperlipidaemia'],
    snomed: '55822004',
    display: 'Hyperlipidemia',
  },
  {
    key: 'atrial-fibrillation',
    terms: ['房颤', '心房颤动', 'atrial fibrillation'],
    snomed: '49436004',
    display: 'Atrial fibrillation',
  },
];

/** Lexicon concepts (@qihuang/clinical-language) → the intake's condition keys (the other ids are the keys). */
const CONDITION_ALIAS: Record<string, string> = {
  angina: 'coronary',
  'myocardial-infarction': 'coronary',
  'mi-now': 'coronary',
  'stroke-now': 'stroke',
};

export interface ConditionFinding {
  term: ConditionTerm;
  status: ConditionStatus;
  /** The words in the answer. */
  text: string;
  /** For family items: HL7 v3 RoleCode of the relative when named (else FAMMEMB). */
  relationship?: { code: string; display: string };
}

/** The writer speaks of themselves in the clause before a mention ("我自己也有糖尿病", "I have diabetes myself"). */
const SELF =
  /(?:我自己|我本人|本人|自己|我也|我有|我得了|我患)[^，,；;。.\n]*$|\b(?:i have|i've got|i also have|i myself|myself|i was diagnosed)\b[^,;.\n]*$/i;

/**
 * Conditions named in an answer, each with what it is: the patient's current condition (active), a past one
 * (inactive), or a relative's (family). Negated, hypothetical and uncertain mentions are left out, and so are
 * people in reports or other people's relatives. `family: true` reads the answer to the family-history question:
 * a mention is a relative's unless the writer says it is their own ("父亲高血压，我自己也有糖尿病").
 */
export function conditionFindings(text: string, options: { family?: boolean } = {}): ConditionFinding[] {
  const out: ConditionFinding[] = [];
  for (const m of analyze(text).mentions) {
    const key = CONDITION_ALIAS[m.concept] ?? m.concept;
    const term = CONDITION_TERMS.find((c) => c.key === key);
    if (!term) continue;
    // "糖尿病前期" / "妊娠期糖尿病" / "heat stroke" name something else (condition-match.ts).
    if (excludedMention(key, text, m.start, m.start + m.text.length)) continue;
    let status = statusOf(m.modifiers);
    if (status === 'skip') continue;
    if (options.family && status !== 'family' && !SELF.test(text.slice(0, m.start))) status = 'family';
    const relationship = status === 'family' ? relativeOf(m) : undefined;
    // One finding per condition and status (per relative for family items: 父亲高血脂，母亲高血脂 are two).
    if (
      out.some(
        (f) => f.term.key === term.key && f.status === status && f.relationship?.code === relationship?.code,
      )
    )
      continue;
    out.push({ term, status, text: m.text, ...(relationship ? { relationship } : {}) });
  }
  return out;
}

/** The patient's own current conditions (affirmed, not past, not about a relative). */
export function conditionsIn(text: string): ConditionTerm[] {
  return conditionFindings(text)
    .filter((f) => f.status === 'active')
    .map((f) => f.term);
}

export interface IntakeDrafts {
  questionnaireResponse: FhirResource;
  drafts: FhirResource[];
}

/** Builds the QuestionnaireResponse and patient-reported drafts from the answers. */
export function intakeResources(input: {
  patientId: string;
  consultationId: string;
  answers: Partial<Record<IntakeStepId, string>>;
  language: 'zh' | 'en';
  now: string;
  drugs: DrugKnowledgeBase;
  /**
   * Draft FamilyMemberHistory for relatives' conditions (the intake scopes include
   * patient/FamilyMemberHistory.write; default on). Off: the family-history answer stays in the
   * QuestionnaireResponse only.
   */
  familyHistory?: boolean;
}): IntakeDrafts {
  const { patientId, consultationId, answers, now } = input;
  const subject = { reference: `Patient/${patientId}` };
  const meta = { tag: [TAG_PATIENT_REPORTED] };
  // FHIR ids are at most 64 characters: the consultation part is shortened, never the suffix (a cut suffix made
  // "…-fmh-hyperlipidemia-FTH" and "…-MTH" the same id).
  const id = (suffix: string) =>
    `${consultationId.slice(0, Math.max(0, 63 - suffix.length))}-${suffix}`.replace(/^-/, '');
  const drafts: FhirResource[] = [];

  const history = conditionFindings(answers.history ?? '');
  const familyAnswer = conditionFindings(answers['family-history'] ?? '', { family: true });
  // The patient's own conditions, from the history answer and from the family answer ("我自己也有糖尿病").
  const own = [...history, ...familyAnswer].filter((f) => f.status !== 'family');
  for (const { term: c, status } of own) {
    const draftId = id(`cond-${c.key}${status === 'inactive' ? '-past' : ''}`);
    if (drafts.some((d) => d.id === draftId)) continue;
    drafts.push({
      resourceType: 'Condition',
      id: draftId,
      meta,
      clinicalStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: status }],
      },
      verificationStatus: {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'unconfirmed' },
        ],
      },
      category: [
        {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' },
          ],
        },
      ],
      code: {
        coding: [{ system: 'http://snomed.info/sct', code: c.snomed, display: c.display }],
        text: c.display,
        // Its Chinese name for a zh record screen (FHIR translation extension; issue 20).
        ...(chineseName(c) ? { _text: zhTranslation(chineseName(c)!) } : {}),
      },
      subject,
      recordedDate: now,
      asserter: subject,
      note: [{ text: `Patient-reported in consultation ${consultationId}` }],
    } as FhirResource);
  }

  if (input.familyHistory !== false) {
    const family = [...history, ...familyAnswer].filter((f) => f.status === 'family');
    for (const f of family) {
      const rel = f.relationship ?? FAMILY_MEMBER;
      if (drafts.some((d) => d.id === id(`fmh-${f.term.key}-${rel.code}`))) continue;
      drafts.push({
        resourceType: 'FamilyMemberHistory',
        id: id(`fmh-${f.term.key}-${rel.code}`),
        meta,
        status: 'partial',
        patient: subject,
        date: now,
        relationship: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', ...rel }],
        },
        condition: [
          {
            code: {
              coding: [{ system: 'http://snomed.info/sct', code: f.term.snomed, display: f.term.display }],
              text: f.text,
            },
          },
        ],
        note: [{ text: `Patient-reported in consultation ${consultationId}` }],
      } as FhirResource);
    }
  }

  for (const [index, m] of medicationsIn(answers.medications ?? '', input.drugs).entries()) {
    drafts.push({
      resourceType: 'MedicationStatement',
      id: id(`med-${index}`),
      meta,
      status: m.status,
      medicationCodeableConcept: {
        text: m.text,
        ...(m.drugId ? { coding: [{ system: 'urn:qihuang:drug', code: m.drugId, display: m.name }] } : {}),
      },
      subject,
      dateAsserted: now,
      informationSource: subject,
      note: [{ text: `Patient-reported in consultation ${consultationId}` }],
    } as FhirResource);
  }

  // Allergies named in any answer (issue 20: "对青霉素过敏" written under history was lost).
  drafts.push(
    ...allergyDrafts({ answers, drugs: input.drugs, id, subject, meta, now, consultationId }),
    ...observationDrafts({ answers, id, subject, meta, now }),
  );

  const questionnaireResponse: FhirResource = {
    resourceType: 'QuestionnaireResponse',
    id: id('qr'),
    meta,
    questionnaire: 'urn:qihuang:questionnaire:hypertension-intake|1',
    status: 'completed',
    subject,
    authored: now,
    author: subject,
    source: subject,
    item: INTAKE_STEPS.filter((step) => answers[step] !== undefined).map((step) => ({
      linkId: step,
      text: QUESTIONS[step][input.language],
      answer: [{ valueString: answers[step]! }],
    })),
  } as FhirResource;
  return { questionnaireResponse, drafts };
}
