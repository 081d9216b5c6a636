// How much time a deadline leaves, in the words staff read on a card: "剩 3 小时", "超期 2 天".
// The deadline itself is the server's (the view's `deadline`, the step the ticket waits on now);
// only the wording of the time left is decided here.
import { zh } from '../i18n/zh';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Within this much of the deadline a card turns orange. */
export const SOON_MS = 4 * HOUR;

export type TimeTone = 'overdue' | 'soon' | 'normal';

export interface TimeLeft {
  text: string;
  tone: TimeTone;
}

/** "45 分钟", "3 小时", "2 天": the largest unit that fits, rounded up so time is never overstated as spent. */
export function durationWords(ms: number): string {
  const d = zh.staff.duration;
  if (ms < HOUR) return d.minutes(Math.max(1, Math.ceil(ms / MINUTE)));
  if (ms < DAY) return d.hours(Math.floor(ms / HOUR));
  return d.days(Math.floor(ms / DAY));
}

/** Time left before `deadline`, or how long ago it passed. */
export function timeLeft(deadline: string | null | undefined, now: Date): TimeLeft | null {
  if (!deadline) return null;
  const at = new Date(deadline).getTime();
  if (Number.isNaN(at)) return null;
  const left = at - now.getTime();
  if (left < 0) return { text: zh.staff.card.overdueBy(durationWords(-left)), tone: 'overdue' };
  return { text: zh.staff.card.left(durationWords(left)), tone: left <= SOON_MS ? 'soon' : 'normal' };
}
