/**
 * Model text grounded in knowledge search and passed through the guard: the clinician narrative, and the
 * explanation of a proposal (prescriptions.ts). Split from clinical.ts (chart and summary).
 */
import { isQihuangError, type RequestContext } from '@qihuang/contracts';
import type { Guideline } from '@qihuang/engines/blood-pressure';
import { checkAnswer } from '@qihuang/guard';
import type { Passage } from '@qihuang/knowledge';
import { clinicalContext, summaryFindings, type ClinicalContext } from './clinical.ts';
import { assertClinicalSide, nowOf, type CareDeps } from './deps.ts';
import { reviewRecommendedDrugs } from './drug-safety.ts';
import { MODEL_FAILURE_CODES, modelFailedMessage, notConfiguredMessage } from './model.ts';
import type { GuardedText } from './api-types/index.ts';

export type { GuardedText };

/** Passages for grounding (empty when no knowledge base or nothing found). */
async function passagesFor(deps: CareDeps, ctx: RequestContext, query: string): Promise<Passage[]> {
  if (!deps.knowledge) return [];
  try {
    const result = await deps.knowledge.search({ query, limit: 5, principal: ctx.principal });
    return result.passages;
  } catch {
    return [];
  }
}

function guardPatient(c: ClinicalContext) {
  const egfr = c.report.renal?.egfr;
  return {
    ...(c.report.patient.age !== undefined ? { age: c.report.patient.age } : {}),
    ...(c.report.patient.sex === 'male' || c.report.patient.sex === 'female'
      ? { sex: c.report.patient.sex as 'male' | 'female' }
      : {}),
    ...(egfr !== undefined ? { egfr } : {}),
    conditions: c.review.conditions.map((x) => x.text ?? x.codes?.[0]?.display ?? '').filter(Boolean),
    ...(c.review.pregnant ? { pregnant: true } : {}),
  };
}

/** Runs the model over facts + passages and passes the answer through the guard. */
export async function guardedModelText(
  deps: CareDeps,
  ctx: RequestContext,
  c: ClinicalContext,
  options: {
    guideline: Guideline;
    system: string;
    facts: unknown;
    query: string;
    patientId: string;
    /** Drug ids whose review findings are shown elsewhere (the engine's own drafts). */
    exclude?: ReadonlySet<string>;
    /** The screen's language: a model that is missing or did not answer is said in it (issue 20). */
    language?: 'zh' | 'en';
  },
): Promise<GuardedText> {
  const passages = await passagesFor(deps, ctx, options.query);
  const citations = passages.map((p) => ({
    id: p.id,
    title: p.title,
    section: p.section,
    collection: p.collection,
    text: p.text,
  }));
  if (!deps.model.configured())
    return { status: 'model-not-configured', message: notConfiguredMessage(options.language), citations };
  const passageText = passages.map((p) => `[${p.id}] ${p.title} — ${p.section}\n${p.text}`).join('\n\n');
  let text: string;
  try {
    const turn = await deps.model.chat({
      messages: [
        { role: 'system', content: options.system },
        {
          role: 'user',
          content: `ENGINE RESULTS (authoritative, deterministic):\n${JSON.stringify(options.facts, null, 1)}\n\nPASSAGES (cite as [id]):\n${passageText || '(none)'}`,
        },
      ],
      audience: 'clinician',
      principal: ctx.principal,
      patientId: options.patientId,
      ...(c.report.patient.name ? { known: { names: [c.report.patient.name] } } : {}),
    });
    text = turn.content.trim();
  } catch (error) {
    // A model that did not answer is said in the screen's language; other errors keep their own message.
    const failed = isQihuangError(error) && MODEL_FAILURE_CODES.has(error.code);
    return {
      status: 'model-error',
      message: failed ? modelFailedMessage(options.language) : (error as Error).message,
      citations,
    };
  }
  const result = await checkAnswer(
    {
      answer: text,
      passages: passages.map((p) => ({ id: p.id, title: p.title, text: p.text })),
      patient: guardPatient(c),
      guideline: options.guideline,
    },
    { drugs: deps.drugs, policy: 'annotate' },
  );
  // Drugs the model recommends are reviewed against this patient (engine-proposed drugs are reviewed with
  // their drafts already).
  const unsafe = reviewRecommendedDrugs(text, c.chart.resources, deps.drugs, nowOf(deps), options.exclude);
  const claims = [...result.claims, ...unsafe];
  const contradicted = result.summary.contradicted + unsafe.length;
  return {
    status: 'ok',
    text,
    citations,
    guard: {
      claims,
      contradicted,
      summary: { ...result.summary, total: claims.length, contradicted },
    },
  };
}

export async function careNarrative(
  deps: CareDeps,
  ctx: RequestContext,
  patientId: string,
  guideline: Guideline,
  language: 'zh' | 'en',
): Promise<GuardedText> {
  assertClinicalSide(ctx);
  const c = await clinicalContext(deps, ctx, patientId, guideline);
  const findings = summaryFindings(c, language);
  const facts = findings.map((f) => ({ [f.key]: f.value[language], rule: f.rule, source: f.source }));
  const query =
    language === 'zh'
      ? `高血压 ${findings.find((f) => f.key === 'classification')?.value.zh ?? ''} 降压目标 治疗 ${[...c.conditions].join(' ')}`
      : `hypertension ${findings.find((f) => f.key === 'classification')?.value.en ?? ''} target treatment ${[...c.conditions].join(' ')}`;
  return guardedModelText(deps, ctx, c, {
    language,
    guideline,
    facts,
    query,
    patientId,
    system:
      language === 'zh'
        ? '你是高血压专科的临床助手，为医生写一段患者小结（不超过200字，Markdown）。只使用给出的引擎结果和文献段落；任何阈值或剂量必须来自它们；引用段落时写 [id]。不要下医嘱。'
        : 'You are a hypertension clinical assistant writing a short patient summary for the clinician (≤150 words, Markdown). Use only the engine results and passages given; every threshold or dose must come from them; cite passages as [id]. Do not give orders.',
  });
}
