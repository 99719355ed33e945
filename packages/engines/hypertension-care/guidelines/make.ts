/** Small helper the editions use to build an `Initiation`. */
import type { Text } from '../types.ts';
import type { Initiation } from './types.ts';

export function initiationMaker(notes: Text[]) {
  return (
    decision: Initiation['decision'],
    rule: string,
    zh: string,
    en: string,
    source: string,
  ): Initiation => ({
    decision,
    rule,
    why: { zh, en },
    source,
    notes,
  });
}
