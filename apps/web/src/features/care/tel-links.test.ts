import { describe, expect, it } from 'vitest';
import { emergencyNumber, telSegments } from './tel-links.ts';

describe('telSegments: emergency numbers in patient text become tel: links', () => {
  it('links 120 in a Chinese instruction', () => {
    expect(telSegments('请立即拨打120或前往最近的急诊。')).toEqual([
      { text: '请立即拨打' },
      { text: '120', tel: '120' },
      { text: '或前往最近的急诊。' },
    ]);
  });
  it('links 911 and "(120)" in English text', () => {
    expect(telSegments('Call 911 now').filter((s) => s.tel)).toEqual([{ text: '911', tel: '911' }]);
    expect(telSegments('Call emergency services (120) now').filter((s) => s.tel)).toEqual([
      { text: '120', tel: '120' },
    ]);
  });
  it('never links a blood-pressure value such as 180/120 mmHg or 120 mmHg', () => {
    expect(telSegments('高于 180/120 mmHg').every((s) => !s.tel)).toBe(true);
    expect(telSegments('DBP 120 mmHg, 1200, 1120').every((s) => !s.tel)).toBe(true);
    expect(telSegments('your reading 192/126').every((s) => !s.tel)).toBe(true);
  });
  it('emergencyNumber: the number the text names, else 120', () => {
    expect(emergencyNumber('Call 911 now')).toBe('911');
    expect(emergencyNumber('请立即拨打120')).toBe('120');
    expect(emergencyNumber('Sit down and rest')).toBe('120');
  });
});
