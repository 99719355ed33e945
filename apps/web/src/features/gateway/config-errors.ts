/**
 * The gateway's configuration errors in the page language (issue 20): the server names each bad field in zod's
 * words ("providers[1].kind: Invalid option: expected one of "vllm"|…; providers[1].baseUrl: Invalid input:
 * expected string, received undefined"). Each becomes one field-level line ("类型（kind）：请选择其一：vllm、…");
 * the raw text stays for the technical detail. Unknown wording yields no lines (the caller shows the message).
 */
type T = (key: string, options?: Record<string, unknown>) => string;

export interface ConfigError {
  /** The field's own name (last path segment without index), e.g. "kind". */
  field: string;
  path: string;
  problem: 'choice' | 'missing' | 'type' | 'format' | 'other';
  options?: string[];
  expected?: string;
  raw: string;
}

const FIELDS = [
  'id',
  'kind',
  'baseUrl',
  'model',
  'location',
  'apiKey',
  'name',
  'targets',
  'provider',
  'weight',
  'strategy',
  'capabilities',
  'description',
] as const;

export function parseConfigErrors(message: string): ConfigError[] {
  const body = message.replace(/^gateway config[^:]*:\s*/, '');
  const errors: ConfigError[] = [];
  for (const part of body.split(/;\s+/)) {
    const match = /^([A-Za-z_$][\w$]*(?:\[\d+\])?(?:\.[A-Za-z_$][\w$]*(?:\[\d+\])?)*|\(root\)):\s+(.+)$/.exec(
      part.trim(),
    );
    if (!match) continue;
    const [, path = '', text = ''] = match;
    const field = (path.split('.').pop() ?? path).replace(/\[\d+\]$/, '');
    const choice = /^Invalid (?:option|enum value)[^"]*expected one of (.+)$/i.exec(text);
    const type = /expected (\w+), received (\w+)/i.exec(text);
    if (choice) {
      errors.push({
        field,
        path,
        problem: 'choice',
        options: [...(choice[1] ?? '').matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? ''),
        raw: part,
      });
    } else if (type && type[2] === 'undefined') {
      errors.push({ field, path, problem: 'missing', raw: part });
    } else if (type) {
      errors.push({ field, path, problem: 'type', expected: type[1], raw: part });
    } else if (/url|format|pattern|regex/i.test(text)) {
      errors.push({ field, path, problem: 'format', raw: part });
    } else {
      errors.push({ field, path, problem: 'other', raw: part });
    }
  }
  return errors;
}

/** One line per bad field in the page language; [] when the message is not a configuration error. */
export function configErrorLines(message: string, t: T): string[] {
  return parseConfigErrors(message).map((e) => {
    const label = (FIELDS as readonly string[]).includes(e.field)
      ? t('gatewayErrors.fieldLabel', { label: t(`gatewayErrors.fields.${e.field}`), field: e.field })
      : e.field === '(root)'
        ? t('gatewayErrors.root')
        : e.field;
    const sep = t('gatewayErrors.separator');
    if (e.problem === 'choice')
      return t('gatewayErrors.choice', { field: label, options: (e.options ?? []).join(sep) });
    if (e.problem === 'missing') return t('gatewayErrors.missing', { field: label });
    if (e.problem === 'type')
      return t('gatewayErrors.type', {
        field: label,
        expected: t(
          `gatewayErrors.types.${e.expected === 'number' || e.expected === 'boolean' || e.expected === 'array' || e.expected === 'object' ? e.expected : 'string'}`,
        ),
      });
    if (e.problem === 'format') return t('gatewayErrors.format', { field: label });
    return t('gatewayErrors.other', { field: label });
  });
}
