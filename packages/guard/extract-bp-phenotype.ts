/**
 * A daytime ambulatory mean stands with the home one (the same thresholds: REFERENCE §2.1 Table 11, §2.2).
 * Control of treated hypertension (or, for a patient said to be untreated, white-coat / masked / sustained
 * hypertension) stated from an office and a home reading ("门诊 126/76，家里平均 139/86 …说明血压
 * 控制良好"): REFERENCE §2.5 [V2] treated matrix — office not high and home high is masked uncontrolled
 * hypertension; office high and home not high is a white-coat effect. The readings may come from earlier sentences
 * of the answer; the patient must be on treatment (a medicine taken is named).
 */
import type { BpValue } from '@qihuang/engines/blood-pressure';

export type StatedControl = 'controlled' | 'uncontrolled' | 'masked' | 'white-coat' | 'sustained';
export interface PhenotypeData {
  office: BpValue;
  home: BpValue;
  stated: StatedControl;
  /** False for a patient the answer says is untreated ("未服药", "untreated"): the untreated matrix of §2.5. */
  treated?: boolean;
}

// A value, not a bound ("家庭 <135/85" is the threshold).
const PAIR = '(?<![<>≥≤＜＞=\\d])(\\d{2,3})\\s*/\\s*(\\d{2,3})';
const OFFICE = new RegExp(`(?:门诊|诊室|医院|\\boffice\\b|\\bclinic\\b)[^。.;；]{0,14}?${PAIR}`, 'i');
const HOME = new RegExp(
  `(?:家里|家庭|在家|自测|白天(?:动态)?(?:血压)?|日间(?:动态)?(?:血压)?|\\bhome\\b|\\bat home\\b|\\bHBPM\\b|\\bdaytime\\b)[^。.;；]{0,16}?${PAIR}`,
  'i',
);
const TREATED =
  /^\s*on [a-z-]+(?: (?:and|plus) [a-z-]+)?\s*[:,]|在吃|正在(?:服用|吃|用)|服用|服药|用药中|治疗中|吃着|降压药|再加|加量|\badd(?:ing)? (?:a )?(?:second|third|another)\b|\b(?:takes|taking|treated|on (?:treatment|medication|\w+ (?:and \w+ )?daily))\b/i;
/** What the sentence says of the patient's control; "不说明/并不代表 …" denies it. */
const STATED: [StatedControl, RegExp][] = [
  ['masked', /隐蔽性|隐匿性|\bmasked\b/i],
  ['white-coat', /白大衣|white[- ]coat/i],
  [
    'uncontrolled',
    /未控制|没有?控制好|控制(?:得)?不(?:好|佳|理想)|\buncontrolled\b|\bnot (?:well )?controlled\b/i,
  ],
  [
    'controlled',
    /(?:血压)?控制(?:得)?(?:良好|很好|不错|得当)|\bwell[- ]controlled\b|\bis controlled\b|(?<!un)\bcontrolled hypertension\b/i,
  ],
  ['sustained', /持续性高血压|\bsustained hypertension\b/i],
];
/** A patient said to be untreated ("未服药", "从未用过降压药", "untreated", "not on any medication"). */
const UNTREATED =
  /未服(?:用)?(?:降压)?药|未(?:经|接受)?(?:降压)?治疗|没有?(?:吃|服用?|用)(?:过)?(?:降压)?药|从未(?:服用|用过|吃过)(?:降压)?药|初诊|\buntreated\b|\bnot (?:yet )?on (?:any )?(?:treatment|medication|medicines?|drugs?)\b|\bnever (?:been )?treated\b|\bno (?:current )?(?:antihypertensive )?(?:treatment|medications?)\b(?! (?:change|adjustment))/i;
/** A treatment word not denied before it ("未服药", "没有吃降压药", "not taking"). */
function treatedIn(text: string): boolean {
  const all = new RegExp(TREATED.source, 'gi');
  for (const m of text.matchAll(all))
    if (!/(?:未|没有?|不|尚未|从未|\bnot\s*|\bnever\s*|n't\s*)$/i.test(text.slice(0, m.index))) return true;
  return false;
}
const DENIED =
  /不(?:说明|代表|意味着|等于|是|算|能说明)|并(?:不|非)|\b(?:does not|doesn't|not) (?:mean|imply|indicate)\b/i;

export function phenotypeClaimIn(text: string, soFar: string): PhenotypeData | undefined {
  const hit = STATED.find(([, re]) => re.test(text));
  if (!hit || DENIED.test(text)) return undefined;
  // Untreated (said so, and no medicine taken named): white-coat, masked or sustained hypertension (§2.5 untreated
  // matrix, worked examples OOB1/OOB2); treated: control as before.
  const untreated =
    UNTREATED.test(soFar) && !treatedIn(soFar.replace(new RegExp(UNTREATED.source, 'gi'), ' '));
  if (!untreated && !treatedIn(soFar)) return undefined;
  if (untreated ? hit[0] === 'controlled' || hit[0] === 'uncontrolled' : hit[0] === 'sustained')
    return undefined;
  const o = OFFICE.exec(soFar);
  const h = HOME.exec(soFar);
  if (!o || !h) return undefined;
  return {
    office: { sbp: Number(o[1]), dbp: Number(o[2]) },
    home: { sbp: Number(h[1]), dbp: Number(h[2]) },
    stated: hit[0],
    ...(untreated ? { treated: false } : {}),
  };
}
