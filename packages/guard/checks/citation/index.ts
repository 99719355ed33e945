/**
 * A sentence citing [id]: the passage must have been given (else contradicted), and it must state what the
 * sentence says — same drugs, numbers (with their qualifiers) and polarity — to be `supported`; a passage that
 * states otherwise makes it `contradicted`; a passage that says nothing about it leaves it `unverifiable`.
 */
import { DRUG_CLASSES, type DrugClassId } from '@qihuang/drug-knowledge';
import { drugName, guidelineName, say } from '../../i18n.ts';
import { guidelinesIn } from '../../extract-bp.ts';
import { stripCitations } from '../../sentences.ts';
import type { GuardCheck, GuardPassage, Verdict } from '../../types.ts';
import { compare, passageUnits, read, type Reading } from './statement.ts';
import { unstatedCombination } from './combination.ts';
import { unstatedTopic } from './topics.ts';
import { foreignValues } from './values.ts';

// "根据 [p1]，…", "按照 KDIGO 分类 [p1]，…", "正如 [p1] 所述，…": a lead-in (with a few words naming the source, no
// number) before the marker attributes what follows it.
const LEAD_IN =
  /^\s*(?:(?:per|according to|as (?:stated|noted|shown|described) in|see|from|based on|under|根据|按照|依据|参见|据|见|正如|如)(?:[^\d。.;；]{0,16})?)?\s*$/i;
const units = new WeakMap<object, Reading[]>();

// "≥80岁" is an age bound, not a threshold.
const THRESHOLD_WORDS =
  /(?:≥|>=)(?!\s*\d+\s*(?:岁|years?|yrs?))|defined as|diagnos|threshold|cut-?off|诊断|标准|定义|即为高血压/i;
const TARGET_WORDS = /降至|降到|以下|\bbelow\b|\bunder\b|target|目标|goal/i;
const BP_TOPIC = /mmHg|血压|blood pressure|\bBP\b|hypertension|高血压/i;

/**
 * A cited passage about something else, read with certainty: the sentence attributes values to a guideline and the
 * passage is from other guidelines only, or the sentence states a blood pressure and the passage has no blood
 * pressure at all (e.g. a dosing passage cited for a home threshold).
 */
function offTopic(sentence: string, p: GuardPassage, lang: 'zh' | 'en'): string | undefined {
  const whole = `${p.title ?? ''} ${p.text}`;
  const mine = guidelinesIn(sentence);
  const theirs = guidelinesIn(whole);
  if (mine.length && theirs.length && !mine.some((g) => theirs.includes(g)))
    return say(
      lang,
      `该资料出自${theirs.map((g) => guidelineName(g, lang)).join('、')}，不是${mine.map((g) => guidelineName(g, lang)).join('、')}`,
      `the passage is from ${theirs.map((g) => guidelineName(g, lang)).join(', ')}, not ${mine.map((g) => guidelineName(g, lang)).join(', ')}`,
    );
  for (const t of LAB_TOPICS)
    if (t.sentence.test(sentence) && !t.passage.test(whole)) return say(lang, t.zh, t.en);
  // A reading, or a systolic/diastolic value without the unit ("a systolic of 140 or higher").
  const bp =
    /\d\s*\/\s*\d{2,3}\s*mmHg|\d{2,3}\s*mmHg|(?:systolic|diastolic|收缩压|舒张压)[^.。;；\d]{0,16}\d{2,3}(?![\d.])/i.test(
      sentence,
    );
  if (bp && !BP_TOPIC.test(whole))
    return say(lang, '该资料未涉及血压', 'the passage says nothing about blood pressure');
  // A diagnostic threshold attributed to a passage that gives treatment targets only.
  if (bp && THRESHOLD_WORDS.test(sentence) && TARGET_WORDS.test(whole) && !THRESHOLD_WORDS.test(whole))
    return say(
      lang,
      '该资料给出的是降压目标，不是诊断标准',
      'the passage gives treatment targets, not a diagnostic threshold',
    );
  return undefined;
}

/**
 * The sentence names drugs and the passage names only other drugs and classes (a class shared with a drug counts
 * as shared): the passage is about something else ("ibuprofen + enalapril + hydrochlorothiazide [p-spiro]").
 */
function otherDrugs(
  mine: Set<string>,
  theirs: Set<string>,
  context: Parameters<GuardCheck['check']>[1],
): string | undefined {
  if (!mine.size || !theirs.size || [...mine].some((e) => theirs.has(e))) return undefined;
  // Drugs by name; classes by their name when no drug of the set is named (a drug's own classes are implied).
  const names = (ids: Set<string>) => {
    const drugs = [...ids].map((id) => context.drugs.getDrug(id)).filter((d) => d !== undefined);
    if (drugs.length) return drugs.map((d) => drugName(d, context.lang));
    return [...ids]
      .map((id) => DRUG_CLASSES[id as DrugClassId]?.names[context.lang])
      .filter((n) => n !== undefined);
  };
  const a = names(theirs);
  const b = names(mine);
  if (!a.length || !b.length) return undefined;
  return say(
    context.lang,
    `该资料讲的是${a.join('、')}，未涉及${b.join('、')}`,
    `the passage is about ${a.join(', ')}, not ${b.join(', ')}`,
  );
}

