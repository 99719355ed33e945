import { defineProvider } from '../provider-quirks.ts';

/** Any server speaking the OpenAI protocol; the defaults every other kind starts from. */
export const openAiCompatibleProvider = defineProvider({
  title: 'OpenAI-compatible server',
  defaultBaseUrl: 'http://127.0.0.1:8000/v1',
  defaultLocation: 'on-premises',
  reasoningFields: ['reasoning_content', 'reasoning'],
  thinkTags: true,
  streamUsage: true,
  healthPath: '/models',
});
