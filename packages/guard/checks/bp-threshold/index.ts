/**
 * Blood-pressure category statements, checked with the blood-pressure engine for the stated guideline and setting:
 * a reading is classified (office: classifyOfficeBp; home/ambulatory: the setting's hypertension threshold,
 * thresholdsFor) and compared with the category stated; a category's range or threshold is compared with where
 * the engine's category begins (and ends). Without a named guideline, the guidelines that use the category's
 * vocabulary are tried (stage → ACC/AHA 2017; grade → ESH 2023 and China 2018): contradicted only if all disagree.
 */
import { classifyOfficeBp, isHigh, thresholdsFor, type Guideline } from '@qihuang/engines/blood-pressure';
import { categoryName, guidelineName, say, SETTING_NAME, type Lang } from '../../i18n.ts';
import type { BpData, Evidence, GuardCheck, Verdict } from '../../types.ts';
import { bandOf } from './bands.ts';
import { judgeCorrespondence } from './correspond.ts';
import { guidelinesIn } from '../../extract-bp.ts';
import { judgeIsolated } from './isolated.ts';
import { NAMES_CATEGORY } from '../../extract-bp-frames.ts';

/** "ESH 2023 has only four categories: …", "中国2018只有三个分类": the categories listed as the guideline's own. */
const LISTS_CATEGORIES =
  /\b(?:has|have|uses?|includes?|lists?)\s+(?:only\s+)?(?:(?:two|three|four|five|six|seven|\d)\s+)?(?:(?:BP|blood[- ]pressure|office)\s+)?categor(?:y|ies)\b|(?:只有|共有|分为|包括)[^，。；;]{0,4}?(?:分类|类别)/i;

/** The sentence names guideline g (and no other) and states the category as g's own term. */
const namesOwn = (text: string, g: Guideline, words: RegExp): boolean => {
  const named = guidelinesIn(text);
  return named.length === 1 && named[0] === g && words.test(text);
};

/** A guideline's office categories, in order, read from the engine (REFERENCE §1.1–§1.4). */
function ownCategories(g: Guideline, lang: Lang): string {
  const seen: string[] = [];
  for (let sbp = 100; sbp <= 200; sbp += 5) {
    const c = classifyOfficeBp({ sbp, dbp: 60 }, g).category;
    if (!seen.includes(c)) seen.push(c);
  }
  return seen.map((c) => categoryName(c, lang)).join(lang === 'zh' ? '、' : ', ');
}

// Where users can look each fact up (guideline and table; REFERENCE §1.1–§1.4 office, §2.1–§2.2 out-of-office).
const OFFICE_SOURCE: Record<Guideline, string> = {
  'acc-aha-2017': 'ACC/AHA 2017 Table 6',
  'esh-2023': 'ESH 2023 office BP classification',
  'china-2018': '中国高血压防治指南2018 血压水平分类和定义',
  'china-2024': '中国高血压防治指南2024 血压水平分类',
};
const OUT_SOURCE: Record<Guideline, string> = {
  'acc-aha-2017': 'ACC/AHA 2017 Table 11',
  'esh-2023': 'ESH 2023 out-of-office BP thresholds',
  'china-2018': '中国高血压防治指南2018 诊室外血压诊断标准',
  'china-2024': '中国高血压防治指南2024 诊室外血压诊断标准',
};
/** Guidelines whose vocabulary has this category. */
function candidates(category: string): Guideline[] {
  if (category.startsWith('stage-') || category === 'elevated') return ['acc-aha-2017'];
  if (category === 'optimal') return ['esh-2023'];
  if (category === 'high-normal') return ['esh-2023', 'china-2018'];
  if (category.startsWith('grade-')) return ['esh-2023', 'china-2018'];
  return ['acc-aha-2017', 'esh-2023', 'china-2018'];
}

const fmt = (r: [number, number] | undefined, top: number) =>
  r ? (r[1] >= top ? `≥${r[0]}` : `${r[0]}–${r[1]}`) : '—';

const DEFINES =
  /\b(?:defines?|grades?|classif(?:y|ies)|categori[sz]es?|stages?)\b[^.]{0,40}\b(?:as|into)\b|定义|分为|分级为|划分为/i;

