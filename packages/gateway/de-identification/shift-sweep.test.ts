/**
 * Issue 18 item 5 (flaky once): "dates come back unshifted in a stream" depends on the request's random
 * shift. Every shift the seed can pick (±1–30 days) is tried here, with the stream cut at every 1-, 2- and
 * 3-character boundary, so a shift that lands a date on a month end or boundary fails every run, not once.
 */
import { describe, expect, it } from 'vitest';
import { deidentifyChatMessages } from './de-identify.ts';
import { PlaceholderVault, StreamingRestorer } from './placeholder-vault.ts';

const note =
  '门诊病历：陈志强，男，61岁，1961年3月5日出生。2025年5月12日初诊，2025年5月26日复诊。92岁的母亲同住。';

describe('issue 18: the streamed answer comes back unshifted for every possible shift', () => {
  it('all 60 shifts, chunks of 1–3 characters', () => {
    const shifts = new Set<number>();
    for (let seed = 0; seed < 60; seed++) {
      const vault = new PlaceholderVault({ seed });
      const [message] = deidentifyChatMessages([{ role: 'user', content: note }], vault) as {
        content: string;
      }[];
      shifts.add(vault.dateShiftDays!);
      for (const size of [1, 2, 3]) {
        const restorer = new StreamingRestorer(vault);
        let out = '';
        for (let i = 0; i < message!.content.length; i += size)
          out += restorer.push(message!.content.slice(i, i + size));
        out += restorer.flush();
        expect(out, `shift ${vault.dateShiftDays}, chunk ${size}`).toBe(note);
      }
    }
    expect(shifts.size).toBe(60);
  });
});
