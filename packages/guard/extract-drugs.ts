/**
 * Drug statements in one sentence: doses (amount after a drug name), combinations of two or more drugs with
 * the patient's current medicines, potassium, eGFR and doses, drug–condition statements, and renal statements
 * ("eGFR 25 可以使用二甲双胍"). A list of classes is not a combination claim. Mentions the clinical-language
 * package reads as negated or hypothetical ("if you were to take …") make no claim.
 */
import { deniedEffectOfCombination } from './extract-clause-claims.ts';
import { CONDITIONS, type DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import type { Discourse } from './discourse.ts';
import { TAKES, renalIn, renalShown } from './discourse.ts';
import { CLASS_LIST, COMBINATION, polarity } from './polarity.ts';
import type { DoseData, DrugConditionData, InteractionData, Mention } from './types.ts';
import {
  ABSENT_BEFORE,
  ADDED_TO,
  HYPERKALAEMIA_ABOVE,
  ABSOLUTE,
  NO_INTERACTION,
  clausePolarity,
  affirmedAt,
  BILATERAL,
  stopFirstIn,
  EACH_FINE,
  CONTINUED,
  ADDRESSED,
  PATIENT,
  OWN_CONDITION,
  NO_ADJUSTMENT,
  hepaticLevel,
  reducedEjection,
  STOPPED_AFTER,
  SPACED,
  SWITCH,
  washoutIn,
} from './drug-frames.ts';

import { alternatives, REPLACES, same, sameFamily, withoutExamples } from './extract-members.ts';
import { joiningCurrent, switchedAway, withheld } from './claim-scope.ts';

export { doseClaims } from './extract-doses.ts';

/** A drug named only to be set apart from the subject ("unlike X,", "不同于X", "和X不同"). */
const SET_APART = /\bunlike\s+(?:the\s+|your\s+|an?\s+)?$|不同于\s*$|不像\s*$|有别于\s*$/i;
/** A pair said of itself alone ("本身", "by themselves", "on its own"). */
const ITSELF = /本身|\bby (?:it|them)sel(?:f|ves)\b|\bon (?:its|their) own\b/i;
/** A sentence set against the one before ("by contrast", "whereas", "则是", "相比之下"). */
const CONTRAST =
  /\bby contrast\b|\bin contrast\b|\bon the other hand\b|\bunlike\b|\bwhereas\b|\bconversely\b|则是|则为|则属|相比之下|与之相反|相反[，,]|反之/i;

function clausesOf(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (
      i === text.length ||
      '，,；;：:'.includes(text[i] as string) ||
      /^\s(but|while|whereas|however|unlike)\b/i.test(text.slice(i, i + 9))
    ) {
      if (i > start) out.push({ text: text.slice(start, i), start, end: i });
      start = i + 1;
    }
  }
  return out;
}

/** One entity per drug / class; a drug named right after its class ("ACE inhibitors such as enalapril") merges. */
export function dedupeEntities(mentions: Mention[], kb: DrugKnowledgeBase): Mention[] {
  const out: Mention[] = [];
  for (const m of mentions) {
    const key = m.drug ? `d:${m.drug.id}` : `c:${m.classId}`;
    if (out.some((x) => (x.drug ? `d:${x.drug.id}` : `c:${x.classId}`) === key)) continue;
    const prev = out[out.length - 1];
    if (
      m.drug &&
      prev?.classId &&
      kb.classesOf(m.drug).includes(prev.classId as never) &&
      m.start - prev.end < 24
    ) {
      out[out.length - 1] = m;
      continue;
    }
    if (
      m.classId &&
      prev?.drug &&
      kb.classesOf(prev.drug).includes(m.classId as never) &&
      m.start - prev.end < 24
    )
      continue;
    out.push(m);
  }
  return out;
}

/** Potassium with words that hold a drug back ("血钾 5.6 时应暂缓", "hold off if potassium is above 5.0"). */
const POTASSIUM_HOLD =
  /(?:钾|potassium|K\+|K⁺)[^，,；;。]{0,16}(?:暂缓|暂停|先不|不要(?!紧)|不宜|推迟)|(?:暂缓|暂停|先不|不要(?!紧)|不宜|推迟)[^，,；;。]{0,16}(?:钾|potassium|K\+|K⁺)|\b(?:hold (?:off|it|back)|wait|defer|delay|unless|only (?:if|once|when)|until)\b[^,;.]{0,30}(?:potassium|K\+|K⁺)|(?:potassium|K\+|K⁺)[^,;.]{0,30}\b(?:hold (?:off|it|back)|defer|delay)\b/i;

