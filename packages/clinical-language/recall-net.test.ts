import { describe, expect, it } from 'vitest';
import { analyze, emergencyCall } from './analyze.ts';
import { recallAnchors } from './recall-net-gate.ts';
import { RECALL_THRESHOLD, recallGate, recallRaises, recallScore, recallWeights } from './recall-net.ts';
import { normalize } from './normalize.ts';

const RULE =
  'current emergency concept (acute target-organ-damage symptom; ACC/AHA 2017 §11.2 hypertensive emergency)';

describe('recall net (issue 16): raise-only second reading of wording the lexicon does not know', () => {
  it('never lowers an engine emergency: a current emergency mention stands whatever the net scores', () => {
    const a = analyze('突然半边身子动不了');
    expect(emergencyCall(a).emergency).toBe(true);
    // The same mentions under a text the net scores low: still an emergency, by the engine's own rule.
    const low = { ...a, text: '今天天气不错' };
    expect(recallScore(low.text)).toBeLessThan(RECALL_THRESHOLD);
    expect(recallRaises(low)).toBe(false);
    const call = emergencyCall(low);
    expect(call.emergency).toBe(true);
    expect(call.emergencies.length).toBeGreaterThan(0);
    expect(call.rule).toBe(RULE);
  });

  it('catches fresh wording with no lexicon entry, with the usual emergency reason', () => {
    for (const t of [
      'my chest feels like an elephant is sitting on it and I am sweating',
      // ("a truck is parked on my chest" is now a composed simile, compose10.ts: another unknown wording here.)
      'I suddenly feel like a truck has driven onto my chest and I am drenched in sweat',
    ]) {
      const a = analyze(t);
      const call = emergencyCall(a);
      expect(call.emergencies, t).toEqual([]); // the engine's lexicon alone finds no emergency here
      expect(call.emergency, t).toBe(true);
      expect(call.rule, t).toBe(RULE);
      expect(call.rule).not.toMatch(/model|net|learn/i);
    }
  });

  it('a cold sweat is a heart-attack sign, not an explanation by cold (AHA warning signs)', () => {
    for (const t of [
      'I suddenly feel like a truck is parked on my chest and I am in a cold sweat',
      'my chest suddenly feels like a truck is sitting on it and I am cold and clammy',
    ])
      expect(emergencyCall(analyze(t)).emergency, t).toBe(true);
    // Lips blue from the cold sea stay explained.
    expect(recallGate([], 'her lips went blue from the cold sea')).toBe(false);
  });

  it('leaves near misses: an explained, hypothetical or past mention, and everyday wording', () => {
    for (const t of [
      'if my chest feels like an elephant is sitting on it what should I do',
      'my chest felt like an elephant was sitting on it after the gym, sore muscles',
      'my chest felt like an elephant was sitting on it years ago, that was my heart attack',
      '拔了牙以后嘴巴突然怪怪的',
      '后背的衣服突然撕开了',
      '我想不起来钥匙放在哪了',
    ])
      expect(emergencyCall(analyze(t)).emergency, t).toBe(false);
  });

  it('raw-text gates: negation of a simile, a rule explanation, past, other person, general question', () => {
    expect(RECALL_THRESHOLD).toBe(0.8);
    for (const t of [
      'my chest does not feel like an elephant is sitting on it and I am not sweating', // net 0.927 without gate
      'it is not like a brick is on my chest, I am just tired',
      'my mouth has felt strange since the dentist pulled my tooth this morning',
      'my dad said years ago his chest felt like an elephant was sitting on it',
      'does it mean a heart attack when your chest feels like an elephant is sitting on it?',
    ])
      expect(emergencyCall(analyze(t)).emergency, t).toBe(false);
  });

  it('its evidence is never a function word (and, my, 我, 的, 不): the context of a content word is read', () => {
    for (const t of [
      'my chest does not feel like an elephant is sitting on it and I am not sweating',
      '我的胸口并不像压了块石头，我就是有点累',
    ]) {
      const norm = normalize(t).norm;
      const words = recallAnchors(norm, recallWeights()).map((a) => norm.slice(a.start, a.end));
      expect(words.length, t).toBeGreaterThan(0);
      for (const w of words)
        expect(
          ['and', 'my', 'i', 'am', 'it', 'is', 'the', 'a', 'an', '我', '的', '不', '了', '是', '就'],
          t,
        ).not.toContain(w);
    }
  });

  it('is gated by the engine: a ruled-out mention or an explanation of a sign closes the gate', () => {
    const negated = analyze('没有胸痛');
    expect(recallGate(negated.mentions, negated.text)).toBe(false);
    expect(recallGate([], '爬楼的时候喘不上气')).toBe(false); // exertion explains breathlessness (cues.ts)
    expect(recallGate([], 'my chest feels like an elephant is sitting on it')).toBe(true);
  });
});
