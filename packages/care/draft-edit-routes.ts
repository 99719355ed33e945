/**
 * PATCH /prescriptions/{id}: a clinician edits a draft's dose, frequency, days of supply or quantity before
 * signing (draft-edit.ts, issue 20). The body is checked whole first (zod): bad input answers 400 and changes
 * nothing. Registered on the care routes (routes.ts).
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { RequestContext } from '@qihuang/contracts';
import { patientLanguage } from '@qihuang/bp-monitoring';
import { readBody } from '@qihuang/http-edge';
import type { CareDeps } from './deps.ts';
import { FREQUENCY_CODES, MAX_SUPPLY_DAYS } from './draft-dosage.ts';
import { editDraft } from './draft-edit.ts';
import { publicAnswer } from './citations.ts';

export const DRAFT_EDIT_PATHS: [string, string, string][] = [
  [
    'patch',
    '/prescriptions/{mrid}',
    'Clinician edits a draft before signing: dose, frequency (qd/bid/tid/qid/qn), durationDays, quantity; review re-run (Provenance, audit; decision 0019)',
  ],
];

/** Sanity bounds of the input, not clinical limits: the dose limit is the drug's own (draft-edit.ts). */
export const DraftEditBody = z
  .object({
    dose: z
      .object({ value: z.number().positive().max(100_000), unit: z.string().min(1).max(20) })
      .strict()
      .optional(),
    frequency: z.enum(FREQUENCY_CODES).optional(),
    durationDays: z.number().int().min(1).max(MAX_SUPPLY_DAYS).optional(),
    quantity: z.number().int().positive().max(10_000).optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'give dose, frequency, durationDays or quantity' });

export function registerDraftEditRoute(
  app: Hono,
  deps: CareDeps,
  ctxOf: (c: Context) => RequestContext,
): void {
  const lang = (c: Context): 'zh' | 'en' =>
    patientLanguage(c.req.query('lang'), c.req.header('accept-language')) === 'en' ? 'en' : 'zh';
  app.patch('/prescriptions/:mrid', async (c) => {
    const b = await readBody(c, DraftEditBody);
    const view = await editDraft(deps, ctxOf(c), c.req.param('mrid'), b, lang(c));
    return c.json(publicAnswer(view) as object);
  });
}
