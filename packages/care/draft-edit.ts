/**
 * Editing a prescription draft before signing (issue 20): dose (amount and unit from the drug's forms),
 * frequency (qd, bid, tid, qid, qn), days of supply and quantity. Clinicians who may sign only; only a draft that
 * is not with the pharmacist — an unsigned proposal, or an order the pharmacist returned (the edit takes the
 * signature and the return off: it is signed again, and reviewed again). A dose above the drug's maximum daily
 * dose is refused with the reason and its source (docs/decisions/0019); other dose checks (renal, hepatic, older
 * adults) are the review's findings, re-run on every edit. Bad input changes nothing. One transaction writes the
 * order and a Provenance; the audit log records the change.
 */
import { QihuangError, type RequestContext } from '@qihuang/contracts';
import { sourceName, type DrugEntry } from '@qihuang/drug-knowledge';
import {
  REVIEW_EXTENSION,
  SIGNATURE_EXTENSION,
  isAwaitingReview,
  readReview,
  sectionsInWords,
  withStatusReason,
} from '@qihuang/pharmacy-review';
import { processTransaction, type FhirResource } from '@qihuang/store';
import type { DraftEdit, DraftView } from './api-types/index.ts';
import { assertSigner, nowOf, type CareDeps } from './deps.ts';
import {
  aboveMaxDaily,
  dosageOf,
  doseUnitsOf,
  FREQUENCIES,
  quantityFor,
  withDosage,
  type DoseLimit,
} from './draft-dosage.ts';
import type { DraftLanguage } from './draft-text.ts';
import { drugIdOf } from './drug-text.ts';
import { drugOfOrder } from './draft-drug.ts';
import { listDrafts, medicineText } from './prescriptions.ts';
import { practitionerFor } from './sign.ts';

/** Stable reason ids at the start of an issue's message: the console words the refusal from them (issue 20). */
const reason = (id: string, message: string) => ({
  severity: 'error' as const,
  code: 'business-rule',
  message: `${id}: ${message}`,
});

interface Concept {
  text?: string;
  coding?: { system?: string; code?: string; display?: string }[];
}

/** The refusal of a dose above the maximum, in the screen's language, naming the source (never "§"). */
export function aboveMaxMessage(limit: DoseLimit, drug: DrugEntry, lang: DraftLanguage): string {
  const source = sectionsInWords(sourceName(limit.source, lang), lang);
  return lang === 'zh'
    ? `${drug.names.zh}每日 ${limit.dailyDose} ${limit.unit}，超过最大日剂量 ${limit.maxDaily} ${limit.unit}（${source}）：未保存修改`
    : `${drug.names.en} ${limit.dailyDose} ${limit.unit} a day is above the maximum daily dose of ${limit.maxDaily} ${limit.unit} (${source}): the change was not saved`;
}

const MESSAGES = {
  noDose: {
    zh: '此草稿没有可修改的剂量和频次：请同时填写剂量和频次',
    en: 'This draft has no dose and frequency to change: give both',
  },
  unit: (units: string[]) => ({
    zh: `剂量单位须为 ${units.join('、')}`,
    en: `The dose unit must be ${units.join(' or ')}`,
  }),
};

function refuseState(resource: FhirResource, id: string): void {
  const status = (resource as { status?: string }).status;
  if (status !== 'draft')
    throw new QihuangError('conflict', `MedicationRequest/${id} is ${status}; only a draft can be edited`, {
      issues: [reason(`care.not-draft:${status}`, `MedicationRequest/${id} is ${status}`)],
    });
  if (isAwaitingReview(resource))
    throw new QihuangError(
      'conflict',
      `MedicationRequest/${id} is signed and awaiting the pharmacist's review; withdraw it to change it`,
      {
        issues: [
          reason('care.awaiting-review', `MedicationRequest/${id} is awaiting the pharmacist's review`),
        ],
      },
    );
}

/** Drops the signature and the pharmacist's return: an edited order is unsigned again (signed and reviewed anew). */
function unsigned(resource: FhirResource): FhirResource {
  const r = resource as FhirResource & { extension?: { url: string }[]; requester?: unknown };
  const { requester: _requester, ...rest } = r;
  const extension = (r.extension ?? []).filter(
    (e) => e.url !== SIGNATURE_EXTENSION && e.url !== REVIEW_EXTENSION,
  );
  const { extension: _old, ...bare } = rest as typeof rest & { extension?: unknown };
  // FHIR refuses an empty array: no extension left, no element.
  return withStatusReason(
    { ...bare, intent: 'proposal', ...(extension.length > 0 ? { extension } : {}) } as FhirResource,
    undefined,
  );
}

