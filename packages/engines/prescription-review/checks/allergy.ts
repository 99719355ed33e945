import { makeFinding } from '../finding.ts';
import type { Finding } from '../types.ts';
import type { CheckContext } from './context.ts';

const GROUP_LABEL: Record<string, { en: string; zh: string }> = {
  penicillin: { en: 'penicillin class', zh: '青霉素类' },
  cephalosporin: { en: 'cephalosporin class', zh: '头孢菌素类' },
  nsaid: { en: 'NSAID class', zh: '非甾体抗炎药' },
  'ace-inhibitor': { en: 'ACE inhibitor class', zh: 'ACEI类' },
  macrolide: { en: 'macrolide class', zh: '大环内酯类' },
  fluoroquinolone: { en: 'fluoroquinolone class', zh: '氟喹诺酮类' },
  sulfonamide: { en: 'sulfonamide class', zh: '磺胺类' },
};

const GROUP_SOURCE: Record<string, string> = {
  nsaid: 'label-nsaid-ere',
  'ace-inhibitor': 'ref-5.2',
  penicillin: 'label-amoxicillin',
};

/** Documented allergy: same drug or same allergy group → critical; cross-sensitivity per the group table. */
export function checkAllergy(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const allergens = ctx.patient.allergies.map((a) => ({ a, m: ctx.kb.matchAllergen(a) }));
  for (const med of ctx.meds) {
    if (!med.subject || !med.drug) continue;
    const ids = new Set(med.units.map((u) => u.drug.id).concat(med.drug.id));
    for (const { a, m } of allergens) {
      const label = a.text ?? a.codes?.find((c) => c.display)?.display ?? a.codes?.[0]?.code ?? 'allergy';
      // One language per screen: a zh finding names the allergen by its zh translation when recorded.
      const labelZh = a.textZh ?? label;
      const sameDrug = m.drugIds.find((id) => ids.has(id));
      const sameGroup = m.groups.find((g) => med.allergyGroups.includes(g));
      if (sameDrug || sameGroup) {
        const what = sameDrug
          ? (ctx.kb.getDrug(sameDrug)?.names ?? { en: sameDrug, zh: sameDrug })
          : (GROUP_LABEL[sameGroup!] ?? { en: `${sameGroup} group`, zh: `${sameGroup}类` });
        out.push(
          makeFinding({
            ruleId: sameDrug ? 'allergy-same-drug' : `allergy-group-${sameGroup}`,
            type: 'allergy',
            severity: 'critical',
            summary: a.unconfirmed
              ? {
                  en: `Allergy: ${med.label} — patient-reported allergy to ${label} (not yet confirmed by a clinician)`,
                  zh: `过敏：${med.drug.names.zh}——患者自述对“${labelZh}”过敏（未经医生确认）`,
                }
              : {
                  en: `Allergy: ${med.label} — patient has a recorded allergy to ${label}`,
                  zh: `过敏：${med.drug.names.zh}——患者有“${labelZh}”过敏记录`,
                },
            detail: {
              en: `${med.label} is the same drug or class (${what.en}) as the recorded allergen (${label}).`,
              zh: `${med.drug.names.zh}与过敏原（${labelZh}）属同一药物或类别（${what.zh}）。`,
            },
            meds: [med],
            facts: [`allergy:${label}`, sameDrug ? `drug:${sameDrug}` : `group:${sameGroup}`],
            source: GROUP_SOURCE[sameGroup ?? ''] ?? 'label-beta-lactam',
          }),
        );
        continue;
      }
      const cross = ctx.kb.allergyGroups
        .filter((g) => m.groups.includes(g.id))
        .flatMap((g) => g.crossTo ?? [])
        .find((x) => med.allergyGroups.includes(x.group));
      if (!cross) continue;
      out.push(
        makeFinding({
          ruleId: `allergy-cross-${cross.group}`,
          type: 'allergy',
          severity: cross.severity,
          summary: a.unconfirmed
            ? {
                en: `Cross-sensitivity: ${med.label} with a patient-reported ${label} allergy (not yet confirmed)`,
                zh: `交叉过敏：${med.drug.names.zh}，患者自述对“${labelZh}”过敏（未经医生确认）`,
              }
            : {
                en: `Cross-sensitivity: ${med.label} with recorded ${label} allergy`,
                zh: `交叉过敏：${med.drug.names.zh}，患者有“${labelZh}”过敏记录`,
              },
          detail: cross.text,
          meds: [med],
          facts: [`allergy:${label}`, `cross:${cross.group}`],
          source: cross.source,
        }),
      );
    }
  }
  return out;
}
