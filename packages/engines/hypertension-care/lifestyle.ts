/**
 * Lifestyle goals (pure). REFERENCE.md has no lifestyle section, so every goal cites the guideline table by
 * name and is marked UNVERIFIED (written from the guideline texts as commonly reproduced; check before relying
 * on a number): ACC/AHA 2017 Table 15 "Best proven nonpharmacological interventions", China 2018 生活方式干预
 * (表"生活方式干预降低血压和心血管危险的作用"), ESH 2023 lifestyle section. china-2024 uses the 2018 text.
 * Salt, exercise and diet are always given; weight only when BMI is above the goal, smoking only for smokers,
 * alcohol only for drinkers, potassium unless the caller flags a hyperkalaemia risk (then a caution instead).
 */
import type { Guideline, LifestyleGoal, LifestyleInput, Text } from './types.ts';

type Family = 'acc' | 'esh' | 'china';

function familyOf(g: Guideline): Family {
  return g === 'acc-aha-2017' ? 'acc' : g === 'esh-2023' ? 'esh' : 'china';
}

const SRC: Record<Family, string> = {
  // Not in REFERENCE (UNVERIFIED): the guideline tables by name, numbers as commonly reproduced (see the header).
  acc: 'ACC/AHA 2017 Table 15 (nonpharmacological interventions)',
  esh: 'ESH 2023 (lifestyle interventions)',
  china: '中国高血压防治指南 2018（生活方式干预）',
};

// Goal thresholds (all UNVERIFIED, see the header)
const BMI_GOAL: Record<Family, number> = { acc: 25, esh: 25, china: 24 }; // China BMI <24; ESH 20–25; ACC "ideal body weight" (BMI <25 used)
const EXERCISE_MIN: Record<Family, number> = { acc: 90, esh: 150, china: 120 }; // ACC 90–150 min/wk; ESH ≥150; China 4–7 × 30–60 min → ≥120
// Drinks per week (ACC/AHA 2017 Table 15: men ≤2/day, women ≤1/day). ESH/China limits are in grams of alcohol and
// drink sizes vary, so for them the engine does not compare counts: it always advises cutting down.
const ACC_DRINKS_WEEK = { male: 14, female: 7 };

