import { describe, expect, it } from 'vitest';
import { analyze, emergencyCall } from './analyze.ts';

// Found by a patient trying the consultation on a phone (issue 16, 2026-12-07): the Chinese "胸口像压了块石头，出冷汗"
// was an emergency, its English translation was not. AHA heart-attack warning signs: chest pressure, squeezing,
// fullness — patients describe it as a heavy object on the chest.
const emergency = (t: string) => emergencyCall(analyze(t)).emergency;

describe('a heavy object on the chest (English similes)', () => {
  it.each([
    "feels like a brick on my chest and I'm in a cold sweat",
    'it feels like a stone on my chest',
    'like a ton of bricks on my chest',
    'a rock sitting on my chest since 20 minutes',
    'like a boulder on his chest, he is grey and sweaty',
  ])('%s → emergency', (t) => expect(emergency(t)).toBe(true));

  it.each([
    'I had a kidney stone last year, no chest pain now',
    'my mum had a brick fall on her foot',
    'no chest pain, just a stone in my shoe',
  ])('%s → no emergency', (t) => expect(emergency(t)).toBe(false));
});
