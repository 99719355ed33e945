/**
 * What a cited sentence attributes must be a topic the passage covers. Read with certainty (claim frames, not
 * shared words) — each is "the passage states otherwise" in the sense that the passage is about the same subject
 * and leaves the sentence's topic out:
 * - a category or measurement setting missing from the passage's own list of them (a passage listing G4 and G5
 *   cited for G3a; a home threshold cited for a daytime one);
 * - a dose whose drug the passage does not name ("atorvastatin ≤40 mg" cited to a losartan dosing passage);
 * - a condition (drug-knowledge's condition vocabulary) of a passage about the same drug that never mentions it.
 */
import { deniedCategories } from '../../extract-clause-claims.ts';
import { CONDITIONS, type DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { categoriesIn } from '../../extract-bp-categories.ts';
import { conditionIdsIn } from '../../extract-drugs.ts';
import { categoryName, drugName, say, SETTING_NAME, type Lang } from '../../i18n.ts';
import { findMentions } from '../../mentions.ts';

const SETTINGS: [keyof typeof SETTING_NAME, RegExp][] = [
  ['night', /night|nocturnal|夜间|睡眠/i],
  ['24h', /24[- ]?(?:h\b|hour)|24\s*小时|全天/i],
  ['day', /daytime|day-time|awake|白天|日间/i],
  ['home', /\bhome\b|HBPM|self-measured|家庭|家测|自测/i],
];
const G_STAGE = /(?<![A-Za-z0-9])G([1-5][ab]?)(?![A-Za-z0-9])/gi;
const A_STAGE = /(?<![A-Za-z0-9])A([123])(?![A-Za-z0-9])/g;
const AMOUNT = /\d+(?:\.\d+)?\s*(?:mg|毫克)(?![a-z])/gi;
/** Conditions a passage covers through their laboratory value ("potassium above 5.0" is hyperkalaemia). */
const BY_LAB: Record<string, RegExp> = { hyperkalaemia: /potassium|K\+|K⁺|血钾|钾/i };

/** Categories by family: blood pressure, KDIGO GFR, KDIGO albuminuria. */
function categories(text: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>([
    ['bp', new Set()],
    ['g', new Set()],
    ['a', new Set()],
  ]);
  // A category the sentence denies ("116/86 is not 'elevated'") is not what it attributes to the passage.
  for (const c of categoriesIn(text))
    if (c.category !== 'hypertension' && !c.negated) out.get('bp')!.add(c.category);
  for (const m of text.matchAll(G_STAGE)) out.get('g')!.add(`G${(m[1] as string).toLowerCase()}`);
  for (const m of text.matchAll(A_STAGE)) out.get('a')!.add(`A${m[1]}`);
  return out;
}

const BP_VALUE = /\d{2,3}\s*\/\s*\d{2,3}/;
interface Topic {
  zh: string;
  en: string;
  stated: RegExp;
  covered: RegExp;
}
// The populations REFERENCE §7 gives blood-pressure targets for, and renal impairment in dosing (§5.3).
const POPULATIONS: Topic[] = [
  { zh: '糖尿病', en: 'diabetes', stated: /diabet|糖尿病/i, covered: /diabet|糖尿病/i },
  {
    zh: '慢性肾脏病',
    en: 'chronic kidney disease',
    stated: /\bCKD\b|chronic kidney|kidney disease|慢性肾|肾脏病|肾病/i,
    covered: /\bCKD\b|kidney|renal|肾/i,
  },
  {
    zh: '蛋白尿',
    en: 'albuminuria',
    stated: /proteinuria|albuminuria|蛋白尿/i,
    covered: /proteinuria|albuminuria|蛋白尿|\bACR\b/i,
  },
];
const RENAL: Topic[] = [
  {
    zh: '肾功能不全',
    en: 'renal impairment',
    stated:
      /renal (?:impairment|insufficiency|failure|function)|kidney (?:impairment|failure|function|disease)|\bCKD\b|肾功能|肾衰|肾病|肾脏病|肾损/i,
    covered: /renal|kidney|\bCKD\b|\b(?:e?GFR|CrCl)\b|creatinine clearance|肾|肌酐清除率/i,
  },
];
const missingIn = (topics: Topic[], s: string, p: string) =>
  topics.find((t) => t.stated.test(s) && !t.covered.test(p));

const settings = (text: string): Set<keyof typeof SETTING_NAME> =>
  new Set(SETTINGS.filter(([, re]) => re.test(text)).map(([s]) => s));

/** Clauses of the sentence that state a number (a topic word elsewhere is not what is attributed). */
const valueClauses = (text: string) =>
  text
    .split(/[，,；;。]/)
    .filter((c) => /\d/.test(c))
    .join('，');

export function unstatedTopic(
  stated: string,
  passage: string,
  kb: DrugKnowledgeBase,
  lang: Lang,
): string | undefined {
  const s = stated.normalize('NFKC');
  const p = passage.normalize('NFKC');
  const valued = valueClauses(s);
  // Categories and settings the passage lists, without the sentence's.
  const mine = categories(valued);
  // A category the sentence denies ("118/84 并不是 elevated，而是1期") is a contrast, not what the passage is cited for.
  const denied = deniedCategories(s);
  for (const set of mine.values()) for (const c of denied) set.delete(c);
  const theirs = categories(p);
  for (const [family, set] of mine) {
    const listed = theirs.get(family)!;
    const missing = [...set].filter((c) => !listed.has(c));
    // A whole table cited to a passage that lists part of it (every row the passage has, and more: "G1 … G5" cited
    // to a passage of G3a–G5) attributes to the passage the rows it has; the rows' values are checked on their own.
    const extends_ = listed.size >= 2 && [...listed].every((c) => set.has(c));
    if (listed.size && missing.length && !extends_)
      return say(
        lang,
        `该资料列出的是${[...listed].map((c) => categoryName(c, lang)).join('、')}，未涉及${missing.map((c) => categoryName(c, lang)).join('、')}`,
        `the passage lists ${[...listed].map((c) => categoryName(c, lang)).join(', ')}, not ${missing.map((c) => categoryName(c, lang)).join(', ')}`,
      );
  }
  const where = settings(valued);
  // A passage listing blood-pressure categories and naming no setting gives office values (ACC/AHA 2017 Table 6).
  const listedWhere = settings(p);
  if (!listedWhere.size && theirs.get('bp')!.size && !/out-of-office|诊室外|ambulatory|动态/i.test(p))
    listedWhere.add('office');
  const missingWhere = [...where].filter((x) => !listedWhere.has(x));
  if (listedWhere.size && missingWhere.length)
    return say(
      lang,
      `该资料给出的是${[...listedWhere].map((x) => SETTING_NAME[x].zh).join('、')}血压的数值，未涉及${missingWhere.map((x) => SETTING_NAME[x].zh).join('、')}血压`,
      `the passage gives ${[...listedWhere].map((x) => SETTING_NAME[x].en).join(', ')} values, not ${missingWhere.map((x) => SETTING_NAME[x].en).join(', ')}`,
    );

  const sm = findMentions(s, kb);
  const pm = findMentions(p, kb);
  // A population of a blood-pressure value (diabetes, CKD, albuminuria) that a passage of blood-pressure values never
  // mentions ("糖尿病…<130/80" cited to a passage of general targets).
  // A leading clause naming the population as the subject ("合并糖尿病的高血压患者，…", "For adults with CKD, …") is
  // the value's population.
  const head =
    /^[^，,；;。\d]*(?:患者|人群|病人)\s*[，,]|^\s*(?:for|in)\s+(?:adults|patients|people|those)\s+with\b[^，,；;。\d]*[，,]/i.exec(
      s,
    )?.[0] ?? '';
  const pop =
    BP_VALUE.test(valued) && BP_VALUE.test(p) ? missingIn(POPULATIONS, head + valued, p) : undefined;
  if (pop) return say(lang, `该资料未涉及${pop.zh}`, `the passage says nothing about ${pop.en}`);
  // A medicine statement without numbers cited to a passage that names no medicine (a KDIGO category passage).
  if (sm.some((m) => m.drug) && !pm.length && !/\d/.test(s) && !BP_VALUE.test(p) && /\d/.test(p))
    return say(lang, '该资料未提及任何药物', 'the passage names no medicine');
  const covered = (m: (typeof sm)[number]) =>
    pm.some((x) =>
      m.drug
        ? x.drug?.id === m.drug.id
        : !!m.classId &&
          (x.classId === m.classId ||
            (!!x.drug && (kb.classesOf(x.drug) as readonly string[]).includes(m.classId))),
    );
  // A dose of a drug the passage does not name.
  for (const a of s.matchAll(AMOUNT)) {
    const at = a.index as number;
    const clauseStart = Math.max(
      0,
      ...[...s.slice(0, at).matchAll(/[，,；;。]/g)].map((x) => (x.index as number) + 1),
    );
    const owner = [...sm].reverse().find((m) => m.drug && m.end <= at && m.start >= clauseStart);
    if (owner?.drug && !covered(owner))
      return say(
        lang,
        `该资料未给出${drugName(owner.drug, lang)}的剂量`,
        `the passage gives no dose of ${drugName(owner.drug, lang)}`,
      );
  }
  // (A combination of drugs the passage names separately is left unverifiable: the passage does not state
  // otherwise — independent-4-classes.test.ts.)
  // A condition never mentioned by a passage about the same drug.
  if (sm.some(covered)) {
    const pl = p.toLowerCase();
    // A reason in brackets ("不推荐 ACEI + ARB（…高钾…）") explains; it is not a topic attributed to the passage.
    // So is a risk given as the reason ("…，高钾和肾损伤风险增加", "it raises the risk of hyperkalaemia") when the
    // passage speaks of the same medicines, combined when the sentence combines them.
    const same = sm.every(covered) && (!COMBINED.test(s) || COMBINED.test(p));
    const unbracketed = s.replace(/[（(][^）)]*[）)]/g, ' ');
    const stated = same ? unbracketed.replace(RISK_CLAUSE, ' ') : unbracketed;
    const missing = conditionIdsIn([stated]).filter(
      (id) => !conditionIdsIn([p]).includes(id) && !(BY_LAB[id]?.test(pl) ?? false),
    );
    const c = missing[0]
      ? (CONDITIONS as Record<string, { label: { zh: string; en: string } }>)[missing[0]]
      : undefined;
    if (c) return say(lang, `该资料未涉及${c.label.zh}`, `the passage says nothing about ${c.label.en}`);
    // Renal impairment said of a drug whose passage never speaks of the kidney.
    const renal = missingIn(RENAL, stated, p);
    if (renal) return say(lang, `该资料未涉及${renal.zh}`, `the passage says nothing about ${renal.en}`);
  }
  return undefined;
}

/** A clause naming a risk ("高钾和肾损伤风险增加", "raises the risk of hyperkalaemia", "because of the … risk"). */
const RISK_CLAUSE = /[^，,；;。:：]*(?:风险|危险|\brisks?\b)[^，,；;。]*/gi;
const COMBINED = /联用|合用|联合|同用|\bcombin\w*|\btogether\b|\bplus\b|\bwith\b/i;
