import type { DrugEntry } from '../types.ts';
import { drug, mg, renal } from './helpers.ts';

/** NSAIDs. KDIGO 2012: avoid at GFR <30. Doses: US labels (EU/China labels for loxoprofen, etoricoxib). */
const avoidCkd = renal('nsaid-egfr30', 'eGFR', 30, 'avoid', 'eGFR <30: avoid NSAIDs', 'eGFR<30：避免使用NSAIDs', 'kdigo-nsaid');

export const NSAID_DRUGS: DrugEntry[] = [
  drug('ibuprofen', 'ibuprofen', '布洛芬', ['nsaid'], { atc: ['M01AE01'], rxnorm: ['5640'] }, { brands: [{ en: 'Advil' }, { en: 'Motrin' }, { en: 'Fenbid', zh: '芬必得' }], strengths: ['200 mg', '300 mg', '400 mg'], dose: mg([600, 2400], 3200, [3, 4], 'kdigo-nsaid', { maxSingle: 800, note: 'US Rx label max 3200 mg/day' }), renal: [avoidCkd], source: 'who-atc' }),
  drug('diclofenac', 'diclofenac', '双氯芬酸', ['nsaid'], { atc: ['M01AB05'], rxnorm: ['3355'] }, { salts: [{ en: 'sodium', zh: '钠', zhName: '双氯芬酸钠' }, { en: 'potassium', zh: '钾', zhName: '双氯芬酸钾' }], brands: [{ en: 'Voltaren', zh: '扶他林' }], dose: mg([75, 150], 150, [2, 3], 'kdigo-nsaid', { note: 'US label OA/RA' }), renal: [avoidCkd], source: 'who-atc' }),
  drug('naproxen', 'naproxen', '萘普生', ['nsaid'], { atc: ['M01AE02'], rxnorm: ['7258'] }, { salts: [{ en: 'sodium', zh: '钠', zhName: '萘普生钠' }], brands: [{ en: 'Naprosyn' }, { en: 'Aleve' }], dose: mg([500, 1000], 1500, [2], 'kdigo-nsaid'), renal: [avoidCkd], source: 'who-atc' }),
  drug('celecoxib', 'celecoxib', '塞来昔布', ['nsaid'], { atc: ['M01AH01'], rxnorm: ['140587'] }, { brands: [{ en: 'Celebrex', zh: '西乐葆' }], tags: ['cox2-selective'], dose: mg([200, 400], 400, [1, 2], 'kdigo-nsaid'), renal: [avoidCkd], source: 'who-atc' }),
  drug('etoricoxib', 'etoricoxib', '依托考昔', ['nsaid'], { atc: ['M01AH05'] }, { brands: [{ en: 'Arcoxia', zh: '安康信' }], tags: ['cox2-selective'], dose: mg([30, 120], 120, [1], 'kdigo-nsaid'), renal: [avoidCkd], source: 'who-atc' }),
  drug('meloxicam', 'meloxicam', '美洛昔康', ['nsaid'], { atc: ['M01AC06'] }, { brands: [{ en: 'Mobic', zh: '莫比可' }], dose: mg([7.5, 15], 15, [1], 'kdigo-nsaid'), renal: [avoidCkd], source: 'who-atc' }),
  drug('loxoprofen', 'loxoprofen', '洛索洛芬', ['nsaid'], { atc: ['M01AE'] }, { salts: [{ en: 'sodium', zh: '钠', zhName: '洛索洛芬钠' }], brands: [{ en: 'Loxonin', zh: '乐松' }], dose: mg([120, 180], 180, [3], 'kdigo-nsaid', { note: 'China/Japan label 60 mg tid' }), renal: [avoidCkd], source: 'who-atc' }),
  drug('indomethacin', 'indomethacin', '吲哚美辛', ['nsaid'], { atc: ['M01AB01'] }, { synonyms: ['indometacin', '消炎痛'], brands: [{ en: 'Indocin' }], dose: mg([50, 200], 200, [2, 3, 4], 'kdigo-nsaid'), renal: [avoidCkd], source: 'who-atc' }),
];