const CONDITIONAL = /只要|如果|假如|若|\bif\b|as long as|provided (?:that )?/i;

/** A continued medicine at a lower dose ("减量后继续", "continue at a reduced dose"). */
const REDUCED = /减量|减少剂量|减半|\breduc\w*|\blower(?:ed)? dose|\bhalv\w*/i;

/**
 * "属于中度相互作用，监测即可", "is only a minor interaction": a pair called a mild or moderate interaction is said
 * usable (with monitoring) — a claim the interaction rules' severity checks (REFERENCE §6 severities). Not when the
 * severity is denied ("不是中度相互作用").
 */
const MILD_INTERACTION =
  /(?<![不非]|不是|并非|并不是|不属于)(?:属于|是|为|算)?(?:一种|一个)?(?:轻度|轻微|中度|中等)(?:程度)?的?(?:药物)?相互作用|(?<!\bnot (?:a |an |just a |only a )?)\b(?:a |an )?(?:mild|minor|moderate)(?:[- ]severity)? (?:drug[- ])?interaction\b/i;
const polarityOf = (t: string) => clausePolarity(t) ?? (MILD_INTERACTION.test(t) ? 'safe' : undefined);

/** Starting or adding a drug ("可以加用螺内酯", "could still be added", "start"): the potassium gates apply. */
const STARTING =
  /加用|加上|(?:可以|可|能)加|启用|开始(?:使用|服用|用)?|起始|\badd(?:ed|ing)?\b|\bstart(?:ed|ing)?\b|\binitiat\w*|\b(?:is|are) (?:fine|ok|okay|acceptable) for\b/i;

/** Words for a condition that the drug knowledge base's keywords do not carry yet (to move there). */
const MORE_KEYS: Record<string, string[]> = { pregnancy: ['孕妇', '孕产妇', '备孕'] };
const CONDITION_KEYS = Object.values(CONDITIONS)
  .filter((c) => c.id !== 'hypertension')
  .map((c) => ({
    id: c.id,
    label: c.label.zh,
    keys: [...(c.keywords ?? []), c.label.en.toLowerCase(), c.label.zh, ...(MORE_KEYS[c.id] ?? [])],
  }));

const STOPPED =
  /\b(?:stop(?:ping)?|discontinu(?:e|ing)|switch(?:ing)? (?:away )?from|chang(?:e|ing) from|instead of|rather than)\s+(?:the |your |her |his )?$|(?:停用|停止服用|停止使用|停掉|停服|换掉|从|而不是|代替)\s*$/i;

/** Condition ids named in free text (the request's patient conditions). */
export function conditionIdsIn(texts: string[]): string[] {
  const lower = texts.join(' ').toLowerCase();
  return CONDITION_KEYS.filter((c) => c.keys.some((k) => k && lower.includes(k.toLowerCase()))).map(
    (c) => c.id,
  );
}

export { NO_ADJUSTMENT };

export interface DrugClaims {
  interactions: InteractionData[];
  conditions: DrugConditionData[];
}

