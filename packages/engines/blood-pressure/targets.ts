/**
 * Treatment targets per population and guideline (REFERENCE §7.1–§7.4; largely UNVERIFIED there), and the
 * equivalent home / ambulatory targets derived from the office target (REFERENCE §2.1 Table 11, §2.2).
 * `source` strings are user-facing: they name the guideline and section, never the internal reference.
 */
import type { Setting } from './thresholds.ts';
import type { BpValue, Explanation, Guideline, Text } from './types.ts';

export interface TargetPopulation {
  /** Unknown age stays unknown: the target is the one for adults <65 and says the age is missing. */
  age?: number;
  diabetes?: boolean;
  ckd?: boolean;
  /** Albuminuria/proteinuria (with or without a CKD flag: albuminuria is itself a CKD marker, KDIGO). */
  proteinuria?: boolean;
  /** Stroke or TIA (cerebrovascular disease), current or past: China 2018 "脑卒中后" target (REFERENCE §7.3). */
  stroke?: boolean;
  /** Coronary heart disease: CAD, angina, prior MI: China 2018 "冠心病" target (REFERENCE §7.3). */
  coronary?: boolean;
  /** Use the "if tolerated" (more intensive) target where the guideline gives one. */
  tolerated?: boolean;
}

export interface Target {
  /** Upper limits (exclusive): met when SBP < sbp and (dbp undefined or DBP < dbp). */
  sbp: number;
  dbp?: number;
  /** ESH ≥80: SBP band lower bound (below it is "over-treated"? reported only). */
  sbpLowerAdvisory?: number;
  /** Where the limits apply (default office); home/ambulatory limits are derived from the office target. */
  setting?: Setting;
  /** Inputs the choice needed but did not get (e.g. ['age']). */
  missing?: string[];
  /** The rule in English (machine-readable explanation). */
  rule: string;
  /** The same rule for display, one language per field. */
  display?: Text;
  source: string;
}

export interface TargetCheck extends Explanation {
  met: boolean;
  target: Target;
  /** mmHg reduction needed to get below the target limit, integer readings (0 when met). */
  excess: BpValue;
}

/** The office target (§7.4 summary table). */
/** A target with its rule in English (`rule`) and the same rule for display in each language. */
function tg(
  sbp: number,
  dbp: number,
  en: string,
  zh: string,
  source: string,
  extra: Partial<Target> = {},
): Target {
  return { sbp, dbp, ...extra, rule: en, display: { zh, en }, source };
}

