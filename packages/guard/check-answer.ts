/**
 * The grounding guard: parse an answer into claims, run every check that knows the claim's kind, combine the
 * verdicts (contradicted > supported > unverifiable), then apply the policy to contradicted claims: block,
 * annotate, or revise (ask the model once through `complete`; without it, annotate and say so).
 */
import { QihuangError } from '@qihuang/contracts';
import { createDrugKnowledgeBase, type DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { isGuideline, type Guideline } from '@qihuang/engines/blood-pressure';
import { cockcroftGault, egfrCkdEpi2021 } from '@qihuang/engines/renal-function';
import { uncertainty } from './certainty.ts';
import { CHECKS } from './checks/index.ts';
import { extractClaims } from './extract.ts';
import { forUsers } from './honesty.ts';
import { langOf, say } from './i18n.ts';
import { toSimplified } from './traditional.ts';
import type {
  CheckContext,
  CheckedClaim,
  CompleteFn,
  Evidence,
  GuardCheck,
  GuardPassage,
  GuardResult,
  PatientContext,
  Policy,
} from './types.ts';

export interface CheckAnswerInput {
  answer: string;
  passages?: GuardPassage[];
  patient?: PatientContext;
  /** Guideline the answer is meant to follow (used when a sentence names none). */
  guideline?: Guideline;
  /** Overrides deps.policy for this call. */
  policy?: Policy;
}

export interface GuardDeps {
  drugs?: DrugKnowledgeBase;
  /** What a contradicted claim does (default annotate). */
  policy?: Policy;
  complete?: CompleteFn;
  /** Replace or extend the check table. */
  checks?: readonly GuardCheck[];
}

let defaultKb: DrugKnowledgeBase | undefined;

function patientContext(p: PatientContext | undefined): CheckContext['patient'] {
  if (!p) return undefined;
  const out = { ...p };
  if (out.egfr === undefined && p.creatinine && p.age && p.sex) {
    out.egfr = egfrCkdEpi2021({
      creatinine: p.creatinine.value,
      unit: p.creatinine.unit,
      age: p.age,
      sex: p.sex,
    }).egfr;
  }
  if (out.crcl === undefined && p.creatinine && p.age && p.sex && p.weightKg) {
    out.crcl = cockcroftGault({
      creatinine: p.creatinine.value,
      unit: p.creatinine.unit,
      age: p.age,
      sex: p.sex,
      weightKg: p.weightKg,
    }).crcl;
  }
  return out;
}

const RANK = { contradicted: 2, supported: 1, unverifiable: 0 } as const;

/** Claims with verdicts (no policy). */
export function verifyClaims(input: CheckAnswerInput, deps: GuardDeps = {}): CheckedClaim[] {
  if (typeof input.answer !== 'string') throw new QihuangError('invalid-input', 'answer must be a string');
  if (input.guideline !== undefined && !isGuideline(input.guideline)) {
    throw new QihuangError('invalid-input', `Unknown guideline "${String(input.guideline)}"`);
  }
  const drugs = deps.drugs ?? (defaultKb ??= createDrugKnowledgeBase());
  const context: CheckContext = {
    drugs,
    lang: langOf(input.answer),
    passages: new Map((input.passages ?? []).map((p) => [p.id, p])),
    patient: patientContext(input.patient),
    ...(input.guideline ? { guideline: input.guideline } : {}),
  };
  const checks = deps.checks ?? CHECKS;
  const claims: CheckedClaim[] = [];
  // Traditional characters are read as simplified (same offsets); the claims show the answer's own text.
  const answer = toSimplified(input.answer);
  for (const claim of extractClaims(answer, drugs, input.guideline, input.patient)) {
    let verdict: CheckedClaim['verdict'] = 'unverifiable';
    let reason = '';
    const evidence: Evidence[] = [];
    const ids: string[] = [];
    for (const check of checks) {
      if (!check.kinds.includes(claim.kind)) continue;
      const v = check.check(claim, context);
      if (!v) continue;
      ids.push(check.id);
      evidence.push(...v.evidence);
      if (RANK[v.verdict] > RANK[verdict] || !reason) {
        if (RANK[v.verdict] >= RANK[verdict]) {
          verdict = v.verdict;
          reason = v.reason;
        }
      }
    }
    // Contradict only a complete parse (certainty.ts): anything the claim frame did not read is unverifiable.
    const unsure =
      verdict === 'contradicted'
        ? uncertainty(claim, context.lang, answer.slice(claim.end, claim.end + 80))
        : undefined;
    if (unsure) {
      verdict = 'unverifiable';
      reason = unsure;
    }
    claims.push({
      text: answer === input.answer ? claim.text : input.answer.slice(claim.start, claim.end).trim(),
      kind: claim.kind,
      verdict,
      evidence: evidence.map((e) => ({ source: forUsers(e.source), text: forUsers(e.text) })),
      reason: forUsers(
        reason || say(context.lang, '没有可用于核查此说法的规则', 'no check could verify this claim'),
      ),
      checks: ids,
      start: claim.start,
      end: claim.end,
      citations: claim.citations,
    });
  }
  return claims;
}

const hasHan = (s: string) => /\p{Script=Han}/u.test(s);

/** The answer with a warning after each sentence that has a contradicted claim. */
export function annotate(answer: string, claims: CheckedClaim[]): string {
  const bad = new Map<number, string[]>();
  for (const c of claims)
    if (c.verdict === 'contradicted') bad.set(c.end, [...(bad.get(c.end) ?? []), c.reason]);
  const zh = hasHan(answer);
  let out = '';
  let at = 0;
  for (const end of [...bad.keys()].sort((a, b) => a - b)) {
    let cut = end;
    while (cut > at && /\s/.test(answer[cut - 1] ?? '')) cut--;
    out += answer.slice(at, cut);
    const reasons = [...new Set(bad.get(end))].join('; ');
    out += zh ? ` ⚠️【核查未通过：${reasons}】` : ` ⚠️ [Check failed: ${reasons}]`;
    at = cut;
  }
  return out + answer.slice(at);
}

function summarize(claims: CheckedClaim[], lang: 'zh' | 'en'): GuardResult['summary'] {
  const count = (v: CheckedClaim['verdict']) => claims.filter((c) => c.verdict === v).length;
  const s = {
    total: claims.length,
    supported: count('supported'),
    contradicted: count('contradicted'),
    unverifiable: count('unverifiable'),
  };
  return {
    ...s,
    text: say(
      lang,
      `${s.total} 条陈述：${s.supported} 条有依据，${s.contradicted} 条与依据矛盾，${s.unverifiable} 条无法核实`,
      `${s.total} claims: ${s.supported} supported, ${s.contradicted} contradicted, ${s.unverifiable} unverifiable`,
    ),
  };
}

function revisionPrompt(
  input: CheckAnswerInput,
  claims: CheckedClaim[],
): { role: 'system' | 'user'; content: string }[] {
  const zh = hasHan(input.answer);
  const problems = claims
    .filter((c) => c.verdict === 'contradicted')
    .map(
      (c, i) =>
        `${i + 1}. "${c.text}" — ${c.reason}${c.evidence.length ? ` (${c.evidence.map((e) => `${e.source}: ${e.text}`).join('; ')})` : ''}`,
    )
    .join('\n');
  const passages = (input.passages ?? []).map((p) => `[${p.id}] ${p.title ?? ''}\n${p.text}`).join('\n\n');
  return [
    {
      role: 'system',
      content: zh
        ? '你是医学回答的校对者。请只修改被指出错误的内容，保留其余内容和引用格式 [id]，只能引用提供的资料。只输出修改后的回答。'
        : 'You correct medical answers. Fix only the statements flagged below, keep everything else and the [id] citation format, cite only the passages given. Output only the corrected answer.',
    },
    {
      role: 'user',
      content: `${zh ? '资料' : 'Passages'}:\n${passages || '(none)'}\n\n${zh ? '原回答' : 'Answer'}:\n${input.answer}\n\n${zh ? '核查发现的问题' : 'Problems found'}:\n${problems}`,
    },
  ];
}

export async function checkAnswer(input: CheckAnswerInput, deps: GuardDeps = {}): Promise<GuardResult> {
  const claims = verifyClaims(input, deps);
  const summary = summarize(claims, langOf(input.answer));
  const notes: string[] = [];
  if (summary.contradicted === 0) return { claims, summary, action: 'pass', answer: input.answer, notes };
  const policy = input.policy ?? deps.policy ?? 'annotate';
  if (policy === 'block') {
    notes.push('answer withheld: it contains contradicted claims');
    return { claims, summary, action: 'block', answer: '', notes };
  }
  if (policy === 'revise') {
    if (!deps.complete) {
      notes.push('revise requested but no model is configured: annotated instead');
    } else {
      try {
        const revised = (await deps.complete(revisionPrompt(input, claims))).trim();
        const again = verifyClaims({ ...input, answer: revised }, deps);
        const contradicted = again.filter((c) => c.verdict === 'contradicted').length;
        if (contradicted === 0) {
          return {
            claims,
            summary,
            action: 'revise',
            answer: revised,
            notes,
            revision: { claims: again, contradicted },
          };
        }
        notes.push(`the revised answer still has ${contradicted} contradicted claim(s): annotated`);
        return {
          claims,
          summary,
          action: 'annotate',
          answer: annotate(revised, again),
          notes,
          revision: { claims: again, contradicted },
        };
      } catch (error) {
        notes.push(
          `revision failed (${error instanceof Error ? error.message : String(error)}): annotated instead`,
        );
      }
    }
  }
  return { claims, summary, action: 'annotate', answer: annotate(input.answer, claims), notes };
}
