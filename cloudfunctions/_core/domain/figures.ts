// The figures of DOMAIN.md, computed from facts each ticket carries about itself: the cohort it
// counts in (the Shanghai day it arrived and its cell — its grid, or the triage place), where it
// stands now, and its minutes to accept and resolve. A tally of a set of tickets is the plain sum
// of their facts, so a tally of a day and area always equals a recount of its tickets, and tallies
// of cells add up to any larger area. Medians are exact: minutes are kept as histograms.
import { toShanghaiDateKey } from './calendar';
import type { PlaceRef, StaffRole, Ticket, TimelineRecord } from './types';
import { MINUTE_MS } from './time-units';

export interface Counters {
  received: number;
  accepted: number;
  /** Resolved and not closed yet. */
  resolved: number;
  closed: number;
  rejected: number;
  withdrawn: number;
  /** Resolved (or closed after a resolution) within the resolution deadline. */
  resolvedOnTime: number;
  /** Rated 满意 / 基本满意 / 不满意; tickets closed without a rating are unrated, never satisfied. */
  rated: number;
  satisfied: number;
  /** Resolved on the Shanghai day it arrived (当天办结). */
  sameDay: number;
  /** Responsibility rose above the grid at some point (吹哨 or overdue escalation). */
  escalated: number;
  /** Resolved by grid-level staff (小事不出网格). */
  resolvedAtGrid: number;
}

export const COUNTER_NAMES: readonly (keyof Counters)[] = [
  'received',
  'accepted',
  'resolved',
  'closed',
  'rejected',
  'withdrawn',
  'resolvedOnTime',
  'rated',
  'satisfied',
  'sameDay',
  'escalated',
  'resolvedAtGrid',
];

/** Minutes → how many tickets took that long (keys are whole minutes as strings). */
export type Histogram = Record<string, number>;

export interface Tally extends Counters {
  acceptMinutes: Histogram;
  resolveMinutes: Histogram;
}

export type Source = Ticket['source'];

/** A tally of a set of tickets, with the same tally broken down by what the figures page shows. */
export interface FigureBody {
  total: Tally;
  byCategory: Record<string, Tally>;
  /** Grids only (triage tickets have none). */
  byGrid: Record<string, Tally>;
  bySource: Record<string, Tally>;
  byDepartment: Record<string, Tally>;
  /** By the staff member who handled it (resolved it, else accepted it); keys stay on the server. */
  byStaff: Record<string, Tally>;
  /** Who each byStaff key was when they last handled one of these tickets, so figures name staff without reading them. */
  staffTags: Record<string, StaffTag>;
}

/** A handler's role and public display name as the timeline recorded them when they acted. */
export interface StaffTag {
  role: StaffRole;
  name: string | null;
  /** When they acted (ISO): of two tags of one handler, the later one names them. */
  at: string;
}

export interface TicketFacts {
  day: string;
  cell: string;
  place: PlaceRef;
  category: string;
  source: Source;
  department: string | null;
  handler: string | null;
  handlerTag: StaffTag | null;
  counters: Counters;
  acceptMinutes: number | null;
  resolveMinutes: number | null;
}

/** The cohort cell of a place: its grid, else the triage queue it waits in. */
export function cellOf(place: PlaceRef): string {
  if (place.gridCode !== null) return place.gridCode;
  return `triage:${place.community ?? place.district ?? '-'}`;
}

/** The Shanghai day a ticket counts in: the day it arrived. */
export const cohortDay = (ticket: Ticket): string => toShanghaiDateKey(ticket.createdAt);

const minutesBetween = (from: Date, to: Date): number => Math.max(0, Math.round((to.getTime() - from.getTime()) / MINUTE_MS));

function lastOf(timeline: readonly TimelineRecord[], kind: TimelineRecord['kind']): TimelineRecord | undefined {
  for (let i = timeline.length - 1; i >= 0; i--) if (timeline[i]?.kind === kind) return timeline[i];
  return undefined;
}

