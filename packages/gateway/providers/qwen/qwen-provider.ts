import { defineProvider } from '../provider-quirks.ts';

/**
 * Qwen through Alibaba Cloud DashScope's compatible mode: `reasoning_content` for thinking models; Qwen3
 * rejects non-streaming calls unless thinking is switched off, hence `enable_thinking: false`.
 */
export const qwenProvider = defineProvider({
  title: 'Qwen (DashScope compatible mode)',
  defaultBaseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
  defaultLocation: 'cloud',
  reasoningFields: ['reasoning_content'],
  thinkTags: true,
  streamUsage: true,
  nonStreamingDefaults: { enable_thinking: false },
  healthPath: '/models',
});
