/**
 * The word on a patient's reading (issue 20 item 7): the blood-pressure engine's category under the guideline
 * the server used (`grade`: China 2018 165/100 → "2级高血压（中度）"), not a vaguer "偏高"; a crisis-range
 * reading keeps "非常高" (the crisis box says what to do). Without a known grade, the colour word. Pure.
 */
export const GRADES = [
  'normal',
  'elevated',
  'stage-1',
  'stage-2',
  'optimal',
  'high-normal',
  'grade-1',
  'grade-2',
  'grade-3',
] as const;

/** Office categories that name hypertension, and those that do not (the reading's own side of the home threshold). */
const HYPERTENSIVE: readonly string[] = ['stage-1', 'stage-2', 'grade-1', 'grade-2', 'grade-3'];

/**
 * A home reading is judged against the home threshold (`category`: ESH 2023 / China 2018 home ≥135/85, ACC/AHA 2017
 * ≥130/80); the office grade is shown only where it agrees with that side. A reading above the home threshold but
 * below the office one (139/86: "正常高值" under an orange bar) or below it with an office "正常高值" (124/78)
 * reads by the home word (偏高 / 正常范围) — never an office word that contradicts the colour (issue 20 try).
 */
export function readingLabelKey(reading: { category: string; grade?: string | undefined }): string {
  if (reading.category === 'crisis') return 'bpHome.category.crisis';
  const grade = reading.grade;
  if (grade && (GRADES as readonly string[]).includes(grade)) {
    const agrees =
      reading.category === 'high' ? HYPERTENSIVE.includes(grade) : grade === 'normal' || grade === 'optimal';
    if (agrees) return `bp.categories.${grade}`;
  }
  return `bpHome.category.${reading.category}`;
}
