// The reference the working-day arithmetic is held to (issue 12, B7): the rule read literally,
// one Shanghai calendar day at a time, asking the calendar's data whether each day is worked.
import {
  SLA_RULES,
  addDays,
  endOfShanghaiDay,
  toShanghaiDateKey,
  type Complexity,
  type SlaProfile,
  type WorkCalendar,
} from '../../../../cloudfunctions/_core/domain/calendar';

/** 24:00 Shanghai of the n-th working day after t's Shanghai day, by walking the days. */
export function walkNthWorkingDayAfter(t: Date, n: number, cal: WorkCalendar): Date {
  let day = toShanghaiDateKey(t);
  for (let found = 0; found < n;) {
    day = addDays(day, 1);
    if (cal.isWorkingDay(day)) found += 1;
  }
  return endOfShanghaiDay(day);
}

const HOUR_MS = 3_600_000;

export function walkAcceptDeadline(submittedAt: Date, profile: SlaProfile, cal: WorkCalendar): Date {
  if (profile === 'urgent') return new Date(submittedAt.getTime() + SLA_RULES.urgent.acceptMinutes * 60_000);
  return walkNthWorkingDayAfter(submittedAt, SLA_RULES.normal.acceptWorkingDays, cal);
}

export function walkResolveDeadline(acceptedAt: Date, complexity: Complexity, profile: SlaProfile, cal: WorkCalendar): Date {
  if (profile === 'urgent') return new Date(acceptedAt.getTime() + SLA_RULES.urgent.resolveHours * HOUR_MS);
  return walkNthWorkingDayAfter(acceptedAt, SLA_RULES.normal.resolveWorkingDays[complexity], cal);
}

export interface DeadlineCase {
  readonly at: Date;
  readonly n: number;
}

/**
 * Instants from mid-2024 to mid-2028 (years without data on both sides of 2025–2026), a quarter of
 * them on a Shanghai midnight or the last millisecond before one, with 1–5 working days mostly
 * and up to 40 sometimes (long holidays, and out of the table's years).
 */
export function deadlineCases(count: number, random: () => number): DeadlineCase[] {
  const from = Date.UTC(2024, 5, 1);
  const to = Date.UTC(2028, 5, 1);
  const day = 24 * HOUR_MS;
  return Array.from({ length: count }, (_, i) => {
    let ms = from + Math.floor(random() * (to - from));
    if (i % 4 === 1) ms = Math.floor((ms + 8 * HOUR_MS) / day) * day - 8 * HOUR_MS; // 00:00 Shanghai
    if (i % 4 === 2) ms = Math.floor((ms + 8 * HOUR_MS) / day) * day - 8 * HOUR_MS - 1; // 23:59:59.999 the day before
    const n = i % 10 === 9 ? 1 + Math.floor(random() * 40) : 1 + Math.floor(random() * 5);
    return { at: new Date(ms), n };
  });
}
