// The SLA rule: normal deadlines are 24:00 (Shanghai) of the N-th working day after the day of the
// event (accept N = 1; resolve N = 3, complex 5); urgent ones are 30 minutes / 24 plain hours.
import { workCalendarData } from '../../../../cloudfunctions/_core/config/holidays';
import {
  acceptDeadline,
  describeDeadline,
  endOfNthWorkingDayAfter,
  isOverdue,
  resolveDeadline,
  workingDaysBetween,
} from '../../../../cloudfunctions/_core/domain/calendar/deadlines';
import { formatWxTime } from '../../../../cloudfunctions/_core/domain/calendar/shanghai-time';
import { createWorkCalendar } from '../../../../cloudfunctions/_core/domain/calendar/work-calendar';

const cal = createWorkCalendar(workCalendarData);

/** A Shanghai wall-clock time, 'YYYY-MM-DD HH:mm', as an instant. */
const sh = (text: string): Date => new Date(`${text.replace(' ', 'T')}:00+08:00`);
/** 24:00 Shanghai of a day, i.e. its last millisecond. */
const endOf = (date: string): Date => new Date(`${date}T23:59:59.999+08:00`);

describe('acceptDeadline, normal: 24:00 of the first working day after the day of submission', () => {
  it.each([
    ['ordinary Thursday morning', '2025-11-20 09:00', '2025-11-21'],
    ['ordinary Thursday, one minute to midnight', '2025-11-20 23:59', '2025-11-21'],
    ['Friday evening → Monday', '2025-11-21 19:30', '2025-11-24'],
    ['Friday just after midnight (still Thursday night in UTC)', '2025-11-21 00:30', '2025-11-24'],
    ['ordinary Saturday → Monday', '2025-11-22 10:00', '2025-11-24'],
    ['春节 2026, on the eve (除夕)', '2026-02-16 10:00', '2026-02-24'],
    ['春节 2026, during the holiday', '2026-02-20 15:00', '2026-02-24'],
    ['春节 2026, last day of the holiday', '2026-02-23 20:00', '2026-02-24'],
    ['春节 2026, Friday before → the make-up Saturday counts', '2026-02-13 18:00', '2026-02-14'],
    ['春节 2026, made on the make-up Saturday → after the holiday', '2026-02-14 09:00', '2026-02-24'],
    ['国庆 2025, 9/30 evening', '2025-09-30 20:00', '2025-10-09'],
    ['国庆 2025, on 中秋节 inside it', '2025-10-06 11:00', '2025-10-09'],
    ['国庆 2025, made on the make-up Sunday before', '2025-09-28 10:00', '2025-09-29'],
    ['国庆 2025, Friday after → the make-up Saturday', '2025-10-10 17:00', '2025-10-11'],
    ['国庆 2026, 9/30 evening', '2026-09-30 21:00', '2026-10-08'],
    ['国庆 2026, Friday after → the make-up Saturday', '2026-10-09 17:00', '2026-10-10'],
    ['元旦 2026, 12/31 → the make-up Sunday', '2025-12-31 15:00', '2026-01-04'],
    ['元旦 2025, 12/31/2024 (no 2024 data needed)', '2024-12-31 16:00', '2025-01-02'],
    ['清明 2026, Friday before', '2026-04-03 10:00', '2026-04-07'],
    ['劳动节 2026, Thursday before', '2026-04-30 10:00', '2026-05-06'],
  ])('%s: submitted %s → by %s 24:00', (_label, submitted, by) => {
    expect(acceptDeadline(sh(submitted), 'normal', cal)).toEqual(endOf(by));
  });

  it('is written for residents and for the WeChat time field', () => {
    const deadline = acceptDeadline(sh('2025-09-30 20:00'), 'normal', cal);
    expect(deadline.toISOString()).toBe('2025-10-09T15:59:59.999Z');
    expect(describeDeadline(deadline, sh('2025-09-30 20:00'))).toBe('10月9日(周四) 24:00 前');
    expect(formatWxTime(deadline)).toBe('2025年10月9日 23:59');
  });
});

describe('resolveDeadline, normal and complex: 24:00 of the 3rd / 5th working day after the day of acceptance', () => {
  it.each([
    ['ordinary Monday', '2025-11-24 09:00', '2025-11-27', '2025-12-01'],
    ['国庆 2025, accepted 9/30; the make-up Saturday counts', '2025-09-30 20:00', '2025-10-11', '2025-10-14'],
    ['国庆 2026, accepted on the first day back', '2026-10-08 10:00', '2026-10-12', '2026-10-14'],
    ['春节 2026, accepted Friday before the holiday', '2026-02-13 10:00', '2026-02-25', '2026-02-27'],
    ['春节 2026, accepted on the first day back; make-up Saturday 2/28 counts', '2026-02-24 09:00', '2026-02-27', '2026-03-02'],
    ['元旦 2026, accepted 12/31', '2025-12-31 09:00', '2026-01-06', '2026-01-08'],
  ])('%s: accepted %s → normal by %s, complex by %s', (_label, accepted, normal, complex) => {
    expect(resolveDeadline(sh(accepted), 'normal', 'normal', cal)).toEqual(endOf(normal));
    expect(resolveDeadline(sh(accepted), 'complex', 'normal', cal)).toEqual(endOf(complex));
  });
});