export function lifestyleGoals(input: LifestyleInput): LifestyleGoal[] {
  const f = familyOf(input.guideline);
  const src = SRC[f];
  const goals: LifestyleGoal[] = [];
  const add = (domain: LifestyleGoal['domain'], goal: Text, advice: Text, reduction?: number) =>
    goals.push({
      domain,
      goal,
      advice,
      ...(reduction === undefined ? {} : { expectedSbpReduction: reduction }),
      source: src,
    });

  // --- salt (always)
  const saltNow =
    input.saltGramsPerDay === undefined
      ? { zh: '', en: '' }
      : { zh: `（目前约 ${input.saltGramsPerDay} g/天）`, en: ` (now about ${input.saltGramsPerDay} g/day)` };
  if (f === 'acc')
    add(
      'salt',
      {
        zh: '钠 <1500 mg/天（约食盐 <3.8 g）；至少减少 1000 mg/天',
        en: 'Sodium <1500 mg/day (optimal); cut at least 1000 mg/day',
      },
      {
        zh: `少吃加工食品和外卖，做菜少放盐和酱油${saltNow.zh}`,
        en: `Eat fewer processed and restaurant foods; add less salt and soy sauce${saltNow.en}`,
      },
      5, // ACC/AHA 2017 Table 15: −5/6 mmHg in hypertension (UNVERIFIED)
    );
  else if (f === 'esh')
    add(
      'salt',
      { zh: '食盐 <5 g/天（钠 <2 g/天）', en: 'Salt <5 g/day (sodium <2 g/day)' }, // ESH 2023 (UNVERIFIED)
      {
        zh: `少吃加工食品，做菜少放盐${saltNow.zh}`,
        en: `Eat fewer processed foods; add less salt${saltNow.en}`,
      },
    );
  else
    add(
      'salt',
      { zh: '食盐 <6 g/天', en: 'Salt <6 g/day' }, // China 2018 (UNVERIFIED)
      {
        zh: `使用限盐勺，少吃咸菜、腌制品和酱料${saltNow.zh}`,
        en: `Use a salt spoon; eat fewer pickles, cured foods and sauces${saltNow.en}`,
      },
    );

  // --- weight (only above the BMI goal)
  const bmiGoal = BMI_GOAL[f];
  if (input.bmi !== undefined && input.bmi >= bmiGoal) {
    const bmi = Math.round(input.bmi * 10) / 10;
    add(
      'weight',
      f === 'china'
        ? {
            zh: 'BMI <24 kg/m²；腰围男 <90 cm、女 <85 cm',
            en: 'BMI <24 kg/m²; waist <90 cm (men), <85 cm (women)',
          }
        : { zh: `BMI <${bmiGoal} kg/m²（理想体重）`, en: `BMI <${bmiGoal} kg/m² (ideal body weight)` },
      {
        zh: `目前 BMI ${bmi}：控制总热量并增加运动，逐步减重${f === 'acc' ? '（每减 1 kg 收缩压约降 1 mmHg）' : ''}`,
        en: `BMI now ${bmi}: eat fewer calories and move more; lose weight gradually${f === 'acc' ? ' (about 1 mmHg lower SBP per kg lost)' : ''}`,
      },
      f === 'acc' ? 5 : undefined, // ACC/AHA 2017 Table 15: −5 mmHg, ~1 mmHg per kg (UNVERIFIED)
    );
  }

  // --- exercise (always)
  const minutes = input.exerciseMinutesPerWeek;
  const enough = minutes !== undefined && minutes >= EXERCISE_MIN[f];
  const exNow =
    minutes === undefined
      ? { zh: '', en: '' }
      : enough
        ? {
            zh: `（目前约 ${minutes} 分钟/周，已达标，请坚持）`,
            en: ` (now about ${minutes} min/week: at goal, keep it up)`,
          }
        : { zh: `（目前约 ${minutes} 分钟/周）`, en: ` (now about ${minutes} min/week)` };
  add(
    'exercise',
    f === 'acc'
      ? { zh: '有氧运动 90–150 分钟/周', en: 'Aerobic exercise 90–150 min/week' }
      : f === 'esh'
        ? {
            zh: '中等强度有氧运动 ≥150 分钟/周，另加每周 2–3 天抗阻训练',
            en: 'Moderate aerobic exercise ≥150 min/week plus resistance training 2–3 days/week',
          }
        : {
            zh: '每周 4–7 次、每次 30–60 分钟中等强度运动',
            en: 'Moderate exercise 4–7 times a week, 30–60 minutes each',
          },
    {
      zh: `快走、慢跑、骑车、游泳等，循序渐进${exNow.zh}`,
      en: `Brisk walking, jogging, cycling or swimming, building up gradually${exNow.en}`,
    },
    f === 'acc' ? 5 : undefined, // ACC/AHA 2017 Table 15: aerobic −5/8 mmHg (UNVERIFIED); goal minutes above
  );

  // --- alcohol (drinkers only)
  if (input.alcoholDrinksPerWeek !== undefined && input.alcoholDrinksPerWeek > 0) {
    const within =
      f === 'acc' &&
      input.alcoholDrinksPerWeek <= (input.sex === 'female' ? ACC_DRINKS_WEEK.female : ACC_DRINKS_WEEK.male);
    const now = {
      zh: `（目前约 ${input.alcoholDrinksPerWeek} 份/周）`,
      en: ` (now about ${input.alcoholDrinksPerWeek} drinks/week)`,
    };
    add(
      'alcohol',
      f === 'acc'
        ? { zh: '男性 ≤2 份/天，女性 ≤1 份/天', en: 'Men ≤2 drinks/day, women ≤1 drink/day' }
        : f === 'esh'
          ? { zh: '纯酒精 <100 g/周', en: 'Pure alcohol <100 g/week' }
          : {
              zh: '不饮酒或限制饮酒：酒精 男性 ≤25 g/天、女性 ≤15 g/天',
              en: 'Avoid or limit alcohol: men ≤25 g/day, women ≤15 g/day of alcohol',
            },
      {
        zh: `${within ? '保持在限量内或进一步减少' : '请减少饮酒'}${now.zh}`,
        en: `${within ? 'Keep within the limit or drink less' : 'Cut down'}${now.en}`,
      },
      f === 'acc' ? 4 : undefined, // ACC/AHA 2017 Table 15: −4 mmHg (UNVERIFIED)
    );
  }

  // --- smoking (smokers only)
  if (input.smoker)
    add(
      'smoking',
      { zh: '戒烟，并避免二手烟', en: 'Stop smoking and avoid second-hand smoke' },
      { zh: '可寻求戒烟门诊或戒烟药物帮助', en: 'A stop-smoking clinic or medicines can help' },
    );

  // --- diet (always)
  add(
    'diet',
    f === 'acc'
      ? {
          zh: 'DASH饮食：多蔬果、全谷物、低脂奶，少饱和脂肪',
          en: 'DASH diet: fruit, vegetables, whole grains, low-fat dairy; less saturated fat',
        }
      : f === 'esh'
        ? {
            zh: '地中海或DASH饮食：多蔬果、全谷物、鱼类和坚果，少红肉',
            en: 'Mediterranean or DASH diet: vegetables, fruit, whole grains, fish and nuts; less red meat',
          }
        : {
            zh: '平衡膳食：多蔬菜水果、全谷物和低脂奶，减少饱和脂肪和胆固醇',
            en: 'Balanced diet: more vegetables, fruit, whole grains and low-fat dairy; less saturated fat and cholesterol',
          },
    {
      zh: '每餐一半是蔬菜；用鱼、豆制品代替肥肉',
      en: 'Fill half the plate with vegetables; swap fatty meat for fish or soy',
    },
    f === 'acc' ? 11 : undefined, // ACC/AHA 2017 Table 15: DASH −11 mmHg in hypertension (UNVERIFIED)
  );

  // --- potassium (dietary; caution when hyperkalaemia risk)
  if (input.hyperkalaemiaRisk)
    add(
      'potassium',
      {
        zh: '不要自行补钾或使用含钾代盐',
        en: 'No potassium supplements or potassium salt substitutes on your own',
      },
      {
        zh: '您有高钾风险（肾病或相关药物）：高钾食物和代盐请先咨询医生',
        en: 'You are at risk of high potassium (kidney disease or medicines): ask your doctor before potassium-rich foods or salt substitutes',
      },
    );
  else
    add(
      'potassium',
      f === 'acc'
        ? { zh: '膳食钾 3500–5000 mg/天', en: 'Dietary potassium 3500–5000 mg/day' }
        : {
            zh: '增加富钾食物（蔬菜、水果、豆类）',
            en: 'More potassium-rich foods (vegetables, fruit, beans)',
          },
      {
        zh: '多吃新鲜蔬果；肾病患者请先咨询医生',
        en: 'Eat fresh vegetables and fruit; with kidney disease ask your doctor first',
      },
      f === 'acc' ? 4 : undefined, // ACC/AHA 2017 Table 15: −4/5 mmHg (UNVERIFIED)
    );
  return goals;
}