function officeTarget(guideline: Guideline, p: TargetPopulation): Target {
  const age = p.age;
  // Albuminuria is a CKD marker (KDIGO 2012 §4.3 A categories): the CKD/albuminuria target applies without a CKD flag.
  const ckd = !!(p.ckd || p.proteinuria);
  switch (guideline) {
    case 'acc-aha-2017': {
      const s = 'ACC/AHA 2017 (BP goals; Figure 4)';
      if (age !== undefined && age >= 65 && !p.diabetes && !ckd)
        // §7.1 older adults ≥65: SBP <130; the DBP goal <80 of the general target still applies (stage 2 by DBP is not "at target")
        return tg(
          130,
          80,
          'age ≥65: SBP <130 (DBP <80 from the general goal)',
          '≥65 岁：收缩压 <130（舒张压按一般目标 <80）',
          s,
        );
      return p.diabetes || ckd
        ? tg(130, 80, 'diabetes/CKD/albuminuria: <130/80', '糖尿病/CKD/蛋白尿：<130/80', s) // §7.1 <130/80
        : tg(130, 80, 'general: <130/80', '一般成人：<130/80', s); // §7.1 <130/80
    }
    case 'esh-2023': {
      const s = 'ESH 2023 (office BP targets)';
      // Decision 0005: the ≥80 age band takes precedence over the diabetes/CKD target (which is "if tolerated").
      if (age !== undefined && age >= 80) {
        const both = p.diabetes || ckd;
        return tg(
          150, // §7.2 ≥80 SBP 140–150
          80, // §7.2 DBP <80
          `age ≥80: SBP 140–150 (130–139 if tolerated), DBP <80${both ? ' — age band before the diabetes/CKD target' : ''}`,
          `≥80 岁：收缩压 140–150（能耐受 130–139），舒张压 <80${both ? '（年龄目标优先于糖尿病/CKD目标）' : ''}`,
          s,
          { sbpLowerAdvisory: p.tolerated ? 130 : 140 }, // §7.2 ≥80 lower bound 140 (130 if tolerated)
        );
      }
      if (p.diabetes || ckd)
        return tg(
          130,
          80,
          'diabetes/CKD/albuminuria: <130/80 if tolerated',
          '糖尿病/CKD/蛋白尿：能耐受 <130/80',
          s,
        ); // §7.2
      if (age !== undefined && age >= 65)
        return p.tolerated
          ? tg(130, 80, 'age 65–79 if tolerated: <130/80', '65–79 岁 能耐受：<130/80', s) // §7.2 65–79 tolerated
          : tg(140, 80, 'age 65–79: <140/80', '65–79 岁：<140/80', s); // §7.2 65–79
      return tg(130, 80, 'age 18–64: <130/80', '18–64 岁：<130/80', s); // §7.2 18–64
    }
    case 'china-2018':
    case 'china-2024': {
      // china-2024: 2024 targets UNVERIFIED in REFERENCE §7.3; the 2018 values are used and cited.
      const s = '中国高血压防治指南 2018（降压目标）';
      // Decision 0005 items 1 and 9: the ≥80 band (<150/90) takes precedence over the diabetes/CKD (<130/80),
      // post-stroke and coronary (<140/90) targets, and the rule names the targets it was chosen before.
      if (age !== undefined && age >= 80) {
        const before = [
          ...(p.diabetes ? [['diabetes', '糖尿病']] : []),
          ...(ckd ? [['CKD', 'CKD']] : []),
          ...(p.stroke ? [['stroke', '脑卒中']] : []),
          ...(p.coronary ? [['coronary', '冠心病']] : []),
        ];
        const en = before.map(([e]) => e).join('/');
        const zh = before.map(([, z]) => z).join('、');
        return tg(
          150, // §7.3 ≥80 <150/90
          90,
          `age ≥80: <150/90${before.length ? ` — age band before the ${en} target` : ''}`,
          `≥80 岁 <150/90${before.length ? `（年龄目标优先于${zh}目标）` : ''}`,
          s,
        );
      }
      if (p.diabetes) return tg(130, 80, 'diabetes: <130/80', '糖尿病 <130/80', s); // §7.3 diabetes
      if (p.proteinuria) return tg(130, 80, 'CKD with proteinuria: <130/80', 'CKD/蛋白尿 <130/80', s); // §7.3 CKD with proteinuria
      // §7.3 "脑卒中后 <140/90" (no "if tolerated" refinement given); before the coronary target (decision 0005 item 9)
      if (p.stroke) return tg(140, 90, 'after stroke: <140/90', '脑卒中后 <140/90', s);
      if (p.coronary)
        return p.tolerated
          ? tg(130, 80, 'coronary heart disease, if tolerated: <130/80', '冠心病 能耐受 <130/80', s) // §7.3 冠心病 可耐受 <130/80
          : tg(140, 90, 'coronary heart disease: <140/90', '冠心病 <140/90', s); // §7.3 冠心病 <140/90
      if (p.ckd) return tg(140, 90, 'CKD without proteinuria: <140/90', 'CKD 无蛋白尿 <140/90', s); // §7.3 CKD without proteinuria
      if (age !== undefined && age >= 65)
        return p.tolerated
          ? tg(140, 90, 'age 65–79 if tolerated: <140/90', '65–79 岁 能耐受 <140/90', s) // §7.3 65–79 tolerated
          : tg(150, 90, 'age 65–79: <150/90', '65–79 岁 <150/90', s); // §7.3 65–79
      return p.tolerated
        ? tg(130, 80, 'general, if tolerated: <130/80', '一般患者 能耐受 <130/80', s) // §7.3 general tolerated
        : tg(140, 90, 'general: <140/90', '一般患者 <140/90', s); // §7.3 general
    }
  }
}

// ------------------------------------------------------------------------------ office ↔ out-of-office

