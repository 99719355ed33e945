import { defineProvider } from '../provider-quirks.ts';
import { openAiCompatibleProvider } from '../openai-compatible/openai-compatible-provider.ts';

/** SGLang `launch_server`: `reasoning_content` with `--reasoning-parser`, `<think>` tags without. */
export const sglangProvider = defineProvider({
  ...openAiCompatibleProvider,
  title: 'SGLang',
  defaultBaseUrl: 'http://127.0.0.1:30000/v1',
});
