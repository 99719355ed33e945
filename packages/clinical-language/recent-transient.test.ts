import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.ts';
import { recentTransientEpisode } from './recent-transient.ts';

const found = (t: string) => recentTransientEpisode(analyze(t))?.text;

// Decision 0021: a stroke-like episode on one of the last days that went away is a suspected TIA (NICE NG128 1.1.5).
describe('recentTransientEpisode', () => {
  it.each([
    '昨天下午左手突然没劲，说话也不清楚，十分钟就好了，今天一整天都没事',
    '前天晚上右眼突然看不见了，过了几分钟自己好了',
    'Yesterday my left arm went weak and my speech was slurred for 10 minutes, fine since.',
    'On Monday my face drooped for a few minutes. It has been fine every day since.',
    '7天前左手突然没劲，十分钟就好了，之后一直正常',
    '大前天早上右手拿不住筷子，说话大舌头，半小时后好了，这两天都正常',
  ])('finds a recent episode that is over: %s', (t) => {
    expect(found(t)).toBeTruthy();
  });

  it.each([
    '三年前中风过，现在恢复得不错',
    '我爸前年脑梗过，现在血压130/80',
    '昨天问了医生，我五年前中风过，降压药要不要换',
    '小时候有过一次眼睛突然看不见，昨天想起来问问',
    '如果昨天那样手麻再出现怎么办',
    '好几年了每周三次手发麻，一会儿就好',
    // RCP 2016's week is the bound: 8 or 17 days ago is not raised (7 days ago is).
    '17天前左手突然没劲，十分钟就好了，之后一直正常',
    '十七天前右眼突然看不见，几分钟后好了',
    '8 days ago my left arm went weak for ten minutes; fine since.',
    '昨天没有手麻，也没有说话不清',
    'I had a stroke in 2019; yesterday I asked about my pills.',
    'No weakness or slurred speech yesterday.',
  ])('not for long ago, denied or hypothetical: %s', (t) => {
    expect(found(t)).toBeUndefined();
  });
});
