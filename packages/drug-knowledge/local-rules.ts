/** Hospital-local rule settings (JSON): suppress rules, change severities. Validated with zod. */
import { z } from 'zod';
import { QihuangError } from '@qihuang/contracts';

export const localRulesSchema = z
  .object({
    version: z.string().optional(),
    /** Rule ids never reported (interaction ids, contraindication ids, renal ids, or "type:<finding type>"). */
    suppressRules: z.array(z.string().min(1)).default([]),
    /** Per-rule severity override. */
    severityOverrides: z.record(z.string(), z.enum(['info', 'warning', 'critical'])).default({}),
  })
  .strict();

export type LocalRules = z.infer<typeof localRulesSchema>;

export const EMPTY_LOCAL_RULES: LocalRules = { suppressRules: [], severityOverrides: {} };

export function parseLocalRules(json: unknown): LocalRules {
  const parsed = localRulesSchema.safeParse(json);
  if (!parsed.success) {
    throw new QihuangError('invalid-input', 'invalid local rules file', {
      issues: parsed.error.issues.map((i) => ({
        severity: 'error',
        code: 'invalid',
        message: i.message,
        expression: [i.path.join('.')],
      })),
    });
  }
  return parsed.data;
}
