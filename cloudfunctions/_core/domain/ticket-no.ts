// Ticket numbers people can read out on the phone: the Shanghai calendar day of submission and
// six digits, "20261122-483917". The digits come from the ticket's own id, not from a shared
// counter: a per-day counter is one document that every submit in the city writes inside its
// transaction, which under TCB's rules (a second writer fails at once) turns a busy morning into
// a conflict storm. A unique index on the number catches the rare clash (about 1 in 2 000 for
// 1 000 tickets a day); the next attempt then draws other digits, still from the same id.
import { toShanghaiDateKey } from './calendar';

/** The Shanghai calendar day of `at` as 20261122 (the calendar's day, without dashes). */
export const shanghaiDayKey = (at: Date): string => toShanghaiDateKey(at).replace(/-/g, '');

/** 32-bit FNV-1a: a fixed, well-spread hash of the id (no randomness in the domain). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export const TICKET_NO_DIGITS = 6;

/** The number a ticket gets on its `attempt`-th try (0 first); the same id and attempt always give the same number. */
export function ticketNo(at: Date, ticketId: string, attempt = 0): string {
  const digits = fnv1a(`${ticketId}#${attempt}`) % 10 ** TICKET_NO_DIGITS;
  return `${shanghaiDayKey(at)}-${String(digits).padStart(TICKET_NO_DIGITS, '0')}`;
}

export const TICKET_NO_PATTERN = /^\d{8}-\d{6}$/;
