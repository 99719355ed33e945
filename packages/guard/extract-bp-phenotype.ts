/**
 * Control of treated hypertension stated from an office and a home reading ("门诊 126/76，家里平均 139/86 …说明血压
 * 控制良好"): REFERENCE §2.5 [V2] treated matrix — office not high and home high is masked uncontrolled
 * hypertension; office high and home not high is a white-coat effect. The readings may come from earlier sentences
 * of the answer; the patient must be on treatment (a medicine taken is named).
 */
import type { BpValue } from '@qihuang/engines/blood-pressure';

export type StatedControl = 'controlled' | 'uncontrolled' | 'masked' | 'white-coat';
export interface PhenotypeData {
  office: BpValue;
  home: BpValue;
  stated: StatedControl;
}

const PAIR = '(\\d{2,3})\\s*/\\s*(\\d{2,3})';
const OFFICE = new RegExp(`(?:门诊|诊室|医院|\\boffice\\b|\\bclinic\\b)[^。.;；]{0,14}?${PAIR}`, 'i');
const HOME = new RegExp(`(?:家里|家庭|在家|自测|\\bhome\\b|\\bat home\\b)[^。.;；]{0,16}?${PAIR}`, 'i');
const TREATED =
  /在吃|正在(?:服用|吃|用)|服用|服药|用药中|治疗中|吃着|降压药|再加|加量|\badd(?:ing)? (?:a )?(?:second|third|another)\b|\b(?:takes|taking|treated|on (?:treatment|medication|\w+ (?:and \w+ )?daily))\b/i;
/** What the sentence says of the patient's control; "不说明/并不代表 …" denies it. */
const STATED: [StatedControl, RegExp][] = [
  ['masked', /隐蔽性|隐匿性|\bmasked\b/i],
  ['white-coat', /白大衣|white[- ]coat/i],
  [
    'uncontrolled',
    /未控制|没有?控制好|控制(?:得)?不(?:好|佳|理想)|\buncontrolled\b|\bnot (?:well )?controlled\b/i,
  ],
  ['controlled', /(?:血压)?控制(?:得)?(?:良好|很好|不错|得当)|\bwell[- ]controlled\b|\bis controlled\b/i],
];
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
  if (!hit || DENIED.test(text) || !treatedIn(soFar)) return undefined;
  const o = OFFICE.exec(soFar);
  const h = HOME.exec(soFar);
  if (!o || !h) return undefined;
  return {
    office: { sbp: Number(o[1]), dbp: Number(o[2]) },
    home: { sbp: Number(h[1]), dbp: Number(h[2]) },
    stated: hit[0],
  };
}
