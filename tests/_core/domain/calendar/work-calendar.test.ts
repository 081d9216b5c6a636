import { workCalendarData } from '../../../../cloudfunctions/_core/config/holidays';
import { createWorkCalendar, type DayKind } from '../../../../cloudfunctions/_core/domain/calendar/work-calendar';

const cal = createWorkCalendar(workCalendarData);

describe('isWorkingDay / dayKind', () => {
  it.each<[string, string, DayKind, string | undefined]>([
    ['ordinary Friday', '2025-11-21', 'workday', undefined],
    ['ordinary Saturday', '2025-11-22', 'weekend', undefined],
    ['元旦 2025 (a Wednesday)', '2025-01-01', 'holiday', '元旦'],
    ['the day after 元旦 2025', '2025-01-02', 'workday', undefined],
    ['春节 2025 make-up Sunday', '2025-01-26', 'makeUpWorkday', '春节'],
    ['除夕 2026 (a Monday inside 春节)', '2026-02-16', 'holiday', '春节'],
    ['a Saturday inside 春节 2026', '2026-02-21', 'holiday', '春节'],
    ['春节 2026 make-up Saturday before', '2026-02-14', 'makeUpWorkday', '春节'],
    ['春节 2026 make-up Saturday after', '2026-02-28', 'makeUpWorkday', '春节'],
    ['first working day after 春节 2026', '2026-02-24', 'workday', undefined],
    ['中秋节 2025 inside 国庆', '2025-10-06', 'holiday', '中秋节'],
    ['国庆 2025 last day (a Wednesday)', '2025-10-08', 'holiday', '国庆节'],
    ['国庆 2025 make-up Saturday', '2025-10-11', 'makeUpWorkday', '国庆节'],
    ['国庆 2026 make-up Sunday', '2026-09-20', 'makeUpWorkday', '国庆节'],
    ['元旦 2026 make-up Sunday', '2026-01-04', 'makeUpWorkday', '元旦'],
    ['2027 has no data: Friday 1 January falls back to a working day', '2027-01-01', 'workday', undefined],
    ['2027 has no data: Saturday', '2027-01-02', 'weekend', undefined],
    ['2024 has no data: Tuesday', '2024-12-31', 'workday', undefined],
  ])('%s (%s) is %s', (_label, date, kind, name) => {
    expect(cal.dayKind(date)).toBe(kind);
    expect(cal.isWorkingDay(date)).toBe(kind === 'workday' || kind === 'makeUpWorkday');
    expect(cal.holidayName(date)).toBe(name);
  });

  it('refuses a date that does not exist', () => {
    expect(() => cal.isWorkingDay('2026-02-29')).toThrow(RangeError);
  });
});

describe('coverage', () => {
  it('says which years have data, so callers can warn about the Monday–Friday fallback', () => {
    expect(cal.coverage).toEqual([2025, 2026]);
    expect(cal.hasDataFor(2025)).toBe(true);
    expect(cal.hasDataFor(2026)).toBe(true);
    expect(cal.hasDataFor(2027)).toBe(false);
    expect(cal.hasDataFor(2024)).toBe(false);
  });

  it('works with no data at all (pure Monday–Friday)', () => {
    const bare = createWorkCalendar([]);
    expect(bare.coverage).toEqual([]);
    expect(bare.isWorkingDay('2025-10-01')).toBe(true);
    expect(bare.nextWorkingDay('2025-11-21')).toBe('2025-11-24');
  });
});

describe('nextWorkingDay / addWorkingDays', () => {
  it.each([
    ['Friday → Monday', '2025-11-21', 1, '2025-11-24'],
    ['9/30 → after 国庆 2025', '2025-09-30', 1, '2025-10-09'],
    ['9/30 → third working day, a make-up Saturday', '2025-09-30', 3, '2025-10-11'],
    ['12/31 → across 元旦 into a make-up Sunday', '2025-12-31', 1, '2026-01-04'],
    ['春节 2026 Friday → make-up Saturday', '2026-02-13', 1, '2026-02-14'],
    ['make-up Saturday → after 春节 2026', '2026-02-14', 1, '2026-02-24'],
    ['inside 春节 2026 → after it', '2026-02-18', 1, '2026-02-24'],
    ['into 2027, without data', '2026-12-31', 1, '2027-01-01'],
    ['zero days is the day itself', '2026-02-18', 0, '2026-02-18'],
  ])('%s: %s + %i working day(s) = %s', (_label, from, n, expected) => {
    expect(cal.addWorkingDays(from, n)).toBe(expected);
    if (n === 1) expect(cal.nextWorkingDay(from)).toBe(expected);
  });

  it('refuses negative or fractional counts', () => {
    expect(() => cal.addWorkingDays('2026-02-18', -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-02-18', 1.5)).toThrow(RangeError);
  });
});