type OutSetting = Exclude<Setting, 'office'>;
/**
 * REFERENCE §2.1 ACC/AHA 2017 Table 11 (corresponding office / HBPM / daytime / night-time / 24-h values) [V2],
 * read per component. The 140/90 row equals the ESH 2023 and China 2018/2024 out-of-office thresholds (§2.2).
 */
const SBP_ROWS: readonly [number, Record<OutSetting, number>][] = [
  [120, { home: 120, day: 120, night: 100, '24h': 115 }], // §2.1 row 120/80
  [130, { home: 130, day: 130, night: 110, '24h': 125 }], // §2.1 row 130/80
  [140, { home: 135, day: 135, night: 120, '24h': 130 }], // §2.1 row 140/90 (= §2.2)
  [160, { home: 145, day: 145, night: 140, '24h': 145 }], // §2.1 row 160/100
];
const DBP_ROWS: readonly [number, Record<OutSetting, number>][] = [
  [80, { home: 80, day: 80, night: 65, '24h': 75 }], // §2.1 rows 120/80 and 130/80
  [90, { home: 85, day: 85, night: 70, '24h': 80 }], // §2.1 row 140/90 (= §2.2)
  [100, { home: 90, day: 90, night: 85, '24h': 90 }], // §2.1 row 160/100
];

/**
 * Piecewise-linear reading of a column pair (decision record 0005): exact on a row, linear between two rows,
 * constant offset from the nearest row outside the table. Both columns increase, so it is invertible.
 */
function piecewise(points: readonly (readonly [number, number])[], x: number): number {
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (x <= first[0]) return first[1] + (x - first[0]);
  if (x >= last[0]) return last[1] + (x - last[0]);
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i]!;
    const [x0, y0] = points[i - 1]!;
    if (x <= x1) return y0 + ((x - x0) * (y1 - y0)) / (x1 - x0);
  }
  return last[1];
}

function column(
  rows: readonly [number, Record<OutSetting, number>][],
  setting: OutSetting,
  inverse: boolean,
) {
  return rows.map(([office, v]) =>
    inverse ? ([v[setting], office] as const) : ([office, v[setting]] as const),
  );
}

/** The out-of-office value corresponding to an office BP (REFERENCE §2.1 Table 11, §2.2). */
export function equivalentOutOfOffice(office: BpValue, setting: OutSetting): BpValue;
export function equivalentOutOfOffice(
  office: { sbp: number; dbp?: number },
  setting: OutSetting,
): { sbp: number; dbp?: number };
export function equivalentOutOfOffice(
  office: { sbp: number; dbp?: number },
  setting: OutSetting,
): { sbp: number; dbp?: number } {
  return {
    sbp: piecewise(column(SBP_ROWS, setting, false), office.sbp),
    ...(office.dbp === undefined ? {} : { dbp: piecewise(column(DBP_ROWS, setting, false), office.dbp) }),
  };
}

/**
 * Whether an office BP is a row of ACC/AHA 2017 Table 11 on both components (REFERENCE §2.1) — where the
 * correspondence is read from the table itself rather than between rows (decision record 0005).
 */
export function isCorrespondenceRow(office: BpValue): boolean {
  return SBP_ROWS.some(([s]) => s === office.sbp) && DBP_ROWS.some(([d]) => d === office.dbp);
}

/** The office BP corresponding to an out-of-office mean (the inverse of `equivalentOutOfOffice`). */
export function officeEquivalent(value: BpValue, setting: OutSetting): BpValue {
  return {
    sbp: piecewise(column(SBP_ROWS, setting, true), value.sbp),
    dbp: piecewise(column(DBP_ROWS, setting, true), value.dbp),
  };
}

