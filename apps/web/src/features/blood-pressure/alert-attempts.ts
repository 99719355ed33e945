/**
 * A contact that did not reach the patient (decision 0026, issue 20): which alerts it leaves open, what the form's
 * button then does, and what the inbox keeps after the server's answer. The server decides (alert-attempts.ts in
 * packages/bp-monitoring); the console says the same before the click and follows the answer after it.
 */
import type { BpAlert, Handover } from '../../api/bp.ts';

/** Critical alerts and a reported same-day-care result need the patient (or carer) reached, as on the server. */
export function needsPatientReached(alert: Pick<BpAlert, 'severity' | 'kind'>): boolean {
  return alert.severity === 'critical' || alert.kind === 'reported-urgent';
}

/**
 * Whether submitting the form closes the alert (else it records an attempt and the alert stays open). Before the
 * clinician has said whether the patient was reached the button keeps its usual name ("Close alert"): the form then
 * asks for that answer instead of recording anything.
 */
export function submitCloses(
  alert: Pick<BpAlert, 'severity' | 'kind'>,
  reached: 'yes' | 'no' | '',
  handover: Handover | '',
): boolean {
  return reached !== 'no' || handover !== '' || !needsPatientReached(alert);
}

/**
 * The inbox after the server answered a recorded action: a closed alert leaves it; an alert still active (an
 * attempt recorded) stays, as the server now has it (with its attempts), in place.
 */
export function inboxAfterAnswer(
  state: { arrived: BpAlert[]; done: ReadonlySet<string> },
  answered: BpAlert,
): { arrived: BpAlert[]; done: Set<string> } {
  const done = new Set(state.done);
  if (answered.status !== 'active') {
    done.add(answered.id);
    return { arrived: state.arrived, done };
  }
  done.delete(answered.id);
  const at = state.arrived.findIndex((a) => a.id === answered.id);
  const arrived =
    at === -1 ? [answered, ...state.arrived] : state.arrived.map((a, i) => (i === at ? answered : a));
  return { arrived, done };
}
