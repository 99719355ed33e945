/**
 * A combination attributed to a passage must be one the passage speaks of (decision 0018 group 1: the check is
 * against the passage). Read with certainty — the sentence combines named drugs or classes and states no number,
 * so the combination is what it attributes; the passage names at least one of them:
 * - the passage never combines them: it combines others ("an NSAID added to an ACE inhibitor or ARB plus a
 *   diuretic" cited for "ACE inhibitor with ARB" — "or" and "/" join alternatives, not partners), leaves one of them
 *   out ("ACEI/ARB 联合二氢吡啶类CCB" cited for "二氢吡啶类CCB与β阻滞剂"), or speaks of no combination at all
 *   ("ACE inhibitors and ARBs are contraindicated in pregnancy" cited for "ACEI 与 ARB 不宜联用");
 * - the sentence leaves out a partner the passage's combination has ("an NSAID with an ACE inhibitor alone
 *   (without a diuretic)" cited to the triple-combination passage).
 */
import { DRUG_CLASSES, type DrugClassId, type DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { ABSENT_BEFORE } from '../../drug-frames.ts';
import { drugName, say, type Lang } from '../../i18n.ts';
import { findMentions } from '../../mentions.ts';
import { CLASS_LIST, COMBINATION } from '../../polarity.ts';
import type { Mention } from '../../types.ts';

/** One partner of a combination: its alternatives ("ACEI/ARB", "ACE inhibitor or ARB") with their ids. */
interface Partner {
  ids: Set<string>;
  names: Mention[];
}
interface Combination {
  partners: Partner[];
  /** Drugs named as absent ("without a diuretic", "不加利尿剂"). */
  absent: Set<string>[];
}

/** Between two names: "/" or "or" (with a modifier or two: "or long-acting nifedipine") joins alternatives. */
const ALTERNATIVE = /^\s*[,，、]?\s*(?:\/|／|\bor\b|或者?|及\/或|and\/or)\s*(?:[\w-]+\s+){0,2}$/i;
/** A list separator: with an "or" in the same list ("A, B or C") the whole list is alternatives. */
const LISTED = /^\s*[,，、]\s*$/;
/** A bracketed name right after a name is an example of it ("a diuretic (chlorthalidone)"). */
const EXAMPLE = /^\s*[（(]\s*$/;
/** "an ACE inhibitor alone", "单用": the sentence leaves every other partner out. */
const ALONE_AFTER = /^\s*(?:alone\b|by itself|单独|单用)/i;
/** A medicine the patient already takes is the setting of the clause, not a partner it attributes. */
const CURRENT =
  /\b(?:on|taking|takes|is on|are on|already on|currently on)\s+(?:an?\s+|the\s+|his\s+|her\s+|your\s+)?$|(?:正在服用|在服用|服用|在用|现服|现用|吃着|处方)\s*$/i;
/** A generic "diuretic" (read as a thiazide by the vocabulary) stands for every diuretic class. */
const GENERIC_DIURETIC = /^(?:diuretics?|利尿剂|利尿药)$/i;
const DIURETICS = ['thiazide', 'thiazide-like', 'loop', 'mra', 'k-sparing'];

const idsOf = (m: Mention, kb: DrugKnowledgeBase): Set<string> =>
  new Set(
    m.drug
      ? [m.drug.id, ...kb.classesOf(m.drug)]
      : m.classId
        ? GENERIC_DIURETIC.test(m.text.trim())
          ? DIURETICS
          : [m.classId]
        : [],
  );

function combinationIn(text: string, kb: DrugKnowledgeBase): Combination {
  const absent: Set<string>[] = [];
  const named: { m: Mention; ids: Set<string> }[] = [];
  for (const m of findMentions(text, kb)) {
    const ids = idsOf(m, kb);
    const before = text.slice(Math.max(0, m.start - 16), m.start);
    if (!ids.size || CURRENT.test(before)) continue;
    if (ABSENT_BEFORE.test(before)) absent.push(ids);
    else named.push({ m, ids });
  }
  // Runs of names joined as alternatives, examples or list items; a list is alternatives when it has an "or".
  const runs: { m: Mention; ids: Set<string> }[][] = [];
  let run: typeof named = [];
  let alternative = false;
  const close = () => {
    if (alternative) runs.push(run);
    else for (const x of run) runs.push([x]);
    run = [];
    alternative = false;
  };
  for (const [i, x] of named.entries()) {
    const prev = named[i - 1];
    const gap = prev ? text.slice(prev.m.end, x.m.start) : '';
    if (prev && (ALTERNATIVE.test(gap) || EXAMPLE.test(gap))) alternative = true;
    else if (!(prev && LISTED.test(gap))) close();
    run.push(x);
  }
  close();
  const partners: Partner[] = [];
  for (const r of runs) {
    const ids = new Set(r.flatMap((x) => [...x.ids]));
    const same = partners.find((p) => [...ids].some((id) => p.ids.has(id)));
    if (same) {
      for (const id of ids) same.ids.add(id);
      same.names.push(...r.map((x) => x.m));
    } else partners.push({ ids, names: r.map((x) => x.m) });
  }
  return { partners, absent };
}

const meets = (a: Set<string>, b: Set<string>) => [...a].some((id) => b.has(id));

/**
 * Does this passage unit combine every partner of the claim (each with a partner of its own), and no absent one
 * (with "alone", no partner more)?
 */
function covers(unit: Combination, claim: Combination, alone: boolean): boolean {
  if (unit.partners.length < 2 || (alone && unit.partners.length > claim.partners.length)) return false;
  const used = new Set<number>();
  for (const p of claim.partners) {
    const i = unit.partners.findIndex((u, k) => !used.has(k) && meets(u.ids, p.ids));
    if (i < 0) return false;
    used.add(i);
  }
  return !claim.absent.some((a) => unit.partners.some((u) => meets(u.ids, a)));
}

const nameOf = (p: Partner, lang: Lang) =>
  p.names
    .map((m) =>
      m.drug ? drugName(m.drug, lang) : (DRUG_CLASSES[m.classId as DrugClassId]?.names[lang] ?? m.text),
    )
    .filter((n, i, all) => all.indexOf(n) === i)
    .join('/');

/** A passage's names and combining units, read once per passage text (passages repeat across answers). */
const read = new WeakMap<DrugKnowledgeBase, Map<string, { named: Set<string>[]; units: Combination[] }>>();
function passageRead(passage: string, kb: DrugKnowledgeBase) {
  let byText = read.get(kb);
  if (!byText) read.set(kb, (byText = new Map()));
  const hit = byText.get(passage);
  if (hit) return hit;
  const p = passage.normalize('NFKC');
  const out = {
    named: findMentions(p, kb).map((m) => idsOf(m, kb)),
    units: p
      .split(/(?<=[。！？!?；;])|(?<=\.)\s+/)
      .filter((u) => COMBINATION.test(u))
      .map((u) => combinationIn(u, kb)),
  };
  if (byText.size > 500) byText.clear();
  byText.set(passage, out);
  return out;
}

export function unstatedCombination(
  stated: string,
  passage: string,
  kb: DrugKnowledgeBase,
  lang: Lang,
): string | undefined {
  const s = stated.normalize('NFKC');
  if (/\d/.test(s) || !COMBINATION.test(s) || CLASS_LIST.test(s)) return undefined;
  const { named, units } = passageRead(passage, kb);
  // Clause by clause: each combination the sentence states must be one the passage states.
  for (const clause of s.split(/[，,；;。:：]/)) {
    if (!COMBINATION.test(clause)) continue;
    // A partner said to be absent anywhere in the sentence ("不加利尿剂时，A 与 B 合用…") is absent.
    const claim = { ...combinationIn(clause, kb), absent: combinationIn(s, kb).absent };
    if (claim.partners.length < 2) continue;
    // A passage naming none of them is about other medicines (index.ts `otherDrugs`).
    if (!claim.partners.some((c) => named.some((n) => meets(n, c.ids)))) continue;
    const alone = claim.partners.some((c) => c.names.some((m) => ALONE_AFTER.test(clause.slice(m.end))));
    if (units.some((u) => covers(u, claim, alone))) continue;
    const mine = claim.partners.map((c) => nameOf(c, lang)).join(lang === 'zh' ? '与' : ' with ');
    const theirs = units.find((u) => u.partners.length >= 2);
    return theirs
      ? say(
          lang,
          `该资料讲的是${theirs.partners.map((c) => nameOf(c, lang)).join('与')}联用，不是${mine}`,
          `the passage speaks of combining ${theirs.partners.map((c) => nameOf(c, lang)).join(' with ')}, not ${mine}`,
        )
      : say(lang, `该资料未提及${mine}联用`, `the passage does not speak of combining ${mine}`);
  }
  return undefined;
}