describe('urgent (抢修抢险): plain hours, holidays ignored', () => {
  it('accepts within 30 minutes of a report at 23:50, across midnight into 国庆', () => {
    expect(acceptDeadline(sh('2026-09-30 23:50'), 'urgent', cal)).toEqual(sh('2026-10-01 00:20'));
  });

  it('resolves 24 plain hours after acceptance, across a holiday, whatever the complexity', () => {
    const accepted = sh('2026-10-01 00:10');
    expect(resolveDeadline(accepted, 'normal', 'urgent', cal)).toEqual(sh('2026-10-02 00:10'));
    expect(resolveDeadline(accepted, 'complex', 'urgent', cal)).toEqual(sh('2026-10-02 00:10'));
  });

  it('works the same on 除夕', () => {
    expect(acceptDeadline(sh('2026-02-16 23:50'), 'urgent', cal)).toEqual(sh('2026-02-17 00:20'));
    expect(resolveDeadline(sh('2026-02-17 00:15'), 'normal', 'urgent', cal)).toEqual(sh('2026-02-18 00:15'));
  });

  it('keeps seconds exactly', () => {
    const submitted = new Date('2026-03-10T06:03:27.500Z');
    expect(acceptDeadline(submitted, 'urgent', cal).toISOString()).toBe('2026-03-10T06:33:27.500Z');
  });
});

describe('isOverdue', () => {
  const deadline = endOf('2025-10-09');
  it.each([
    ['well before', sh('2025-10-09 10:00'), false],
    ['at the deadline instant', deadline, false],
    ['one millisecond later (10/10 00:00)', new Date(deadline.getTime() + 1), true],
    ['the next morning', sh('2025-10-10 09:00'), true],
  ])('%s → %s', (_label, now, overdue) => {
    expect(isOverdue(deadline, now)).toBe(overdue);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['same day', '2025-09-30 08:00', '2025-09-30 22:00', 0],
    ['across 国庆 2025, deadline day included', '2025-09-30 20:00', '2025-10-09 10:00', 1],
    ['inside 国庆 2025 only', '2025-09-30 20:00', '2025-10-08 23:00', 0],
    ['backwards', '2025-10-09 10:00', '2025-09-30 20:00', 0],
    ['all of 2025', '2024-12-31 12:00', '2025-12-31 12:00', 248],
    ['all of 2026', '2025-12-31 12:00', '2026-12-31 12:00', 248],
  ])('%s: %s → %s = %i', (_label, from, to, n) => {
    expect(workingDaysBetween(sh(from), sh(to), cal)).toBe(n);
  });

  it('mirrors the deadline rule: the N-th working day after t is N working days after t', () => {
    const starts = ['2025-09-30 20:00', '2026-02-13 18:00', '2026-02-14 09:00', '2025-12-31 15:00', '2026-10-09 17:00', '2025-11-22 10:00'];
    for (const start of starts) {
      for (let n = 1; n <= 7; n += 1) {
        expect(workingDaysBetween(sh(start), endOfNthWorkingDayAfter(sh(start), n, cal), cal)).toBe(n);
      }
    }
  });
});

describe('describeDeadline (Shanghai time)', () => {
  it.each([
    ['today, end of day', endOf('2025-10-09'), sh('2025-10-09 10:00'), '今天 24:00 前'],
    ['at the deadline instant itself', endOf('2025-10-09'), endOf('2025-10-09'), '今天 24:00 前'],
    ['tomorrow, end of day', endOf('2025-10-09'), sh('2025-10-08 10:00'), '明天 24:00 前'],
    ['the day after tomorrow', endOf('2025-10-09'), sh('2025-10-07 10:00'), '后天 24:00 前'],
    ['urgent, past midnight', sh('2026-10-01 00:20'), sh('2026-09-30 23:50'), '明天 00:20 前'],
    ['tomorrow at 18:00', sh('2026-11-22 18:00'), sh('2026-11-21 09:00'), '明天 18:00 前'],
    ['a later date with its weekday', endOf('2026-11-25'), sh('2026-11-20 09:00'), '11月25日(周三) 24:00 前'],
    ['next year', endOf('2026-01-04'), sh('2025-12-31 15:00'), '2026年1月4日(周日) 24:00 前'],
    ['"today" is the Shanghai day, not the UTC one', endOf('2025-10-10'), new Date('2025-10-09T17:00:00Z'), '今天 24:00 前'],
    ['just missed', endOf('2025-10-09'), new Date('2025-10-09T16:00:30Z'), '刚刚超时'],
    ['minutes late', sh('2026-03-10 14:30'), sh('2026-03-10 14:31'), '已超时 1 分钟'],
    ['45 minutes late', endOf('2025-10-09'), sh('2025-10-10 00:45'), '已超时 45 分钟'],
    ['hours late, counted from 24:00', endOf('2025-10-09'), sh('2025-10-10 02:00'), '已超时 2 小时'],
    ['just under two hours late', endOf('2025-10-09'), new Date(sh('2025-10-10 02:00').getTime() - 1), '已超时 1 小时'],
    ['days late', endOf('2025-10-09'), sh('2025-10-12 01:00'), '已超时 2 天'],
  ])('%s', (_label, deadline, now, text) => {
    expect(describeDeadline(deadline, now)).toBe(text);
  });
});

describe('bad input', () => {
  it('refuses invalid dates and counts', () => {
    const bad = new Date(Number.NaN);
    expect(() => acceptDeadline(bad, 'normal', cal)).toThrow(RangeError);
    expect(() => resolveDeadline(bad, 'normal', 'urgent', cal)).toThrow(RangeError);
    expect(() => isOverdue(bad, sh('2025-10-09 10:00'))).toThrow(RangeError);
    expect(() => endOfNthWorkingDayAfter(sh('2025-10-09 10:00'), 0, cal)).toThrow(RangeError);
  });
});
