/**
 * What distinguishes one OpenAI-compatible server from another. Providers are data: the generic adapter in
 * `openai-compatible/` does the work, each kind only declares its quirks.
 */
export interface ProviderQuirks {
  /** Human-readable name for the admin console. */
  title: string;
  /** Typical base URL, shown in docs and used when an admin omits it in the console. */
  defaultBaseUrl: string;
  /** Typical location of this kind of server. */
  defaultLocation: 'on-premises' | 'cloud';
  /** Response fields that carry reasoning (normalised to `reasoning_content`), in order of preference. */
  reasoningFields: readonly string[];
  /** Reasoning may arrive inline at the start of `content` as `<think>…</think>` (Qwen, R1 distills). */
  thinkTags: boolean;
  /** The server honours `stream_options: { include_usage: true }`. */
  streamUsage: boolean;
  /** Fields merged into non-streaming chat requests (e.g. DashScope requires enable_thinking=false). */
  nonStreamingDefaults?: Readonly<Record<string, unknown>>;
  /** Path (relative to the base URL) answered with 200 when the server is healthy. */
  healthPath: string;
}

export const defineProvider = <T extends ProviderQuirks>(quirks: T): T => quirks;