export function drugClaims(
  text: string,
  mentions: Mention[],
  kb: DrugKnowledgeBase,
  d: Discourse,
  doses: DoseData[],
): DrugClaims {
  const out: DrugClaims = { interactions: [], conditions: [] };
  // "even without a diuretic": a drug named as absent is no member.
  const entities = dedupeEntities(mentions, kb).filter(
    (e) => !ABSENT_BEFORE.test(text.slice(Math.max(0, e.start - 16), e.start)),
  );
  const clauses = clausesOf(text);
  const clauseOf = (m: Mention) => clauses.find((c) => m.start >= c.start && m.start < c.end);
  const pols = clauses.map((c) => polarityOf(c.text));
  const distinct = new Set(pols.filter(Boolean));
  const sentencePolarity = distinct.size === 1 ? [...distinct][0] : undefined;
  const polarityAt = (m: Mention) => {
    // "stop lisinopril and switch to labetalol": a drug to stop (or switch away from) is said neither safe nor
    // harmful (stopping a drug is not a statement that it is contraindicated).
    if (STOPPED.test(text.slice(Math.max(0, m.start - 24), m.start))) return undefined;
    if (STOPPED_AFTER.test(text.slice(m.end))) return undefined;
    // "Unlike lisinopril, losartan … can be combined with amlodipine": a drug set apart is not what is said.
    if (SET_APART.test(text.slice(Math.max(0, m.start - 16), m.start))) return undefined;
    const c = clauseOf(m);
    const own = c && polarityOf(c.text);
    if (own) return own;
    // "厄贝沙坦属于ARB，可以继续服用", "losartan is an ARB, so it can be continued": a following clause that names no
    // drug continues this one.
    const i = c ? clauses.indexOf(c) : -1;
    const next = clauses[i + 1];
    if (i >= 0 && next && pols[i + 1] && !mentions.some((x) => x.start >= next.start && x.start < next.end))
      return pols[i + 1];
    return sentencePolarity;
  };
  const dailyMg: Record<string, number> = {};
  for (const x of doses)
    dailyMg[x.drug.id] = x.perDay
      ? (x.amountMaxMg ?? x.amountMg)
      : (x.amountMaxMg ?? x.amountMg) * (x.timesPerDay ?? 1);

  // Medicines the patient takes (this sentence or earlier ones).
  const takesHere = entities.filter((e) => {
    const c = clauseOf(e);
    // "只要两种药间隔 4 小时服用，就…" / "as long as they are taken apart": a condition, not what the patient takes.
    return c && TAKES.test(c.text) && !polarity(c.text) && !CONDITIONAL.test(c.text);
  });
  const classCount = entities.filter((e) => e.classId).length;
  const isList = entities.length >= 3 && classCount >= 3 && CLASS_LIST.test(text);
  const isOptions =
    /\bor\b|或|、/.test(text) &&
    !COMBINATION.test(text) &&
    !((d.current.length || takesHere.length) && EACH_FINE.test(text));

  // "With gout, thiazides are best avoided": a "with" that names no drug or class after it (a condition) is no
  // combination.
  const withDrug = text.replace(/\bwith\b/gi, (w, at: number) =>
    mentions.some(
      (m) =>
        m.start > at &&
        /^\s*(?:(?:a|an|the|your|his|her|their|other|another|any|both|either|low-dose|high-dose)\s+)*$/i.test(
          text.slice(at + w.length, m.start),
        ),
    )
      ? w
      : ' '.repeat(w.length),
  );
  const combo = COMBINATION.test(withDrug) || TAKES.test(text) || NO_INTERACTION.test(text);
  const denied = NO_INTERACTION.test(text) || deniedEffectOfCombination(text);
  const absolute = ABSOLUTE.test(text);
  // "先把可乐定逐渐减停，几天后再停美托洛尔": stopping both, one first.
  const stopFirst = stopFirstIn(
    text,
    mentions.filter((m) => entities.some((e) => same(e, m))),
  );
  // "螺内酯可以和贝那普利一起用，但血钾 5.6 时应暂缓": a clause that holds the combination back at a potassium level.
  const potassiumHeld = clauses.some((c) => POTASSIUM_HOLD.test(c.text));
  // "Switching from lisinopril to sacubitril/valsartan, start 12 hours after the last dose": a switch with an interval.
  // "不能同时服用，但间隔12小时以上即可": the interval in a clause of its own after a prohibition is still stated.
  const spaced =
    !SWITCH.test(text) &&
    SPACED.test(text) &&
    (!polarity(text)?.startsWith('un') ||
      clauses.some((c) => SPACED.test(c.text) && polarity(c.text) === 'safe'));
  const washout = (SWITCH.test(text) || spaced) && entities.length >= 2 ? washoutIn(text) : undefined;
  if (stopFirst) out.interactions.push({ members: entities.slice(0, 2), safe: true, dailyMg: {}, stopFirst });
  else if (washout !== undefined)
    out.interactions.push({
      members: entities.slice(0, 2),
      safe: true,
      dailyMg: {},
      washoutHours: washout,
      ...(spaced ? { spaced } : {}),
    });
  // "服用 X 期间用 A 或 B 都可以": options joined by "or" are each combined with what the patient takes.
  else if (!isList && (!isOptions || (d.current.length > 0 && /\bor\b|或/.test(text) && !/、/.test(text)))) {
    // Per polarity: the entities said to be safe / harmful, plus the patient's current medicines.
    for (const pol of ['safe', 'unsafe'] as const) {
      // Claim scope (claim-scope.ts): a drug switched away from, or withheld from what is called safe, is no member.
      const polar = entities.filter(
        (e) =>
          polarityAt(e) === pol &&
          !takesHere.includes(e) &&
          !switchedAway(text, e) &&
          !(pol === 'safe' && withheld(text, e, clauseOf(e)?.text ?? text)),
      );
      // "塞来昔布属于COX-2抑制剂，和依那普利、呋塞米一起用不会增加…风险": a clause opening with "和/与/with" leaves its
      // subject out — the drug that opens the sentence in an earlier clause without a polarity of its own.
      const lead = entities[0];
      const leadClause = lead && clauseOf(lead);
      const polarClause = polar[0] && clauseOf(polar[0]);
      if (
        lead &&
        leadClause &&
        polarClause &&
        leadClause.end <= polarClause.start &&
        !polar.includes(lead) &&
        !takesHere.includes(lead) &&
        !polarity(leadClause.text) &&
        /^\s*(?:和|与|跟|同|together with|with)\s*$/i.test(text.slice(polarClause.start, polar[0]!.start))
      )
        polar.unshift(lead);
      // "You are on losartan and hydrochlorothiazide. Ibuprofen is fine for your back pain.": advice to the patient
      // about a new drug is a combination with what the patient takes.
      const toPatient = d.current.length > 0 && ADDRESSED.test(text) && pol === 'safe';
      if (!polar.length || (!combo && !takesHere.length && !toPatient)) continue;
      // "You take amlodipine and metoprolol. Calcium channel blockers with beta-blockers should be avoided": a class
      // that covers drugs the patient takes stands for them (the claim is about the patient's medicines).
      // "Amlodipine with atenolol, by contrast, is a standard combination", "二氢吡啶类CCB与β阻滞剂联用则是推荐组合": a
      // pair of its own set against what was said before is about that pair, not about the patient's medicines.
      // "③氯沙坦与氢氯噻嗪本身是推荐的联合", "the pair by itself": that pair alone, without the patient's other drugs.
      const contrasted = polar.length >= 2 && (CONTRAST.test(text) || ITSELF.test(text));
      const mine = (e: Mention) =>
        e.drug || contrasted ? [] : d.current.filter((c) => c.drug && sameFamily(e, c));
      // A class standing for the patient's medicines refers to them (claim-scope.ts).
      const byClass = (combo || toPatient) && polar.some((e) => mine(e).length);
      if (byClass) polar.splice(0, polar.length, ...polar.flatMap((e) => (mine(e).length ? mine(e) : [e])));
      const members = [...polar, ...takesHere].filter((m, k, all) => all.findIndex((x) => same(x, m)) === k);
      if ((combo || toPatient) && !contrasted)
        for (const c of joiningCurrent(text, polar, d.current, mentions, byClass))
          if (
            !members.some((x) => same(x, c)) &&
            !(REPLACES.test(text) && polar.some((x) => sameFamily(x, c)))
          )
            members.push(c);
      if (members.length < 2) continue;
      for (const set of alternatives(withoutExamples(members, text), text)) {
        if (set.length < 2) continue;
        out.interactions.push({
          members: set,
          said: polar,
          safe: pol === 'safe',
          ...(d.potassium !== undefined ? { potassium: d.potassium } : {}),
          ...(d.egfr !== undefined ? { egfr: d.egfr } : {}),
          ...(d.conditionIds?.length ? { conditions: d.conditionIds } : {}),
          ...(potassiumHeld ? { potassiumHeld } : {}),
          ...(denied ? { denied } : {}),
          ...(absolute ? { absolute } : {}),
          dailyMg,
        });
      }
    }
  }
  if (takesHere.length && !sentencePolarity)
    for (const e of takesHere) if (!d.current.some((c) => same(c, e))) d.current.push(e);
  // "Losartan can be continued": a medicine the patient already takes.
  for (const e of entities) {
    const c = clauseOf(e);
    if (
      e.drug &&
      c &&
      /\bcontinu\w*|继续(?:使用|服用)?|维持/i.test(c.text) &&
      !d.current.some((x) => same(x, e))
    )
      d.current.push(e);
  }

  // Drug–condition statements (polarity per clause).
  const lower = text.toLowerCase();
  const stated = CONDITION_KEYS.filter(
    (c) =>
      c.keys.some((k) => k && lower.includes(k) && affirmedAt(lower, k, c.id)) ||
      (c.id === 'hfref' && reducedEjection(text)),
  );
  // The patient's own conditions: a sentence about the patient without a drug ("患者有痛风病史", "您怀孕 12 周",
  // "You're now 18 weeks pregnant"), or one that says the patient has or developed it ("You developed angioedema
  // on lisinopril").
  if (
    stated.length &&
    (entities.length ? OWN_CONDITION.test(text) : PATIENT.test(text) || ADDRESSED.test(text))
  ) {
    d.conditionIds = [...new Set([...(d.conditionIds ?? []), ...stated.map((c) => c.id)])];
    d.conditionWords = `${d.conditionWords ?? ''} ${lower}`;
  }
  for (const c of CONDITION_KEYS) {
    if (!stated.includes(c) && !d.conditionIds?.includes(c.id)) continue;
    for (const e of entities) {
      const pol = polarityAt(e);
      if (pol && (!takesHere.includes(e) || (pol === 'safe' && CONTINUED.test(text))))
        out.conditions.push({
          mention: e,
          conditionId: c.id,
          conditionLabel: c.label,
          safe: pol === 'safe',
          // "bilateral" stated here or where the condition was stated (request, an earlier sentence).
          ...(BILATERAL.test(text) || BILATERAL.test(d.conditionWords ?? '') ? { bilateral: true } : {}),
        });
    }
  }
  // Potassium gates: a drug said fit (or not) to start or add at the patient's potassium (stated or carried).
  if (d.potassium !== undefined)
    for (const e of entities) {
      const pol = polarityAt(e);
      const c = clauseOf(e);
      if (pol && c && STARTING.test(c.text) && !takesHere.includes(e)) {
        const k = { mention: e, conditionLabel: `K⁺ ${d.potassium} mmol/L`, safe: pol === 'safe' };
        out.conditions.push({ ...k, conditionId: 'potassium', potassium: d.potassium });
        // Above 5.5 mmol/L it is hyperkalaemia by either cut-off (REFERENCE §5.2: K⁺ >5.0 MRA row, >5.5 ESH).
        // ACE inhibitors and ARBs (§5.2 rows; the MRAs are judged by their own potassium gate).
        const raas = (e.drug ? kb.classesOf(e.drug) : [e.classId]).some((x) => x === 'acei' || x === 'arb');
        if (d.potassium > HYPERKALAEMIA_ABOVE && raas && !ADDED_TO.test(text.slice(0, e.start)))
          out.conditions.push({ ...k, conditionId: 'hyperkalaemia' });
      }
      // "K⁺ 5.9: spironolactone can continue": a medicine said fit to continue at a potassium above 5.5 mmol/L
      // (hyperkalaemia by either cut-off, REFERENCE §5.2) is said fit under hyperkalaemia; not at a reduced dose.
      else if (
        pol === 'safe' &&
        c &&
        d.potassium > HYPERKALAEMIA_ABOVE &&
        CONTINUED.test(c.text) &&
        !REDUCED.test(text) &&
        e.drug &&
        // With a partner the combination's potassium rule judges it (interaction).
        entities.length === 1
      )
        out.conditions.push({
          mention: e,
          conditionId: 'hyperkalaemia',
          conditionLabel: `K⁺ ${d.potassium} mmol/L`,
          safe: true,
        });
    }
  // Hepatic statements: a drug said usable / not usable at a stated level of hepatic impairment.
  // The level stated here, else the one the request or an earlier sentence gave the patient ("Child-Pugh C").
  const level = hepaticLevel(text) ?? (d.conditionWords ? hepaticLevel(d.conditionWords) : undefined);
  if (level)
    for (const e of entities) {
      const pol = polarityAt(e);
      if (e.drug && pol && !takesHere.includes(e))
        out.conditions.push({
          mention: e,
          conditionId: 'hepatic',
          conditionLabel: level,
          safe: pol === 'safe',
          hepatic: level,
        });
    }
  // Renal statements: a drug said usable / not usable at a stated (or known) eGFR / CrCl.
  const stated_r = renalIn(text);
  const noAdjustment = NO_ADJUSTMENT.test(text);
  // "No adjustment is needed" uses the renal function stated earlier in the answer too.
  // The request's renal function applies to advice addressed to this patient ("二甲双胍可以继续使用" at eGFR 25).
  const fromRequest =
    d.requestRenal && (d.requestRenal.egfr !== undefined || d.requestRenal.crcl !== undefined)
      ? d.requestRenal
      : undefined;
  const r =
    stated_r.egfr !== undefined || stated_r.crcl !== undefined
      ? stated_r
      : noAdjustment
        ? {
            ...(d.egfr !== undefined ? { egfr: d.egfr } : {}),
            ...(d.crcl !== undefined ? { crcl: d.crcl } : {}),
          }
        : (fromRequest ?? {});
  if (r.egfr !== undefined || r.crcl !== undefined) {
    for (const e of entities) {
      const pol = noAdjustment ? 'safe' : polarityAt(e);
      if (!e.drug || !pol) continue;
      out.conditions.push({
        mention: e,
        conditionId: 'renal',
        conditionLabel:
          r.egfr !== undefined ? `eGFR ${renalShown(r.egfr)}` : `CrCl ${renalShown(r.crcl as number)}`,
        safe: pol === 'safe',
        ...(noAdjustment ? { noAdjustment } : {}),
        renal:
          r.egfr !== undefined
            ? { measure: 'eGFR', value: r.egfr }
            : { measure: 'CrCl', value: r.crcl as number },
      });
    }
  }
  return out;
}
