/** A ChatClient over the OpenAI SDK: works against the Qihuang gateway (/v1) or any OpenAI-compatible server. */
import OpenAI from 'openai';
import type { ChatClient, ChatRequest, ChatResult } from './target-types.ts';

export interface OpenAiChatOptions {
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs?: number;
  /** SDK-level retries for 429/5xx/connection errors (default 2). */
  maxRetries?: number;
  fetch?: typeof fetch;
}

export function createOpenAiChatClient(options: OpenAiChatOptions): ChatClient {
  const client = new OpenAI({
    baseURL: options.baseUrl,
    // The SDK insists on a key string; local servers ignore it.
    apiKey: options.apiKey || 'not-needed',
    timeout: options.timeoutMs ?? 120_000,
    maxRetries: options.maxRetries ?? 2,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return {
    async chat(request: ChatRequest): Promise<ChatResult> {
      const completion = await client.chat.completions.create(
        {
          model: options.model,
          messages: request.messages,
          ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
          ...(request.seed !== undefined ? { seed: request.seed } : {}),
          ...(request.maxTokens !== undefined ? { max_tokens: request.maxTokens } : {}),
          ...(request.json ? { response_format: { type: 'json_object' as const } } : {}),
        },
        { signal: request.signal },
      );
      const message = completion.choices[0]?.message;
      return {
        text: message?.content ?? '',
        promptTokens: completion.usage?.prompt_tokens ?? 0,
        completionTokens: completion.usage?.completion_tokens ?? 0,
      };
    },
  };
}
