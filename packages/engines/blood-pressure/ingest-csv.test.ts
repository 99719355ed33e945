import { describe, expect, it } from 'vitest';
import { detectFormat, ingest } from './ingest.ts';
import { CSV_HEADER_HELP } from './ingest-csv.ts';

const NOW = '2026-12-08T12:00:00Z';

describe('CSV device export headers (issue 20: common device-export names)', () => {
  it('reads systolic/diastolic with a time column', () => {
    const res = ingest('time,systolic,diastolic,pulse\n2026-12-08T07:00:00+08:00,138,88,72\n', { now: NOW });
    expect(res.format).toBe('csv');
    expect(res.readings).toHaveLength(1);
    expect(res.readings[0]).toMatchObject({ sbp: 138, dbp: 88, heartRate: 72 });
  });

  it('reads Date,Time,SYS,DIA: the date and clock columns make the local time in the given zone', () => {
    const text = 'Date,Time,SYS,DIA,PUL\n2026/12/08,7:05,142,91,70\n2026-12-07,21:30:00,135,85,\n';
    expect(detectFormat(text)).toBe('csv');
    const res = ingest(text, { now: NOW, timeZone: 'Asia/Shanghai' });
    expect(res.rejected).toBe(0);
    expect(res.readings.map((r) => [r.time, r.sbp, r.dbp])).toEqual([
      ['2026-12-08T07:05:00+08:00', 142, 91],
      ['2026-12-07T21:30:00+08:00', 135, 85],
    ]);
    expect(Date.parse(res.readings[0]!.time)).toBe(Date.parse('2026-12-07T23:05:00Z'));
  });

  it('reads Chinese headers with units in brackets (收缩压(mmHg), 舒张压（mmHg）, 测量时间, 脉搏)', () => {
    const text = '测量时间,收缩压(mmHg),舒张压（mmHg）,脉搏\n2026-12-08 08:00,150,95,80\n';
    const res = ingest(text, { now: NOW, timeZone: 'Asia/Shanghai' });
    expect(res.readings).toHaveLength(1);
    expect(res.readings[0]).toMatchObject({
      time: '2026-12-08T08:00:00+08:00',
      sbp: 150,
      dbp: 95,
      heartRate: 80,
    });
  });

  it('a local time in a daylight-saving zone takes the offset of that date', () => {
    const res = ingest('date,time,sys,dia\n2026-07-01,08:00,130,80\n', {
      now: NOW,
      timeZone: 'Europe/Berlin',
    });
    expect(res.readings[0]!.time).toBe('2026-07-01T08:00:00+02:00');
  });

  it('keeps the time-sbp-dbp format as it was (times with offsets)', () => {
    const res = ingest('time,sbp,dbp\n2026-12-08T07:00:00+08:00,138,88\n', {
      now: NOW,
      timeZone: 'Europe/Berlin',
    });
    expect(res.readings[0]!.time).toBe('2026-12-08T07:00:00+08:00');
  });

  it('a header without blood-pressure columns names the accepted columns in every rejection', () => {
    const res = ingest('when,high,low\n2026-12-08T07:00:00+08:00,138,88\n', { now: NOW, format: 'csv' });
    expect(res.rejected).toBe(1);
    const [record] = res.records;
    expect(record).toMatchObject({ status: 'rejected', code: 'missing-value' });
    const reason = (record as { reason: string }).reason;
    for (const name of ['sbp', 'systolic', 'SYS', '收缩压', 'dbp', 'diastolic', 'DIA', '舒张压', 'date']) {
      expect(reason).toContain(name);
    }
    expect(CSV_HEADER_HELP).toContain('time');
  });
});
