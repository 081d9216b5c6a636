// Rule: every calendar question (which day, which weekday, what clock time) is answered in
// Asia/Shanghai, whatever process.env.TZ says. Mainland China has kept one fixed offset, UTC+08:00,
// with no daylight saving since 1991, so Shanghai civil time is exactly UTC + 8 h for every date
// this system handles.
//
// Why plain arithmetic and not dayjs/timezone: shifting by a constant 8 h and reading the UTC fields
// is exact, needs no IANA/ICU zone data in the cloud runtime, and cannot be disturbed by the host's
// zone. A date key 'YYYY-MM-DD' always means a Shanghai calendar day.

import { DAY_MS, HOUR_MS } from '../time-units';

/** Asia/Shanghai is UTC+08:00 all year round (no DST since 1991). */
export const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

/** A Shanghai calendar day written 'YYYY-MM-DD'. */
export type DateKey = string;

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface ShanghaiParts {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number; // 1–31
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  readonly weekday: Weekday;
}

/** 周日 … 周六, indexed by Weekday. */
export const WEEKDAY_NAMES_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

const DATE_KEY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function assertValidInstant(instant: Date, what: string): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`${what} 不是有效的时间`);
  }
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** The Shanghai wall-clock fields of an instant. */
export function shanghaiParts(instant: Date): ShanghaiParts {
  assertValidInstant(instant, 'instant');
  const shifted = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
    weekday: shifted.getUTCDay() as Weekday,
  };
}

/** Milliseconds since Shanghai midnight (0 … 86 399 999). */
export function shanghaiMillisOfDay(instant: Date): number {
  assertValidInstant(instant, 'instant');
  const local = instant.getTime() + SHANGHAI_OFFSET_MS;
  return ((local % DAY_MS) + DAY_MS) % DAY_MS;
}

/** Whether the string is a real calendar date written 'YYYY-MM-DD'. */
export function isValidDateKey(key: string): boolean {
  const match = DATE_KEY_PATTERN.exec(key);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** Splits a date key, refusing impossible dates such as '2026-02-30'. */
export function parseDateKey(key: DateKey): { year: number; month: number; day: number } {
  if (!isValidDateKey(key)) throw new RangeError(`日期格式应为 YYYY-MM-DD：${key}`);
  const [year, month, day] = key.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** Days since 1970-01-01 (a plain day count, no zone involved). */
export function dayNumberOf(key: DateKey): number {
  const { year, month, day } = parseDateKey(key);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function dateKeyOfDayNumber(dayNumber: number): DateKey {
  const d = new Date(dayNumber * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

export function addDays(key: DateKey, days: number): DateKey {
  return dateKeyOfDayNumber(dayNumberOf(key) + days);
}

export function weekdayOf(key: DateKey): Weekday {
  return weekdayOfDayNumber(dayNumberOf(key));
}

/** 1970-01-01 was a Thursday. */
export function weekdayOfDayNumber(dayNumber: number): Weekday {
  return ((((dayNumber + 4) % 7) + 7) % 7) as Weekday;
}

export function yearOf(key: DateKey): number {
  return parseDateKey(key).year;
}

/** The Shanghai calendar day an instant falls on. */
export function toShanghaiDateKey(instant: Date): DateKey {
  const { year, month, day } = shanghaiParts(instant);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The Shanghai calendar day of an instant as a day number (dayNumberOf its date key), without strings. */
export function shanghaiDayNumber(instant: Date): number {
  assertValidInstant(instant, 'instant');
  return shanghaiDayNumberOfMillis(instant.getTime());
}

/** shanghaiDayNumber of a time value (ms since the epoch), unchecked. */
export function shanghaiDayNumberOfMillis(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** 24:00 (23:59:59.999) Shanghai time of a day number, as epoch ms: endOfShanghaiDay without strings. */
export function endOfShanghaiDayMillis(dayNumber: number): number {
  return (dayNumber + 1) * DAY_MS - SHANGHAI_OFFSET_MS - 1;
}

/** 00:00:00.000 Shanghai time of the day, as an instant. */
export function startOfShanghaiDay(key: DateKey): Date {
  return new Date(dayNumberOf(key) * DAY_MS - SHANGHAI_OFFSET_MS);
}

/** 23:59:59.999 Shanghai time of the day — the last instant of "that day, 24:00". */
export function endOfShanghaiDay(key: DateKey): Date {
  return new Date(startOfShanghaiDay(key).getTime() + DAY_MS - 1);
}

/** Whether the instant is the last millisecond of a Shanghai day (a "24:00" deadline). */
export function isEndOfShanghaiDay(instant: Date): boolean {
  return shanghaiMillisOfDay(instant) === DAY_MS - 1;
}

/** An instant from a Shanghai wall-clock time, e.g. shanghaiInstant('2026-02-16', 20, 30). */
export function shanghaiInstant(key: DateKey, hour = 0, minute = 0, second = 0): Date {
  return new Date(startOfShanghaiDay(key).getTime() + ((hour * 60 + minute) * 60 + second) * 1000);
}

const FORMAT_TOKENS = /\[([^\]]*)]|YYYY|MM|M|DD|D|HH|H|mm|ss|SSS|ddd/g;

/**
 * Formats an instant in Shanghai time. Tokens: YYYY, MM, M, DD, D, HH, H, mm, ss, SSS, ddd (周三);
 * text in [brackets] is copied as is. Example: formatShanghai(t, 'YYYY年M月D日 HH:mm').
 */
export function formatShanghai(instant: Date, pattern: string): string {
  const p = shanghaiParts(instant);
  return pattern.replace(FORMAT_TOKENS, (token: string, literal: string | undefined) => {
    if (literal !== undefined) return literal;
    switch (token) {
      case 'YYYY':
        return pad(p.year, 4);
      case 'MM':
        return pad(p.month, 2);
      case 'M':
        return String(p.month);
      case 'DD':
        return pad(p.day, 2);
      case 'D':
        return String(p.day);
      case 'HH':
        return pad(p.hour, 2);
      case 'H':
        return String(p.hour);
      case 'mm':
        return pad(p.minute, 2);
      case 'ss':
        return pad(p.second, 2);
      case 'SSS':
        return pad(p.millisecond, 3);
      case 'ddd':
        return WEEKDAY_NAMES_ZH[p.weekday];
      default:
        return token;
    }
  });
}

/** The `time` field format of WeChat subscription messages: '2026年11月22日 14:00'. */
export const WX_TIME_PATTERN = 'YYYY年M月D日 HH:mm';

export function formatWxTime(instant: Date): string {
  return formatShanghai(instant, WX_TIME_PATTERN);
}