const isStaffEntry = (e: TimelineRecord | undefined): e is TimelineRecord & { actorOpenid: string } =>
  e !== undefined && e.actorOpenid !== null && e.actorRole !== 'resident' && e.actorRole !== 'system';

export function factsOf(ticket: Ticket): TicketFacts {
  const day = cohortDay(ticket);
  const finished = ticket.status === 'resolved' || (ticket.status === 'closed' && ticket.resolvedAt !== null);
  const resolvedAt = finished ? ticket.resolvedAt : null;
  const rated = ticket.status === 'closed' && ticket.rating !== null;
  const resolveEntry = lastOf(ticket.timeline, 'resolve');
  const acceptEntry = lastOf(ticket.timeline, 'accept');
  const handlerEntry = isStaffEntry(resolveEntry) ? resolveEntry : isStaffEntry(acceptEntry) ? acceptEntry : undefined;
  const escalated = ticket.timeline.some((e) => (e.kind === 'escalate' || e.kind === 'overdue') && e.level !== 'grid');
  return {
    day,
    cell: cellOf(ticket.place),
    place: { ...ticket.place },
    category: ticket.category,
    source: ticket.source,
    department: ticket.departmentCode ?? ticket.dispatchedTo,
    handler: handlerEntry ? handlerEntry.actorOpenid : null,
    handlerTag: handlerEntry
      ? { role: handlerEntry.actorRole as StaffRole, name: handlerEntry.actorName ?? null, at: handlerEntry.at.toISOString() }
      : null,
    counters: {
      received: 1,
      accepted: ticket.acceptedAt !== null ? 1 : 0,
      resolved: ticket.status === 'resolved' ? 1 : 0,
      closed: ticket.status === 'closed' ? 1 : 0,
      rejected: ticket.status === 'rejected' ? 1 : 0,
      withdrawn: ticket.status === 'withdrawn' ? 1 : 0,
      resolvedOnTime: resolvedAt !== null && ticket.resolveBy !== null && resolvedAt.getTime() <= ticket.resolveBy.getTime() ? 1 : 0,
      rated: rated ? 1 : 0,
      satisfied: rated && (ticket.rating === 'satisfied' || ticket.rating === 'basic') ? 1 : 0,
      sameDay: resolvedAt !== null && toShanghaiDateKey(resolvedAt) === day ? 1 : 0,
      escalated: escalated ? 1 : 0,
      resolvedAtGrid: resolvedAt !== null && resolveEntry?.level === 'grid' && resolveEntry.actorRole !== 'deptHandler' ? 1 : 0,
    },
    acceptMinutes: ticket.acceptedAt !== null ? minutesBetween(ticket.createdAt, ticket.acceptedAt) : null,
    resolveMinutes: ticket.acceptedAt !== null && resolvedAt !== null ? minutesBetween(ticket.acceptedAt, resolvedAt) : null,
  };
}

export function emptyTally(): Tally {
  const tally = { acceptMinutes: {}, resolveMinutes: {} } as unknown as Tally;
  for (const name of COUNTER_NAMES) tally[name] = 0;
  return tally;
}

export function emptyBody(): FigureBody {
  return { total: emptyTally(), byCategory: {}, byGrid: {}, bySource: {}, byDepartment: {}, byStaff: {}, staffTags: {} };
}

function addHistogram(into: Histogram, from: Histogram): void {
  for (const minutes in from) into[minutes] = (into[minutes] ?? 0) + (from[minutes] ?? 0);
}

/** Adds `from` into `into` (mutating). */
export function addTally(into: Tally, from: Tally): void {
  for (const name of COUNTER_NAMES) into[name] += from[name];
  addHistogram(into.acceptMinutes, from.acceptMinutes);
  addHistogram(into.resolveMinutes, from.resolveMinutes);
}

function tallyOfFacts(facts: TicketFacts): Tally {
  const tally: Tally = { ...facts.counters, acceptMinutes: {}, resolveMinutes: {} };
  if (facts.acceptMinutes !== null) tally.acceptMinutes[String(facts.acceptMinutes)] = 1;
  if (facts.resolveMinutes !== null) tally.resolveMinutes[String(facts.resolveMinutes)] = 1;
  return tally;
}

