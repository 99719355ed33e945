/**
 * 科别 of a prescription slip (issue 20): the order's Encounter (serviceType), else the prescriber's
 * PractitionerRole (specialty, else organization), in the reader's language; undefined when the store records
 * none, so the slip prints no empty label. `departmentFrom` is pure; `departmentOf` reads the records.
 */
import type { RequestContext } from '@qihuang/contracts';
import type { FhirResource } from '@qihuang/store';
import { conceptText, type TranslatableConcept } from './concept-text.ts';
import type { CareDeps } from './deps.ts';

type Lang = 'zh' | 'en';

interface EncounterRecord {
  serviceType?: TranslatableConcept;
}
interface RoleRecord {
  specialty?: TranslatableConcept[];
  organization?: { display?: string };
}

export function departmentFrom(
  encounter: FhirResource | undefined,
  roles: FhirResource[],
  lang: Lang,
): string | undefined {
  const service = conceptText((encounter as EncounterRecord | undefined)?.serviceType, lang);
  if (service) return service;
  for (const role of roles as unknown as RoleRecord[]) {
    const specialty = (role.specialty ?? []).map((s) => conceptText(s, lang)).find(Boolean);
    if (specialty) return specialty;
  }
  return (roles as unknown as RoleRecord[]).map((r) => r.organization?.display).find(Boolean) || undefined;
}

export async function departmentOf(
  deps: Pick<CareDeps, 'repository'>,
  ctx: RequestContext,
  order: FhirResource,
  lang: Lang,
): Promise<string | undefined> {
  const o = order as { encounter?: { reference?: string }; requester?: { reference?: string } };
  const [encType, encId] = (o.encounter?.reference ?? '').split('/');
  const encounter =
    encType === 'Encounter' && encId
      ? await deps.repository.read(ctx, 'Encounter', encId).catch(() => undefined)
      : undefined;
  const [reqType, reqId] = (o.requester?.reference ?? '').split('/');
  let roles: FhirResource[] = [];
  if (reqType === 'PractitionerRole' && reqId) {
    const role = await deps.repository.read(ctx, 'PractitionerRole', reqId).catch(() => undefined);
    roles = role ? [role] : [];
  } else if (reqType === 'Practitioner' && reqId) {
    roles = await deps.repository
      .searchAll(ctx, 'PractitionerRole', [['practitioner', `Practitioner/${reqId}`]])
      .catch(() => []);
  }
  return departmentFrom(encounter, roles, lang);
}
