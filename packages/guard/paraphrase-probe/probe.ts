/**
 * Paraphrase probe (issue 18, docs/notes/guard-mechanisms-2026-12-08.md): pairs of fresh sentences — one correct, one
 * with a single planted error — written for this probe (not copied from any corpus part) to measure whether a general
 * mechanism reaches wordings no round was tuned on. Facts: REFERENCE §6 (interaction rows), §5.1 (maximum doses,
 * drug-knowledge `dose.maxDaily`), §7 (targets by guideline and age), §6 rows 12 and 14 (nitrate and ARNI intervals),
 * as the drug knowledge base and the target engine hold them.
 */
import { verifyClaims } from '../check-answer.ts';
import type { GuardPassage, PatientContext } from '../types.ts';

export interface ProbePair {
  id: string;
  ok: string;
  bad: string;
  patient?: PatientContext;
  passages?: GuardPassage[];
}

export interface ProbeResult {
  caught: number;
  flagged: number;
  pairs: number;
  misses: string[];
  flags: string[];
}

const contradicted = (p: ProbePair, answer: string) =>
  verifyClaims({ answer, passages: p.passages ?? [], ...(p.patient ? { patient: p.patient } : {}) }).filter(
    (c) => c.verdict === 'contradicted',
  );

export function runProbe(pairs: readonly ProbePair[]): ProbeResult {
  const out: ProbeResult = { caught: 0, flagged: 0, pairs: pairs.length, misses: [], flags: [] };
  for (const p of pairs) {
    if (contradicted(p, p.bad).length) out.caught++;
    else out.misses.push(`${p.id}: ${p.bad}`);
    const f = contradicted(p, p.ok);
    if (f.length) {
      out.flagged++;
      out.flags.push(`${p.id}: ${p.ok} → ${f.map((c) => `${c.kind}: ${c.reason}`).join(' | ')}`);
    }
  }
  return out;
}
