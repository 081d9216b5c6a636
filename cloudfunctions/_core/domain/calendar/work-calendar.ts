// Rule: a working day is a Monday–Friday that is not a public holiday, or a weekend day that the
// State Council made a make-up working day (调休上班). Holidays and make-up workdays are data, one
// entry per year; for a year without data we fall back to Monday–Friday and say so (`coverage`).
//
// Counting working days is O(1): over the years with data (and a margin either side) a table holds,
// for every day, how many working days precede it, and the list of working days itself; outside
// the data, Monday–Friday is plain arithmetic. No deadline walks the calendar day by day.

import {
  addDays,
  dateKeyOfDayNumber,
  dayNumberOf,
  endOfShanghaiDayMillis,
  isValidDateKey,
  parseDateKey,
  shanghaiDayNumberOfMillis,
  weekdayOf,
  weekdayOfDayNumber,
  type DateKey,
} from './shanghai-time';

export const HOLIDAY_NAMES = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;
export type HolidayName = (typeof HOLIDAY_NAMES)[number];

export interface CalendarDay {
  /** A Shanghai calendar day, 'YYYY-MM-DD'. */
  readonly date: DateKey;
  /** The festival the day belongs to (for a make-up workday: the festival it pays back). */
  readonly name: HolidayName;
}

/** One year of the State Council's 部分节假日安排 notice. */
export interface WorkCalendarData {
  readonly year: number;
  /** 放假日: every day off of each holiday block, including the weekend days inside it. */
  readonly holidays: readonly CalendarDay[];
  /** 调休上班: weekend days that are working days. */
  readonly makeUpWorkdays: readonly CalendarDay[];
  /** Where the data comes from (notice title, number, date). */
  readonly source?: string;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeUpWorkday';

export interface WorkCalendar {
  /** Years with holiday data, ascending. Other years use the Monday–Friday fallback. */
  readonly coverage: readonly number[];
  hasDataFor(year: number): boolean;
  isWorkingDay(date: DateKey): boolean;
  dayKind(date: DateKey): DayKind;
  /** The festival of a holiday or make-up workday; undefined for an ordinary day. */
  holidayName(date: DateKey): HolidayName | undefined;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: DateKey): DateKey;
  /** The n-th working day strictly after `date` (n ≥ 1); n = 0 gives `date` itself. */
  addWorkingDays(date: DateKey, n: number): DateKey;
  /** addWorkingDays on day numbers (days since 1970-01-01, as dayNumberOf): no strings, O(1). */
  nthWorkingDayAfter(day: number, n: number): number;
  /** Working days D with from < D ≤ to, on day numbers; 0 when `to` is not after `from`. */
  countWorkingDays(from: number, to: number): number;
  /**
   * The last millisecond (24:00) of the n-th working day after the Shanghai day of the instant
   * `ms` (epoch ms, finite; n ≥ 1): every deadline is this, so it skips even the day number.
   */
  endOfNthWorkingDayAfterMillis(ms: number, n: number): number;
}

/** Longest run of consecutive days off we accept while looking for a working day. */
const MAX_DAYS_WITHOUT_WORK = 31;
/** A make-up workday lies within this many days of its festival's block. */
const MAKE_UP_MAX_DISTANCE_DAYS = 21;

/**
 * Checks one year of data and returns the problems found (empty when the data is sound): real dates
 * inside the year, known names, no duplicates, no day both off and on, make-up days on weekends and
 * near their festival, and each festival's days inside one unbroken run of days off.
 */