/** A lab topic of the sentence the passage does not mention (albuminuria, GFR). */
const LAB_TOPICS: { sentence: RegExp; passage: RegExp; zh: string; en: string }[] = [
  {
    sentence: /ACR|(?<![A-Za-z0-9])A[123](?![A-Za-z0-9])|白蛋白|albumin/i,
    passage: /ACR|albumin|白蛋白|蛋白尿|(?<![A-Za-z0-9])A[123](?![A-Za-z0-9])/i,
    zh: '该资料未涉及白蛋白尿分级',
    en: 'the passage says nothing about albuminuria',
  },
  {
    sentence: /GFR|肾小球滤过率|(?<![A-Za-z0-9])G[1-5][ab]?(?![A-Za-z0-9])/i,
    // Kidney words count except in "acute kidney injury"/"急性肾损伤" (a harm, not the GFR topic).
    passage:
      /GFR|肾小球滤过率|(?<![A-Za-z0-9])G[1-5][ab]?(?![A-Za-z0-9])|renal(?! injury)|kidney(?! injury)|(?<!急性)肾(?!损伤)/i,
    zh: '该资料未涉及肾小球滤过率',
    en: 'the passage says nothing about GFR',
  },
  {
    // A KDIGO G-category attributed to a passage that states no categories (a drug's eGFR start gate, say).
    sentence: /(?<![A-Za-z0-9])G[1-5][ab]?(?![A-Za-z0-9])/,
    passage: /(?<![A-Za-z0-9])G[1-5][ab]?(?![A-Za-z0-9])|KDIGO|categor|stage|分期|分级|期/i,
    zh: '该资料未给出肾小球滤过率分期',
    en: 'the passage gives no GFR categories',
  },
];

/**
 * The patient's own lab value ("您的 eGFR 只有 25", "your CrCl is 40") is the case the sentence applies the passage
 * to, not a number it attributes to the passage: it is left out of the comparison.
 */
