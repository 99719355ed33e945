/** One line per provider kind. The kind id is the folder name and the `kind` in the config file. */
import type { ProviderQuirks } from './provider-quirks.ts';
import { openAiCompatibleProvider } from './openai-compatible/openai-compatible-provider.ts';
import { vllmProvider } from './vllm/vllm-provider.ts';
import { sglangProvider } from './sglang/sglang-provider.ts';
import { ollamaProvider } from './ollama/ollama-provider.ts';
import { llamaCppProvider } from './llama-cpp/llama-cpp-provider.ts';
import { xinferenceProvider } from './xinference/xinference-provider.ts';
import { deepseekProvider } from './deepseek/deepseek-provider.ts';
import { qwenProvider } from './qwen/qwen-provider.ts';

export const providerRegistry = {
  'openai-compatible': openAiCompatibleProvider,
  vllm: vllmProvider,
  sglang: sglangProvider,
  ollama: ollamaProvider,
  'llama-cpp': llamaCppProvider,
  xinference: xinferenceProvider,
  deepseek: deepseekProvider,
  qwen: qwenProvider,
} satisfies Record<string, ProviderQuirks>;

export type ProviderKind = keyof typeof providerRegistry;
export const providerKinds = Object.keys(providerRegistry) as [ProviderKind, ...ProviderKind[]];
export const quirksOf = (kind: ProviderKind): ProviderQuirks => providerRegistry[kind];
