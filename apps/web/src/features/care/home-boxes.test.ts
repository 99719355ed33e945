import { describe, expect, it } from 'vitest';
import { leadingAdvice } from './care-model.ts';
import { homeBoxes } from './home-boxes.ts';

const emergency = { level: 'emergency' as const, title: 'reported emergency' };
const urgent = { level: 'urgent' as const, title: 'reported same-day' };
const crisis = { level: 'crisis' as const, title: 'reading crisis' };
const old = { level: 'old-reading' as const, title: 'old reading note' };

const order = (...args: Parameters<typeof homeBoxes>) =>
  homeBoxes(...args).map((b) => `${b.kind}:${b.box.level}${b.leads ? ' (leads)' : ''}`);

describe('the patient home boxes: a reported emergency leads, never downgraded (decision 0024)', () => {
  it('nothing open: no box', () => {
    expect(homeBoxes(undefined, undefined)).toEqual([]);
  });

  it('a reported emergency leads over an open reading crisis, which still shows below it', () => {
    expect(order(emergency, crisis)).toEqual(['reported:emergency (leads)', 'reading:crisis']);
  });

  it('a reported emergency leads over an old reading note', () => {
    expect(order(emergency, old)).toEqual(['reported:emergency (leads)', 'reading:old-reading']);
  });

  it('a reading crisis leads over a same-day report; a same-day report leads over an old reading note', () => {
    expect(order(urgent, crisis)).toEqual(['reading:crisis (leads)', 'reported:urgent']);
    expect(order(urgent, old)).toEqual(['reported:urgent (leads)', 'reading:old-reading']);
  });

  it('one box alone leads', () => {
    expect(order(emergency, undefined)).toEqual(['reported:emergency (leads)']);
    expect(order(undefined, crisis)).toEqual(['reading:crisis (leads)']);
    expect(order(urgent, undefined)).toEqual(['reported:urgent (leads)']);
  });

  it('a reading box below a reported emergency does not give its own steps (no "measure again" under "call 120")', () => {
    const boxes = homeBoxes(emergency, crisis);
    expect(boxes[1]).toMatchObject({ kind: 'reading', underEmergency: true });
    expect(homeBoxes(urgent, crisis)[0]).toMatchObject({ kind: 'reading', underEmergency: false });
    expect(homeBoxes(undefined, crisis)[0]).toMatchObject({ kind: 'reading', underEmergency: false });
  });
});

describe('a handled report is a calm note after everything open (issue 20, decision 0024 amended)', () => {
  const handled = { level: 'handled' as const, text: 'Dr Li contacted you and handled it' };
  const all = (...args: Parameters<typeof homeBoxes>) =>
    homeBoxes(...args).map((b) => `${b.kind}:${b.box.level}${b.leads ? ' (leads)' : ''}`);
  it('after an open reported emergency and an open reading crisis; never leads (a status, not an alert)', () => {
    expect(all(emergency, crisis, handled)).toEqual([
      'reported:emergency (leads)',
      'reading:crisis',
      'handled:handled',
    ]);
    expect(all(urgent, old, handled)).toEqual([
      'reported:urgent (leads)',
      'reading:old-reading',
      'handled:handled',
    ]);
    expect(all(undefined, crisis, handled)).toEqual(['reading:crisis (leads)', 'handled:handled']);
  });
  it('alone it is shown, still not as an alert', () => {
    expect(all(undefined, undefined, handled)).toEqual(['handled:handled']);
  });
});

describe('the top boxes keep one order across a save and a reload (issue 16, H12 try)', () => {
  // Before: the answer to a reading just saved was left out of the top boxes (shown by the form), so after a save
  // the same-day box moved above the very-high-BP box, and back below it on reload. The page now gives the top
  // boxes the leading advice, the just-saved answer included.
  type Reading = { level: 'crisis' | 'old-reading'; title: string };
  const alertCrisis: Reading = { level: 'crisis', title: 'open alert crisis' };
  const savedCrisis: Reading = { level: 'crisis', title: 'answer to the reading just saved' };
  const note: Reading = old;
  it('after a save and after a reload: the reading crisis first, then the same-day report', () => {
    const afterSave = order(urgent, leadingAdvice<Reading>(savedCrisis, alertCrisis, note));
    const afterReload = order(urgent, leadingAdvice<Reading>(undefined, alertCrisis, note));
    expect(afterSave).toEqual(['reading:crisis (leads)', 'reported:urgent']);
    expect(afterReload).toEqual(afterSave);
  });
  it('a just-saved old reading note never hides the open crisis', () => {
    expect(leadingAdvice<Reading>(note, alertCrisis, undefined)).toBe(alertCrisis);
  });
});
