/**
 * Reading the model's second opinion on the consultation triage (issue 16 item 2): only a JSON level counts.
 * The second opinion through a whole consultation (only raises; the engine's level stands when the model fails
 * or is absent): apps/server/api-tests/care/second-opinion.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseLevel } from './second-opinion.ts';

describe('triage second opinion from the model (only raises)', () => {
  it('reads only a JSON level from the answer', () => {
    expect(parseLevel('{"level":"emergency"}')).toBe('emergency');
    expect(parseLevel('<think>maybe "level":"none"</think> {"level": "URGENT"}')).toBe('urgent');
    expect(parseLevel('emergency!')).toBeUndefined();
  });
});