const SETTING_NAME_ZH: Record<OutSetting, string> = {
  home: '家庭血压',
  day: '日间动态血压',
  night: '夜间动态血压',
  '24h': '24小时动态血压',
};
const SETTING_NAME: Record<OutSetting, string> = {
  home: 'home',
  day: 'daytime ambulatory',
  night: 'night-time ambulatory',
  '24h': '24-h ambulatory',
};
const EQUIVALENCE_SOURCE: Record<Guideline, string> = {
  'acc-aha-2017': 'ACC/AHA 2017 Table 11 (corresponding office, home and ambulatory values)',
  'esh-2023': 'ESH 2023 out-of-office thresholds; ACC/AHA 2017 Table 11 equivalence',
  'china-2018': '中国高血压防治指南 2018 诊室外血压标准；ACC/AHA 2017 Table 11 equivalence',
  'china-2024': '中国高血压防治指南 2024 诊室外血压标准；ACC/AHA 2017 Table 11 equivalence',
};

/**
 * The treatment target for a population in a setting: `office` (default) is the guideline's target; home,
 * daytime, night-time and 24-h targets are the office target converted by the equivalence table. This is the
 * one function every caller (engine, care service, tiles, panel, guard) uses.
 */
export function targetFor(guideline: Guideline, p: TargetPopulation, setting: Setting = 'office'): Target {
  const office = officeTarget(guideline, p);
  const missing = p.age === undefined ? ['age'] : undefined;
  const withMissing = (t: Target): Target =>
    missing
      ? {
          ...t,
          missing,
          rule: `${t.rule} (age unknown: target for adults <65 shown)`,
          ...(t.display
            ? {
                display: {
                  zh: `${t.display.zh}（年龄未知：显示 <65 岁成人目标）`,
                  en: `${t.display.en} (age unknown: target for adults <65 shown)`,
                },
              }
            : {}),
        }
      : t;
  if (setting === 'office') return withMissing({ ...office, source: `${office.source}` });
  const v = equivalentOutOfOffice(office, setting);
  const t = (x: number) => Math.round(x * 10) / 10;
  const lim = `<${office.sbp}${office.dbp === undefined ? '' : `/${office.dbp}`}`;
  return withMissing({
    sbp: t(v.sbp),
    ...(v.dbp === undefined ? {} : { dbp: t(v.dbp) }),
    setting,
    rule: `${SETTING_NAME[setting]} equivalent of the office target ${lim} (${office.rule})`,
    display: {
      zh: `${SETTING_NAME_ZH[setting]}目标：由诊室目标 ${lim}（${office.display?.zh ?? office.rule}）换算`,
      en: `${SETTING_NAME[setting]} equivalent of the office target ${lim} (${office.rule})`,
    },
    source: `${office.source}; ${EQUIVALENCE_SOURCE[guideline]}`,
  });
}

export function checkTarget(
  bp: BpValue,
  guideline: Guideline,
  population: TargetPopulation,
  setting: Setting = 'office',
): TargetCheck {
  const target = targetFor(guideline, population, setting);
  const sbpOver = Math.max(0, bp.sbp - target.sbp + (bp.sbp >= target.sbp ? 1 : 0));
  const dbpOver =
    target.dbp === undefined ? 0 : Math.max(0, bp.dbp - target.dbp + (bp.dbp >= target.dbp ? 1 : 0));
  const met = bp.sbp < target.sbp && (target.dbp === undefined || bp.dbp < target.dbp);
  const t = `<${target.sbp}${target.dbp === undefined ? '' : `/${target.dbp}`}`;
  const where =
    setting === 'office'
      ? { zh: '', en: '' }
      : setting === 'home'
        ? { zh: '家庭', en: 'home ' }
        : { zh: '动态', en: 'ambulatory ' };
  return {
    met,
    target,
    excess: { sbp: sbpOver, dbp: dbpOver },
    rule: target.rule,
    ...(target.display ? { ruleText: target.display } : {}),
    source: target.source,
    inputs: { sbp: bp.sbp, dbp: bp.dbp, guideline, setting, ...population },
    display: {
      zh: `${where.zh}血压 ${bp.sbp.toFixed(0)}/${bp.dbp.toFixed(0)} mmHg，${where.zh}目标 ${t}：${met ? '已达标' : '未达标'}`,
      en: `${where.en ? where.en.charAt(0).toUpperCase() + where.en.slice(1) : ''}BP ${bp.sbp.toFixed(0)}/${bp.dbp.toFixed(0)} mmHg vs ${where.en}target ${t}: ${met ? 'at target' : 'above target'}`,
    },
  };
}
