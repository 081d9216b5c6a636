// Times cross the API as UTC ISO strings; residents read them in Asia/Shanghai. China has had no
// daylight saving since 1991, so a fixed +8 h offset is exact and independent of the phone's zone.
// Deadlines are not formatted here: the server sends them with their words (TicketView.deadline).

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

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

/** When something happened: "11月22日 14:05" (the year added when it is not this year). */
export function formatDateTime(iso: string | null | undefined, now: Date = new Date()): string {
  const at = parse(iso);
  if (!at) return '';
  const p = shanghaiParts(at);
  const day = shanghaiParts(now).year === p.year ? `${p.month}月${p.day}日` : `${p.year}年${p.month}月${p.day}日`;
  return `${day} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** "202611": the month folder photos are uploaded to, in Shanghai time. */
export function yearMonth(at: Date): string {
  const p = shanghaiParts(at);
  return `${p.year}${pad(p.month)}`;
}
