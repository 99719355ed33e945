/**
 * Drug, dose and citation classes found by the eighth and ninth independent answer sets
 * (corpus/tuning-independent-8.txt and -9, ex held-out 10 and 11). Fresh sentences and passages (not corpus
 * items); each class has a correct sentence not flagged and, where the class can plant an error, one caught
 * (issue 18).
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';
import type { GuardPassage, PatientContext } from './types.ts';

const PASSAGES: GuardPassage[] = [
  {
    id: 'q-mra',
    title: 'Eplerenone',
    text: 'Do not start eplerenone if potassium is above 5.5 mmol/L or CrCl is 50 or below.',
  },
  {
    id: 'q-statin',
    title: '辛伐他汀',
    text: '辛伐他汀与氨氯地平合用时每日剂量不超过 20 mg；与维拉帕米合用时不超过 10 mg。',
  },
  {
    id: 'q-home',
    title: 'Home thresholds',
    text: 'ESH 2023: home BP hypertension is a mean of ≥135/85 mmHg.',
  },
];

const run = (answer: string, patient?: PatientContext) =>
  verifyClaims({ answer, passages: PASSAGES, ...(patient ? { patient } : {}) });
const bad = (answer: string, patient?: PatientContext) =>
  run(answer, patient)
    .filter((c) => c.verdict === 'contradicted')
    .map((c) => `${c.kind}: ${c.reason}`);

describe('drug–condition lists (independent sets 8 and 9)', () => {
  it('a harm word after a negated population qualifier ("without a pacemaker", "未安装起搏器者") is still a harm', () => {
    expect(bad('病态窦房结综合征且未植入起搏器者禁用地尔硫䓬、维拉帕米等药物。')).toEqual([]);
    expect(bad('Sick sinus syndrome without a pacemaker is a contraindication to verapamil.')).toEqual([]);
    // Planted: the same population called fine for verapamil.
    expect(bad('三度房室传导阻滞、未安装起搏器的患者可以放心使用维拉帕米。').length).toBeGreaterThan(0);
  });

  it('drugs listed as the usual or preferred choices are not carried the harm of another clause', () => {
    expect(
      bad('In pregnancy the preferred choices are labetalol and methyldopa, whereas ARBs must be avoided.'),
    ).toEqual([]);
    expect(bad('妊娠期沙坦类禁用，孕期常用的是拉贝洛尔或硝苯地平。')).toEqual([]);
    // Planted: a preferred drug said to be avoided.
    expect(bad('In pregnancy labetalol must be avoided.').length).toBeGreaterThan(0);
  });

  it('a drug said to be stopped ("X 应停用", "X should be stopped") is neither safe nor harmful', () => {
    expect(
      bad('赖诺普利需停用，改用硝苯地平控释片。', { conditions: ['bilateral renal artery stenosis'] }),
    ).toEqual([]);
    expect(
      bad('Losartan should be stopped; switch to amlodipine.', {
        conditions: ['bilateral renal artery stenosis'],
      }),
    ).toEqual([]);
  });

  it('a condition named as the risk of a drug ("raises the risk of angioedema") is not the patient\'s', () => {
    expect(
      bad('Lisinopril and sitagliptin can be used together, though this raises the risk of angioedema.'),
    ).toEqual([]);
    expect(bad('贝那普利和维格列汀可以一起吃，但会增加血管性水肿的风险。')).toEqual([]);
    // Planted: angioedema stated as the patient's history.
    expect(bad('You had angioedema on ramipril before; lisinopril is safe for you.').length).toBeGreaterThan(
      0,
    );
  });
});

describe('dose frames (independent sets 8 and 9)', () => {
  it('a maximum word belongs to its own clause: "the maximum is 32 mg, so your 8 mg dose …"', () => {
    expect(bad('Candesartan: 32 mg a day is the maximum, so your 8 mg dose can still go up.')).toEqual([]);
    expect(bad('缬沙坦每日最大剂量是320 mg，所以您现在的80 mg还可以加量。')).toEqual([]);
    // Planted: a maximum below the label's.
    expect(bad('Candesartan: the maximum is 16 mg a day.').length).toBeGreaterThan(0);
  });

  it('"比与 X 合用的 N mg": an amount after a co-medication belongs to the subject drug', () => {
    expect(bad('辛伐他汀与维拉帕米合用上限10 mg/日，比与氨氯地平合用的20 mg/日更严。')).toEqual([]);
    // Planted: a cap with verapamil above the label's.
    expect(bad('辛伐他汀与维拉帕米合用上限40 mg/日。').length).toBeGreaterThan(0);
  });

  it("a dose said to exceed a cap is the patient's dose, not a dose called fine", () => {
    expect(bad('His simvastatin 40 mg exceeds the 20 mg/day cap with amlodipine [q-statin].')).toEqual([]);
    expect(bad('目前辛伐他汀40 mg超过了与氨氯地平合用时每日20 mg的上限 [q-statin]。')).toEqual([]);
  });
});

describe('citations (independent sets 8 and 9)', () => {
  it('the patient\'s measured lab value ("当前血钾5.3", "Potassium 4.8 mmol/L") is not attributed to the passage', () => {
    expect(bad('当前血钾5.8 mmol/L，已超过5.5，不应启动依普利酮 [q-mra]。')).toEqual([]);
    expect(
      bad('Potassium 4.8 mmol/L and CrCl 70 both allow eplerenone (do not start if K⁺ >5.5) [q-mra].'),
    ).toEqual([]);
    // Planted: a threshold the passage states otherwise.
    expect(bad('Do not start eplerenone if potassium is above 5.0 mmol/L [q-mra].').length).toBeGreaterThan(
      0,
    );
  });

  it('guideline years written "2018/2024" are not a reading', () => {
    expect(
      bad('ESH 2023 (and the Chinese 2018/2024 guidelines) call a home mean of ≥135/85 mmHg high [q-home].'),
    ).toEqual([]);
    expect(bad('ESH 2023 calls a home mean of ≥130/80 mmHg high [q-home].').length).toBeGreaterThan(0);
  });
});

describe('citations of categories (independent sets 8 and 9)', () => {
  it('a KDIGO G-category cited to a passage that states no categories is contradicted', () => {
    expect(bad('A CrCl of 40 puts her in KDIGO G3b [q-mra].').length).toBeGreaterThan(0);
    expect(bad('eGFR 20 对应 G4 期 [q-mra]。').length).toBeGreaterThan(0);
    // Near miss: the passage's own gate, with the patient's value.
    expect(bad('Her CrCl of 40 is 50 or below, so eplerenone should not be started [q-mra].')).toEqual([]);
  });
});

describe('what a citation attributes (independent sets 8 and 9)', () => {
  const more: GuardPassage[] = [
    ...PASSAGES,
    { id: 'q-lab', title: '拉贝洛尔', text: '拉贝洛尔起始剂量 100 mg，每日两次。老年人可从 50 mg 起始。' },
    {
      id: 'q-preg',
      title: 'Pregnancy',
      text: 'In pregnancy labetalol and methyldopa are preferred; ARBs are contraindicated.',
    },
    { id: 'q-dual', title: '联合用药', text: '不推荐 ACEI 与 ARB 联用。' },
    { id: 'q-old', title: '老年目标', text: '中国2018指南：80岁及以上老年人降压目标 <150/90 mmHg。' },
  ];
  const cited = (answer: string) =>
    verifyClaims({ answer, passages: more })
      .filter((c) => c.kind === 'citation')
      .map((c) => c.verdict);
  it('a start word after the value ("可从 50 mg 起始") qualifies it', () => {
    expect(
      cited('For an older patient, labetalol can be started at 50 mg rather than the usual 100 mg [q-lab].'),
    ).not.toContain('contradicted');
    expect(cited('Older patients should start labetalol at 200 mg [q-lab].')).toContain('contradicted');
  });
  it('a list of preferred drugs continues over commas and "and"', () => {
    expect(
      cited(
        'In pregnancy the preferred medicines are labetalol and methyldopa, while ARBs must be avoided [q-preg].',
      ),
    ).not.toContain('contradicted');
    expect(cited('In pregnancy labetalol should be avoided [q-preg].')).toContain('contradicted');
  });
  it('a last clause with its own guideline is what the marker attributes; an age bound is no threshold', () => {
    expect(
      cited(
        '缬沙坦与雷米普利联用会增加高钾血症风险，ESH 2023也列为不推荐，中国2018指南同样不推荐ACEI与ARB联用 [q-dual]。',
      ),
    ).not.toContain('contradicted');
    expect(cited('按中国2018指南，≥80岁老人降压目标为<150/90 mmHg [q-old]。')).not.toContain('contradicted');
    expect(cited('按中国2018指南，≥80岁老人降压目标为<140/90 mmHg [q-old]。')).toContain('contradicted');
  });
});

describe('starting doses and carried titration (independent sets 8 and 9)', () => {
  it('a stated adult start above the label start (amlodipine 5 mg, nebivolol 5 mg) is contradicted', () => {
    expect(bad('Adults usually start nebivolol at 20 mg once a day.').length).toBeGreaterThan(0);
    expect(bad('氨氯地平一般从每天10毫克开始服用。').length).toBeGreaterThan(0);
    // Near misses: the label start, and a lower start for an older patient.
    expect(bad('Nebivolol is usually started at 5 mg once daily.')).toEqual([]);
    expect(bad('老年体弱者氨氯地平可从每天2.5毫克开始。')).toEqual([]);
  });
  it('"可以按常规从 N mg 开始" at the patient\'s low CrCl is the usual start applied to the patient', () => {
    expect(bad('奈必洛尔可以按常规从每天5毫克开始。', { crcl: 20 }).length).toBeGreaterThan(0);
    expect(bad('奈必洛尔从每天2.5毫克开始，慢慢加量。', { crcl: 20 })).toEqual([]);
  });
  it('titration without the drug name ("可以加到 N 毫克") belongs to the drug before; "同时在吃 X" is a co-medication', () => {
    expect(bad('缬沙坦每天80毫克起始。不够时可以加到640毫克。').length).toBeGreaterThan(0);
    expect(bad('缬沙坦每天80毫克起始。不够时可以加到160毫克。')).toEqual([]);
    expect(
      bad('赖诺普利每天10毫克起始（如果同时在吃利尿剂从5毫克开始），最大每日120毫克。').length,
    ).toBeGreaterThan(0);
    expect(bad('赖诺普利每天10毫克起始（如果同时在吃利尿剂从5毫克开始），最大每日80毫克。')).toEqual([]);
  });
});

describe('interaction frames (independent sets 8 and 9)', () => {
  it('stopping both: the drug stopped first is checked against the rule (β-blocker before clonidine)', () => {
    expect(bad('两个药都要停的话，先把可乐定慢慢减停，过几天再停阿替洛尔。').length).toBeGreaterThan(0);
    expect(bad('If both are to go, stop clonidine first and then the carvedilol.').length).toBeGreaterThan(0);
    expect(bad('两个药都要停的话，先停阿替洛尔，几天后再慢慢减停可乐定。')).toEqual([]);
  });
  it('an interaction denied outright ("don\'t interact", "没有明显影响") where a rule exists is contradicted', () => {
    expect(bad('您在吃碳酸锂，又加了吲达帕胺。这两个药之间没有明显影响。').length).toBeGreaterThan(0);
    expect(bad("Torsemide and digoxin don't interact.").length).toBeGreaterThan(0);
    expect(bad("Amlodipine and losartan don't interact.")).toEqual([]);
  });
  it('an absolute prohibition of a monitored or potassium-gated combination is contradicted', () => {
    expect(
      bad('Losartan plus eplerenone must never be co-prescribed, whatever the potassium.').length,
    ).toBeGreaterThan(0);
    expect(
      bad('Enalapril with ibuprofen is a contraindicated pair, even without a diuretic.').length,
    ).toBeGreaterThan(0);
    // Near miss: dual RAAS blockade is to be avoided outright.
    expect(bad('Enalapril plus losartan must never be co-prescribed.')).toEqual([]);
  });
  it('a switch with overlapping doses or "吃完最后一片…晚上就开始" has no interval', () => {
    expect(
      bad('Moving from enalapril to sacubitril/valsartan, overlap the two for a few days.').length,
    ).toBeGreaterThan(0);
    expect(bad('早上吃完最后一片贝那普利，当天晚上就开始沙库巴曲缬沙坦。').length).toBeGreaterThan(0);
    expect(bad('吃完最后一片贝那普利后等满36小时，再开始沙库巴曲缬沙坦。')).toEqual([]);
  });
});

describe('potassium, caps and back-references (independent sets 8 and 9)', () => {
  it('starting an ACE inhibitor or ARB at a potassium above 5.5 is a start in hyperkalaemia', () => {
    expect(
      bad('Your potassium is 6.1. Valsartan can be started now to protect your kidneys.').length,
    ).toBeGreaterThan(0);
    expect(bad('您的血钾是5.7 mmol/L，可以开始用贝那普利。').length).toBeGreaterThan(0);
    // Near miss: at a normal potassium.
    expect(bad('您的血钾是4.3 mmol/L，可以开始用贝那普利。')).toEqual([]);
  });
  it('a dose with several capped partners takes the lowest cap', () => {
    expect(bad('维拉帕米与辛伐他汀合用时，辛伐他汀每日不超过20 mg，与氨氯地平相同。').length).toBeGreaterThan(
      0,
    );
    expect(bad('维拉帕米与辛伐他汀合用时，辛伐他汀每日不超过10 mg。')).toEqual([]);
  });
  it('"这两个药" opening a sentence that names one of them later refers back to both', () => {
    expect(
      bad('您在吃碳酸锂，医生又加了氢氯噻嗪。这两个药之间没有明显影响，碳酸锂照常吃。').length,
    ).toBeGreaterThan(0);
    expect(bad('您在吃氨氯地平，医生又加了缬沙坦。这两个药之间没有明显影响，氨氯地平照常吃。')).toEqual([]);
  });
});

describe('a class standing for a drug already named (independent set 9)', () => {
  it('"Avoid X with Y: all <class of Y> with <class of X> …" is one pair, not a triple', () => {
    const patient = { drugs: ['atenolol', 'amlodipine'] };
    expect(
      bad(
        'Avoid atenolol with amlodipine: every calcium channel blocker with a beta-blocker risks heart block.',
        patient,
      ).length,
    ).toBeGreaterThan(0);
    // Near miss: the non-dihydropyridine pair is the one to avoid.
    expect(
      bad('Avoid atenolol with verapamil: verapamil with a beta-blocker risks heart block.', {
        drugs: ['atenolol', 'verapamil'],
      }),
    ).toEqual([]);
  });
});
