// Rule (SLA): normal tickets are accepted within 1 working day of submission and resolved within
// 3 working days of acceptance (5 when marked complex); urgent categories are accepted within
// 30 minutes and resolved within 24 hours, in plain hours. All days are Asia/Shanghai days.
//
// "Within N working days of t" means: by 24:00 (Shanghai) of the N-th working day after the day of
// t — counting starts the calendar day after t, and only working days count (weekends and holidays
// are skipped, 调休 Saturdays/Sundays count). The clock time of t does not matter: a report at
// 08:00 or 23:00 on 9/30 gets the same deadline, and a report made on a holiday or weekend simply
// counts from the days after it. Residents read it as "最迟 10月9日 24:00 前受理". The deadline
// instant is 23:59:59.999 Shanghai time of that day, so it always sits on the right calendar day in
// every formatter; it is shown to users as "24:00".

import {
  dayNumberOf,
  formatShanghai,
  isEndOfShanghaiDay,
  shanghaiDayNumber,
  toShanghaiDateKey,
  WEEKDAY_NAMES_ZH,
  shanghaiParts,
} from './shanghai-time';
import type { WorkCalendar } from './work-calendar';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../time-units';

export type SlaProfile = 'normal' | 'urgent';
export type Complexity = 'normal' | 'complex';

/** The SLA figures of DOMAIN.md, in one place. */
export const SLA_RULES = {
  normal: { acceptWorkingDays: 1, resolveWorkingDays: { normal: 3, complex: 5 } },
  urgent: { acceptMinutes: 30, resolveHours: 24 },
} as const;

function assertInstant(value: Date, what: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new RangeError(`${what} 不是有效的时间`);
}

/** 24:00 (i.e. 23:59:59.999) Shanghai time of the n-th working day after the Shanghai day of t. */
export function endOfNthWorkingDayAfter(t: Date, n: number, cal: WorkCalendar): Date {
  // Every deadline goes through here: one read of the instant, day numbers only, one Date made.
  const ms = t instanceof Date ? t.getTime() : NaN;
  if (Number.isNaN(ms)) throw new RangeError('t 不是有效的时间');
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`工作日数应为正整数：${n}`);
  return new Date(cal.endOfNthWorkingDayAfterMillis(ms, n));
}

/** By when a submitted ticket must be accepted. */
export function acceptDeadline(submittedAt: Date, profile: SlaProfile, cal: WorkCalendar): Date {
  assertInstant(submittedAt, 'submittedAt');
  if (profile === 'urgent') return new Date(submittedAt.getTime() + SLA_RULES.urgent.acceptMinutes * MINUTE_MS);
  return endOfNthWorkingDayAfter(submittedAt, SLA_RULES.normal.acceptWorkingDays, cal);
}

/** By when an accepted ticket must be resolved. Urgent tickets get 24 plain hours whatever the complexity. */
export function resolveDeadline(acceptedAt: Date, complexity: Complexity, profile: SlaProfile, cal: WorkCalendar): Date {
  assertInstant(acceptedAt, 'acceptedAt');
  if (profile === 'urgent') return new Date(acceptedAt.getTime() + SLA_RULES.urgent.resolveHours * HOUR_MS);
  return endOfNthWorkingDayAfter(acceptedAt, SLA_RULES.normal.resolveWorkingDays[complexity], cal);
}

/** Overdue once `now` is past the deadline; acting at the deadline instant itself is on time. */
export function isOverdue(deadline: Date, now: Date): boolean {
  assertInstant(deadline, 'deadline');
  assertInstant(now, 'now');
  return now.getTime() > deadline.getTime();
}

/**
 * Working days D with day(from) < D ≤ day(to), Shanghai days; 0 when `to` is not after `from`'s
 * day. It mirrors the deadline rule: workingDaysBetween(t, endOfNthWorkingDayAfter(t, n)) === n.
 */
export function workingDaysBetween(from: Date, to: Date, cal: WorkCalendar): number {
  assertInstant(from, 'from');
  assertInstant(to, 'to');
  return cal.countWorkingDays(shanghaiDayNumber(from), shanghaiDayNumber(to));
}

/** "HH:mm", with an end-of-day deadline shown as "24:00". */
function clockText(deadline: Date): string {
  return isEndOfShanghaiDay(deadline) ? '24:00' : formatShanghai(deadline, 'HH:mm');
}

const RELATIVE_DAYS = ['今天', '明天', '后天'] as const;

/**
 * Short Chinese words for a deadline as seen at `now`, in Shanghai time: "今天 24:00 前",
 * "明天 00:20 前", "11月25日(周三) 24:00 前" (with the year when it differs), or once past it
 * "刚刚超时" / "已超时 N 分钟" / "已超时 N 小时" / "已超时 N 天".
 */
export function describeDeadline(deadline: Date, now: Date): string {
  if (isOverdue(deadline, now)) {
    // Measure from 24:00, not from its last millisecond.
    const due = deadline.getTime() + (isEndOfShanghaiDay(deadline) ? 1 : 0);
    const late = now.getTime() - due;
    if (late < MINUTE_MS) return '刚刚超时';
    if (late < HOUR_MS) return `已超时 ${Math.floor(late / MINUTE_MS)} 分钟`;
    if (late < DAY_MS) return `已超时 ${Math.floor(late / HOUR_MS)} 小时`;
    return `已超时 ${Math.floor(late / DAY_MS)} 天`;
  }
  const daysAhead = dayNumberOf(toShanghaiDateKey(deadline)) - dayNumberOf(toShanghaiDateKey(now));
  const relative = RELATIVE_DAYS[daysAhead];
  if (relative !== undefined) return `${relative} ${clockText(deadline)} 前`;
  const d = shanghaiParts(deadline);
  const year = d.year === shanghaiParts(now).year ? '' : `${d.year}年`;
  return `${year}${d.month}月${d.day}日(${WEEKDAY_NAMES_ZH[d.weekday]}) ${clockText(deadline)} 前`;
}
