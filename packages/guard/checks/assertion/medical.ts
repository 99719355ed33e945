/**
 * Medical advice with no number, drug or blood-pressure word ("Patients should walk 30 minutes a day", "建议少吃咸菜，
 * 戒烟限酒"): lifestyle, symptoms and care. A sentence with one of these words and no checkable claim is listed as
 * an `assertion` (always unverifiable — it can never flag an answer); small talk is not listed.
 */
export const MEDICAL_ADVICE =
  /\b(?:walk(?:s|ing)?|exercis\w*|physical(?:ly)? activ\w*|aerobic|work ?outs?|jog\w*|swim\w*|cycling|diet\w*|DASH|salt\w*|sodium|alcohol\w*|smok\w*|tobacco|weight|BMI|sleep\w*|caffeine|fruits?|vegetables?|medications?|medicines?|pills?|tablets?|doctors?|physicians?|GP|clinic|emergency|symptoms?|dizz\w*|headaches?|chest pain|faint\w*|follow-?up|check-?ups?|blood (?:sugar|glucose)|cholesterol|heart|strokes?)\b|运动|步行|散步|快走|锻炼|有氧|跑步|游泳|饮食|清淡|少盐|限盐|咸菜|腌制|戒烟|吸烟|抽烟|饮酒|喝酒|限酒|减重|减肥|体重|睡眠|熬夜|水果|蔬菜|服药|吃药|用药|药物|医生|就医|就诊|复诊|随访|急诊|症状|头晕|头痛|胸痛|心脏|卒中|中风|血糖|血脂|胆固醇/i;
