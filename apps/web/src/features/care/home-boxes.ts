/**
 * Which box tops the patient's home (issue 20/16, decision 0024): an emergency the patient reported in a
 * consultation leads over any reading's advice (an emergency is never downgraded); an open crisis reading's box
 * still shows, below it. A crisis reading (a critical alert) comes before a same-day report, and a same-day report
 * before an old reading's note. Only the first box leads (one clear top instruction). A reported alert the care team
 * closed in the last 72 h is a calm status note after everything open and never leads (issue 20). With a crisis
 * reading and a same-day report both open, the crisis box's 120 step leads its steps (callStepFirst). Pure.
 */
type ReportedLevel = 'emergency' | 'urgent';
type ReadingLevel = 'crisis' | 'old-reading';

/** Lower first: emergency, reading crisis, same-day report, old reading note. */
const RANK: Record<ReportedLevel | ReadingLevel, number> = {
  emergency: 0,
  crisis: 1,
  urgent: 2,
  'old-reading': 3,
};

/**
 * `underEmergency`: a reading's box below a reported emergency. Its own steps ("sit down, measure again in 5
 * minutes") would contradict the 120 instruction above it, so the page says instead to follow the box above.
 */
export type HomeBox<R, A, H = never> =
  | { kind: 'reported'; box: R; leads: boolean }
  | { kind: 'reading'; box: A; leads: boolean; underEmergency: boolean }
  | { kind: 'handled'; box: H; leads: false };

/** The step that says to call 120 (every crisis box has one, REFERENCE §1.5); "180/120 mmHg" is not one. */
const CALL_120 = /拨打\s*120|call 120/i;

/**
 * A crisis reading's box above a same-day report (e.g. a stroke-like episode that passed, decision 0021): the patient
 * has told us of symptoms, so the box's own "with these symptoms call 120 now" step (REFERENCE §1.5: crisis-range
 * BP with symptoms of organ damage) comes first, before "measure again" (issue 20 check of decision 0024). The
 * steps are the server's, in the page's language; only their order changes.
 */
function callStepFirst<A>(box: A): A {
  const steps = (box as { steps?: unknown }).steps;
  if (!Array.isArray(steps)) return box;
  const i = steps.findIndex((s) => typeof s === 'string' && CALL_120.test(s));
  if (i <= 0) return box;
  return { ...box, steps: [steps[i], ...steps.filter((_, k) => k !== i)] };
}

export function homeBoxes<
  R extends { level: ReportedLevel },
  A extends { level: ReadingLevel },
  H extends { level: 'handled' } = never,
>(reported: R | undefined, reading: A | undefined, handled?: H): HomeBox<R, A, H>[] {
  const boxes: Exclude<HomeBox<R, A, H>, { kind: 'handled' }>[] = [
    ...(reported ? [{ kind: 'reported' as const, box: reported, leads: false }] : []),
    ...(reading
      ? [
          {
            kind: 'reading' as const,
            box:
              reading.level === 'crisis' && reported?.level === 'urgent' ? callStepFirst(reading) : reading,
            leads: false,
            underEmergency: reported?.level === 'emergency',
          },
        ]
      : []),
  ];
  // Stable: on a tie (none today) the reported box stays first.
  boxes.sort((a, b) => RANK[a.box.level] - RANK[b.box.level]);
  return [
    ...boxes.map((b, i) => ({ ...b, leads: i === 0 })),
    ...(handled ? [{ kind: 'handled' as const, box: handled, leads: false as const }] : []),
  ];
}
