// The ticket store and what a ticket change writes with it: 督办 records, outbox messages,
// answered supervisions; the queue filters it is read by.
import type { Level, Ticket, TicketStatus } from '../domain/types';
import type { Page } from './platform';
import type { OutboxMessage } from './notifications';

/**
 * Which tickets a list or count reads, built by the use cases from the caller's role and scope
 * only: exactly one of `duty` (the queues responsible now, domain/responsibility dutyKeys),
 * `areas` (the places it lies in, areaKeys) or `person` (who filed, claimed or follows it). An
 * empty key list matches nothing.
 */
export type TicketFilter = ({ duty: readonly string[] } | { areas: readonly string[] } | { person: string }) & {
  /** Empty = any status. */
  statuses: readonly TicketStatus[];
  overdue?: boolean;
  /** Only tickets whose current deadline is at or after `from` and before `before` (the banner's 今天到期). */
  dueBetween?: { from: Date; before: Date };
};
export type TicketQuery = TicketFilter & {
  /** 'urgent' = soonest deadline first; 'newest' = newest first. */
  order: 'urgent' | 'newest';
};

export interface SupervisionRecord {
  id: string;
  ticketId: string;
  by: 'system' | string;
  byRole: Api.Role | 'system';
  level: Level;
  note: string;
  at: Date;
  /** Kept with the record so the 督办 desk lists and filters by area without reading tickets. */
  byName?: string | null;
  ticketNo?: string;
  category?: string;
  gridCode?: string | null;
  community?: string | null;
  street?: string | null;
  district?: string | null;
  /** The responsible staff's answer (ticket.reply); null while open. */
  answer?: SupervisionAnswer | null;
}

export interface SupervisionAnswer {
  note: string;
  at: Date;
  by: string;
  byRole: Api.Role;
  byName: string | null;
}

/** Where the 督办 desk looks: a street, a district, or everywhere (super admins). */
export type SupervisionArea = { street: string } | { district: string } | { all: true };

export interface SupervisionStore {
  get(id: string): Promise<SupervisionRecord | null>;
  /** The area's supervisions, newest first, paged by cursor. */
  list(area: SupervisionArea, cursor: string | null, limit: number): Promise<Page<SupervisionRecord>>;
  /** One ticket's supervisions, newest first (at most `limit`). */
  forTicket(ticketId: string, limit: number): Promise<SupervisionRecord[]>;
}

/**
 * What is written in the same transaction as a ticket change: all of it, or none of it. Only
 * documents of this ticket's own (new outbox rows, a new 督办 record): nothing every change in a
 * city writes, which under TCB's transaction rules would make every change contend. Figures
 * follow from the ticket itself (the `figures` job).
 */
export interface ChangeEffects {
  outbox: readonly OutboxMessage[];
  supervision: SupervisionRecord | null;
  /** A 督办 answered by this change (ticket.reply): written with the ticket, or not at all. */
  answered?: { supervisionId: string; answer: SupervisionAnswer } | null;
}

export type CreateResult = { kind: 'created'; ticket: Ticket } | { kind: 'existing'; ticket: Ticket };

export interface TicketStore {
  get(id: string): Promise<Ticket | null>;
  /**
   * Creates the ticket `build(attempt)` makes (attempt 0 first; a later attempt when its number
   * clashed with another ticket's) and writes its messages beside it — not in one transaction:
   * each message carries the ticket's number (`confirmNo`) and the deliver job sends it only
   * once that ticket exists. Messages' ids must follow from the ticket and recipient (a retry
   * writes the same rows). Idempotent on `id`: an existing ticket is returned untouched.
   */
  create(id: string, build: (attempt: number) => Ticket, messages: (ticket: Ticket) => readonly OutboxMessage[]): Promise<CreateResult>;
  /**
   * Writes `next` with its effects if the stored version is still `next.version - 1`; false
   * when someone else won (nothing written).
   */
  save(next: Ticket, effects: ChangeEffects): Promise<boolean>;
  list(query: TicketQuery, cursor: string | null, limit: number): Promise<Page<Ticket>>;
  count(filter: TicketFilter): Promise<number>;
  /** Adds a follower to an open ticket (idempotent); 'full' past maxFollowers, 'closed' when not open. */
  follow(id: string, openid: string, maxFollowers: number): Promise<'followed' | 'full' | 'closed'>;
  /** The 代报 that a claim code belongs to, if it is still unclaimed. */
  findByClaimCode(code: string): Promise<Ticket | null>;
  /** Open tickets whose current deadline passed before `now` and was not swept yet, soonest first. */
  dueForSweep(now: Date, after: string | null, limit: number): Promise<Page<Ticket>>;
  /** Resolved tickets resolved before `before`, oldest first. */
  resolvedBefore(before: Date, after: string | null, limit: number): Promise<Page<Ticket>>;
  /** Open tickets of the same category near a point, created since `since`. */
  nearby(category: string, box: { minLat: number; maxLat: number; minLng: number; maxLng: number }, since: Date): Promise<Ticket[]>;
}

/**
 * The tickets of an area (one areaKeys key) that arrived in [from, before), oldest first: what
 * admin.export lists. Pages follow newestKey ("<createdAt ISO>|<id>").
 */
export interface PeriodTicketStore {
  count(areaKey: string, from: Date, before: Date): Promise<number>;
  page(areaKey: string, from: Date, before: Date, cursor: string | null, limit: number): Promise<Page<Ticket>>;
}