function judge(bp: BpData, g: Guideline, lang: Lang, text = ''): Verdict {
  const name = guidelineName(g, lang);
  const out = bp.setting !== 'office';
  const src = (x: string) =>
    lang === 'en' ? x.replace(/中国高血压防治指南(\d{4}).*/, 'Chinese hypertension guideline $1') : x;
  const source = src(out || bp.category === 'hypertension' ? OUT_SOURCE[g] : OFFICE_SOURCE[g]);
  const t = thresholdsFor(g)[bp.setting];
  const where = SETTING_NAME[bp.setting][lang];
  const cat = categoryName(bp.category, lang);
  const v = (verdict: Verdict['verdict'], reason: string, evidence: Evidence[]): Verdict => ({
    verdict,
    reason,
    evidence,
  });
  const reading = bp.sbp && bp.dbp ? `${bp.sbp[0]}/${bp.dbp[0]} mmHg` : '';

  if (bp.category === 'hypertension') {
    const ev = [
      {
        source: bp.setting === 'office' ? src(OFFICE_SOURCE[g]) : source,
        text: say(
          lang,
          `${name}：${where}血压 ≥${t.sbp}/${t.dbp} mmHg 为高血压`,
          `${name}: ${where} hypertension ≥${t.sbp}/${t.dbp} mmHg`,
        ),
      },
    ];
    if (bp.form === 'reading') {
      if (!bp.sbp || !bp.dbp) return v('unverifiable', say(lang, '读数不完整', 'reading incomplete'), ev);
      const high = isHigh({ sbp: bp.sbp[0], dbp: bp.dbp[0] }, t);
      const says = !bp.negated;
      const is = say(lang, high ? '达到' : '未达到', high ? 'is' : 'is not');
      return high === says
        ? v(
            'supported',
            say(
              lang,
              `${name}：${where}血压 ${reading} ${is}高血压标准（≥${t.sbp}/${t.dbp}）`,
              `${reading} ${is} hypertension on ${where} readings under ${name} (≥${t.sbp}/${t.dbp})`,
            ),
            ev,
          )
        : v(
            'contradicted',
            say(
              lang,
              `${name}：${where}高血压标准为 ≥${t.sbp}/${t.dbp} mmHg，${reading} ${is}该标准`,
              `${name}: ${where} hypertension starts at ${t.sbp}/${t.dbp} mmHg, so ${reading} ${is} hypertension`,
            ),
            ev,
          );
    }
    const stated = `${bp.sbp?.[0] ?? '?'}/${bp.dbp?.[0] ?? '?'}`;
    const wrong = (bp.sbp && bp.sbp[0] !== t.sbp) || (bp.dbp && bp.dbp[0] !== t.dbp);
    return wrong
      ? v(
          'contradicted',
          say(
            lang,
            `${name}：${where}高血压标准为 ≥${t.sbp}/${t.dbp} mmHg，而非 ${stated}`,
            `${name}: ${where} hypertension starts at ≥${t.sbp}/${t.dbp} mmHg, not ${stated}`,
          ),
          ev,
        )
      : v(
          'supported',
          say(
            lang,
            `${name}：${where}高血压标准 ≥${t.sbp}/${t.dbp} mmHg`,
            `${name}: ${where} hypertension ≥${t.sbp}/${t.dbp} mmHg`,
          ),
          ev,
        );
  }
  if (out && bp.form === 'reading' && bp.sbp && bp.dbp) {
    // Out of the office there is one threshold: a reading at or above it is hypertension whatever the category
    // word, one below it is not — so "home 132/82 is normal" (ACC/AHA home ≥130/80) or "home 128/78 is grade 1"
    // is wrong with certainty; otherwise the office category cannot be checked.
    const high = isHigh({ sbp: bp.sbp[0], dbp: bp.dbp[0] }, t);
    const hypertensive = /^(?:stage|grade)-\d$/.test(bp.category);
    const below = ['normal', 'optimal', 'elevated', 'high-normal'].includes(bp.category);
    if ((hypertensive && !high) || (below && high))
      return v(
        'contradicted',
        say(
          lang,
          `${name}：${where}血压 ≥${t.sbp}/${t.dbp} mmHg 为高血压，${reading} ${high ? '已达到' : '未达到'}该标准，不是${cat}`,
          `${name}: ${where} hypertension starts at ${t.sbp}/${t.dbp} mmHg, so ${reading} ${high ? 'is' : 'is not'} hypertension, not ${cat}`,
        ),
        [{ source, text: `${name}: ${where} ≥${t.sbp}/${t.dbp} mmHg` }],
      );
  }
  if (out)
    return v(
      'unverifiable',
      say(
        lang,
        `${name}的血压分级用于诊室血压；${where}血压只有一个诊断标准`,
        `${name} defines categories for office readings; ${where} readings are compared with a single threshold`,
      ),
      [],
    );
  const band = bandOf(g, bp.category);
  // "ACC/AHA 2017 grades hypertension as grade 1 …" / "ESH 2023 defines stage 1 as …": the sentence itself names
  // the guideline as defining a stage/grade it does not have — a wrong attribution, not an uncertain reading.
  if (!band && /^(?:stage|grade)-\d$/.test(bp.category) && namesOwn(text, g, DEFINES))
    return v(
      'contradicted',
      g === 'acc-aha-2017'
        ? say(
            lang,
            `${name}按分期（1期、2期）分类，没有“${cat}”`,
            `${name} uses stages (stage 1, stage 2), not "${cat}"`,
          )
        : say(
            lang,
            `${name}按分级（1级、2级、3级）分类，没有“${cat}”`,
            `${name} uses grades (grade 1–3), not "${cat}"`,
          ),
      [],
    );
  // "ACC/AHA 2017 把 120–139/80–89 称为“正常高值”", "the 'elevated' category comes from ESH 2023": a category
  // the named guideline does not have, stated as its term — a wrong attribution (REFERENCE §1.1–§1.4 tables).
  if (
    !band &&
    bp.category !== 'hypertension' &&
    (namesOwn(text, g, NAMES_CATEGORY) || namesOwn(text, g, LISTS_CATEGORIES))
  )
    return v(
      'contradicted',
      say(
        lang,
        `${name}没有“${cat}”这一分类（其分类为：${ownCategories(g, 'zh')}）`,
        `${name} has no "${cat}" category (its categories: ${ownCategories(g, 'en')})`,
      ),
      [{ source: src(OFFICE_SOURCE[g]), text: `${name}: ${ownCategories(g, lang)}` }],
    );
  if (!band)
    return v(
      'unverifiable',
      /^grade-/.test(bp.category) && g === 'acc-aha-2017'
        ? // A China/ESH grade named with ACC/AHA: not "wrong", just not a category this guideline defines.
          say(
            lang,
            `“${cat}”是中国/ESH 指南的分级；${name}按分期（1期、2期）分类，此处无法按${name}核查`,
            `"${cat}" is a China/ESH grade; ${name} uses stages (stage 1, stage 2), so it cannot be checked against ${name}`,
          )
        : say(lang, `${name}没有“${cat}”这一分类`, `${name} does not use the category "${cat}"`),
      [],
    );
  const ev = [{ source, text: `${name} ${cat}: SBP ${fmt(band.sbp, 260)}, DBP ${fmt(band.dbp, 170)} mmHg` }];
  // A grade by the systolic alone (extract-bp-axis-grade.ts): the value lies in the grade's systolic band.
  if (bp.axisOnly === 'sbp' && bp.sbp && band.sbp) {
    const s = bp.sbp[0];
    const truth = categoryName(classifyOfficeBp({ sbp: s, dbp: 50 }, g).category, lang);
    const inside = s >= band.sbp[0] && s <= band.sbp[1];
    return v(
      inside ? 'supported' : 'contradicted',
      inside
        ? say(lang, `${name}：收缩压 ${s} 属于${cat}`, `${name}: a systolic of ${s} is ${cat}`)
        : say(
            lang,
            `${name}：按收缩压 ${s} 分级属于${truth}，而非${cat}`,
            `${name}: by its systolic of ${s} it is ${truth}, not ${cat}`,
          ),
      ev,
    );
  }
  // A category credited to the guideline without values (extract-bp-attribution.ts): the guideline has it.
  if (!bp.sbp && !bp.dbp)
    return v('supported', say(lang, `${name}有“${cat}”这一分类`, `${name} has the category "${cat}"`), ev);
  if (bp.form === 'reading') {
    if (!bp.sbp || !bp.dbp) return v('unverifiable', say(lang, '读数不完整', 'reading incomplete'), ev);
    const c = classifyOfficeBp({ sbp: bp.sbp[0], dbp: bp.dbp[0] }, g);
    const truth = categoryName(c.category, lang);
    const rule = lang === 'en' ? c.rule.replace(/和\/或/g, 'and/or').replace(/和/g, 'and') : c.rule;
    const evidence = [...ev, { source, text: `${reading} → ${truth} (${rule})` }];
    return c.category === bp.category
      ? v(
          'supported',
          say(lang, `${name}：${reading} 属于${cat}`, `${reading} is ${cat} under ${name}`),
          evidence,
        )
      : v(
          'contradicted',
          say(
            lang,
            `${name}：${reading} 属于${truth}，不是${cat}`,
            `${name} classifies ${reading} as ${truth}, not ${cat}`,
          ),
          evidence,
        );
  }
  const wrong: string[] = [];
  for (const axis of ['sbp', 'dbp'] as const) {
    const stated = bp[axis];
    const truth = band[axis];
    if (!stated || !truth) continue;
    const A = axis === 'sbp' ? say(lang, '收缩压', 'SBP') : say(lang, '舒张压', 'DBP');
    // "optimal is below 120/80": the category ends just below the stated value.
    if (bp.form === 'upper') {
      if (truth[1] + 1 !== stated[0])
        wrong.push(
          say(
            lang,
            `${A}上限为 <${truth[1] + 1}，而非 <${stated[0]}`,
            `${A} is below ${truth[1] + 1}, not ${stated[0]}`,
          ),
        );
      continue;
    }
    if (stated[0] !== truth[0])
      wrong.push(
        say(
          lang,
          `${A}起点为 ${truth[0]}，而非 ${stated[0]}`,
          `${A} starts at ${truth[0]}, not ${stated[0]}`,
        ),
      );
    const top = axis === 'sbp' ? 260 : 170;
    if (bp.form === 'range' && stated[1] !== undefined && truth[1] < top && stated[1] !== truth[1])
      wrong.push(
        say(lang, `${A}上限为 ${truth[1]}，而非 ${stated[1]}`, `${A} ends at ${truth[1]}, not ${stated[1]}`),
      );
  }
  return wrong.length
    ? v('contradicted', `${name} ${cat}: ${wrong.join(say(lang, '；', '; '))}`, ev)
    : v('supported', say(lang, `${name} ${cat}的界值正确`, `${name} ${cat} thresholds match`), ev);
}

export const bpThreshold: GuardCheck = {
  id: 'bp-threshold',
  kinds: ['bp-threshold'],
  check(claim, context): Verdict | undefined {
    const bp = claim.bp;
    if (!bp) return undefined;
    if (bp.form === 'correspond') return judgeCorrespondence(bp, context.lang);
    const named = bp.guideline ?? context.guideline;
    if (bp.category === 'isolated-systolic') {
      const vs = (named ? [named] : (['esh-2023', 'china-2018'] as Guideline[])).map((g) =>
        judgeIsolated(bp, g, context.lang),
      );
      return vs.every((x) => x.verdict === 'contradicted')
        ? vs[0]
        : (vs.find((x) => x.verdict === 'supported') ?? vs[0]);
    }
    const gs = named ? [named] : (bp.family ?? candidates(bp.category));
    const verdicts = gs.map((g) => judge(bp, g, context.lang, claim.text));
    const supported = verdicts.find((x) => x.verdict === 'supported');
    if (supported) return supported;
    if (verdicts.every((x) => x.verdict === 'contradicted')) return verdicts[0];
    return verdicts.find((x) => x.verdict === 'unverifiable') ?? verdicts[0];
  },
};
