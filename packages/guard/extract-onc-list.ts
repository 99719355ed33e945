/**
 * An interaction attributed to the ONC high-priority list (Phansalkar 2012: "one of the 15 high-priority pairs",
 * "the ONC list includes X with Y", "ONC高优先级相互作用清单包括…"): the drugs or classes the sentence names as its
 * pair (REFERENCE §6, checked in checks/onc-list). A pair said not to be on it ("is not one of", "不在…清单") is
 * left alone.
 */
import type { Mention } from './types.ts';

const LIST =
  /Phansalkar|\bONC\b[^.。;；]{0,40}\blist\b|\bhigh[- ]priority (?:DDI |drug[- ]drug |interaction |interruptive )?(?:list|pairs?|interactions)\b|高优先级(?:药物)?(?:相互作用)?(?:清单|列表)/i;
const ON_IT =
  /\bis (?:one of|on|among|part of|listed)\b|\bare (?:on|among|listed)\b|\bincludes?\b|\blists?\b|\bcontains?\b|包括|包含|列入|列有|属于|之一|收录/i;
const DENIED =
  /\bnot (?:one of|on|among|part of|listed|included)\b|\bisn't\b|\baren't\b|\bnever\b|\bdoes not include\b|\bexcludes?\b|不在|不属于|未列入|没有列入|并不|并非|不包括/i;

export interface OncListData {
  members: Mention[];
}

export function oncListClaim(text: string, entities: Mention[]): OncListData | undefined {
  if (!LIST.test(text) || !ON_IT.test(text) || DENIED.test(text)) return undefined;
  return entities.length >= 2 ? { members: entities.slice(0, 2) } : undefined;
}
