// Times cross the API as UTC ISO strings; residents read them in Asia/Shanghai. China has had no
// daylight saving since 1991, so a fixed +8 h offset is exact and independent of the phone's zone.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

export interface ShanghaiParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function shanghaiParts(at: Date): ShanghaiParts {
  const shifted = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? null : at;
}

function dayLabel(p: ShanghaiParts, now: Date): string {
  const sameYear = shanghaiParts(now).year === p.year;
  return sameYear ? `${p.month}月${p.day}日` : `${p.year}年${p.month}月${p.day}日`;
}

/** "11月22日 14:05" (year added when it is not this year). */
export function formatDateTime(iso: string | null | undefined, now: Date = new Date()): string {
  const at = parse(iso);
  if (!at) return '';
  const p = shanghaiParts(at);
  return `${dayLabel(p, now)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * A deadline as people say it: midnight is the end of the day before ("11月25日 24:00"),
 * not the start of the next one, so nobody thinks they have an extra day.
 */
export function formatDeadline(iso: string | null | undefined, now: Date = new Date()): string {
  const at = parse(iso);
  if (!at) return '';
  const p = shanghaiParts(at);
  if (p.hour === 0 && p.minute === 0) {
    const dayBefore = shanghaiParts(new Date(at.getTime() - 60 * 1000));
    return `${dayLabel(dayBefore, now)} 24:00`;
  }
  return `${dayLabel(p, now)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** "202611": the month folder photos are uploaded to, in Shanghai time. */
export function yearMonth(at: Date): string {
  const p = shanghaiParts(at);
  return `${p.year}${pad(p.month)}`;
}
