// Issue 12, B7: the working-day arithmetic (a table over the years with data, plain weekday
// arithmetic outside them) gives exactly the deadline a day-by-day walk gives — on 20,000 seeded
// cases around the real holiday data, and on a calendar whose data ends abruptly.
import { workCalendarData } from '../../../../cloudfunctions/_core/config/holidays';
import {
  acceptDeadline,
  createWorkCalendar,
  dayNumberOf,
  endOfNthWorkingDayAfter,
  resolveDeadline,
  shanghaiDayNumber,
  toShanghaiDateKey,
  workingDaysBetween,
  type WorkCalendarData,
} from '../../../../cloudfunctions/_core/domain/calendar';
import { seededRandom } from '../routing/fixtures';
import { deadlineCases, walkAcceptDeadline, walkNthWorkingDayAfter, walkResolveDeadline } from './day-walk';

const cal = createWorkCalendar(workCalendarData);

describe('working-day arithmetic vs the day-by-day walk', () => {
  it('has 0 mismatches on 20,000 seeded cases, 2024–2028', () => {
    const mismatches: unknown[] = [];
    for (const { at, n } of deadlineCases(20_000, seededRandom(2026))) {
      const fast = endOfNthWorkingDayAfter(at, n, cal).getTime();
      const walked = walkNthWorkingDayAfter(at, n, cal).getTime();
      if (fast !== walked)
        mismatches.push({ at: at.toISOString(), n, fast: new Date(fast).toISOString(), walked: new Date(walked).toISOString() });
    }
    expect(mismatches).toEqual([]);
  });

  it('gives the SLA deadlines the walk gives, for every profile and complexity', () => {
    for (const { at } of deadlineCases(2_000, seededRandom(7))) {
      for (const profile of ['normal', 'urgent'] as const) {
        expect(acceptDeadline(at, profile, cal)).toEqual(walkAcceptDeadline(at, profile, cal));
        for (const complexity of ['normal', 'complex'] as const) {
          expect(resolveDeadline(at, complexity, profile, cal)).toEqual(walkResolveDeadline(at, complexity, profile, cal));
        }
      }
    }
  });

  it('counts back what it added: workingDaysBetween(t, deadline) = n', () => {
    for (const { at, n } of deadlineCases(2_000, seededRandom(8))) {
      expect(workingDaysBetween(at, endOfNthWorkingDayAfter(at, n, cal), cal)).toBe(n);
    }
  });

  it('stays exact far outside the years with data (plain Monday–Friday) and across their edges', () => {
    const random = seededRandom(9);
    for (let k = 0; k < 3_000; k += 1) {
      // 1992 … 2099, where the table does not reach, and the weeks around its ends.
      const at = new Date(Date.UTC(1992, 0, 1) + Math.floor(random() * 108 * 365.25 * 86_400_000));
      const n = 1 + Math.floor(random() * 300);
      expect(endOfNthWorkingDayAfter(at, n, cal)).toEqual(walkNthWorkingDayAfter(at, n, cal));
    }
    // Every day of the months around where the table starts and ends (two years either side of the data).
    for (const [from, to] of [
      ['2022-12-01', '2023-01-31'],
      ['2024-12-20', '2025-01-10'],
      ['2026-12-20', '2027-01-10'],
      ['2028-12-01', '2029-01-31'],
    ]) {
      for (let day = dayNumberOf(from as string); day <= dayNumberOf(to as string); day += 1) {
        for (let n = 1; n <= 12; n += 1) {
          const at = new Date(day * 86_400_000 + 2 * 3_600_000); // 10:00 Shanghai
          expect(endOfNthWorkingDayAfter(at, n, cal)).toEqual(walkNthWorkingDayAfter(at, n, cal));
        }
      }
    }
  });

  it('works the same from day numbers and from date keys', () => {
    const random = seededRandom(10);
    for (let k = 0; k < 500; k += 1) {
      const at = new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 5 * 365 * 86_400_000));
      const key = toShanghaiDateKey(at);
      expect(shanghaiDayNumber(at)).toBe(dayNumberOf(key));
      const n = Math.floor(random() * 8);
      expect(cal.nthWorkingDayAfter(dayNumberOf(key), n)).toBe(dayNumberOf(cal.addWorkingDays(key, n)));
    }
  });

  it('a calendar without data is plain Monday–Friday everywhere', () => {
    const bare = createWorkCalendar([]);
    for (const { at, n } of deadlineCases(2_000, seededRandom(11))) {
      expect(endOfNthWorkingDayAfter(at, n, bare)).toEqual(walkNthWorkingDayAfter(at, n, bare));
    }
  });

  it('a stretch of more than 31 days off still fails loudly, as the walk always did', () => {
    // A made-up year whose 国庆 lasts all of October: sound by the validator, absurd as data.
    const october = Array.from({ length: 31 }, (_, i) => ({ date: `2031-10-${String(i + 1).padStart(2, '0')}`, name: '国庆节' as const }));
    const november = ['2031-11-01', '2031-11-02'].map((date) => ({ date, name: '国庆节' as const }));
    const data: WorkCalendarData = { year: 2031, holidays: [...october, ...november], makeUpWorkdays: [] };
    const odd = createWorkCalendar([data]);
    expect(() => odd.addWorkingDays('2031-09-30', 1)).toThrow(/没有工作日/);
    expect(odd.addWorkingDays('2031-09-29', 1)).toBe('2031-09-30');
  });
});
