/**
 * Which words count a session's readings (issue 20 item 6: "已测 3 / 2 次", "3 of 2 readings taken"): taken of
 * planned while fewer were taken, "done (N readings)" once the plan is reached or passed. Pure.
 */
export function readingsTakenKey(
  taken: number,
  planned: number,
): 'care.home.readingsTaken' | 'care.home.readingsDone' {
  return planned > 0 && taken >= planned ? 'care.home.readingsDone' : 'care.home.readingsTaken';
}
