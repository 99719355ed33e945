/**
 * Alert-fatigue state: which card (uuid) showed which finding for which patient, and which findings a clinician
 * overrode (not shown again for the same patient and orders). In-memory default; a database-backed store can
 * implement the same interface.
 */
export interface CardRef {
  serviceId: string;
  patientId: string;
  findingId: string;
  suggestionIds: string[];
}

export interface CardStateStore {
  rememberCard(uuid: string, ref: CardRef): void | Promise<void>;
  lookupCard(uuid: string): CardRef | undefined | Promise<CardRef | undefined>;
  markOverridden(patientId: string, findingId: string): void | Promise<void>;
  isOverridden(patientId: string, findingId: string): boolean | Promise<boolean>;
}

export function createMemoryCardState(limit = 10_000): CardStateStore {
  const cards = new Map<string, CardRef>();
  const overridden = new Set<string>();
  return {
    rememberCard(uuid, ref) {
      if (cards.size >= limit) cards.delete(cards.keys().next().value!);
      cards.set(uuid, ref);
    },
    lookupCard: (uuid) => cards.get(uuid),
    markOverridden(patientId, findingId) {
      if (overridden.size >= limit) overridden.delete(overridden.values().next().value!);
      overridden.add(`${patientId}\u0000${findingId}`);
    },
    isOverridden: (patientId, findingId) => overridden.has(`${patientId}\u0000${findingId}`),
  };
}

/** One feedback outcome, as recorded (no patient data beyond ids). */
export interface FeedbackRecord {
  serviceId: string;
  card: string;
  outcome: 'accepted' | 'overridden';
  outcomeTimestamp: string;
  receivedAt: string;
  findingId?: string;
  patientId?: string;
  acceptedSuggestions?: string[];
  overrideReason?: { code?: string; system?: string; display?: string; userComment?: string };
}

export interface FeedbackSink {
  record(entry: FeedbackRecord): void | Promise<void>;
}

export function createMemoryFeedbackSink(): FeedbackSink & { entries: FeedbackRecord[] } {
  const entries: FeedbackRecord[] = [];
  return { entries, record: (e) => void entries.push(e) };
}
