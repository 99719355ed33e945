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

export function readingLabelKey(reading: { category: string; grade?: string | undefined }): string {
  if (reading.category === 'crisis') return 'bpHome.category.crisis';
  if (reading.grade && (GRADES as readonly string[]).includes(reading.grade))
    return `bp.categories.${reading.grade}`;
  return `bpHome.category.${reading.category}`;
}
