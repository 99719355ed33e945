import type { AllergyGroup } from './types.ts';

/**
 * Allergy groups and cross-sensitivity. A recorded allergy to a group (or to a drug, which brings its groups)
 * is checked against each ordered drug's groups. Same group → critical (labels §4: prior serious
 * hypersensitivity). Cross-group rules below (AAAAI/ACAAI 2022): penicillin → cephalosporin is low risk (info)
 * except when the cephalosporin shares the aminopenicillin R1 side chain (warning).
 */
export const ALLERGY_GROUPS: AllergyGroup[] = [
  {
    id: 'penicillin',
    names: ['penicillin', 'penicillins', 'pcn', '青霉素', '青霉素类'],
    snomed: ['91936005'], // Allergy to penicillin (finding)
    crossTo: [
      {
        group: 'cephalosporin-r1',
        severity: 'warning',
        text: {
          en: 'Penicillin allergy: this cephalosporin shares the amoxicillin/ampicillin R1 side chain',
          zh: '青霉素过敏：该头孢与阿莫西林/氨苄西林R1侧链相同',
        },
        source: 'aaaai-2022',
      },
      {
        group: 'cephalosporin',
        severity: 'info',
        text: {
          en: 'Penicillin allergy: cephalosporin cross-reactivity is low (dissimilar side chain)',
          zh: '青霉素过敏：与侧链不同的头孢交叉过敏率低',
        },
        source: 'aaaai-2022',
      },
    ],
  },
  {
    id: 'cephalosporin',
    names: ['cephalosporin', 'cephalosporins', '头孢', '头孢菌素', '头孢类'],
    crossTo: [
      {
        group: 'penicillin',
        severity: 'info',
        text: {
          en: 'Cephalosporin allergy: penicillin cross-reactivity is low',
          zh: '头孢过敏：与青霉素交叉过敏率低',
        },
        source: 'aaaai-2022',
      },
    ],
  },
  { id: 'beta-lactam', names: ['beta-lactam', 'beta lactam', 'β-lactam', 'β-内酰胺', 'β内酰胺'] },
  { id: 'nsaid', names: ['nsaid', 'nsaids', 'non-steroidal anti-inflammatory', '非甾体', '非甾体抗炎药'] },
  { id: 'ace-inhibitor', names: ['ace inhibitor', 'ace inhibitors', 'acei', '普利类'] },
  { id: 'macrolide', names: ['macrolide', 'macrolides', '大环内酯'] },
  {
    id: 'fluoroquinolone',
    names: ['fluoroquinolone', 'fluoroquinolones', 'quinolone', '喹诺酮', '氟喹诺酮'],
  },
  { id: 'sulfonamide', names: ['sulfa', 'sulfonamide', 'sulphonamide', '磺胺'] },
];
