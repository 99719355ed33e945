import { describe, expect, it } from 'vitest';
import { homeBoxes, standingAdvice } from './home-boxes.ts';

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

describe('the top boxes keep one order across a save and a reload (issue 16, H12 try)', () => {
  // Before: the answer to a reading just saved was left out of the top boxes (shown by the form), so after a save
  // the same-day box moved above the very-high-BP box, and back below it on reload.
  type Reading = { level: 'crisis' | 'old-reading'; title: string };
  const alertCrisis: Reading = { level: 'crisis', title: 'open alert crisis' };
  const savedCrisis: Reading = { level: 'crisis', title: 'answer to the reading just saved' };
  const note: Reading = old;
  const standing = (a?: Reading, b?: Reading, c?: Reading) => standingAdvice<Reading>(a, b, c);
  it('the reading box at the top is the open alert one whether or not a reading was just saved', () => {
    expect(standing(savedCrisis, alertCrisis)).toBe(alertCrisis);
    expect(standing(undefined, alertCrisis)).toBe(alertCrisis);
    const afterSave = order(urgent, standing(savedCrisis, alertCrisis, note));
    const afterReload = order(urgent, standing(undefined, alertCrisis, note));
    expect(afterSave).toEqual(['reading:crisis (leads)', 'reported:urgent']);
    expect(afterReload).toEqual(afterSave);
  });
  it('an urgent advice leads over an old reading note; the note alone stands', () => {
    expect(standing(undefined, alertCrisis, note)).toBe(alertCrisis);
    expect(standing(savedCrisis, undefined, note)).toBe(note);
    expect(standing(savedCrisis)).toBeUndefined();
  });
});
