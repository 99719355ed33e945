import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import type { RequestContext } from '@qihuang/contracts';
import type { FhirResource } from '@qihuang/store';
import { prescriptionSlip } from './slip.ts';
import type { CareDeps } from './deps.ts';

// 科别 on the 处方笺 (issue 20): from the order's Encounter (serviceType), else the prescriber's PractitionerRole
// (specialty, else organization); absent when the store has neither, so no empty label is printed.
const drugs = createDrugKnowledgeBase();
const now = new Date('2026-12-07T08:00:00Z');
const ctx = {
  requestId: 'r1',
  principal: { kind: 'user', role: 'clinician', id: 'u1' },
} as unknown as RequestContext;

const order = (extra: object = {}) =>
  ({
    resourceType: 'MedicationRequest',
    id: 'mr1',
    status: 'active',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { text: 'amlodipine 5 mg' },
    dispenseRequest: {
      quantity: { value: 28, unit: '片' },
      expectedSupplyDuration: { value: 28, unit: 'days', code: 'd' },
    },
    ...extra,
  }) as unknown as FhirResource;

function depsWith(resources: FhirResource[]): CareDeps {
  const byRef = new Map(resources.map((r) => [`${r.resourceType}/${String(r.id)}`, r]));
  const repository = {
    read: async (_ctx: RequestContext, type: string, id: string) => {
      const r = byRef.get(`${type}/${id}`);
      if (!r) throw new Error('not found');
      return r;
    },
    searchAll: async (_ctx: RequestContext, type: string, params: [string, string][]) =>
      resources.filter(
        (r) =>
          r.resourceType === type &&
          params.every(([k, v]) =>
            k === 'practitioner'
              ? (r as { practitioner?: { reference?: string } }).practitioner?.reference ===
                (v.includes('/') ? v : `Practitioner/${v}`)
              : true,
          ),
      ),
  };
  return { repository, drugs, clock: () => now } as unknown as CareDeps;
}

const zhText = (en: string, zh: string) => ({
  text: en,
  _text: {
    extension: [
      {
        url: 'http://hl7.org/fhir/StructureDefinition/translation',
        extension: [
          { url: 'lang', valueCode: 'zh-CN' },
          { url: 'content', valueString: zh },
        ],
      },
    ],
  },
});

describe('prescription slip department (科别) and supply', () => {
  it("reads the order's Encounter serviceType, in the reader's language", async () => {
    const deps = depsWith([
      order({ encounter: { reference: 'Encounter/e1' } }),
      {
        resourceType: 'Encounter',
        id: 'e1',
        serviceType: zhText('Cardiology', '心血管内科'),
      } as unknown as FhirResource,
    ]);
    expect((await prescriptionSlip(deps, ctx, 'mr1', 'zh')).department).toBe('心血管内科');
    expect((await prescriptionSlip(deps, ctx, 'mr1', 'en')).department).toBe('Cardiology');
  });

  it("else the prescriber's PractitionerRole: specialty, then organization", async () => {
    const withRole = (role: object) =>
      depsWith([
        order({ requester: { reference: 'Practitioner/pr1', display: 'dr.li' } }),
        {
          resourceType: 'PractitionerRole',
          id: 'role1',
          practitioner: { reference: 'Practitioner/pr1' },
          ...role,
        },
      ] as unknown as FhirResource[]);
    const bySpecialty = withRole({ specialty: [zhText('Cardiology', '心内科')] });
    expect((await prescriptionSlip(bySpecialty, ctx, 'mr1', 'zh')).department).toBe('心内科');
    const byOrg = withRole({ organization: { reference: 'Organization/o1', display: '高血压门诊' } });
    expect((await prescriptionSlip(byOrg, ctx, 'mr1', 'zh')).department).toBe('高血压门诊');
  });

  it('omits the department when nothing records one, and carries quantity and days supply', async () => {
    const slip = await prescriptionSlip(depsWith([order()]), ctx, 'mr1', 'zh');
    expect('department' in slip).toBe(false);
    expect(slip.lines[0]).toMatchObject({ quantity: '28 片', days: 28 });
  });
});
