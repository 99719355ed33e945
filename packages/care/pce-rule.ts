/**
 * The PCE finding's rule as a clinician reads it (issue 20 item 8): the equation named (Pooled Cohort Equations,
 * Goff 2013; REFERENCE §3.1), the engine's formula kept as an expandable detail with its signs written correctly
 * ("IndSum − -29.18" is "IndSum + 29.18"). Pure.
 */
export function pceRule(engineRule: string, lang: 'zh' | 'en'): { rule: string; detail: string } {
  return {
    rule: lang === 'zh' ? 'PCE 合并队列方程（Goff 2013）' : 'Pooled Cohort Equations (Goff 2013)',
    detail: engineRule.replace(/[−-]\s*[-−]\s*(\d)/g, '+ $1'),
  };
}
