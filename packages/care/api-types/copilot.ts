/** The patient copilot's wire types: `POST /patients/{id}/copilot` body and its event stream (issue 19: one wire contract). */
import type { Citation, GuardReport, StreamError } from './index.ts';

/** `POST /patients/{id}/copilot` body's messages. */
export interface CopilotMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface CopilotToolEvent {
  id: string;
  name: string;
  arguments: unknown;
  result: unknown;
}

export interface CopilotDone {
  answer: string;
  citations: Omit<Citation, 'collection'>[];
  guard: GuardReport;
  toolCalls: number;
}

/** Events of `POST /patients/{id}/copilot` as the copilot writes them. */
export type CopilotEvent =
  | { event: 'tool'; data: CopilotToolEvent }
  | { event: 'delta'; data: { text: string } }
  | { event: 'done'; data: CopilotDone };

/** What the console reads from that stream: the events above and the route's `error` event. */
export type CopilotStreamEvent = CopilotEvent | { event: 'error'; data: StreamError };
