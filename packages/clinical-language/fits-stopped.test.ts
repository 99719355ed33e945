import { describe, expect, it } from 'vitest';
import { emergency } from './test-support/modifiers.ts';

// The README's labelling convention for fits (epilepsy first aid: when to call an ambulance): a fit today that has
// stopped is over only when the person is awake and answering normally and nothing urgent is said (a first fit, a
// fever or a child, drowsy or not woken, five minutes or more, again, pregnancy); one on a past day that stopped, or
// one already seen by a doctor, is over. The generic "it stopped" rules no longer close a fit on their own.
describe('a fit that stopped (issue 16, fits convention)', () => {
  it('stays an emergency today when it lasted five minutes or more, or nothing says the person is awake', () => {
    expect(emergency('抽了五分钟才停，现在醒着能说话')).toBe(true);
    expect(emergency('抽了5分钟才停，现在醒着能说话')).toBe(true);
    expect(emergency('抽了一分钟就停了')).toBe(true);
    expect(emergency('He had a fit that lasted 6 minutes, he is awake and talking now')).toBe(true);
  });
  it('is over today when it stopped and the person is awake and talking normally, nothing urgent said', () => {
    expect(emergency('抽了一分钟才停，现在醒着能说话')).toBe(false);
    expect(emergency('老毛病癫痫，刚抽了一分钟，现在醒了说话正常')).toBe(false);
    expect(emergency('He had a fit, it stopped after a minute, awake and talking now')).toBe(false);
  });
  it('is over on a past day or once seen by a doctor', () => {
    expect(emergency('上周抽了两分钟就停了')).toBe(false);
    expect(emergency('昨天抽了五分钟才停')).toBe(false);
    expect(emergency('发烧抽了一次，已经看过医生了')).toBe(false);
    expect(emergency('he had a fit yesterday, gone in a minute')).toBe(false);
  });
});
