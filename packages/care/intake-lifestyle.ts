/** Lifestyle facts in the intake's lifestyle answer (smoking, alcohol, salt, height, weight, exercise); pure. */

const NEGATION =
  /(没有|没|无|否认|不|未|从不|从未|no|not|never|denies|deny|without|don't|do not|haven't|have not)\s*$/i;

/**
 * Clauses split at punctuation; a term counts unless a negation cue closes the text before it in its clause.
 * Kept for simple term checks (lifestyle answers); conditions and medicines use the clinical-language reading.
 */
export function mentioned(text: string, term: string): string | undefined {
  const lower = text.toLowerCase();
  const needle = term.toLowerCase();
  let from = 0;
  for (;;) {
    const at = lower.indexOf(needle, from);
    if (at < 0) return undefined;
    const clauseStart = Math.max(
      ...['，', '。', ',', '.', ';', '；', '\n', '!', '！', '?', '？'].map((p) =>
        lower.lastIndexOf(p, at - 1),
      ),
    );
    const before = lower.slice(clauseStart + 1, at);
    // A cue anywhere in the short stretch before the term (e.g. "没有高血压和糖尿病" negates both).
    const window = before.slice(-12);
    if (!NEGATION.test(window) && !/(没有|否认|无|no |not |never |denies |without )/i.test(window)) {
      return text.slice(at, at + term.length);
    }
    from = at + needle.length;
  }
}

export interface LifestyleFacts {
  smoker?: boolean;
  alcohol?: boolean;
  salty?: boolean;
  heightCm?: number;
  weightKg?: number;
  exerciseMinutesPerWeek?: number;
}

export function lifestyleIn(text: string): LifestyleFacts {
  const facts: LifestyleFacts = {};
  const smokeTerms = ['吸烟', '抽烟', 'smoke', 'smoking', 'smoker', 'cigarette'];
  const smokeMention = smokeTerms.some((t) => text.toLowerCase().includes(t));
  if (smokeMention) facts.smoker = smokeTerms.some((t) => mentioned(text, t) !== undefined);
  if (/戒烟|quit smoking|ex-smoker|former smoker/i.test(text)) facts.smoker = false;
  // "non-smoker" / "nonsmoker" / "smoke-free" (a try saw "non-smoker, drink a little" recorded as a smoker).
  if (/\bnon-?\s?smok|\bsmoke-free\b|\bnever smoked\b/i.test(text)) facts.smoker = false;
  const alcoholTerms = ['喝酒', '饮酒', 'alcohol', 'drink', 'beer', 'wine', '白酒', '啤酒'];
  if (alcoholTerms.some((t) => text.toLowerCase().includes(t)))
    facts.alcohol = alcoholTerms.some((t) => mentioned(text, t) !== undefined);
  if (/口味(偏)?重|偏咸|爱吃咸|salty|a lot of salt/i.test(text)) facts.salty = true;
  if (/口味(偏)?淡|清淡|low.salt|little salt/i.test(text)) facts.salty = false;
  const height = /(\d{3})\s*(cm|厘米|公分)/i.exec(text) ?? /身高\s*(\d{3})/.exec(text);
  if (height) facts.heightCm = Number(height[1]);
  const jin = /(\d{2,3})\s*斤/.exec(text); // 1 斤 = 0.5 kg
  const weight =
    /(\d{2,3}(?:\.\d)?)\s*(kg|公斤|千克)/i.exec(text) ?? (jin ? null : /体重\s*(\d{2,3})/.exec(text));
  if (weight) facts.weightKg = Number(weight[1]);
  else if (jin) facts.weightKg = Number(jin[1]) / 2;
  const exercise = /(\d{1,4})\s*(分钟|min)/i.exec(text);
  if (exercise) facts.exerciseMinutesPerWeek = Number(exercise[1]);
  return facts;
}

/**
 * Words that tell a habit, an amount or a taste, not a substance (issue 20: the allergy answer "抽烟，一天半包…吃得
 * 比较咸" became allergies "一天半包" and "吃得比较咸"): smoking, drinking, eating and taste, exercise, sleep,
 * frequencies and amounts (packs, cups, times a day or week).
 */
const HABIT_WORDS =
  /[喝抽吸睡跑咸辣]|抽烟|吸烟|烟瘾|戒烟|白酒|啤酒|红酒|黄酒|饮酒|偏甜|油腻|清淡|吃得|爱吃|吃饭|口味|口重|重口|运动|锻炼|散步|上班|熬夜|偶尔|经常|每天|每周|每晚|一天|一周|一年|有时|平时|一般|[半一二两三四五六七八九十几\d]\s*(?:包|支|根|杯|瓶|两|斤|次|碗|盒)|\b(?:drinks?|drinking|smokes?|smoking|smoker|cigarettes?|pack|packs|beer|wine|liquor|salt|salty|spicy|sweet|sugary|fatty|greasy|sometimes|usually|often|occasionally|exercise|sleep|walk|run|daily|weekly|a day|per day|a week|per week)\b/i;

/** Whether words tell a habit or lifestyle rather than name a substance (the allergy answer's unknown words). */
export function soundsLikeLifestyle(words: string): boolean {
  if (HABIT_WORDS.test(words)) return true;
  const facts = lifestyleIn(words);
  return Object.values(facts).some((v) => v !== undefined);
}
