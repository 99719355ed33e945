/**
 * What a patient reports that the chart already holds (issue 20: 高血压 and 脑卒中 came back to the doctor to
 * confirm although the chart had them confirmed). A reported Condition, AllergyIntolerance or MedicationStatement is
 * "in the chart" when a confirmed chart record names the same thing: a Condition the same concept (same care key of
 * condition-match.ts, or the same code), an allergy the same substance (same code, the same drugs or allergy group
 * of the drug knowledge base, or the same name), a medicine the same drug. A current report needs a current chart
 * record (an active Condition, a current order); a past one matches any confirmed record. The intake does not
 * write such an item again; one written before is shown as in the chart and cannot be confirmed a second time.
 * The matching is pure; `chartRecords` reads the chart.
 */
import type { RequestContext } from '@qihuang/contracts';
import type { DrugKnowledgeBase } from '@qihuang/drug-knowledge';
import type { FhirResource } from '@qihuang/store';
import { conditionKeys } from './condition-match.ts';
import { conceptText, type TranslatableConcept } from './concept-text.ts';
import { drugIdOf } from './drug-text.ts';
import type { CareDeps } from './deps.ts';
import { isPatientReported, reportedState } from './patient-reported-state.ts';
import { recordLine } from './record-line.ts';
import type { CareSummary } from './api-types/index.ts';

type Drugs = Pick<DrugKnowledgeBase, 'match' | 'matchCodings' | 'matchAllergen'>;
type Coding = { system?: string; code?: string; display?: string };
type Concept = Omit<TranslatableConcept, 'coding'> & {
  coding?: (Coding & NonNullable<TranslatableConcept['coding']>[number])[];
};

interface Loose {
  resourceType: string;
  id?: string;
  code?: Concept;
  medicationCodeableConcept?: Concept;
  clinicalStatus?: { coding?: Coding[] };
  verificationStatus?: { coding?: Coding[] };
  status?: string;
}

/** The chart's record types a reported item is compared with. */
export const CHART_TYPES = ['Condition', 'AllergyIntolerance', 'MedicationStatement', 'MedicationRequest'];

const NOT_CONFIRMED = new Set(['unconfirmed', 'provisional', 'differential', 'refuted', 'entered-in-error']);

/** A record the chart holds as confirmed: not a patient's report still waiting or rejected, not in error. */
export function isConfirmedChartRecord(resource: unknown): boolean {
  const r = resource as Loose;
  if (isPatientReported(r) && reportedState(r) !== 'confirmed') return false;
  if (NOT_CONFIRMED.has(r.verificationStatus?.coding?.[0]?.code ?? '')) return false;
  switch (r.resourceType) {
    case 'Condition':
    case 'AllergyIntolerance':
      return true;
    case 'MedicationRequest':
      // A draft (or one signed and awaiting the pharmacist) is no order yet.
      return ['active', 'completed', 'stopped', 'on-hold'].includes(r.status ?? '');
    case 'MedicationStatement':
      return !['entered-in-error', 'not-taken'].includes(r.status ?? '');
    default:
      return false;
  }
}

/** Whether a record says something current (an active condition or allergy, a medicine taken now). */
function current(r: Loose): boolean {
  const clinical = r.clinicalStatus?.coding?.[0]?.code;
  switch (r.resourceType) {
    case 'Condition':
      return !clinical || ['active', 'recurrence', 'relapse'].includes(clinical);
    case 'AllergyIntolerance':
      return !clinical || clinical === 'active';
    case 'MedicationRequest':
      return r.status === 'active';
    default:
      return !r.status || ['active', 'intended'].includes(r.status);
  }
}

const codingKey = (c: Coding) => `${(c.system ?? '').toLowerCase()}|${(c.code ?? '').trim()}`;
function sharesCoding(a: Concept | undefined, b: Concept | undefined): boolean {
  const keys = new Set((a?.coding ?? []).filter((c) => c.code).map(codingKey));
  return (b?.coding ?? []).some((c) => c.code && keys.has(codingKey(c)));
}

const norm = (text: string) =>
  text
    .toLowerCase()
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/^(?:allergy to|allergic to|对)\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
/** A concept's names (its text, displays and zh translation), normalised. */
function names(concept: Concept | undefined): Set<string> {
  const out = [
    concept?.text,
    ...(concept?.coding ?? []).map((c) => c.display),
    conceptText(concept, 'zh'),
  ].filter((n): n is string => Boolean(n));
  return new Set(out.map(norm).filter(Boolean));
}

function conditionConcept(concept: Concept | undefined) {
  return { ...(concept?.text ? { text: concept.text } : {}), codes: concept?.coding ?? [] };
}

function sameCondition(a: Concept | undefined, b: Concept | undefined): boolean {
  if (sharesCoding(a, b)) return true;
  const keys = conditionKeys(conditionConcept(a));
  return [...conditionKeys(conditionConcept(b))].some((k) => keys.has(k));
}

