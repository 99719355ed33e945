/**
 * The consultation's answer to an urgent triage (same-day care, decision 0022), told at once in the conversation:
 * a suspected TIA (decision 0021) leads with its own plain-words instruction (tia-episode.ts) — also when a stored
 * crisis reading made the rule and its blood-pressure notice was already told (issue 16, H12's try: the passing
 * stroke warning was not answered at all) — and any other reason follows with its notice. Each is told once per
 * consultation (by code), not after every answer.
 */
import type { Text } from '@qihuang/engines/blood-pressure';
import type { TriageResult } from '@qihuang/engines/hypertension-care';
import { noticeCode, urgentNotice } from './consultation-text.ts';
import { tiaNotice, type TiaEpisode } from './tia-episode.ts';

export const TIA_NOTICE_CODE = 'urgent:tia';

/** A result whose only reason is the suspected TIA (its instruction is then the TIA's, told in plain words). */
function tiaOnly(result: TriageResult): boolean {
  return (
    result.inputs.suspectedTia === true &&
    result.redFlags.length === 0 &&
    !result.crisisReading &&
    result.inputs.writtenBp === undefined
  );
}

/**
 * The notices an urgent result asks for, first the one to lead; empty for any other level. `today`: the
 * patient's calendar date (YYYY-MM-DD), `timeZone`: their zone (a stored reading is named with its time).
 */
export function urgentReplies(
  result: TriageResult,
  episode: TiaEpisode | undefined,
  options: { timeZone: string; today: string },
): { code: string; text: Text }[] {
  if (result.level !== 'urgent') return [];
  const replies: { code: string; text: Text }[] = [];
  if (result.inputs.suspectedTia === true)
    replies.push({ code: TIA_NOTICE_CODE, text: tiaNotice(episode, options.today) });
  if (!tiaOnly(result))
    replies.push({ code: noticeCode(result), text: urgentNotice(result, options.timeZone) });
  return replies;
}
