/** CDS Hooks 2.0 wire types (REFERENCE §9; cds-hooks.hl7.org). */
export type Indicator = 'info' | 'warning' | 'critical';
export type HookId = 'patient-view' | 'order-select' | 'order-sign';

export interface CdsCoding {
  system: string;
  code: string;
  display?: string;
}

export interface ServiceDefinition {
  hook: HookId;
  title?: string;
  description: string;
  id: string;
  prefetch?: Record<string, string>;
  usageRequirements?: string;
}

export interface CdsAction {
  type: 'create' | 'update' | 'delete';
  description: string;
  resource?: Record<string, unknown>;
  resourceId?: string;
}

export interface CdsSuggestion {
  label: string;
  uuid?: string;
  isRecommended?: boolean;
  actions?: CdsAction[];
}

export interface CdsCard {
  uuid?: string;
  summary: string;
  detail?: string;
  indicator: Indicator;
  source: { label: string; url?: string; icon?: string; topic?: CdsCoding };
  suggestions?: CdsSuggestion[];
  selectionBehavior?: 'at-most-one' | 'any';
  overrideReasons?: CdsCoding[];
  links?: {
    label: string;
    url: string;
    type: 'absolute' | 'smart';
    appContext?: string;
    autolaunchable?: boolean;
  }[];
  extension?: Record<string, unknown>;
}

export interface CdsResponse {
  cards: CdsCard[];
  systemActions?: CdsAction[];
}

export interface FeedbackItem {
  card: string;
  outcome: 'accepted' | 'overridden';
  acceptedSuggestions?: { id: string }[];
  overrideReason?: { reason?: CdsCoding; userComment?: string };
  outcomeTimestamp: string;
}
