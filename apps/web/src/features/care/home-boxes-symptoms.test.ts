/**
 * Decision 0024 check (issue 20): a patient who reported a stroke-like episode that passed (a suspected TIA, a
 * same-day report, decision 0021) and has an open crisis reading. The crisis box leads (decision 0024 item 4) but
 * began with "sit down and measure again in 5 minutes"; its own "weakness in an arm or leg, trouble speaking … call
 * 120 now" step (REFERENCE §1.5: crisis-range BP with symptoms of organ damage) came second, and the TIA box's
 * "today" below it. With both open, the page's first instruction is now the emergency one: the 120 step leads the
 * crisis box, the other steps follow unchanged.
 */
import { describe, expect, it } from 'vitest';
import { homeBoxes } from './home-boxes.ts';

const tia = { level: 'urgent' as const, title: '您在问诊中报告的情况需要今天就医' };
const stepsZh = [
  '坐下安静休息 5 分钟，然后再测一次血压。',
  '如果有胸痛、呼吸困难、肢体无力、说话不清或看不清东西、剧烈头痛，请立即拨打 120。',
  '如果没有这些症状，请今天之内联系您的诊所或医生。',
];
const stepsEn = [
  'Sit down and rest quietly for 5 minutes, then measure again.',
  'If you have chest pain, shortness of breath, weakness in an arm or leg, trouble speaking or seeing, or a severe headache, call 120 now.',
  'If you have none of these symptoms, contact your clinic or doctor today.',
];
const crisis = (steps: string[]) => ({ level: 'crisis' as const, title: 'very high', steps });

describe('a same-day (TIA-like) report and an open crisis reading: the emergency instruction first', () => {
  it('zh-CN: the crisis box leads, its first step is the 120 step, then measure again, then the clinic', () => {
    const [first, second] = homeBoxes(tia, crisis(stepsZh));
    expect(first).toMatchObject({ kind: 'reading', leads: true });
    expect((first!.box as { steps: string[] }).steps).toEqual([stepsZh[1], stepsZh[0], stepsZh[2]]);
    expect(second).toMatchObject({ kind: 'reported', leads: false });
  });

  it('en: the same order', () => {
    const [first] = homeBoxes(tia, crisis(stepsEn));
    expect((first!.box as { steps: string[] }).steps[0]).toMatch(/call 120 now\.$/);
  });

  it('a step naming 180/120 mmHg is no call step', () => {
    const steps = ['如果之后再测仍然高于 180/120 mmHg，请今天之内联系您的诊所或医生。', stepsZh[1]!];
    const [first] = homeBoxes(tia, crisis(steps));
    expect((first!.box as { steps: string[] }).steps).toEqual([stepsZh[1], steps[0]]);
  });

  it('without a same-day report the crisis box keeps its own order (measure again first)', () => {
    const [first] = homeBoxes(undefined, crisis(stepsZh));
    expect((first!.box as { steps: string[] }).steps).toEqual(stepsZh);
  });

  it('a reported emergency still leads over both (its own 120 box)', () => {
    const order = homeBoxes({ level: 'emergency' as const }, crisis(stepsZh)).map((b) => b.kind);
    expect(order).toEqual(['reported', 'reading']);
  });
});
