// B7: SLA deadlines (the n-th working day after an instant, n = 1, 3 or 5 as the SLA uses them)
// through the work calendar's table against walking the calendar one day at a time, on 20,000
// seeded instants from mid-2024 to mid-2028 (real holiday data for 2025–2026, plain weekdays around).
import { workCalendarData } from '../../cloudfunctions/_core/config/holidays';
import { createWorkCalendar, endOfNthWorkingDayAfter } from '../../cloudfunctions/_core/domain/calendar';
import { deadlineCases, walkNthWorkingDayAfter } from '../synthetic/day-walk';
import { seededRandom } from '../synthetic/routing-fixtures';
import { comparePasses, num, ratio } from './measure';
import type { BenchRow } from './types';

const TARGET_RATIO = 100;
const CASES = 20_000;
const SLA_DAYS = [1, 3, 5] as const;

export const b07: BenchRow = {
  id: 'B7',
  what: `working-day deadline arithmetic, ${num(CASES)} cases`,
  baseline: 'a day-by-day walk',
  target: `≥ ${TARGET_RATIO}× faster, 0 mismatches`,
  async run() {
    const cal = createWorkCalendar(workCalendarData);
    const cases = deadlineCases(CASES, seededRandom(2026)).map((c, i) => ({ at: c.at, n: SLA_DAYS[i % SLA_DAYS.length] as number }));
    let mismatches = 0;
    for (const { at, n } of cases) {
      if (endOfNthWorkingDayAfter(at, n, cal).getTime() !== walkNthWorkingDayAfter(at, n, cal).getTime()) mismatches += 1;
    }
    const ats = cases.map((c) => c.at);
    const ns = cases.map((c) => c.n);
    const timed = comparePasses(
      cases.length,
      () => {
        let x = 0;
        for (let i = 0; i < ats.length; i += 1) x ^= endOfNthWorkingDayAfter(ats[i] as Date, ns[i] as number, cal).getTime();
        return x;
      },
      () => {
        let x = 0;
        for (let i = 0; i < ats.length; i += 1) x ^= walkNthWorkingDayAfter(ats[i] as Date, ns[i] as number, cal).getTime();
        return x;
      },
    );
    return {
      figure: `${num(timed.fast * 1000)} ns a deadline, ${mismatches} mismatches`,
      versus: `walk ${num(timed.slow)} µs → ${ratio(timed.ratio)}`,
      meets: timed.ratio >= TARGET_RATIO && mismatches === 0,
      notes: [
        'instant to deadline instant (a Date each side, ~50 ns of it the Date itself); fast and walk timed in alternating rounds',
        'the jest test (deadline-arithmetic.test.ts) checks 20,000 more cases with n up to 40, years without data and the table edges',
      ],
    };
  },
};
