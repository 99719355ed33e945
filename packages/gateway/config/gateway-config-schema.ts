/**
 * The gateway configuration: providers (model endpoints), virtual models (scenarios → ordered targets) and
 * gateway-wide policies. One zod schema; the TypeScript types are derived from it.
 */
import { z } from 'zod';
import { providerKinds } from '../providers/provider-registry.ts';

export const locationSchema = z.enum(['on-premises', 'cloud']);

/** Where the API key comes from. Keys are never logged nor returned by the admin API. */
export const apiKeySourceSchema = z.union([
  z.object({ env: z.string().min(1).describe('name of an environment variable') }).strict(),
  z.object({ secret: z.string().min(1).describe('name in the secret store') }).strict(),
  z.object({ value: z.string().min(1).describe('literal key (quick start only)') }).strict(),
]);

export const capabilitiesSchema = z
  .object({
    chat: z.boolean().default(true),
    reasoning: z.boolean().default(false),
    vision: z.boolean().default(false),
    embeddings: z.boolean().default(false),
    tools: z.boolean().default(true),
    contextLength: z.number().int().positive().optional(),
  })
  .strict();

export const providerSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, ".", "_" or "-"')
      .max(100),
    kind: z.enum(providerKinds),
    baseUrl: z.url({ protocol: /^https?$/ }),
    /** Model name sent upstream. */
    model: z.string().min(1),
    apiKey: apiKeySourceSchema.optional(),
    location: locationSchema,
    capabilities: capabilitiesSchema.default({
      chat: true,
      reasoning: false,
      vision: false,
      embeddings: false,
      tools: true,
    }),
    limits: z
      .object({
        /** Timeout per attempt, ms (response headers and, when not streaming, the whole body). */
        timeoutMs: z.number().int().positive().optional(),
        /** Idle time allowed between two streamed chunks, ms. */
        streamIdleTimeoutMs: z.number().int().positive().optional(),
        maxOutputTokens: z.number().int().positive().optional(),
      })
      .strict()
      .default({}),
    /**
     * The chat template opens `<think>` itself (DeepSeek-R1 on vLLM/SGLang/llama.cpp without a reasoning
     * parser): answers start inside the reasoning block and end it with `</think>`.
     */
    thinkStartsOpen: z.boolean().default(false),
    /** Extra request headers sent upstream (never secrets: use apiKey). */
    headers: z.record(z.string(), z.string()).optional(),
  })
  .strict();

export const targetSchema = z
  .object({
    provider: z.string().min(1),
    /** Relative weight for `strategy: "weighted"` (default 1). */
    weight: z.number().positive().default(1),
  })
  .strict();

export const retrySchema = z
  .object({
    /** Attempts per target (1 = no retry). */
    attempts: z.number().int().min(1).max(10).default(2),
    backoffMs: z.number().int().min(0).default(100),
    maxBackoffMs: z.number().int().min(0).default(2000),
  })
  .strict();

export const cloudPolicySchema = z
  .object({
    /** `de-identify`: replace patient identifiers by placeholders; `refuse`: never send to cloud targets. */
    mode: z.enum(['de-identify', 'refuse']).default('de-identify'),
    /** Images cannot be de-identified: they go to cloud targets only if allowed. */
    allowImages: z.boolean().default(false),
  })
  .strict();

export const virtualModelSchema = z
  .object({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, ".", "_" or "-"')
      .max(100),
    description: z.string().optional(),
    targets: z.array(targetSchema).min(1),
    /** `failover`: targets in order; `weighted`: first target chosen by weight, the others as fallbacks. */
    strategy: z.enum(['failover', 'weighted']).default('failover'),
    retry: retrySchema.optional(),
    /** Whole-request deadline across retries and failover, ms. */
    timeoutMs: z.number().int().positive().optional(),
    cloud: cloudPolicySchema.optional(),
    /** Overrides `governance.requireApprovedDossier` for this scenario. */
    requireApprovedDossier: z.boolean().optional(),
  })
  .strict();

export const governanceSchema = z
  .object({
    /**
     * Refuse (403 `model_not_approved`) to route a chat scenario to a model without an approved, unexpired
     * validation dossier covering that scenario (evaluation centre). Targets without one are skipped; when
     * none is left the call is refused. Needs the runtime's `approval` check (the server wires it).
     */
    requireApprovedDossier: z.boolean().default(false),
  })
  .strict();

export const gatewayConfigSchema = z
  .object({
    providers: z.array(providerSchema).default([]),
    virtualModels: z.array(virtualModelSchema).default([]),
    /** Virtual model that answers a requested model name the gateway does not know (none: 404). */
    fallbackModel: z.string().optional(),
    retry: retrySchema.default({ attempts: 2, backoffMs: 100, maxBackoffMs: 2000 }),
    timeoutMs: z.number().int().positive().default(120_000),
    circuitBreaker: z
      .object({
        failureThreshold: z.number().int().min(1).default(5),
        cooldownMs: z.number().int().min(0).default(30_000),
      })
      .strict()
      .default({ failureThreshold: 5, cooldownMs: 30_000 }),
    healthCheck: z
      .object({ intervalMs: z.number().int().min(0).default(30_000) })
      .strict()
      .default({ intervalMs: 30_000 }),
    cloud: cloudPolicySchema.default({ mode: 'de-identify', allowImages: false }),
    governance: governanceSchema.default({ requireApprovedDossier: false }),
    audit: z
      .object({
        /** Keep prompts and answers in audit records (default false: only metadata and reasoning). */
        storePrompts: z.boolean().default(false),
        /** Keep reasoning text in audit records (default true). */
        storeReasoning: z.boolean().default(true),
      })
      .strict()
      .default({ storePrompts: false, storeReasoning: true }),
  })
  .strict()
  .superRefine((config, ctx) => {
    const ids = new Set<string>();
    config.providers.forEach((provider, index) => {
      if (ids.has(provider.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['providers', index, 'id'],
          message: `duplicate provider id "${provider.id}"`,
        });
      }
      ids.add(provider.id);
    });
    const names = new Set<string>();
    config.virtualModels.forEach((model, index) => {
      if (names.has(model.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['virtualModels', index, 'name'],
          message: `duplicate virtual model "${model.name}"`,
        });
      }
      names.add(model.name);
      model.targets.forEach((target, t) => {
        if (!ids.has(target.provider)) {
          ctx.addIssue({
            code: 'custom',
            path: ['virtualModels', index, 'targets', t, 'provider'],
            message: `unknown provider "${target.provider}"`,
          });
        }
      });
    });
    if (
      config.fallbackModel !== undefined &&
      !names.has(config.fallbackModel) &&
      !ids.has(config.fallbackModel)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['fallbackModel'],
        message: `unknown model "${config.fallbackModel}"`,
      });
    }
  });

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;
export type GatewayConfigInput = z.input<typeof gatewayConfigSchema>;
export type ProviderConfig = z.output<typeof providerSchema>;
export type VirtualModelConfig = z.output<typeof virtualModelSchema>;
export type ApiKeySource = z.output<typeof apiKeySourceSchema>;
export type ModelLocation = z.output<typeof locationSchema>;
export type RetryPolicy = z.output<typeof retrySchema>;
export type CloudPolicy = z.output<typeof cloudPolicySchema>;
export type GovernancePolicy = z.output<typeof governanceSchema>;