export function validateWorkCalendarData(data: WorkCalendarData): string[] {
  const problems: string[] = [];
  const { year } = data;
  if (!Number.isInteger(year) || year < 1991 || year > 9999) {
    return [`年份无效：${String(year)}`];
  }
  const names = new Set<string>(HOLIDAY_NAMES);
  const check = (list: readonly CalendarDay[], label: string): Set<DateKey> => {
    const seen = new Set<DateKey>();
    for (const entry of list) {
      if (!isValidDateKey(entry.date)) {
        problems.push(`${label} ${entry.date}：不是有效日期`);
        continue;
      }
      if (parseDateKey(entry.date).year !== year) problems.push(`${label} ${entry.date}：不在 ${year} 年内`);
      if (!names.has(entry.name)) problems.push(`${label} ${entry.date}：未知节日名 ${entry.name}`);
      if (seen.has(entry.date)) problems.push(`${label} ${entry.date}：重复`);
      seen.add(entry.date);
    }
    return seen;
  };
  const holidays = check(data.holidays, '放假');
  const makeUps = check(data.makeUpWorkdays, '调休上班');

  for (const date of makeUps) {
    if (holidays.has(date)) problems.push(`${date}：既是放假日又是调休上班日`);
    const weekday = weekdayOf(date);
    if (weekday !== 0 && weekday !== 6) problems.push(`调休上班 ${date}：不是周六或周日`);
  }
  if (problems.length > 0) return problems;

  // Runs of consecutive days off; a festival's days must all sit in one run (weekend days inside a
  // block are listed too, so a block never has a gap).
  const runOf = new Map<DateKey, number>();
  const sorted = [...holidays].sort();
  let run = -1;
  sorted.forEach((date, i) => {
    if (i === 0 || addDays(sorted[i - 1] as DateKey, 1) !== date) run += 1;
    runOf.set(date, run);
  });
  const runsByName = new Map<HolidayName, Set<number>>();
  for (const entry of data.holidays) {
    const runs = runsByName.get(entry.name) ?? new Set<number>();
    runs.add(runOf.get(entry.date) as number);
    runsByName.set(entry.name, runs);
  }
  for (const [name, runs] of runsByName) {
    if (runs.size > 1) problems.push(`${name}：放假日不连续`);
  }
  for (const entry of data.makeUpWorkdays) {
    const block = data.holidays.filter((h) => h.name === entry.name).map((h) => h.date);
    const near = block.some((date) => Math.abs(dayDistance(date, entry.date)) <= MAKE_UP_MAX_DISTANCE_DAYS);
    if (!near) problems.push(`调休上班 ${entry.date}：附近没有${entry.name}的放假日`);
  }
  return problems;
}

function dayDistance(a: DateKey, b: DateKey): number {
  return dayNumberOf(b) - dayNumberOf(a);
}

/** Builds a calendar from per-year data; refuses unsound data or two entries for one year. */
export function createWorkCalendar(data: readonly WorkCalendarData[]): WorkCalendar {
  const holidays = new Map<DateKey, HolidayName>();
  const makeUps = new Map<DateKey, HolidayName>();
  const years = new Set<number>();
  for (const yearData of data) {
    const problems = validateWorkCalendarData(yearData);
    if (years.has(yearData.year)) problems.push(`${yearData.year} 年的数据重复`);
    if (problems.length > 0) {
      throw new Error(`节假日数据有误（${yearData.year}）：${problems.join('；')}`);
    }
    years.add(yearData.year);
    for (const h of yearData.holidays) holidays.set(h.date, h.name);
    for (const m of yearData.makeUpWorkdays) makeUps.set(m.date, m.name);
  }
  const coverage = Object.freeze([...years].sort((a, b) => a - b));

  const dayKind = (date: DateKey): DayKind => {
    const weekday = weekdayOf(date); // also validates the key
    if (holidays.has(date)) return 'holiday';
    if (makeUps.has(date)) return 'makeUpWorkday';
    return weekday === 0 || weekday === 6 ? 'weekend' : 'workday';
  };
  const isWorkingDay = (date: DateKey): boolean => {
    const kind = dayKind(date);
    return kind === 'workday' || kind === 'makeUpWorkday';
  };
  const isWorkingDayNumber = (day: number): boolean => isWorkingDay(dateKeyOfDayNumber(day));
  /** The slow path, for what the table does not cover: one day at a time. */
  const walk = (day: number, n: number): number => {
    let current = day;
    for (let found = 0; found < n; found += 1) {
      let gap = 0;
      do {
        current += 1;
        gap += 1;
        if (gap > MAX_DAYS_WITHOUT_WORK) {
          throw new Error(`${dateKeyOfDayNumber(current - gap)} 之后 ${MAX_DAYS_WITHOUT_WORK} 天内没有工作日，节假日数据可能有误`);
        }
      } while (!isWorkingDayNumber(current));
    }
    return current;
  };
  // Built on first use, so creating a calendar at a function's cold start costs nothing. The fast
  // path reads the table's arrays from these locals (every deadline goes through it).
  let built: WorkdayTable | null | undefined;
  let first = Infinity;
  let last = -Infinity;
  let before: Int32Array = new Int32Array(0);
  let workdays: Int32Array = new Int32Array(0);
  let ends: Float64Array = new Float64Array(0);
  const tableOf = (): WorkdayTable | null => {
    if (built === undefined) {
      built = coverage.length === 0 ? null : buildTable(coverage[0] as number, coverage[coverage.length - 1] as number, isWorkingDayNumber);
      if (built !== null) ({ first, last, before, workdays, ends } = built);
    }
    return built;
  };

  const inTable = (day: number, n: number): boolean => day >= first && day <= last && n > 0 && Number.isInteger(n) && Number.isInteger(day);
  const fromTable = (day: number, n: number): number => {
    const target = (before[day - first] as number) + n;
    return target <= workdays.length ? first + (workdays[target - 1] as number) : walk(day, n);
  };

  const nthWorkingDayAfter = (day: number, n: number): number => {
    if (inTable(day, n)) return fromTable(day, n);
    const table = tableOf(); // built on first use: the first call comes through here
    if (inTable(day, n)) return fromTable(day, n);
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`工作日数应为非负整数：${n}`);
    if (!Number.isInteger(day)) throw new RangeError(`日序应为整数：${day}`);
    if (n === 0) return day;
    if (coverage.length === 0) return addWeekdays(day, n);
    if (table === null) return walk(day, n);
    if (day > table.last) {
      return addWeekdays(day, n);
    } else {
      const plain = addWeekdays(day, n);
      if (plain < table.dataStart) return plain;
    }
    return walk(day, n);
  };
  const endOfNthWorkingDayAfterMillis = (ms: number, n: number): number => {
    const day = shanghaiDayNumberOfMillis(ms);
    if (day >= first && day <= last && n > 0 && Number.isInteger(n)) {
      const target = (before[day - first] as number) + n;
      if (target <= ends.length) return ends[target - 1] as number;
    }
    return endOfShanghaiDayMillis(nthWorkingDayAfter(day, n));
  };
  const countWorkingDays = (from: number, to: number): number => {
    if (!(to > from)) return 0;
    const table = tableOf();
    if (table !== null && from >= table.first && to <= table.last) {
      return (table.before[to - table.first] as number) - (table.before[from - table.first] as number);
    }
    let count = 0;
    for (let day = from + 1; day <= to; day += 1) if (isWorkingDayNumber(day)) count += 1;
    return count;
  };

  return {
    coverage,
    hasDataFor: (year) => years.has(year),
    isWorkingDay,
    dayKind,
    holidayName: (date) => holidays.get(date) ?? makeUps.get(date),
    nextWorkingDay: (date) => dateKeyOfDayNumber(nthWorkingDayAfter(dayNumberOf(date), 1)),
    addWorkingDays: (date, n) => {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`工作日数应为非负整数：${n}`);
      const day = dayNumberOf(date); // also validates the key
      return n === 0 ? date : dateKeyOfDayNumber(nthWorkingDayAfter(day, n));
    },
    nthWorkingDayAfter,
    countWorkingDays,
    endOfNthWorkingDayAfterMillis,
  };
}

