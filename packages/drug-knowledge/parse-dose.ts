/**
 * Parse strength, dose, frequency and route out of a free-text order line in Chinese or English, e.g.
 * "氨氯地平片 5mg qd", "Lisinopril 20 mg tablet daily", "阿莫西林胶囊 0.5g 每日3次 口服".
 */
export interface Quantity {
  value: number;
  unit: string;
}

export interface ParsedDose {
  /** Every amount found, in order ("5mg/10mg" gives two). */
  amounts: Quantity[];
  /** Dose per administration in mg when it can be derived (amount × count of units). */
  doseMg?: number;
  timesPerDay?: number;
  route?: 'oral' | 'iv' | 'im' | 'sc' | 'topical' | 'inhaled';
}

const UNIT: Record<string, { unit: string; toMg?: number }> = {
  mg: { unit: 'mg', toMg: 1 },
  毫克: { unit: 'mg', toMg: 1 },
  g: { unit: 'g', toMg: 1000 },
  克: { unit: 'g', toMg: 1000 },
  mcg: { unit: 'mcg', toMg: 0.001 },
  µg: { unit: 'mcg', toMg: 0.001 },
  μg: { unit: 'mcg', toMg: 0.001 },
  ug: { unit: 'mcg', toMg: 0.001 },
  微克: { unit: 'mcg', toMg: 0.001 },
  ml: { unit: 'mL' },
  毫升: { unit: 'mL' },
  iu: { unit: 'IU' },
  单位: { unit: 'IU' },
  mmol: { unit: 'mmol' },
  meq: { unit: 'mEq' },
};

const AMOUNT =
  /(\d+(?:\.\d+)?)\s*(mg|毫克|mcg|µg|μg|ug|微克|ml|毫升|mmol|meq|iu|单位|g|克)(?![a-z])(\s*\/\s*(?:\d+(?:\.\d+)?\s*)?(?:ml|l|毫升)(?![a-z]))?/gi;
const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 半: 0.5 };
const COUNT = /(\d+(?:\.\d+)?|[一二两三四半])\s*(片|粒|袋|支|tabs?|tablets?|caps?|capsules?)(?![a-z])/i;

const FREQ: [RegExp, number][] = [
  [/\b(qd|od|q\.d\.|daily|once daily|once a day|every day|qam|qpm|qn|hs|q24h)\b/i, 1],
  [/\b(bid|b\.i\.d\.|twice daily|twice a day|q12h)\b/i, 2],
  [/\b(tid|t\.i\.d\.|three times daily|three times a day|q8h)\b/i, 3],
  [/\b(qid|q\.i\.d\.|four times daily|four times a day|q6h)\b/i, 4],
  [/\b(q4h)\b/i, 6],
  [/\b(qod|every other day|q48h)\b/i, 0.5],
  [/\b(qw|weekly|once a week)\b/i, 1 / 7],
  [/隔日/, 0.5],
  [/每晚|睡前/, 1],
];
const CN_FREQ = /(?:每日|每天|一日|1日|日)\s*([一二两三四1-6])\s*次/;
const ROUTES: [RegExp, NonNullable<ParsedDose['route']>][] = [
  [/\b(po|p\.o\.|oral|orally|by mouth)\b|口服/i, 'oral'],
  [/\b(iv|intravenous)\b|静脉|静滴|静注/i, 'iv'],
  [/\b(im|intramuscular)\b|肌注|肌内注射/i, 'im'],
  [/\b(sc|subcutaneous)\b|皮下/i, 'sc'],
  [/\b(topical)\b|外用/i, 'topical'],
  [/\b(inhaled|inhalation)\b|吸入/i, 'inhaled'],
];

export function toMg(quantity: Quantity): number | undefined {
  const factor = UNIT[quantity.unit.toLowerCase()]?.toMg;
  return factor === undefined ? undefined : quantity.value * factor;
}

export function parseFrequency(text: string): number | undefined {
  const cn = CN_FREQ.exec(text);
  if (cn?.[1]) return CN_NUM[cn[1]] ?? Number(cn[1]);
  for (const [re, n] of FREQ) if (re.test(text)) return n;
  return undefined;
}

export function parseDose(raw: string): ParsedDose {
  const text = raw.normalize('NFKC');
  const amounts: Quantity[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const unit = UNIT[m[2]!.toLowerCase()]?.unit ?? m[2]!;
    // A concentration (mg/mL) is not a dose: keep it with its per-volume unit.
    amounts.push({ value: Number(m[1]), unit: m[3] ? `${unit}/mL` : unit });
  }
  const result: ParsedDose = { amounts };
  const first = amounts[0];
  if (first && amounts.length === 1) {
    const mg = toMg(first);
    const count = COUNT.exec(text);
    const n = count?.[1] ? (CN_NUM[count[1]] ?? Number(count[1])) : 1;
    if (mg !== undefined) result.doseMg = mg * n;
  }
  const times = parseFrequency(text);
  if (times !== undefined) result.timesPerDay = times;
  for (const [re, route] of ROUTES) {
    if (re.test(text)) {
      result.route = route;
      break;
    }
  }
  return result;
}