function sameSubstance(a: Concept | undefined, b: Concept | undefined, drugs: Drugs): boolean {
  if (sharesCoding(a, b)) return true;
  const ours = names(a);
  if ([...names(b)].some((n) => ours.has(n))) return true;
  const allergen = (c: Concept | undefined) =>
    drugs.matchAllergen({ ...(c?.text ? { text: c.text } : {}), codes: c?.coding ?? [] });
  const x = allergen(a);
  const y = allergen(b);
  // The same drug named, or (no drug named on either side) the same allergy groups ("Penicillin" / "青霉素类").
  if (x.drugIds.length > 0 || y.drugIds.length > 0) return x.drugIds.some((d) => y.drugIds.includes(d));
  return (
    x.groups.length > 0 && x.groups.length === y.groups.length && x.groups.every((g) => y.groups.includes(g))
  );
}

function drugOf(concept: Concept | undefined, drugs: Drugs): string | undefined {
  if (!concept) return undefined;
  return (
    drugIdOf(concept) ??
    drugs.matchCodings(concept.coding ?? [], concept.text)?.drug.id ??
    (concept.text ? drugs.match(concept.text)?.drug.id : undefined)
  );
}

/** Whether `chart` (a confirmed chart record) holds what `reported` says. */
export function holdsSame(reported: unknown, chart: unknown, drugs: Drugs): boolean {
  const r = reported as Loose;
  const c = chart as Loose;
  if (r.resourceType === c.resourceType && r.id === c.id) return false;
  if (!isConfirmedChartRecord(c)) return false;
  if (current(r) && !current(c)) return false;
  switch (r.resourceType) {
    case 'Condition':
      return c.resourceType === 'Condition' && sameCondition(r.code, c.code);
    case 'AllergyIntolerance':
      return c.resourceType === 'AllergyIntolerance' && sameSubstance(r.code, c.code, drugs);
    case 'MedicationStatement': {
      if (c.resourceType !== 'MedicationStatement' && c.resourceType !== 'MedicationRequest') return false;
      const drug = drugOf(r.medicationCodeableConcept, drugs);
      return drug !== undefined && drug === drugOf(c.medicationCodeableConcept, drugs);
    }
    default:
      return false;
  }
}

/** The first chart record holding what `reported` says, if any. */
export function inChartOf(
  reported: unknown,
  chart: readonly FhirResource[],
  drugs: Drugs,
): FhirResource | undefined {
  return chart.find((c) => holdsSame(reported, c, drugs));
}

/** The patient's confirmed chart records of the types a report is compared with. */
export async function chartRecords(
  deps: Pick<CareDeps, 'repository'>,
  ctx: RequestContext,
  patientId: string,
): Promise<FhirResource[]> {
  const found = await Promise.all(
    CHART_TYPES.map((type) =>
      deps.repository.searchAll(ctx, type, [['patient', patientId]], 2000).catch(() => [] as FhirResource[]),
    ),
  );
  return found.flat().filter(isConfirmedChartRecord);
}

type DraftView = NonNullable<CareSummary['intake']>['drafts'][number];

/**
 * The latest intake's reported items as the clinician's care tab lists them: each with where it stands, and an item
 * the chart already holds confirmed as `in-chart` with that record (nothing to confirm). `saved.inChart` lists the
 * chart records the intake found named again and did not write.
 */
export async function intakeDraftViews(
  deps: Pick<CareDeps, 'repository' | 'drugs'>,
  ctx: RequestContext,
  patientId: string,
  saved: { drafts: string[]; inChart?: string[] },
  lang: 'zh' | 'en',
): Promise<DraftView[]> {
  const chart = await chartRecords(deps, ctx, patientId);
  const refOf = (r: FhirResource) => `${r.resourceType}/${String(r.id)}`;
  const line = (r: FhirResource | undefined, fallback: string) => recordLine(r, lang, deps.drugs) ?? fallback;
  const views = await Promise.all(
    saved.drafts.map(async (reference): Promise<DraftView> => {
      const [type, id] = reference.split('/') as [string, string];
      const resource = await deps.repository.read(ctx, type, id).catch(() => undefined);
      const state = reportedState(resource);
      const held = state === 'unconfirmed' ? inChartOf(resource, chart, deps.drugs) : undefined;
      return {
        reference,
        display: line(resource, reference),
        ...(held
          ? { state: 'in-chart', inChart: { reference: refOf(held), display: line(held, refOf(held)) } }
          : state
            ? { state }
            : {}),
      };
    }),
  );
  const linked = [...new Set(saved.inChart ?? [])]
    .map((reference) => chart.find((r) => refOf(r) === reference))
    .filter((r): r is FhirResource => r !== undefined)
    .map((r): DraftView => {
      const display = line(r, refOf(r));
      return { reference: refOf(r), display, state: 'in-chart', inChart: { reference: refOf(r), display } };
    });
  return [...views, ...linked];
}
