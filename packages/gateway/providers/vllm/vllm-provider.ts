import { defineProvider } from '../provider-quirks.ts';
import { openAiCompatibleProvider } from '../openai-compatible/openai-compatible-provider.ts';

/** vLLM `vllm serve`: `reasoning_content` with `--reasoning-parser` (newer builds: `reasoning`), tags without. */
export const vllmProvider = defineProvider({
  ...openAiCompatibleProvider,
  title: 'vLLM',
  defaultBaseUrl: 'http://127.0.0.1:8000/v1',
});