/**
 * Days of margin the table keeps before and after the years with data (plain Monday–Friday
 * there): two years, so deadlines stay table lookups while next year's notice is not yet in.
 */
const TABLE_MARGIN_DAYS = 731;

interface WorkdayTable {
  /** Day numbers the table covers, inclusive. */
  readonly first: number;
  readonly last: number;
  /** The first day of the first year with data: before it, every day is plain Monday–Friday. */
  readonly dataStart: number;
  /** before[d − first]: working days in first … d, inclusive — so the next one is workdays[before[…]]. */
  readonly before: Int32Array;
  /** The covered working days, as offsets from `first`, ascending. */
  readonly workdays: Int32Array;
  /** The last millisecond (24:00 Shanghai) of each of those working days, as epoch ms. */
  readonly ends: Float64Array;
}

/**
 * The table over the years with data, or null when some stretch has no working day for longer
 * than MAX_DAYS_WITHOUT_WORK: then the walk runs and says so, as it always did.
 */
function buildTable(firstYear: number, lastYear: number, isWorkingDay: (day: number) => boolean): WorkdayTable | null {
  const dataStart = dayNumberOf(`${String(firstYear).padStart(4, '0')}-01-01`);
  const dataEnd = dayNumberOf(`${String(lastYear).padStart(4, '0')}-12-31`);
  const first = dataStart - TABLE_MARGIN_DAYS;
  const last = dataEnd + TABLE_MARGIN_DAYS;
  const before = new Int32Array(last - first + 1);
  const workdays: number[] = [];
  let gap = 0;
  for (let day = first; day <= last; day += 1) {
    if (isWorkingDay(day)) {
      workdays.push(day - first);
      gap = 0;
    } else if ((gap += 1) > MAX_DAYS_WITHOUT_WORK) {
      return null;
    }
    before[day - first] = workdays.length;
  }
  const ends = Float64Array.from(workdays, (offset) => endOfShanghaiDayMillis(first + offset));
  return { first, last, dataStart, before, workdays: Int32Array.from(workdays), ends };
}

/** The n-th Monday–Friday strictly after `day` (n ≥ 1), by arithmetic. */
function addWeekdays(day: number, n: number): number {
  let start = day;
  let weekday: number = weekdayOfDayNumber(day);
  // A weekend day counts like the Friday before it: the same weekdays lie strictly after both.
  if (weekday === 6) {
    start -= 1;
    weekday = 5;
  } else if (weekday === 0) {
    start -= 2;
    weekday = 5;
  }
  const weeks = Math.floor(n / 5);
  const rest = n % 5;
  // Monday = 0 … Friday = 4: passing Friday skips the weekend.
  return start + 7 * weeks + rest + (weekday - 1 + rest > 4 ? 2 : 0);
}
