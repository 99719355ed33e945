import { defineProvider } from '../provider-quirks.ts';
import { openAiCompatibleProvider } from '../openai-compatible/openai-compatible-provider.ts';

/** Ollama's OpenAI endpoint: reasoning in `reasoning` (think-capable models) or inline `<think>` tags. */
export const ollamaProvider = defineProvider({
  ...openAiCompatibleProvider,
  title: 'Ollama',
  defaultBaseUrl: 'http://127.0.0.1:11434/v1',
  reasoningFields: ['reasoning', 'reasoning_content'],
});
