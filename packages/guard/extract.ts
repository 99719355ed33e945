/**
 * Deterministic claim extraction from an answer (Chinese or English Markdown), sentence by sentence with a
 * discourse that carries the guideline, population, potassium, eGFR and current medicines forward: citations,
 * doses, BP categories/thresholds/targets (extract-bp.ts), KDIGO categories (extract-labs.ts), combinations,
 * drug–condition and renal statements (extract-drugs.ts). A sentence with medical content but no checkable claim
 * is listed as an `assertion` (always unverifiable) — nothing is dropped silently.
 */
import type { DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import type { Guideline } from '@qihuang/engines/blood-pressure';
import { absorb, renalIn, startDiscourse } from './discourse.ts';
import { patientAt } from './discourse-entities.ts';
import { bpClaims, guidelineIn } from './extract-bp.ts';
import { isolatedSystolicDefinition } from './extract-bp-isolated.ts';
import { doseAndRenalNumberWords } from './extract-bp-numerals.ts';
import { conditionIdsIn, dedupeEntities, doseClaims, drugClaims, NO_ADJUSTMENT } from './extract-drugs.ts';
import { oncListClaim } from './extract-onc-list.ts';
import { bpCompareIn } from './extract-bp-compare.ts';
import { systolicBandTarget } from './extract-bp-target-range.ts';
import { eachReadingClaims } from './extract-bp-each.ts';
import { ckdDiagnosisIn, ckdDurationIn, egfrInRangeIn } from './extract-ckd.ts';
import { phenotypeClaimIn } from './extract-bp-phenotype.ts';
import { categoryAttributionsIn } from './extract-bp-attribution.ts';
import {
  anaphorSubjectAt,
  categoryThresholdsIn,
  creditedCategoriesIn,
  pairSubjectDose,
  settingThresholdsIn,
  tableRowCategory,
} from './extract-clause-claims.ts';
import { axisGradeIn } from './extract-bp-axis-grade.ts';
import { acrStatements, acrValueIn, carriedLabStatements, gfrStatements } from './extract-labs.ts';
import { renalCalculation } from './extract-labs-calc.ts';
import { creatinineConversionIn, kdigoRiskIn } from './extract-labs-risk.ts';
import { MEDICAL_ADVICE } from './checks/assertion/medical.ts';
import { findMentions } from './mentions.ts';
import { memberships } from './extract-membership.ts';
import { splitSentences, stripCitations } from './sentences.ts';
import type { BpData, Claim, Mention, PatientContext } from './types.ts';

export { splitSentences, citationsIn, stripCitations, type Sentence } from './sentences.ts';
export { guidelineIn } from './extract-bp.ts';

const MEDICAL =
  /mmHg|mmol|mg\b|mL\/min|eGFR|GFR|血压|收缩压|舒张压|高压|低压|systolic|diastolic|blood pressure|\bBP\b|hypertension|高血压|剂量|dose|禁忌|contraindicat|interaction|相互作用|肾|kidney|renal|potassium|血钾|KDIGO|target|目标|达标|at goal|guideline|指南|pregnan|妊娠|diabet|糖尿病|(?<![\d.\/])\d{2,3}\s*(?:\/|over)\s*\d{2,3}(?!\d|\.\d|\/)/i;

/** An amount in mg (or g: "the maximum daily dose is 320 g", a unit slip the dose check weighs as grams) in a
 * sentence that names no drug: it belongs to the drug of the sentence before. */
const CARRIED_DOSE = /\d\s*(?:mg|毫克|g|(?<!千)克)(?![a-z])/i;
/** …unless the amount is about food, salt, potassium or another substance. */
const NOT_A_DRUG_DOSE =
  /钠|盐|钾|酒|蛋白|咖啡|钙|镁|铁|维生素|叶酸|鱼油|sodium|salt|potassium|alcohol|protein|caffeine|diet|calcium|magnesium|iron|vitamin|folic|fish oil|omega/i;
/** …and the sentence talks about a dose (not, say, a meal): "it", "the dose", "maximum", "start", "加至" … */
const DOSE_TALK =
  /\b(?:it|its|this drug|the drug|dose|dosing|maximum|max|start\w*|initial|titrat\w*|increas\w*|up to|twice|once)\b|剂量|最大|最高|起始|开始|加至|加到|加量|增至|可用至|每日|每天|该药|此药|本药|常规/i;

/** The clause around a position ("…可以用到每日100 mg，但要注意查血钾": the potassium is not what the amount is of). */
const clauseAt = (text: string, at: number): string => {
  const before = text.slice(0, at).search(/[^，,；;。]*$/);
  const after = text.slice(at).search(/[，,；;。]/);
  return text.slice(before, after < 0 ? text.length : at + after);
};

/** Words that refer back to two or more drugs just named. */
const BOTH =
  /这两(?:个|种)?(?:药物?)?|两(?:种|个)药(?:物)?|两者|二者|\b(?:the|these|those) two\b|\bboth (?:drugs|medicines|of them)\b|\bthis combination\b|这种(?:联合|组合|搭配)|该(?:联合|组合)/i;

const PARTNER_BEFORE = /(?:\bwith|\bplus|\balongside|与|和|跟|同|联用|合用)\s*$/i;

/** The drug an amount in a sentence naming none belongs to: the one drug named before, or the one of several that
 * the sentence before gave amounts for; undefined when that is not certain. */
function carriedDrug(
  prevNamed: Mention[],
  prevDoses: { drug: NonNullable<Mention['drug']> }[],
  lastDrug: Mention | undefined,
  previous: string,
): NonNullable<Mention['drug']> | undefined {
  const named = new Set(prevNamed.map((m) => m.drug?.id).filter(Boolean));
  // "…; with diltiazem the cap is 10 mg. Her 20 mg dose …": a drug named only as a partner ("with X") is not the
  // subject of the amounts.
  const only = prevNamed.find((m) => m.drug);
  if (named.size === 1 && only && !prevDoses.length && PARTNER_BEFORE.test(previous.slice(0, only.start)))
    return undefined;
  if (named.size <= 1) return lastDrug?.drug;
  const dosed = new Set(prevDoses.map((x) => x.drug.id));
  return dosed.size === 1 ? prevDoses[0]!.drug : undefined;
}

/** All claims in the answer. */
export function extractClaims(
  answer: string,
  kb: DrugKnowledgeBase,
  contextGuideline?: Guideline,
  patient?: PatientContext,
): Claim[] {
  const claims: Claim[] = [];
  const d = startDiscourse(patient, contextGuideline);
  // The request's conditions (and pregnancy) are the patient's: drug advice is checked against them.
  const given = [...conditionIdsIn(patient?.conditions ?? []), ...(patient?.pregnant ? ['pregnancy'] : [])];
  if (given.length) d.conditionIds = [...new Set(given)];
  // The request's current medicines are the patient's (as if the answer had said "you take …").
  for (const name of patient?.drugs ?? []) {
    const drug = kb.getDrug(name) ?? kb.lookupName(name);
    if (drug && !d.current.some((m) => m.drug?.id === drug.id))
      d.current.push({ start: 0, end: 0, text: name, drug });
  }
  const sentences = splitSentences(answer);
  // Laboratory values belong to the patient wherever the answer states them ("… can be added. K⁺ is 5.9.").
  // A bound ("in patients with CrCl below 30") is a population, not the patient's value: not carried back.
  const labs = startDiscourse(undefined, undefined);
  for (const s of sentences)
    if (/钾|potassium|K\+|K⁺|GFR|CrCl|clearance|肌酐清除率/i.test(s.text))
      absorb(labs, doseAndRenalNumberWords(s.text));
  const exact: { egfr?: number; crcl?: number } = {};
  for (const s of sentences) Object.assign(exact, renalIn(doseAndRenalNumberWords(s.text), true));
  if (d.potassium === undefined && labs.potassium !== undefined) d.potassium = labs.potassium;
  if (d.egfr === undefined && exact.egfr !== undefined) d.egfr = exact.egfr;
  if (d.crcl === undefined && exact.crcl !== undefined) d.crcl = exact.crcl;
  // The drug a following sentence without a drug name talks about ("Candesartan starts at 8 mg. The maximum is 64 mg.").
  let lastDrug: Mention | undefined;
  // The drugs and doses of the sentence before (for "these two", "两者" in the next one).
  let prevNamed: Mention[] = [];
  let prevDoses: ReturnType<typeof doseClaims> = [];
  let previous = '';
  // The sentence before, as read (its readings may be what a category in this one is said of).
  let previousText = '';
  // The eGFR / ACR value the sentence before stated (a category may refer back to it: "这属于 G3b 期").
  let lastLab: Parameters<typeof carriedLabStatements>[1] = {};
  // Patients as entities: the first is the request's; a clause may turn to another one (see discourse-entities.ts).
  let otherPatient = false;
  const startRenal = {
    ...(d.egfr !== undefined ? { egfr: d.egfr } : {}),
    ...(d.crcl !== undefined ? { crcl: d.crcl } : {}),
    ...(d.requestRenal ? { requestRenal: d.requestRenal } : {}),
  };
  for (const s of sentences) {
    const text = doseAndRenalNumberWords(stripCitations(s.text));
    // A clause opening on another patient (乙, "patient B"): its renal values are its own, not the request's.
    const who = patientAt(text);
    if (who === 'other') {
      otherPatient = true;
      delete d.egfr;
      delete d.crcl;
      delete d.requestRenal;
    } else if (who === 'first' && otherPatient) {
      otherPatient = false;
      Object.assign(d, startRenal);
    }
    absorb(d, text);
    const context = {
      ...(otherPatient ? { otherPatient: true } : {}),
      ...(d.egfr !== undefined ? { egfr: d.egfr } : {}),
      ...(d.crcl !== undefined ? { crcl: d.crcl } : {}),
      ...(d.potassium !== undefined ? { potassium: d.potassium } : {}),
      // The drugs the sentence before named: the subject of a clause here that names none (clauses.ts).
      ...(prevNamed.some((m) => m.drug)
        ? { subjectDrugs: [...new Set(prevNamed.flatMap((m) => (m.drug ? [m.drug.id] : [])))] }
        : {}),
    };
    const base = { text: s.text.trim(), start: s.start, end: s.end, citations: s.citations, context };
    const before = claims.length;
    for (const id of s.citations) claims.push({ ...base, kind: 'citation', citation: id });
    let mentions = findMentions(text, kb);
    // "这两个药…可以放心合用", "The two don't …", "this combination": the drugs of the sentence before, placed at
    // the words that refer back (the claim frame carries the subject; its doses come along).
    // Also when the words open the sentence before a drug it names ("这两个药之间没有明显影响，锂盐照常吃").
    // Also words that refer back as the subject of an interaction clause ("这些与 ACEI 合用…", clauses.ts).
    const bothHit = BOTH.exec(text);
    const both = bothHit ? { index: bothHit.index, text: bothHit[0] } : anaphorSubjectAt(text);
    const back = both && (!mentions.length || both.index < mentions[0]!.start) ? both : null;
    const backDoses = back && prevNamed.length >= 2 ? prevDoses : [];
    if (back && prevNamed.length >= 2)
      mentions = [
        ...prevNamed.map((m) => ({ ...m, start: back.index, end: back.index + back.text.length })),
        ...mentions,
      ];

    // A pair as the clause's subject gives its amount to the member the combination caps (clauses.ts).
    const doses = doseClaims(text, mentions, lastDrug).map((x) => pairSubjectDose(text, x, mentions, kb));
    // A sentence naming no drug (a class at most: "…最多加到每天450毫克，或者联合利尿剂"): its amounts before the
    // first class named are the drug's of the sentence before — when that sentence named one drug only ("…with
    // verapamil, simvastatin…. Your 40 mg dose …, or we switch statins" stays unread).
    const unnamed = mentions.length ? text.slice(0, mentions[0]!.start) : text;
    // After a sentence naming several drugs, the amount is the one of the drug that sentence gave amounts for ("With
    // amlodipine, simvastatin is capped at 20 mg; with diltiazem the cap is 10 mg. His 20 mg dose …").
    const carriedTo = carriedDrug(prevNamed, prevDoses, lastDrug, previous);
    if (
      !doses.length &&
      !mentions.some((m) => m.drug) &&
      carriedTo &&
      CARRIED_DOSE.test(unnamed) &&
      DOSE_TALK.test(unnamed) &&
      !NOT_A_DRUG_DOSE.test(clauseAt(unnamed, CARRIED_DOSE.exec(unnamed)?.index ?? 0))
    )
      doses.push(...doseClaims(unnamed, [{ start: 0, end: 0, text: '', drug: carriedTo }]));
    const named = mentions.filter((m) => m.drug);
    prevNamed = back ? [] : mentions;
    prevDoses = back ? [] : doses;
    lastDrug = named.length ? named[named.length - 1] : mentions.length ? undefined : lastDrug;
    const noAdjustment = NO_ADJUSTMENT.test(text) || NO_ADJUSTMENT.test(previous);
    for (const dose of doses)
      claims.push({ ...base, kind: 'dose', dose: noAdjustment ? { ...dose, noAdjustmentSaid: true } : dose });
    previous = text;
    const bp = bpClaims(text, d);
    const g = guidelineIn(text);
    if (g) d.guideline = g;
    for (const b of bp.bp) claims.push({ ...base, kind: 'bp-threshold', bp: b });
    // One category said of several readings ("诊室和动态都不算高"): each reading with it.
    if (!bp.targets.length)
      for (const b of eachReadingClaims(text, previousText, d, bpClaims))
        if (
          !bp.bp.some((x) => x.form === 'reading' && x.sbp?.[0] === b.sbp?.[0] && x.dbp?.[0] === b.dbp?.[0])
        )
          claims.push({ ...base, kind: 'bp-threshold', bp: b });
    const ish = isolatedSystolicDefinition(text.normalize('NFKC'));
    if (ish)
      claims.push({
        ...base,
        kind: 'bp-threshold',
        bp: d.guideline ? { ...ish, guideline: d.guideline } : ish,
      });
    for (const target of bp.targets) claims.push({ ...base, kind: 'bp-target', target });
    const band = bp.targets.length || bp.bp.length ? undefined : systolicBandTarget(text, d);
    if (band) claims.push({ ...base, kind: 'bp-target', target: band });
    const gfr = gfrStatements(text);
    const acrs = acrStatements(text);
    // A category that refers back to the value of the sentence before (its own values, if any, in brackets).
    const carried = carriedLabStatements(text, lastLab);
    for (const lab of [...gfr, ...carried.gfr]) claims.push({ ...base, kind: 'lab-threshold', lab });
    for (const acr of [...acrs, ...carried.acr]) claims.push({ ...base, kind: 'lab-threshold', acr });
    const calc = renalCalculation(text, answer.slice(0, s.end), patient);
    if (calc) claims.push({ ...base, kind: 'lab-threshold', renalCalc: calc });
    for (const bp of categoryAttributionsIn(text)) claims.push({ ...base, kind: 'bp-threshold', bp });
    // Clause triples (clauses.ts): a setting's threshold relation, a category credited to a guideline.
    const sameBp = (b: BpData) =>
      claims
        .slice(before)
        .some(
          (c) =>
            c.bp?.form === b.form &&
            c.bp.category === b.category &&
            c.bp.setting === b.setting &&
            c.bp.guideline === b.guideline &&
            c.bp.sbp?.[0] === b.sbp?.[0],
        );
    const row = tableRowCategory(text, previousText, d.guideline);
    const starts = categoryThresholdsIn(text, d.guideline);
    // A value the clause reads as a category's threshold ("the start of stage 1 at 130/80 and stage 2 at 140/90") is
    // not a reading of another category.
    for (let i = claims.length - 1; i >= before; i--) {
      const b = claims[i]!.bp;
      if (
        b?.form === 'reading' &&
        starts.some(
          (x) => x.sbp?.[0] === b.sbp?.[0] && x.dbp?.[0] === b.dbp?.[0] && x.category !== b.category,
        )
      )
        claims.splice(i, 1);
    }
    for (const bp of [
      ...settingThresholdsIn(text, d.guideline),
      ...creditedCategoriesIn(text),
      ...starts,
      ...(row ? [row] : []),
    ])
      if (!sameBp(bp)) claims.push({ ...base, kind: 'bp-threshold', bp });
    const byAxis = axisGradeIn(text, previousText, d.guideline);
    if (byAxis) claims.push({ ...base, kind: 'bp-threshold', bp: byAxis });
    const phenotype = phenotypeClaimIn(text, answer.slice(0, s.end));
    if (phenotype) claims.push({ ...base, kind: 'bp-threshold', phenotype });
    const compared = bpCompareIn(text, answer.slice(0, s.start));
    if (compared) claims.push({ ...base, kind: 'bp-threshold', bpCompare: compared });
    const inRange = egfrInRangeIn(text);
    if (inRange) claims.push({ ...base, kind: 'lab-threshold', egfrInRange: inRange });
    const duration = ckdDurationIn(text);
    if (duration) claims.push({ ...base, kind: 'lab-threshold', ckdDuration: duration });
    const ckd = ckdDiagnosisIn(text, lastLab);
    if (ckd) claims.push({ ...base, kind: 'lab-threshold', ckdDiagnosis: ckd });
    const risk = kdigoRiskIn(text);
    if (risk) claims.push({ ...base, kind: 'lab-threshold', kdigoRisk: risk });
    const conversion = creatinineConversionIn(text);
    if (conversion) claims.push({ ...base, kind: 'lab-threshold', creatinineConversion: conversion });
    const egfrHere = renalIn(text).egfr;
    const acrHere = acrValueIn(text);
    lastLab = { ...(egfrHere !== undefined ? { egfr: egfrHere } : {}), ...(acrHere ? { acr: acrHere } : {}) };
    const drug = drugClaims(text, mentions, kb, d, [...backDoses, ...doses]);
    for (const interaction of drug.interactions) claims.push({ ...base, kind: 'interaction', interaction });
    for (const condition of drug.conditions) claims.push({ ...base, kind: 'drug-condition', condition });
    for (const membership of memberships(text, mentions))
      claims.push({ ...base, kind: 'attribution', membership });
    const onc = oncListClaim(text, dedupeEntities(mentions, kb));
    if (onc) claims.push({ ...base, kind: 'attribution', oncList: onc });

    const own = claims.slice(before).filter((c) => c.kind !== 'citation');
    if (
      !own.length &&
      (mentions.length || MEDICAL.test(text) || MEDICAL_ADVICE.test(text)) &&
      /\p{L}/u.test(text)
    ) {
      claims.push({
        ...base,
        kind: 'assertion',
        assertion: mentions.length
          ? 'drug'
          : /mmHg|血压|blood pressure|\bBP\b/i.test(text)
            ? 'blood pressure'
            : 'medical',
      });
    }
    previousText = text;
  }
  return claims;
}