const PATIENT_VALUE =
  /(?:您|你|患者|病人)(?:的|目前的?|现在的?)?\s*(?:eGFR|GFR|CrCl|肌酐清除率|血钾|K\+|K⁺)\s*(?:只有|仅|仅为|为|是|=|:|：)?\s*\d+(?:\.\d+)?|\b(?:your|the patient's|his|her)\s+(?:eGFR|GFR|CrCl|creatinine clearance|potassium|K\+)\s*(?:is|of|was|=|:)?\s*(?:only\s+)?\d+(?:\.\d+)?/gi;
/** A measured lab value right after its name with no comparator ("当前血钾5.3 mmol/L", "Potassium 4.3 mmol/L and eGFR
 * 56 both allow …"): the patient's, while the passage's thresholds carry a comparator ("above 5.0", "<30", "50 or below"). */
const MEASURED =
  /(?:血清?钾|K\+|K⁺|\bpotassium|\beGFR|\bGFR|\bCrCl|肌酐清除率)\s*(?:为|是|of|is|was|=|:|：)?\s*\d+(?:\.\d+)?(?![\d.]|\s*(?:[–—~～-]\s*\d|以上|以下|及以上|及以下|或以上|或以下|or (?:more|higher|above|greater|less|lower|below)|\+))/gi;
/** A value reported a few words after its name ("potassium came back at 5.3", "血钾这次复查是5.4"), not a bound or a
 * target ("potassium should be below 5.0", "如果血钾高于5.5"). */
const REPORTED =
  /(?:血清?钾|K\+|K⁺|\bpotassium|\beGFR|\bCrCl)((?:\s+\w+){0,4}?\s+(?:at|was|is|of)|[^0-9，。,;；]{0,8}?(?:是|为))\s*\d+(?:\.\d+)?(?![\d.]|\s*[–—~～-]\s*\d)/gi;
const reportedOut = (m: string, gap: string) =>
  /if|when|should|must|target|below|above|under|over|than|如果|若|应|目标|低于|高于|超过|不超过|小于|大于/i.test(
    gap,
  )
    ? m
    : m.replace(/[\d.]+$/, '');
/** A dose said to exceed a cap ("simvastatin 40 mg exceeds the 20 mg cap"): the patient's dose. */
const OVER = '(?:(?:already\\s+)?(?:exceeds|is above|is over|goes over|goes beyond)|已?超过|已?超出)';
const EXCEEDING = new RegExp(
  `\\d+(?:\\.\\d+)?(?=\\s*(?:mg|毫克)\\s*${OVER})` +
    // "amlodipine 10 mg with simvastatin 40 mg exceeds …": every dose of the prescription judged is the patient's.
    `|\\d+(?:\\.\\d+)?(?=\\s*(?:mg|毫克)\\s*(?:with|plus|and|\\+|与|和|加)\\s*[^\\d,，;；.。]{1,30}?\\d+(?:\\.\\d+)?\\s*(?:mg|毫克)\\s*${OVER})`,
  'gi',
);
export const patientValuesOut = (text: string) =>
  text
    .replace(PATIENT_VALUE, (m) => m.replace(/[\d.]+$/, ''))
    .replace(MEASURED, (m) => m.replace(/[\d.]+$/, ''))
    .replace(REPORTED, reportedOut)
    .replace(EXCEEDING, '');

/**
 * "…，ACC/AHA 2017将其列为有害，中国2018指南同样不推荐ACEI+ARB [p]": a last clause that opens with its own guideline
 * and states something is what the marker attributes (the earlier clauses have their own sources).
 */
function ownSourceClause(own: string): string {
  const clauses = own.split(/[，,；;]/);
  const last = (clauses[clauses.length - 1] ?? '').trim();
  if (clauses.length < 3 || !guidelinesIn(last.slice(0, 16)).length) return own;
  const content = last.replace(/\b(?:19|20)\d\d\b|(?<!\d)(?:19|20)\d\d(?!\d)/g, '');
  return /\d|[A-Za-z]{3,}|[\u4e00-\u9fff]{6,}/.test(content.slice(6)) ? last : own;
}

export const citation: GuardCheck = {
  id: 'citation',
  kinds: ['citation'],
  check(claim, context): Verdict | undefined {
    const id = claim.citation;
    if (!id) return undefined;
    const p = context.passages.get(id);
    if (!p)
      return {
        verdict: 'contradicted',
        evidence: [
          {
            source: 'passages',
            text: `given: ${[...context.passages.keys()].map((k) => `[${k}]`).join(' ') || 'none'}`,
          },
        ],
        reason: say(
          context.lang,
          `引用的 [${id}] 不在提供的资料中`,
          `cites [${id}], which was not among the passages given`,
        ),
      };
    let u = units.get(p);
    if (!u) {
      u = passageUnits(p.text, context.drugs);
      units.set(p, u);
    }
    // Only the part of the sentence before this marker (and after the previous one) is attributed to [id].
    const marker = claim.text.indexOf(`[${id}`);
    const prev = marker > 0 ? claim.text.lastIndexOf(']', marker) : -1;
    let own = marker > 0 ? claim.text.slice(prev + 1, marker) : claim.text;
    // "Per [p1], …" / "根据 [p1]，…": the marker leads the sentence, so what follows it is attributed.
    if (marker >= 0 && LEAD_IN.test(own)) {
      const after = claim.text.slice(claim.text.indexOf(']', marker) + 1);
      const next = after.indexOf('[');
      own = next >= 0 ? after.slice(0, next) : after;
    }
    own = ownSourceClause(own);
    const stated = patientValuesOut(stripCitations(own.trim() ? own : claim.text));
    // The drugs the sentence before named are the subject of a clause that names none (clauses.ts).
    const claimReading = read(stated, context.drugs, [], claim.context?.subjectDrugs ?? []);
    // A sentence sharing a drug with the passage is about it, whatever else it adds.
    const shares = [...claimReading.entities].some((e) => u!.some((x) => x.entities.has(e)));
    const theirs = new Set(u.flatMap((x) => [...x.entities]));
    const off =
      (shares
        ? undefined
        : (otherDrugs(claimReading.entities, theirs, context) ?? offTopic(stated, p, context.lang))) ??
      unstatedTopic(stated, `${p.title ?? ''} ${p.text}`, context.drugs, context.lang) ??
      unstatedCombination(stated, p.text, context.drugs, context.lang) ??
      foreignValues(stated, p.text, context.lang);
    if (off)
      return {
        verdict: 'contradicted',
        evidence: [{ source: `[${id}]${p.title ? ` ${p.title}` : ''}`, text: p.text }],
        reason: `[${id}]: ${off}`,
      };
    const r = compare(claimReading, u, context.lang);
    const evidence = [
      {
        source: `[${id}]${p.title ? ` ${p.title}` : ''}`,
        text: r.unit ?? (p.text.length > 160 ? `${p.text.slice(0, 160)}…` : p.text),
      },
    ];
    return { verdict: r.verdict, evidence, reason: `[${id}]: ${r.reason}` };
  },
};
