import { describe, expect, it } from 'vitest';
import { parseAlertAction } from './alert-actions.ts';

// A reading is stored to the second (the patient page sends seconds since issue 20's same-minute fix), a contact
// time is entered to the minute: a nurse acting in the reading's own minute must be able to close the alert.
const body = (contactedAt: string) => ({
  contactedBy: 'Nurse Li',
  contactedAt,
  method: 'phone',
  patientReached: true,
  action: 'Repeated after rest 176/104, no symptoms',
});

describe('alert action contact time against the reading time', () => {
  const bounds = { readingAt: '2026-12-07T08:29:23.000Z', raisedAt: '2026-12-07T08:29:24.000Z' };
  const now = '2026-12-07T08:29:50.000Z';
  it('a contact in the reading’s own minute is accepted', () => {
    expect(() => parseAlertAction(body('2026-12-07T08:29:00.000Z'), now, bounds)).not.toThrow();
  });
  it('a contact in the minute before the reading is refused', () => {
    expect(() => parseAlertAction(body('2026-12-07T08:28:00.000Z'), now, bounds)).toThrow(
      /before the reading/,
    );
  });
});
