import type { Resource } from '@medplum/fhirtypes';
import type { Finding } from '@qihuang/engines/prescription-review';
import type { CdsAction, CdsSuggestion } from './types.ts';

type Draft = Resource & {
  id?: string;
  dosageInstruction?: {
    text?: string;
    doseAndRate?: { doseQuantity?: { value?: number; unit?: string; code?: string; system?: string } }[];
  }[];
};

/** Safer alternatives by rule (REFERENCE §6 rows 6–7 dose caps; §5.2 long-acting nifedipine; §5.2 pregnancy agents). */
const DOSE_REPLACEMENT: Record<string, { mg: number; label: { en: string; zh: string } }> = {
  'simvastatin-amlodipine': {
    mg: 20,
    label: { en: 'Change simvastatin to 20 mg daily', zh: '辛伐他汀改为每日20 mg' },
  },
  'simvastatin-nondhp': {
    mg: 10,
    label: { en: 'Change simvastatin to 10 mg daily', zh: '辛伐他汀改为每日10 mg' },
  },
  'atorvastatin-clarithromycin': {
    mg: 20,
    label: { en: 'Change atorvastatin to 20 mg daily', zh: '阿托伐他汀改为每日20 mg' },
  },
};

function newOrder(
  template: Draft,
  text: string,
  rxnorm: { code: string; display: string } | undefined,
  uuid: string,
): Record<string, unknown> {
  const t = template as unknown as Record<string, unknown>;
  return {
    resourceType: 'MedicationRequest',
    id: uuid,
    status: 'draft',
    intent: t.intent ?? 'order',
    subject: t.subject,
    medicationCodeableConcept: {
      ...(rxnorm ? { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', ...rxnorm }] } : {}),
      text,
    },
    dosageInstruction: [{ text }],
  };
}

/**
 * The draft with its first dosage instruction set to `mg` once daily. Copies only what changes (the draft itself,
 * its dosage list and first instruction; the rest is shared with the draft, which is not changed): the JSON is
 * that of a deep clone with those fields set, keys in the same order.
 */
function withDose(target: Draft, mg: number): Draft {
  const text = `${mg} mg once daily`;
  const doseAndRate = [
    { doseQuantity: { value: mg, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } },
  ];
  const source = target.dosageInstruction;
  const head: unknown = Array.isArray(source) ? source[0] : undefined;
  if (
    (source !== undefined && source !== null && !Array.isArray(source)) ||
    (head !== undefined && head !== null && (typeof head !== 'object' || Array.isArray(head)))
  ) {
    // Not FHIR (dosage not a list of objects): the general path, a deep clone changed in place.
    const updated = structuredClone(target);
    const first = ((updated.dosageInstruction as unknown as Record<number, object>)[0] ??= {}) as {
      text?: string;
      doseAndRate?: typeof doseAndRate;
    };
    first.text = text;
    first.doseAndRate = doseAndRate;
    return updated;
  }
  const list = source ?? [];
  return {
    ...target,
    dosageInstruction: [{ ...(list[0] ?? {}), text, doseAndRate }, ...list.slice(1)],
  };
}

function drafts(finding: Finding, byId: Map<string, Draft>): Draft[] {
  return finding.evidence.orders
    .filter((o) => o.draft)
    .map((o) => byId.get(o.id))
    .filter((d): d is Draft => !!d);
}

/** Suggestions for one finding: replace with a safer alternative where one is defined, and remove the draft. */
export function suggestionsFor(
  finding: Finding,
  byId: Map<string, Draft>,
  locale: 'en' | 'zh',
  uuid: () => string,
): CdsSuggestion[] {
  const list = drafts(finding, byId);
  if (list.length === 0 || finding.severity === 'info') return [];
  const out: CdsSuggestion[] = [];
  const capped = DOSE_REPLACEMENT[finding.ruleId];
  const target = capped
    ? list.find((d) =>
        /statin|他汀/i.test(
          JSON.stringify((d as { medicationCodeableConcept?: unknown }).medicationCodeableConcept ?? ''),
        ),
      )
    : undefined;
  if (capped && target?.id) {
    const updated = withDose(target, capped.mg);
    out.push({
      label: capped.label[locale],
      uuid: uuid(),
      isRecommended: true,
      actions: [
        {
          type: 'update',
          description: capped.label[locale],
          resource: updated as unknown as Record<string, unknown>,
        },
      ],
    });
  }
  if (finding.ruleId === 'guideline-nifedipine-ir' && list[0]?.id) {
    const text =
      locale === 'zh' ? '硝苯地平控释片 30 mg 每日一次' : 'Nifedipine extended-release 30 mg once daily';
    out.push({
      label:
        locale === 'zh'
          ? '改用硝苯地平控释片 30 mg 每日一次'
          : 'Replace with nifedipine extended-release 30 mg once daily',
      uuid: uuid(),
      isRecommended: true,
      actions: [
        {
          type: 'delete',
          description:
            locale === 'zh' ? '删除短效硝苯地平医嘱' : 'Remove the immediate-release nifedipine order',
          resourceId: `MedicationRequest/${list[0].id}`,
        },
        { type: 'create', description: text, resource: newOrder(list[0], text, undefined, uuid()) },
      ],
    });
  }
  if (
    finding.type === 'pregnancy' &&
    finding.severity === 'critical' &&
    list[0]?.id &&
    /pregnancy-(.*(pril|sartan)|aliskiren|sacubitril)/.test(finding.ruleId)
  ) {
    const text = locale === 'zh' ? '拉贝洛尔 100 mg 每日两次' : 'Labetalol 100 mg twice daily';
    out.push({
      label:
        locale === 'zh'
          ? '改用妊娠期首选药物：拉贝洛尔'
          : 'Replace with a pregnancy-preferred agent: labetalol',
      uuid: uuid(),
      actions: [
        {
          type: 'delete',
          description: locale === 'zh' ? '删除该医嘱' : 'Remove this order',
          resourceId: `MedicationRequest/${list[0].id}`,
        },
        {
          type: 'create',
          description: text,
          resource: newOrder(list[0], text, { code: '6185', display: 'labetalol' }, uuid()),
        },
      ],
    });
  }
  for (const d of list) {
    if (!d.id) continue;
    const actions: CdsAction[] = [
      {
        type: 'delete',
        description: locale === 'zh' ? '删除该草稿医嘱' : 'Remove the draft order',
        resourceId: `${d.resourceType}/${d.id}`,
      },
    ];
    const name = finding.evidence.orders.find((o) => o.id === `${d.resourceType}/${d.id}`)?.text ?? d.id;
    out.push({
      label: locale === 'zh' ? `删除医嘱：${name}` : `Remove order: ${name}`,
      uuid: uuid(),
      actions,
    });
  }
  return out;
}
