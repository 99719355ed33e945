import { defineProvider } from '../provider-quirks.ts';

/** DeepSeek's API (deepseek-chat = V3, deepseek-reasoner = R1): reasoning in `reasoning_content`. */
export const deepseekProvider = defineProvider({
  title: 'DeepSeek API',
  defaultBaseUrl: 'https://api.deepseek.com/v1',
  defaultLocation: 'cloud',
  reasoningFields: ['reasoning_content'],
  thinkTags: false,
  streamUsage: true,
  healthPath: '/models',
});
