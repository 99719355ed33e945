import { defineProvider } from '../provider-quirks.ts';
import { openAiCompatibleProvider } from '../openai-compatible/openai-compatible-provider.ts';

/** llama.cpp `llama-server`: `reasoning_content` with `--reasoning-format deepseek`, tags with `none`. */
export const llamaCppProvider = defineProvider({
  ...openAiCompatibleProvider,
  title: 'llama.cpp server',
  defaultBaseUrl: 'http://127.0.0.1:8080/v1',
});
