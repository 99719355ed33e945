/** HTTP edge of the grounding guard: POST /guard/check (mounted by the server). */
import { Hono } from 'hono';
import { z } from 'zod';
import { errorHandler, parseInput, readJson } from '@qihuang/http-edge';
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
  return parseInput(GuardRequestSchema, value);
}

export function createGuardRoutes(deps: GuardDeps = {}): Hono {
  const app = new Hono();
  app.post('/check', async (c) => c.json(await checkAnswer(parseGuardRequest(await readJson(c)), deps)));
  app.onError(errorHandler(undefined, { label: 'guard route' }));
  return app;
}
