/**
 * Round 7 (issue 18), false-alarm classes from tuning set 16 (ex held-out 16), with fresh sentences (not corpus
 * items); each with the wrong statement of its class still contradicted:
 * - a drug named as absent in brackets ("（无利尿剂）") is no member; "可升高血钾" names an effect, not hyperkalaemia;
 * - a dose cap on a drug the sentence neither names nor doses (the patient's simvastatin beside "amlodipine plus
 *   bisoprolol") is not what the sentence claims (REFERENCE §6 row 6);
 * - a pair "本身" (by itself) is that pair, without the patient's other drugs; "构成三重打击", "风险增加" are harms;
 * - "normal (120–129/80–84)": a category with its values in brackets (REFERENCE §1.2);
 * - a table row "（阈值≥120/70，正常）" reads the reading as normal;
 * - "夜间对应诊室1期高血压的阈值" is the night-time threshold (ACC/AHA 2017 Table 11, REFERENCE §2.1);
 * - "thresholds 130/80 daytime, 110/65 night": a setting word closing a list item is its value's setting;
 * - a cited cap after "…合用…时，": the drugs of the "时" clause are the cap's.
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';
import type { GuardPassage, PatientContext } from './types.ts';

const bad = (answer: string, patient?: PatientContext, passages: GuardPassage[] = []) =>
  verifyClaims({ answer, passages, ...(patient ? { patient } : {}) })
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => c.kind);

describe('drugs named as absent, effects named as conditions', () => {
  it('a moderate NSAID pair without a diuretic, with its potassium effect, is not contradicted', () => {
    expect(bad('依那普利与布洛芬合用（无利尿剂）属于中度相互作用，可升高血钾，需要监测。')).toEqual([]);
  });
  it('the triple whammy said to be a moderate interaction still is', () => {
    expect(bad('依那普利、氢氯噻嗪与布洛芬三药合用只是中度相互作用。')).toContain('interaction');
  });
});

describe('a dose cap on a drug the sentence does not name', () => {
  const patient = { drugs: ['amlodipine', 'metoprolol', 'simvastatin'] };
  it('a recommended pair beside the patient’s statin is not contradicted', () => {
    expect(
      bad('Amlodipine plus metoprolol is a recommended dihydropyridine CCB and β-blocker pairing.', patient),
    ).toEqual([]);
  });
  it('the statin named above its cap still is', () => {
    expect(bad('Simvastatin 40 mg with amlodipine is fine.', patient)).toContain('interaction');
  });
});

describe('a pair by itself; harms said as "构成三重打击" and "风险增加"', () => {
  const patient = { drugs: ['valsartan', 'indapamide', 'naproxen'] };
  it('the pair itself called recommended is not contradicted', () => {
    expect(
      bad(
        '缬沙坦+吲达帕胺+萘普生构成三重打击，肾损伤风险增加，建议停用萘普生；缬沙坦与吲达帕胺本身是推荐的联合。',
        patient,
      ),
    ).toEqual([]);
  });
  it('the three called fine together still are', () => {
    expect(bad('缬沙坦、吲达帕胺和萘普生可以放心合用。', patient)).toContain('interaction');
  });
});

describe('categories and settings in tables', () => {
  it('"normal (range)" is the range of normal', () => {
    expect(
      bad('ESH 2023 divides these readings into normal (120–129/80–84) and high-normal (130–139/85–89).'),
    ).toEqual([]);
    expect(
      bad('ESH 2023 divides these readings into normal (120–124/80–84) and high-normal (130–139/85–89).'),
    ).toContain('bp-threshold');
  });
  it('a bare "正常" in a table row is the reading’s category', () => {
    expect(bad('按ESH 2023：夜间均值116/66 mmHg（阈值≥120/70，正常）。')).toEqual([]);
    expect(bad('按ESH 2023：夜间均值126/66 mmHg（阈值≥120/70，正常）。')).toContain('bp-threshold');
  });
  it('"夜间对应诊室1期的阈值" is the night-time threshold', () => {
    expect(bad('按ACC/AHA 2017，夜间对应诊室1期高血压的阈值为≥110/65 mmHg。')).toEqual([]);
  });
  it('a setting word closing a list item is its value’s', () => {
    expect(
      bad('ACC/AHA 2017 ambulatory thresholds: 130/80 daytime, 110/65 night, 125/75 over 24 h.'),
    ).toEqual([]);
    expect(
      bad('ACC/AHA 2017 ambulatory thresholds: 130/80 daytime, 120/70 night, 125/75 over 24 h.'),
    ).toContain('bp-threshold');
  });
});

describe('a cited cap after a "…时" clause', () => {
  const passages = [
    {
      id: 'p-cap',
      title: '辛伐他汀剂量限制',
      text: '辛伐他汀与氨氯地平合用时每日不超过 20 mg；与维拉帕米或地尔硫䓬合用时不超过 10 mg。',
    },
  ];
  it('the diltiazem cap cited is not contradicted', () => {
    expect(bad('维拉帕米合用辛伐他汀时，辛伐他汀每日不超过10 mg [p-cap]。', undefined, passages)).toEqual([]);
  });
  it('the amlodipine cap cited wrong still is', () => {
    expect(bad('氨氯地平合用辛伐他汀时，辛伐他汀每日不超过10 mg [p-cap]。', undefined, passages)).toContain(
      'citation',
    );
  });
});

describe('thresholds in brackets after a category said of earlier readings', () => {
  it('"all three are normal (thresholds …)" with readings below them is not contradicted', () => {
    expect(
      bad(
        'Daytime 131/80, night-time 114/66, 24-hour 125/74 mmHg. ESH 2023: all three are normal (135/85 daytime, 120/70 night, 130/80 over 24 h).',
      ),
    ).toEqual([]);
  });
  it('with readings above them it is', () => {
    expect(
      bad(
        'Daytime 142/90, night-time 128/76, 24-hour 138/86 mmHg. ESH 2023: all three are normal (135/85 daytime, 120/70 night, 130/80 over 24 h).',
      ),
    ).toContain('bp-threshold');
  });
});
