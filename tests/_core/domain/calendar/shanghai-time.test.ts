import {
  addDays,
  endOfShanghaiDay,
  formatShanghai,
  formatWxTime,
  isEndOfShanghaiDay,
  isValidDateKey,
  parseDateKey,
  shanghaiInstant,
  shanghaiParts,
  startOfShanghaiDay,
  toShanghaiDateKey,
  weekdayOf,
} from '../../../../cloudfunctions/_core/domain/calendar/shanghai-time';

describe('Shanghai calendar days', () => {
  it.each([
    ['2025-11-20T15:59:59.999Z', '2025-11-20'],
    ['2025-11-20T16:00:00.000Z', '2025-11-21'],
    ['2025-12-31T16:00:00.000Z', '2026-01-01'],
    ['2026-02-16T02:00:00.000Z', '2026-02-16'],
  ])('%s falls on %s in Shanghai', (iso, key) => {
    expect(toShanghaiDateKey(new Date(iso))).toBe(key);
  });

  it('gives the start and the last instant (24:00) of a Shanghai day', () => {
    expect(startOfShanghaiDay('2025-10-09').toISOString()).toBe('2025-10-08T16:00:00.000Z');
    expect(endOfShanghaiDay('2025-10-09').toISOString()).toBe('2025-10-09T15:59:59.999Z');
    expect(isEndOfShanghaiDay(endOfShanghaiDay('2025-10-09'))).toBe(true);
    expect(isEndOfShanghaiDay(startOfShanghaiDay('2025-10-10'))).toBe(false);
  });

  it('builds an instant from Shanghai wall-clock time', () => {
    expect(shanghaiInstant('2026-09-30', 23, 50).toISOString()).toBe('2026-09-30T15:50:00.000Z');
  });

  it.each([
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-1-5', false],
    ['20260105', false],
    ['', false],
  ])('isValidDateKey(%j) is %s', (key, valid) => {
    expect(isValidDateKey(key)).toBe(valid);
  });

  it('refuses impossible dates', () => {
    expect(() => parseDateKey('2026-02-30')).toThrow(RangeError);
    expect(() => weekdayOf('not-a-date')).toThrow(RangeError);
  });

  it('knows weekdays and adds days across month and year ends', () => {
    expect(weekdayOf('2026-02-14')).toBe(6);
    expect(weekdayOf('2026-01-04')).toBe(0);
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('reads wall-clock parts in Shanghai', () => {
    expect(shanghaiParts(new Date('2026-11-22T06:00:00Z'))).toEqual({
      year: 2026,
      month: 11,
      day: 22,
      hour: 14,
      minute: 0,
      second: 0,
      millisecond: 0,
      weekday: 0,
    });
  });
});

describe('formatShanghai', () => {
  const t = new Date('2026-11-22T06:05:09.042Z'); // 2026-11-22 14:05:09.042 in Shanghai, a Sunday

  it.each([
    ['YYYY-MM-DD HH:mm:ss.SSS', '2026-11-22 14:05:09.042'],
    ['M月D日(ddd) H:mm', '11月22日(周日) 14:05'],
    ['[YYYY] YYYY', 'YYYY 2026'],
  ])('%s → %s', (pattern, text) => {
    expect(formatShanghai(t, pattern)).toBe(text);
  });

  it('writes the WeChat subscription time format', () => {
    expect(formatWxTime(new Date('2026-11-22T06:00:00Z'))).toBe('2026年11月22日 14:00');
    expect(formatWxTime(new Date('2026-01-04T15:59:59.999Z'))).toBe('2026年1月4日 23:59');
  });

  it('refuses an invalid Date', () => {
    expect(() => formatWxTime(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('does not depend on the process time zone', () => {
    const saved = process.env.TZ;
    const results: string[] = [];
    try {
      for (const tz of ['UTC', 'Asia/Shanghai', 'America/New_York', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        results.push(`${toShanghaiDateKey(t)} ${formatWxTime(t)} ${endOfShanghaiDay('2026-03-08').toISOString()}`);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(new Set(results)).toEqual(new Set(['2026-11-22 2026年11月22日 14:05 2026-03-08T15:59:59.999Z']));
  });
});
