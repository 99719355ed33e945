import { defineProvider } from '../provider-quirks.ts';
import { openAiCompatibleProvider } from '../openai-compatible/openai-compatible-provider.ts';

/** Xorbits Inference: `reasoning_content` for reasoning models; usage in streams is not guaranteed. */
export const xinferenceProvider = defineProvider({
  ...openAiCompatibleProvider,
  title: 'Xinference',
  defaultBaseUrl: 'http://127.0.0.1:9997/v1',
  streamUsage: false,
});
