// Ticket numbers people can read out on the phone: the Shanghai calendar day of submission
// and a per-day sequence, "20261122-0007". The sequence itself comes from a store counter.
import { toShanghaiDateKey } from './calendar';

/** The Shanghai calendar day of `at` as 20261122 (the calendar's day, without dashes). */
export const shanghaiDayKey = (at: Date): string => toShanghaiDateKey(at).replace(/-/g, '');

export function formatTicketNo(dayKey: string, sequence: number): string {
  return `${dayKey}-${String(sequence).padStart(4, '0')}`;
}
