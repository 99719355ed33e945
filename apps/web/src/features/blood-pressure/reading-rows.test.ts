import { describe, expect, it } from 'vitest';
import { readingRows, withdrawnText, type WithdrawnWords } from './reading-rows.ts';

const reading = (id: string, time: string, sbp: number) =>
  ({ id, time, sbp, dbp: 80, category: 'normal' }) as const;

describe('the clinician’s reading list with withdrawn readings (issue 20)', () => {
  it('one list, newest first; withdrawn rows marked as such', () => {
    const rows = readingRows({
      readings: [reading('b', '2026-03-10T05:00:00Z', 128), reading('a', '2026-03-09T05:00:00Z', 131)],
      withdrawn: [
        {
          id: 'w',
          time: '2026-03-10T03:58:00Z',
          sbp: 185,
          dbp: 122,
          withdrawn: { at: '2026-03-10T04:05:00Z', by: 'patient', reason: '不是我的读数' },
        },
      ],
    });
    expect(rows.map((r) => [r.kind, r.reading.id])).toEqual([
      ['reading', 'b'],
      ['withdrawn', 'w'],
      ['reading', 'a'],
    ]);
  });

  it('no withdrawn list (the patient’s own answer): the readings only', () => {
    expect(readingRows({ readings: [reading('a', '2026-03-09T05:00:00Z', 131)] })).toHaveLength(1);
  });

  const zh: WithdrawnWords = {
    byPatient: '患者本人',
    byCareTeam: '医护人员',
    byCareTeamNamed: (name) => `医护人员（${name}）`,
    byUnknown: '经记录更新',
    who: (by, time) => `${by}于 ${time} 撤回`,
    whoNoTime: (by) => `${by}撤回`,
    colon: '：',
  };
  const time = (iso: string) => iso.slice(0, 16).replace('T', ' ');

  it('says who, when and why', () => {
    expect(
      withdrawnText({ at: '2026-03-10T04:05:00Z', by: 'patient', reason: '不是我的读数' }, zh, time),
    ).toBe('患者本人于 2026-03-10 04:05 撤回：不是我的读数');
    expect(
      withdrawnText(
        { at: '2026-03-10T04:05:00Z', by: 'care-team', name: 'nurse', reason: 'wrong arm' },
        zh,
        time,
      ),
    ).toBe('医护人员（nurse）于 2026-03-10 04:05 撤回：wrong arm');
  });

  it('a reading marked entered in error without the withdrawal note: what is known', () => {
    expect(withdrawnText({}, zh, time)).toBe('经记录更新撤回');
    expect(withdrawnText({ at: '2026-03-10T04:05:00Z' }, zh, time)).toBe(
      '经记录更新于 2026-03-10 04:05 撤回',
    );
  });
});