function addTo(map: Record<string, Tally>, key: string | null, tally: Tally): void {
  if (key === null) return;
  const slot = map[key] ?? (map[key] = emptyTally());
  addTally(slot, tally);
}

/** Keeps the later of a handler's tags (the earlier ISO time loses; a tie keeps the one held). */
export function addTag(tags: Record<string, StaffTag>, openid: string, tag: StaffTag): void {
  const held = tags[openid];
  if (held === undefined || tag.at > held.at) tags[openid] = { ...tag };
}

/** Adds one ticket's facts into a body (mutating). */
export function addFacts(body: FigureBody, facts: TicketFacts): void {
  const tally = tallyOfFacts(facts);
  addTally(body.total, tally);
  addTo(body.byCategory, facts.category, tally);
  addTo(body.byGrid, facts.place.gridCode, tally);
  addTo(body.bySource, facts.source, tally);
  addTo(body.byDepartment, facts.department, tally);
  addTo(body.byStaff, facts.handler, tally);
  if (facts.handler !== null && facts.handlerTag !== null) addTag(body.staffTags, facts.handler, facts.handlerTag);
}

/** The body of a set of tickets: what a recount gives. */
export function tallyTickets(tickets: Iterable<Ticket>): FigureBody {
  const body = emptyBody();
  for (const ticket of tickets) addFacts(body, factsOf(ticket));
  return body;
}

/** The sum of bodies (cells into an area, days into a period). */
export function mergeBodies(bodies: Iterable<FigureBody>): FigureBody {
  const out = emptyBody();
  const keys = ['byCategory', 'byGrid', 'bySource', 'byDepartment', 'byStaff'] as const;
  for (const body of bodies) {
    addTally(out.total, body.total);
    for (const key of keys) {
      const from = body[key];
      for (const k in from) {
        const tally = from[k];
        if (tally) addTo(out[key], k, tally);
      }
    }
    for (const openid in body.staffTags) {
      const tag = body.staffTags[openid];
      if (tag) addTag(out.staffTags, openid, tag);
    }
  }
  return out;
}

// ---- summaries ----

/** The figures of one area and period, exactly as the contract's stats.summary answers them. */
export type Block = Api.StatsBlock;

/** The exact median of the minutes in a histogram (the mean of the middle two for an even count). */
export function median(histogram: Histogram): number | null {
  const entries = Object.entries(histogram)
    .map(([m, n]) => [Number(m), n] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0] - b[0]);
  const count = entries.reduce((sum, [, n]) => sum + n, 0);
  if (count === 0) return null;
  const at = (rank: number): number => {
    let seen = 0;
    for (const [minutes, n] of entries) {
      seen += n;
      if (rank < seen) return minutes;
    }
    return entries[entries.length - 1]?.[0] ?? 0;
  };
  return count % 2 === 1 ? at((count - 1) / 2) : (at(count / 2 - 1) + at(count / 2)) / 2;
}

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

/** 办结率 = (resolved + closed) / accepted; 按时办结率 over the finished; 满意率 over the rated. */
export function summarize(t: Tally, openOverdue: number): Block {
  // Closed tickets were always resolved first (rating and auto-close start from resolved).
  const finished = t.resolved + t.closed;
  return {
    received: t.received,
    accepted: t.accepted,
    resolved: t.resolved,
    closed: t.closed,
    rejected: t.rejected,
    closureRate: ratio(finished, t.accepted),
    onTimeRate: ratio(t.resolvedOnTime, finished),
    satisfactionRate: ratio(t.satisfied, t.rated),
    sameDayRate: ratio(t.sameDay, t.received - t.withdrawn),
    escalated: t.escalated,
    gridResolvedRate: ratio(t.resolvedAtGrid, finished),
    medianAcceptMinutes: median(t.acceptMinutes),
    medianResolveMinutes: median(t.resolveMinutes),
    openOverdue,
  };
}
