/**
 * Context-modifier rules, part 10 (issue 16, round 5; classes of false and missed emergencies of tuning part 20,
 * tested with fresh sentences in modifiers12.test.ts), merged into the rule lists by context.ts:
 * - 主要是/只要是/需要是/重要是 are not the conditional 要是 ("主要是胸口一直发紧" is a report); 无痛性/无痛的 describes a
 *   painless sign (无痛性视力下降), it denies nothing; "has gone missing/misty/dim" is a change of state, not "gone";
 * - a double negation ("Can't say I'm not breathless", 不能说不喘) denies nothing;
 * - near-fainting (差点晕倒, "nearly passed out") is no faint: the faint is denied;
 * - a clinician's note that the pain is over now (现胸痛已缓解, "now pain free", 现已 pain free) closes it — never a
 *   stroke or sight sign (one that went away is a TIA), never a chronic condition;
 * - a deficit the same as at discharge (跟出院的时候差不多, "same as when I left hospital") is residual, not new.
 * Operational cue lists, not clinical numbers.
 */
import { CHRONIC, type ScopeRule, type TriggerRule } from './rules.ts';

export const PSEUDO_10: readonly ScopeRule[] = [
  // "主要是胸口一直发紧": 要是 inside 主要是 / 只要是 / 需要是 / 重要是 is no conditional.
  { categories: ['hypothetical'], re: '(?:主|只|需|重)要是' },
  // "无痛性视力下降", "无痛的肿块": painless describes the sign; it is no denial.
  { categories: ['negated'], re: '无痛(?:性|的)' },
  // Double negation: "Can't say I'm not breathless", 不能说不喘 — the sign is affirmed.
  {
    categories: ['negated'],
    re: "\\b(?:can'?t|cannot|couldn'?t) (?:really )?say (?:that )?(?:i'?m|i am|he'?s|he is|she'?s|she is|it'?s|it is) not\\b|(?:不能|没法|不敢)说(?:我|他|她)?(?:不|没)",
  },
  // "the right half of everything has gone missing", "my eye has gone misty": a change of state, not gone away.
  {
    categories: ['historical'],
    re: "\\b(?:has|have|had|is|'s)\\s+gone\\s+(?:all\\s+|very\\s+|really\\s+)?(?:missing|misty|dim|blurry|hazy|foggy|cloudy|dark|black|blank|fuzzy)\\b",
  },
];

export const TRIGGERS_10: readonly TriggerRule[] = [
  // Near-fainting: 差点(儿)晕倒, 差一点晕过去, "nearly/almost passed out" — no faint (a dizziness, read by its own word).
  {
    category: 'negated',
    direction: 'forward',
    re: '差(?:一)?点(?:儿)?|险些|\\b(?:nearly|almost)\\b',
    concepts: ['syncope'],
    window: 1,
  },
  // A clinician's note: the pain is over now (现胸痛已缓解, 现已缓解, "now pain free", 现已 pain free).
  {
    category: 'historical',
    direction: 'backward',
    re: '^[^。!?;\\n]{0,60}?(?<cue>现(?:在)?(?:胸痛|胸闷|疼痛|头痛|症状)?(?:已经?|已)(?:缓解|消失|好转|消退)|(?:现(?:在)?(?:已经?)?|\\bnow\\s+)\\s?pain[- ]free\\b|\\bpain[- ]free\\s+now\\b)',
    notRedFlags: ['neuro-deficit', 'vision-loss'],
    notConcepts: CHRONIC,
    sentence: true,
    window: 60,
  },
  // A deficit the same as at discharge or as before (跟出院的时候差不多, 和出院时一样): residual, not new.
  {
    category: 'historical',
    direction: 'backward',
    re: '^[^。!?;\\n]{0,20}?(?:(?:跟|和|与)(?:刚)?出院(?:的)?(?:时候|时)(?:差不多|一样|一个样|没(?:什么|啥)?变化?)|\\b(?:same|no different|no worse) (?:as|than) (?:when (?:i|he|she) (?:left|came out of) hospital|at discharge)\\b)',
    redFlags: ['neuro-deficit'],
    sentence: true,
    window: 20,
  },
];
