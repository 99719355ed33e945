/**
 * `qihuang rx review FILE [--json]` — prescription review (前置审方) of a CDS Hooks request (with prefetch) or a
 * FHIR Bundle holding the patient context and draft MedicationRequests. Exit 0 with findings; bad input exit 2.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { QihuangError } from '@qihuang/contracts';
import type { HookId } from '@qihuang/cds-hooks';
import { sourceName } from '@qihuang/drug-knowledge';
import type { Finding, ReviewResult, Severity } from '@qihuang/engines/prescription-review';
import { LOCALE_OPTION, pick, resolveLocale, type CliLocale } from '../locale.ts';

const HOOKS: HookId[] = ['order-sign', 'order-select', 'patient-view'];
const SEVERITIES: Severity[] = ['info', 'warning', 'critical'];

export interface RxReviewOptions {
  threshold?: Severity;
  now?: Date;
}

/** Reviews a parsed file (CDS Hooks request or FHIR Bundle). Throws QihuangError('invalid-input') on bad input. */
export async function reviewDocument(doc: unknown, options: RxReviewOptions = {}): Promise<ReviewResult> {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    throw new QihuangError(
      'invalid-input',
      'file must hold a JSON object (CDS Hooks request or FHIR Bundle)',
    );
  const obj = doc as Record<string, unknown>;
  const now = options.now ?? new Date();
  // Lazy imports keep `qihuang --help` and other commands fast (CLI convention).
  const [
    { parseHookRequest },
    { createDrugKnowledgeBase },
    { buildReviewInput, resourcesOf, reviewPrescriptions },
  ] = await Promise.all([
    import('@qihuang/cds-hooks'),
    import('@qihuang/drug-knowledge'),
    import('@qihuang/engines/prescription-review'),
  ]);
  const kb = createDrugKnowledgeBase();
  let input;
  let scope: 'drafts' | 'all' = 'drafts';
  if (typeof obj.hook === 'string') {
    if (!HOOKS.includes(obj.hook as HookId))
      throw new QihuangError(
        'invalid-input',
        `unsupported hook "${obj.hook}" (expected ${HOOKS.join(', ')})`,
      );
    const request = parseHookRequest(obj, obj.hook as HookId);
    if (!request.prefetch)
      throw new QihuangError(
        'invalid-input',
        'CDS Hooks request has no prefetch (the CLI does not call FHIR servers)',
      );
    const resources = Object.values(request.prefetch).filter(
      (v): v is Resource => !!v && typeof v === 'object',
    );
    const draftOrders = resourcesOf(request.context.draftOrders as unknown as Bundle | undefined).filter(
      (r) => r.resourceType === 'MedicationRequest',
    );
    input = buildReviewInput(resources, { now, draftOrders });
    if (request.hook === 'patient-view') scope = 'all';
  } else if (obj.resourceType === 'Bundle') {
    input = buildReviewInput([obj as unknown as Bundle], { now });
    if (!input.patient.id) throw new QihuangError('invalid-input', 'Bundle has no Patient resource');
    if (input.drafts.length === 0)
      throw new QihuangError(
        'invalid-input',
        'Bundle has no draft MedicationRequest (status "draft") to review',
      );
  } else {
    throw new QihuangError(
      'invalid-input',
      'file is neither a CDS Hooks request (no "hook") nor a FHIR Bundle',
    );
  }
  return reviewPrescriptions(input, kb, { severityThreshold: options.threshold ?? 'info', scope });
}

function readDocument(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new QihuangError('invalid-input', `cannot read file "${file}"`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new QihuangError('invalid-input', `"${file}" is not valid JSON`);
  }
}

const SEVERITY_ZH: Record<Severity, string> = { critical: '严重', warning: '警告', info: '提示' };
const TYPE_ZH: Record<Finding['type'], string> = {
  interaction: '相互作用',
  duplication: '重复用药',
  dose: '剂量',
  renal: '肾功能',
  hepatic: '肝功能',
  allergy: '过敏',
  contraindication: '禁忌',
  caution: '慎用',
  pregnancy: '妊娠',
  lab: '检验',
  guideline: '指南',
  'unknown-drug': '未识别药物',
};

/**
 * Findings in one language (`--locale`, else QIHUANG_LOCALE/LANG, else zh-CN). Order texts are shown as the chart
 * wrote them; sources by the name the pharmacist's card gives them (the guideline or label and its section, in the
 * run's language: drug-knowledge sources/user-names.ts). A summary that starts with its type ("过敏：…",
 * "Allergy: …") is not labelled with it again.
 */
export function rxText(findings: Finding[], locale: CliLocale): string {
  const zh = locale === 'zh-CN';
  if (findings.length === 0) return zh ? '未发现问题。' : 'No findings.';
  return findings
    .map((f) => {
      const summary = pick(f.summary, locale);
      const type = zh ? (TYPE_ZH[f.type] ?? f.type) : f.type;
      const typed = summary.toLowerCase().startsWith(type.toLowerCase())
        ? summary
        : `${type}${zh ? '：' : ': '}${summary}`;
      const head = `[${zh ? SEVERITY_ZH[f.severity] : f.severity.toUpperCase()}] ${typed}`;
      const orders = f.evidence.orders.map((o) => `${o.draft ? '*' : ' '}${o.text}`).join(' | ');
      const source = sourceName(f.source.id, zh ? 'zh' : 'en') || f.source.label;
      return `${head}\n    ${orders}\n    ${zh ? '依据：' : 'source: '}${source}`;
    })
    .join('\n');
}

export function registerRx(program: Command): void {
  const rx = program.command('rx').description('Prescription review (前置审方)');
  rx.command('review')
    .description('Review draft medication orders in a CDS Hooks request (with prefetch) or a FHIR Bundle')
    .argument(
      '<file>',
      'JSON file: CDS Hooks request with prefetch, or FHIR Bundle with Patient + draft MedicationRequests',
    )
    .option('--json', 'JSON output: {"findings": [...]}')
    .option('--threshold <severity>', 'minimum severity: info|warning|critical', 'info')
    .option(...LOCALE_OPTION)
    .option('--now <iso>', 'reference time for age (default: now)')
    .action(async (file: string, o: { json?: boolean; threshold: string; locale?: string; now?: string }) => {
      if (!SEVERITIES.includes(o.threshold as Severity))
        throw new QihuangError('invalid-input', `--threshold must be one of ${SEVERITIES.join(', ')}`);
      const locale = o.json ? undefined : resolveLocale(o.locale); // refused before any work
      const now = o.now ? new Date(o.now) : undefined;
      if (now && Number.isNaN(now.getTime()))
        throw new QihuangError('invalid-input', '--now must be an ISO date-time');
      const result = await reviewDocument(readDocument(file), {
        threshold: o.threshold as Severity,
        ...(now ? { now } : {}),
      });
      console.log(
        o.json
          ? JSON.stringify({ findings: result.findings, knowledgeVersion: result.knowledgeVersion }, null, 2)
          : rxText(result.findings, locale ?? 'zh-CN'),
      );
    });
}
