import { z } from 'zod';
import { QihuangError } from '@qihuang/contracts';
import type { HookId } from './types.ts';

const resource = z.looseObject({ resourceType: z.string() });
const bundle = z.looseObject({
  resourceType: z.literal('Bundle'),
  entry: z.array(z.looseObject({ resource: resource.optional() })).optional(),
});

const authorization = z.looseObject({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number(),
  scope: z.string(),
  subject: z.string(),
  patient: z.string().optional(),
});

const baseContext = z.looseObject({
  userId: z.string(),
  patientId: z.string().min(1),
  encounterId: z.string().optional(),
});
const CONTEXT = {
  'patient-view': baseContext,
  'order-sign': baseContext.extend({ draftOrders: bundle }),
  'order-select': baseContext.extend({ draftOrders: bundle, selections: z.array(z.string()) }),
} as const;

const envelope = z.looseObject({
  hook: z.string(),
  hookInstance: z.string().min(1),
  fhirServer: z.url().optional(),
  fhirAuthorization: authorization.optional(),
  context: z.looseObject({}),
  prefetch: z.record(z.string(), z.unknown().nullable()).optional(),
});

export type HookRequest = z.infer<typeof envelope> & {
  context: {
    userId: string;
    patientId: string;
    encounterId?: string;
    draftOrders?: { resourceType: 'Bundle'; entry?: { resource?: { resourceType: string } }[] };
    selections?: string[];
  };
};

function fail(message: string, issues: z.core.$ZodIssue[] = []): never {
  throw new QihuangError('invalid-input', message, {
    issues: issues.map((i) => ({
      severity: 'error',
      code: 'invalid',
      message: i.message,
      expression: [i.path.join('.')],
    })),
  });
}

/** Validates a hook call for a service's hook; throws QihuangError('invalid-input') with a reason. */
export function parseHookRequest(body: unknown, hook: HookId): HookRequest {
  const env = envelope.safeParse(body);
  if (!env.success) {
    const first = env.error.issues[0];
    fail(
      first && first.path.length
        ? `invalid request: ${first.path.join('.')} ${first.message}`
        : 'invalid request body',
      env.error.issues,
    );
  }
  if (env.data.hook !== hook) fail(`this service handles the "${hook}" hook, not "${env.data.hook}"`);
  if (env.data.fhirAuthorization && !env.data.fhirServer)
    fail('fhirServer is required when fhirAuthorization is present');
  const ctx = CONTEXT[hook].safeParse(env.data.context);
  if (!ctx.success) {
    const first = ctx.error.issues[0];
    fail(
      `invalid context: ${first?.path.join('.') || 'context'} ${first?.message ?? ''}`.trim(),
      ctx.error.issues,
    );
  }
  return { ...env.data, context: ctx.data } as HookRequest;
}

export const feedbackSchema = z.object({
  feedback: z
    .array(
      z
        .looseObject({
          card: z.string().min(1),
          outcome: z.enum(['accepted', 'overridden']),
          acceptedSuggestions: z.array(z.looseObject({ id: z.string() })).optional(),
          overrideReason: z
            .looseObject({
              reason: z
                .looseObject({ code: z.string(), system: z.string(), display: z.string().optional() })
                .optional(),
              userComment: z.string().optional(),
            })
            .optional(),
          outcomeTimestamp: z.string().min(1),
        })
        .refine((f) => f.outcome !== 'accepted' || (f.acceptedSuggestions?.length ?? 0) > 0, {
          message: 'acceptedSuggestions is required when outcome is accepted',
          path: ['acceptedSuggestions'],
        }),
    )
    .min(1),
});

export function parseFeedback(body: unknown): z.infer<typeof feedbackSchema> {
  const parsed = feedbackSchema.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    fail(
      `invalid feedback: ${first?.path.join('.') || 'body'} ${first?.message ?? ''}`.trim(),
      parsed.error.issues,
    );
  }
  return parsed.data;
}
