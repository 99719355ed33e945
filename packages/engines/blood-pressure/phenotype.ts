/** White-coat / masked hypertension from office vs out-of-office BP (REFERENCE §2.5 with §2.1/§2.2 thresholds). */
import { OUT_OF_OFFICE_SOURCE, PHENOTYPE_SOURCE } from './citations.ts';
import type { BpValue, Explanation, Guideline, Text } from './types.ts';
import { isHigh, thresholdsFor, type Setting } from './thresholds.ts';

export type Phenotype =
  | 'sustained-normotension'
  | 'sustained-hypertension'
  | 'masked-hypertension'
  | 'white-coat-hypertension'
  | 'controlled-hypertension'
  | 'uncontrolled-hypertension'
  | 'masked-uncontrolled-hypertension'
  | 'white-coat-effect';

export interface PhenotypeInput {
  guideline: Guideline;
  office: BpValue;
  /** Current antihypertensive treatment (switches to the treated matrix of §2.5). */
  treated: boolean;
  home?: BpValue;
  day?: BpValue;
  night?: BpValue;
  '24h'?: BpValue;
}

export interface PhenotypeResult extends Explanation {
  phenotype: Phenotype;
  officeHigh: boolean;
  outOfOfficeHigh: boolean;
  /** Which out-of-office measures were high. */
  highSettings: Setting[];
}

const LABEL: Record<Phenotype, Text> = {
  'sustained-normotension': { zh: '持续正常血压', en: 'sustained normotension' },
  'sustained-hypertension': { zh: '持续性高血压', en: 'sustained hypertension' },
  'masked-hypertension': { zh: '隐蔽性高血压', en: 'masked hypertension' },
  'white-coat-hypertension': { zh: '白大衣高血压', en: 'white-coat hypertension' },
  'controlled-hypertension': { zh: '血压已控制', en: 'controlled hypertension' },
  'uncontrolled-hypertension': { zh: '血压未控制', en: 'uncontrolled hypertension' },
  'masked-uncontrolled-hypertension': { zh: '隐蔽性未控制高血压', en: 'masked uncontrolled hypertension' },
  'white-coat-effect': { zh: '白大衣效应', en: 'white-coat effect' },
};

/** Out-of-office settings as Chinese rule text names them. */
const SETTING_ZH: Record<string, string> = {
  home: '家庭',
  day: '日间动态',
  daytime: '日间动态',
  night: '夜间动态',
  nighttime: '夜间动态',
  '24h': '24小时动态',
};

/**
 * Office "high" and out-of-office "high" per guideline thresholds; out-of-office is high if any supplied
 * measure (home, daytime, night-time, 24-h) meets its threshold (§2.5 "ABPM or HBPM above thresholds").
 */
export function classifyPhenotype(input: PhenotypeInput): PhenotypeResult {
  const th = thresholdsFor(input.guideline);
  const officeHigh = isHigh(input.office, th.office);
  const settings = (['home', 'day', 'night', '24h'] as const).filter((s) => input[s] !== undefined);
  if (!settings.length)
    throw new Error('at least one out-of-office value (home, day, night, 24h) is required');
  const highSettings: Setting[] = settings.filter((s) => isHigh(input[s] as BpValue, th[s]));
  const outOfOfficeHigh = highSettings.length > 0;
  const phenotype: Phenotype = input.treated
    ? officeHigh
      ? outOfOfficeHigh
        ? 'uncontrolled-hypertension'
        : 'white-coat-effect'
      : outOfOfficeHigh
        ? 'masked-uncontrolled-hypertension'
        : 'controlled-hypertension'
    : officeHigh
      ? outOfOfficeHigh
        ? 'sustained-hypertension'
        : 'white-coat-hypertension'
      : outOfOfficeHigh
        ? 'masked-hypertension'
        : 'sustained-normotension';
  const label = LABEL[phenotype];
  return {
    phenotype,
    officeHigh,
    outOfOfficeHigh,
    highSettings,
    rule: `${input.treated ? 'treated' : 'untreated'} matrix: office ${officeHigh ? '≥' : '<'}${th.office.sbp}/${th.office.dbp}, out-of-office ${outOfOfficeHigh ? `high (${highSettings.join(', ')})` : 'below thresholds'}`,
    ruleText: {
      zh: `${input.treated ? '治疗中' : '未治疗'}对照表：诊室 ${officeHigh ? '≥' : '<'}${th.office.sbp}/${th.office.dbp}，诊室外${outOfOfficeHigh ? `升高（${highSettings.map((x) => SETTING_ZH[x] ?? x).join('、')}）` : '低于阈值'}`,
      en: `${input.treated ? 'treated' : 'untreated'} matrix: office ${officeHigh ? '≥' : '<'}${th.office.sbp}/${th.office.dbp}, out-of-office ${outOfOfficeHigh ? `high (${highSettings.join(', ')})` : 'below thresholds'}`,
    },
    source: `${PHENOTYPE_SOURCE[input.guideline]}; ${OUT_OF_OFFICE_SOURCE[input.guideline]}`, // REFERENCE §2.5, §2.1/§2.2
    inputs: { ...input },
    display: { zh: `诊室与诊室外血压对比：${label.zh}`, en: `Office vs out-of-office: ${label.en}` },
  };
}
