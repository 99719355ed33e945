/** HTTP edge of the grounding guard: POST /guard/check (mounted by the server). */
import { Hono } from 'hono';
import { z } from 'zod';
import { isQihuangError, QihuangError } from '@qihuang/contracts';
import { GUIDELINES } from '@qihuang/engines/blood-pressure';
import { checkAnswer, type GuardDeps } from './check-answer.ts';

const PassageSchema = z.object({
  id: z.string().min(1).max(200),
  title: z.string().max(1000).optional(),
  text: z.string().max(200_000),
});
const PatientSchema = z
  .object({
    age: z.number().min(0).max(130).optional(),
    sex: z.enum(['female', 'male']).optional(),
    weightKg: z.number().positive().max(500).optional(),
    creatinine: z.object({ value: z.number().positive(), unit: z.enum(['mg/dL', 'umol/L']) }).optional(),
    egfr: z.number().min(0).max(300).optional(),
    crcl: z.number().min(0).max(400).optional(),
    conditions: z.array(z.string().max(200)).max(200).optional(),
    pregnant: z.boolean().optional(),
    potassium: z.number().min(0).max(15).optional(),
  })
  .strict();

export const GuardRequestSchema = z.object({
  answer: z.string().max(100_000),
  passages: z.array(PassageSchema).max(200).default([]),
  patient: PatientSchema.optional(),
  guideline: z.enum(GUIDELINES).optional(),
  policy: z.enum(['block', 'annotate', 'revise']).optional(),
});

export type GuardRequest = z.infer<typeof GuardRequestSchema>;

export function parseGuardRequest(value: unknown): GuardRequest {
  const r = GuardRequestSchema.safeParse(value);
  if (!r.success) {
    throw new QihuangError(
      'invalid-input',
      r.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
    );
  }
  return r.data;
}

export function createGuardRoutes(deps: GuardDeps = {}): Hono {
  const app = new Hono();
  app.post('/check', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new QihuangError('invalid-input', 'Request body must be JSON');
    }
    return c.json(await checkAnswer(parseGuardRequest(body), deps));
  });
  app.onError((error, c) => {
    if (isQihuangError(error))
      return c.json({ error: { code: error.code, message: error.message } }, error.status as 400);
    return c.json({ error: { code: 'internal', message: 'Internal error' } }, 500);
  });
  return app;
}
