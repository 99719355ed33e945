/**
 * The model's second opinion on the engine's triage level (issue 16 item 2). The engine decides first; when a
 * model is configured it is asked, with the patient's words only, which level it would give. The answer can only
 * raise the level: a lower or equal answer, an error, a timeout or an unreadable answer leave the engine's level
 * as it is. The product never invents a model answer: without a model there is no second opinion at all.
 */
import type { Principal } from '@qihuang/contracts';
import { higherLevel, type TriageLevel } from '@qihuang/engines/hypertension-care';
import type { CareModel } from './model.ts';
import type { TriageSecondOpinion, SecondOpinionOutcome } from './api-types/index.ts';

export type { TriageSecondOpinion, SecondOpinionOutcome };

/** Marker in the request (system prompt) so logs and tests can tell second-opinion calls apart. */
export const SECOND_OPINION_MARKER = 'TRIAGE-SECOND-OPINION';
/** How long the consultation waits for the model before the engine's level stands (operational choice). */
export const SECOND_OPINION_TIMEOUT_MS = 8_000;

/** Who raised a level, as the patient reads it (one language per answer). */
export const RAISED_BY = { zh: '模型第二意见', en: "the model's second opinion" };

const LEVEL_TEXT: Record<TriageLevel, { zh: string; en: string }> = {
  none: { zh: '未发现紧急情况', en: 'no emergency' },
  urgent: { zh: '需当日处理', en: 'same-day care' },
  emergency: { zh: '紧急', en: 'emergency' },
};

/** The line shown to the patient when the model raised the level: which level is the engine's, which the model's. */
export function raisedNotice(o: TriageSecondOpinion, language: 'zh' | 'en'): string {
  return language === 'zh'
    ? `分诊引擎判断为“${LEVEL_TEXT[o.engineLevel].zh}”；模型第二意见将其提高为“${LEVEL_TEXT[o.level].zh}”（模型只能提高、不能降低引擎的分级）。`
    : `The triage engine said "${LEVEL_TEXT[o.engineLevel].en}"; the model's second opinion raised it to "${LEVEL_TEXT[o.level].en}" (a model can only raise the engine's level, never lower it).`;
}

const PROMPT =
  `${SECOND_OPINION_MARKER}\n` +
  'You check the triage of a message written by a patient with hypertension (or by someone with them). ' +
  'Levels: "emergency" = call emergency services now (e.g. chest pain, stroke signs such as face droop, arm ' +
  'weakness or speech trouble, severe breathlessness, confusion, seizure, tearing back pain, or a very high ' +
  'blood pressure with any of these); "urgent" = contact the care team today; "none" = neither. Things that are ' +
  'denied, past, hypothetical, or about people not with the writer do not count. Answer with JSON only: ' +
  '{"level":"emergency"|"urgent"|"none"}';

/** Reads `{"level": …}` from the model's text (reasoning tags removed); undefined when there is none. */
export function parseLevel(content: string): TriageLevel | undefined {
  const text = content.replace(/<think>[\s\S]*?<\/think>/g, '');
  const m = /"level"\s*:\s*"(emergency|urgent|none)"/i.exec(text);
  return m ? (m[1]!.toLowerCase() as TriageLevel) : undefined;
}

class Timeout extends Error {}

/**
 * Asks the model for its level. Never throws: errors, timeouts and unreadable answers come back as outcomes with
 * the engine's level.
 */
export async function askSecondOpinion(
  model: CareModel,
  input: {
    text: string;
    engineLevel: TriageLevel;
    principal: Principal;
    patientId: string;
    known?: { names?: string[] };
    timeoutMs?: number;
    signal?: AbortSignal;
  },
): Promise<TriageSecondOpinion> {
  const base = { engineLevel: input.engineLevel, level: input.engineLevel, raised: false, model: model.name };
  const controller = new AbortController();
  const abort = () => controller.abort();
  input.signal?.addEventListener('abort', abort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Timeout());
    }, input.timeoutMs ?? SECOND_OPINION_TIMEOUT_MS);
  });
  try {
    const turn = await Promise.race([
      model.chat({
        messages: [
          { role: 'system', content: PROMPT },
          { role: 'user', content: input.text },
        ],
        audience: 'patient',
        principal: input.principal,
        patientId: input.patientId,
        temperature: 0,
        signal: controller.signal,
        ...(input.known ? { known: input.known } : {}),
      }),
      timeout,
    ]);
    const modelLevel = parseLevel(turn.content);
    if (!modelLevel) return { ...base, outcome: 'unreadable' };
    const level = higherLevel(input.engineLevel, modelLevel);
    const raised = level !== input.engineLevel;
    return {
      ...base,
      modelLevel,
      level,
      raised,
      outcome: raised ? 'raised' : modelLevel === input.engineLevel ? 'agreed' : 'lower-ignored',
    };
  } catch (error) {
    return { ...base, outcome: error instanceof Timeout ? 'timeout' : 'error' };
  } finally {
    clearTimeout(timer);
    input.signal?.removeEventListener('abort', abort);
  }
}
