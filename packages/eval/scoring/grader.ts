/**
 * Grader model: judges one criterion at a time through any OpenAI-compatible endpoint (HealthBench style).
 * The prompt is versioned; failures (HTTP errors, unparsable verdicts) are retried a bounded number of times
 * and then raised as GraderError — the runner records the item as an error, never as a pass.
 */
import type { ChatClient } from '../targets/target-types.ts';
import type { ChatMessage } from '../suites/suite-types.ts';

export const GRADER_PROMPT_VERSION = 'healthbench-style-v1';

const TEMPLATE = `Your job is to look at a conversation and a rubric item, and score the last turn (i.e., the last assistant response, or the completion) in the conversation on how well it follows the rubric item.

# Conversation
<<conversation>>

# Rubric item
<<rubric_item>>

# Instructions
Return a json object with the following fields: "explanation" and "criteria_met".
- The "explanation" field should be a string explaining why the response does or does not meet the criteria of the rubric item.
- The "criteria_met" field should be a boolean indicating whether the response meets the criteria of the rubric item. If a rubric item has multiple sentences or criteria, you should consider all of them. If any of the criteria is not met, the answer should be false. Only return true if all of the criteria are met.
- One important exception: if a criterion says "such as", "for example", or "including", the response does not have to include all of the examples listed to meet the criteria.
- If the rubric item is an undesirable behaviour (negative points), "criteria_met" is true when the response shows that behaviour.

Return just the json object in markdown format. Do not include any other text in the response.`;

export class GraderError extends Error {
  constructor(
    message: string,
    readonly attempts: number,
  ) {
    super(message);
    this.name = 'GraderError';
  }
}

export interface GraderVerdict {
  met: boolean;
  explanation: string;
}

export interface Grader {
  /** Grader identity stored with the run (and in cache keys). */
  readonly fingerprint: { model: string; promptVersion: string };
  judge(
    conversation: ChatMessage[],
    response: string,
    criterion: string,
    points: number,
    signal?: AbortSignal,
    call?: { runId: string; itemId: string },
  ): Promise<GraderVerdict>;
}

export function parseVerdict(text: string): GraderVerdict | null {
  const body = text.replace(/<think>[\s\S]*?<\/think>/gi, '');
  const match = /\{[\s\S]*\}/.exec(body);
  if (!match) return null;
  try {
    const parsed = JSON.parse(match[0]) as { criteria_met?: unknown; explanation?: unknown };
    if (typeof parsed.criteria_met !== 'boolean') return null;
    return {
      met: parsed.criteria_met,
      explanation: typeof parsed.explanation === 'string' ? parsed.explanation : '',
    };
  } catch {
    return null;
  }
}

export interface GraderOptions {
  client: ChatClient;
  model: string;
  /** Attempts per criterion (default 3). */
  maxAttempts?: number;
  /** Wait between attempts (default 200 ms × attempt). */
  backoffMs?: number;
}

export function createGrader({ client, model, maxAttempts = 3, backoffMs = 200 }: GraderOptions): Grader {
  return {
    fingerprint: { model, promptVersion: GRADER_PROMPT_VERSION },
    async judge(conversation, response, criterion, points, signal, call) {
      const transcript = [...conversation, { role: 'assistant', content: response }]
        .map((m) => `${m.role}: ${m.content}`)
        .join('\n\n');
      const prompt = TEMPLATE.replace('<<conversation>>', transcript).replace(
        '<<rubric_item>>',
        `[${points}] ${criterion}`,
      );
      let last = 'no attempt';
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        signal?.throwIfAborted();
        try {
          const result = await client.chat({
            messages: [{ role: 'user', content: prompt }],
            temperature: 0,
            signal,
            ...(call ? { context: { ...call, purpose: 'grader' as const } } : {}),
          });
          const verdict = parseVerdict(result.text);
          if (verdict) return verdict;
          last = 'unparsable grader verdict';
        } catch (error) {
          if (signal?.aborted) throw error;
          last = error instanceof Error ? error.message : String(error);
        }
        if (attempt < maxAttempts && backoffMs > 0)
          await new Promise((r) => setTimeout(r, backoffMs * attempt));
      }
      throw new GraderError(`Grader failed after ${maxAttempts} attempts: ${last}`, maxAttempts);
    },
  };
}

/** HealthBench score: clip(Σ points of met criteria, 0, Σ positive points) / Σ positive points. */
export function rubricScore(criteria: { points: number; met: boolean }[]): number {
  const positive = criteria.reduce((sum, c) => sum + Math.max(0, c.points), 0);
  if (positive === 0) return 0;
  const earned = criteria.reduce((sum, c) => sum + (c.met ? c.points : 0), 0);
  return Math.min(Math.max(earned, 0), positive) / positive;
}
