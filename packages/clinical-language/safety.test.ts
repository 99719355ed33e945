import { describe, expect, it } from 'vitest';
import { analyze, emergencyCall } from './analyze.ts';
import { SAFETY_RULES } from './safety.ts';

// The recall-oriented safety layer (safety.ts): each rule with a positive case (an unlisted vague wording with an
// acute cue) and a near miss (no acute cue, an explanation, or a denial). On the tuning parts (1,776 messages) it
// fires on 24 emergencies and on no non-emergency (2026-12-06).
const emergency = (t: string) => emergencyCall(analyze(t)).emergency;

const CASES: { rule: string; pos: string; near: string }[] = [
  { rule: 'face or mouth × odd, acute', pos: '我妈的脸突然怪怪的', near: '拔了牙以后嘴巴突然怪怪的' },
  {
    rule: 'one side of the body × odd, acute',
    pos: '左边身子刚刚不对劲',
    near: '左边身子一直不对劲，压着睡的',
  },
  { rule: 'speech × odd, acute', pos: '他说话突然不对劲', near: '他说话一直不对劲，口音重' },
  { rule: 'sight × odd or dim, acute', pos: '眼睛突然不对劲了', near: '看手机太久眼睛突然花了' },
  { rule: 'chest × discomfort, acute', pos: '胸口突然很难受', near: '胸口不难受，就是突然想问药' },
  { rule: 'breathing × odd, acute', pos: '呼吸突然不对劲', near: '爬楼的时候突然呼吸不对劲' },
  { rule: 'consciousness × clouded, acute', pos: '我爸脑子刚刚迷糊了', near: '刚刚睡醒，脑子迷糊了' },
  { rule: 'back × tearing, acute', pos: '后背突然撕着疼', near: '后背的衣服突然撕开了' },
  {
    rule: 'English body system × odd, acute',
    pos: 'his voice suddenly sounds odd',
    near: 'his voice suddenly sounds odd with his sore throat',
  },
  {
    rule: 'English face × odd, acute',
    pos: 'her mouth suddenly looks weird',
    near: 'her mouth suddenly looks weird after the dentist',
  },
  {
    rule: 'English vision × odd, acute',
    pos: 'my vision is suddenly dim',
    near: 'my vision gets dim after reading for hours on the screen, suddenly',
  },
];

describe('safety layer (issue 16)', () => {
  it('has a case for every rule', () => {
    expect(new Set(CASES.map((c) => `safety: ${c.rule}`))).toEqual(new Set(SAFETY_RULES.map((r) => r.name)));
  });
  for (const c of CASES)
    it(`${c.rule}: "${c.pos}" is an emergency, "${c.near}" is not`, () => {
      expect(emergency(c.pos)).toBe(true);
      expect(emergency(c.near)).toBe(false);
    });
  it('a garment torn at the back is no tearing pain; a tearing back pain is', () => {
    expect(emergency('my jeans ripped apart at the back')).toBe(false);
    expect(emergency('后背的衣服突然撕开了')).toBe(false);
    expect(emergency('后背突然撕裂样疼')).toBe(true);
  });
  it('without an acute cue a vague wording is no emergency', () => {
    expect(emergency('脸有点怪怪的')).toBe(false);
    expect(emergency('vision is a bit off lately')).toBe(false);
  });
});