export async function editDraft(
  deps: CareDeps,
  ctx: RequestContext,
  id: string,
  edit: DraftEdit,
  lang: DraftLanguage = 'en',
): Promise<DraftView> {
  assertSigner(ctx);
  const resource = await deps.repository.read(ctx, 'MedicationRequest', id);
  refuseState(resource, id);
  const drug = drugOfOrder(deps, resource);
  const current = dosageOf(resource);
  const dose = edit.dose ?? current.dose;
  const frequency = edit.frequency ?? current.frequency;
  if (!dose || !frequency)
    throw new QihuangError('invalid-input', MESSAGES.noDose[lang], {
      issues: [reason('care.edit-incomplete', MESSAGES.noDose.en)],
    });
  const units = doseUnitsOf(drug);
  if (!units.includes(dose.unit))
    throw new QihuangError('invalid-input', MESSAGES.unit(units)[lang], {
      issues: [reason(`care.dose-unit:${units.join('|')}`, MESSAGES.unit(units).en)],
    });
  const limit = aboveMaxDaily(drug, dose, frequency);
  if (limit && drug)
    throw new QihuangError('invalid-input', aboveMaxMessage(limit, drug, lang), {
      issues: [
        reason(
          `care.dose-above-max:${limit.dailyDose}:${limit.maxDaily}:${limit.unit}`,
          aboveMaxMessage(limit, drug, 'en'),
        ),
      ],
    });
  // Days: as asked, else as the order says, else the proposal's default (until follow-up, 28 days).
  const durationDays = edit.durationDays ?? current.durationDays ?? 28;
  const changed = edit.dose !== undefined || edit.frequency !== undefined || edit.durationDays !== undefined;
  const quantity =
    edit.quantity ??
    quantityFor(drug, dose, frequency, durationDays) ??
    (changed ? undefined : current.quantity);
  const wasReturned = readReview(resource).state === 'returned';
  const base = wasReturned ? unsigned(resource) : resource;
  const written = withDosage(base, {
    dose,
    frequency,
    durationDays,
    ...(quantity !== undefined ? { quantity } : {}),
  });
  // The medicine line in both languages again (the zh translation follows the new strength).
  const concept = (written as { medicationCodeableConcept?: Concept }).medicationCodeableConcept;
  const next = {
    ...written,
    ...(concept
      ? {
          medicationCodeableConcept: {
            ...(concept.coding ? { coding: concept.coding } : {}),
            ...medicineText(concept.text ?? '', deps.drugs, drugIdOf(concept)),
          },
        }
      : {}),
  } as FhirResource;
  const now = nowOf(deps).toISOString();
  const editor = await practitionerFor(deps, ctx);
  const what = `${dose.value} ${dose.unit} ${FREQUENCIES[frequency].en}, ${durationDays} days${quantity !== undefined ? `, quantity ${quantity}` : ''}`;
  await processTransaction(deps.repository, ctx, {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      { resource: next, request: { method: 'PUT', url: `MedicationRequest/${id}` } },
      {
        resource: {
          resourceType: 'Provenance',
          target: [{ reference: `MedicationRequest/${id}` }],
          recorded: now,
          activity: {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/v3-DataOperation',
                code: 'UPDATE',
                display: 'revise',
              },
            ],
            text: `Clinician edited the prescription draft: ${what}${wasReturned ? ' (after the pharmacist returned it; to be signed again)' : ''}`,
          },
          agent: [
            {
              type: {
                coding: [
                  {
                    system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
                    code: 'author',
                  },
                ],
              },
              who: editor,
            },
          ],
        },
        request: { method: 'POST', url: 'Provenance' },
      },
    ],
  });
  const patientId = String(
    (resource as { subject?: { reference?: string } }).subject?.reference ?? '',
  ).replace(/^Patient\//, '');
  // The review runs again on the drafts as they now stand: the card shows its new findings.
  const { drafts } = await listDrafts(deps, ctx, patientId, lang);
  const view = drafts.find((d) => d.id === id);
  await deps.audit(ctx, {
    action: 'operation',
    outcome: 'success',
    resourceType: 'MedicationRequest',
    resourceId: id,
    query: 'edit-prescription-draft',
    patientIds: [patientId],
    detail: {
      editor: editor.reference,
      changed: Object.keys(edit),
      dose,
      frequency,
      durationDays,
      ...(quantity !== undefined ? { quantity } : {}),
      ...(wasReturned ? { afterReturn: true } : {}),
      findings: view?.findings.map((f) => f.id) ?? [],
    },
  });
  if (!view) throw new QihuangError('internal', `MedicationRequest/${id} was edited but is not listed`);
  return view;
}
