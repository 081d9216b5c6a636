// Rule: a deadline is written the way people say it, in Shanghai time — the end of a day is
// "24:00" of that day (the calendar's end-of-day instant, 23:59:59.999), never "23:59" and never
// "00:00" of the next day; the year is written only when it is not the year of `now`. The server
// sends these words with every deadline, so no client formats a deadline by itself.
import { formatShanghai, isEndOfShanghaiDay, isOverdue, shanghaiParts } from './calendar';
import { currentDeadline } from './lifecycle';
import type { Ticket } from './types';

export type DeadlineKind = 'accept' | 'resolve';

/**
 * "11月25日 24:00", "11月23日 09:30", "2027年1月4日 24:00" (seen in 2026). Without `now` the year
 * is left out (where space is short: a subscription message field).
 */
export function deadlineText(deadline: Date, now?: Date): string {
  const sameYear = !now || shanghaiParts(deadline).year === shanghaiParts(now).year;
  const day = formatShanghai(deadline, sameYear ? 'M月D日' : 'YYYY年M月D日');
  const clock = isEndOfShanghaiDay(deadline) ? '24:00' : formatShanghai(deadline, 'HH:mm');
  return `${day} ${clock}`;
}

const VERB: Readonly<Record<DeadlineKind, string>> = { accept: '受理', resolve: '办结' };

/** "11月25日 24:00 前受理" / "11月26日 24:00 前办结". */
export function deadlineLabel(kind: DeadlineKind, deadline: Date, now: Date): string {
  return `${deadlineText(deadline, now)} 前${VERB[kind]}`;
}

export interface DeadlineView {
  kind: DeadlineKind;
  at: Date;
  label: string;
  /** This deadline has passed at `now` (acting at the deadline instant itself is on time). */
  overdue: boolean;
}

/** The deadline the ticket waits on now (accepting while submitted, resolving while accepted), in words. */
export function ticketDeadline(ticket: Ticket, now: Date): DeadlineView | null {
  const at = currentDeadline(ticket);
  if (at === null) return null;
  const kind: DeadlineKind = ticket.status === 'submitted' ? 'accept' : 'resolve';
  return { kind, at, label: deadlineLabel(kind, at, now), overdue: isOverdue(at, now) };
}
