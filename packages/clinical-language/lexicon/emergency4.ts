/**
 * Red-flag concepts, part 4 (issue 16): the pre-eclampsia warning signs of ACOG's patient page ("Preeclampsia and
 * High Blood Pressure During Pregnancy": a headache that does not go away, changes in vision) as emergencies in a
 * pregnancy from 20 weeks on. The rows have a few explicit forms; the compositions that find them in free wording
 * (pregnancy named in the sentence × a severe headache or a visual disturbance) are in compose4.ts.
 */
import type { Concept } from '../types.ts';

export const EMERGENCY_CONCEPTS_4: readonly Concept[] = [
  {
    id: 'preeclampsia-headache',
    kind: 'red-flag',
    redFlag: 'severe-headache',
    emergency: true,
    display: { zh: '孕期剧烈头痛（子痫前期征兆）', en: 'severe headache in pregnancy (pre-eclampsia sign)' },
    codes: { icd10: 'R51' },
    zh: ['孕期剧烈头痛', '怀孕后剧烈头痛', '妊娠期剧烈头痛'],
    en: ['severe headache in pregnancy', 'severe headache while pregnant'],
    sources: ['preeclampsia'],
  },
  {
    id: 'preeclampsia-vision',
    kind: 'red-flag',
    redFlag: 'vision-loss',
    emergency: true,
    display: {
      zh: '孕期视物模糊（子痫前期征兆）',
      en: 'visual disturbance in pregnancy (pre-eclampsia sign)',
    },
    codes: { snomed: '111516008', icd10: 'H53.8' },
    zh: ['孕期视物模糊', '孕期眼前冒金星', '妊娠期视物模糊'],
    en: ['blurred vision in pregnancy', 'flashing lights in pregnancy'],
    sources: ['preeclampsia'],
  },
];
