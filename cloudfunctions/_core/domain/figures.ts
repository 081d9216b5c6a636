// The figures of DOMAIN.md, kept as rollups by cohort: a rollup holds the tickets received on one
// Shanghai day, in one grid (or triage place), of one category, counted by where they are now.
// Every transition moves a ticket's contribution (subtract the old, add the new), so a rollup is
// always the exact sum of its tickets — and summaries read rollups, never every ticket.
import { toShanghaiDateKey } from './calendar';
import type { Ticket } from './types';

export interface Contribution {
  received: number;
  accepted: number;
  resolved: number;
  closed: number;
  rejected: number;
  withdrawn: number;
  /** Resolved or closed after a resolution that met its deadline. */
  resolvedOnTime: number;
  /** Rated 满意 / 基本满意 / 不满意; auto-closed tickets are unrated, never satisfied. */
  rated: number;
  satisfied: number;
}

export const COUNTERS: readonly (keyof Contribution)[] = [
  'received',
  'accepted',
  'resolved',
  'closed',
  'rejected',
  'withdrawn',
  'resolvedOnTime',
  'rated',
  'satisfied',
];

export interface RollupKey {
  day: string;
  gridCode: string | null;
  community: string | null;
  street: string | null;
  district: string | null;
  category: string;
}

export interface Rollup extends RollupKey, Contribution {
  /** Minutes from submission to acceptance, per ticket id (exact medians, re-acceptance replaces). */
  acceptMinutes: Record<string, number>;
  /** Minutes from acceptance to resolution, per ticket id. */
  resolveMinutes: Record<string, number>;
}

export function rollupKeyOf(ticket: Ticket): RollupKey {
  return {
    day: toShanghaiDateKey(ticket.createdAt),
    gridCode: ticket.place.gridCode,
    community: ticket.place.community,
    street: ticket.place.street,
    district: ticket.place.district,
    category: ticket.category,
  };
}

/** A stable document id for a rollup key. */
export function rollupId(key: RollupKey): string {
  const place = key.gridCode ?? `${key.community ?? key.street ?? key.district ?? 'none'}-triage`;
  return `${key.day.replace(/-/g, '')}|${place}|${key.category}`;
}

const MINUTE_MS = 60 * 1000;

function wasResolvedOnTime(ticket: Ticket): boolean {
  return ticket.resolvedAt !== null && ticket.resolveBy !== null && ticket.resolvedAt.getTime() <= ticket.resolveBy.getTime();
}

/** What one ticket adds to its rollup in its current state. */
export function contributionOf(ticket: Ticket): Contribution {
  const resolvedNow = ticket.status === 'resolved';
  const closedAfterResolution = ticket.status === 'closed' && ticket.resolvedAt !== null;
  const rated = ticket.rating !== null && ticket.status === 'closed';
  return {
    received: 1,
    accepted: ticket.acceptedAt !== null ? 1 : 0,
    resolved: resolvedNow ? 1 : 0,
    closed: ticket.status === 'closed' ? 1 : 0,
    rejected: ticket.status === 'rejected' ? 1 : 0,
    withdrawn: ticket.status === 'withdrawn' ? 1 : 0,
    resolvedOnTime: (resolvedNow || closedAfterResolution) && wasResolvedOnTime(ticket) ? 1 : 0,
    rated: rated ? 1 : 0,
    satisfied: rated && (ticket.rating === 'satisfied' || ticket.rating === 'basic') ? 1 : 0,
  };
}

export function emptyRollup(key: RollupKey): Rollup {
  const zero = Object.fromEntries(COUNTERS.map((c) => [c, 0])) as unknown as Contribution;
  return { ...key, ...zero, acceptMinutes: {}, resolveMinutes: {} };
}

/** Adds (sign 1) or removes (sign -1) one ticket's contribution. */
export function applyContribution(rollup: Rollup, ticket: Ticket, sign: 1 | -1): Rollup {
  const c = contributionOf(ticket);
  const next: Rollup = { ...rollup, acceptMinutes: { ...rollup.acceptMinutes }, resolveMinutes: { ...rollup.resolveMinutes } };
  for (const counter of COUNTERS) next[counter] = rollup[counter] + sign * c[counter];
  delete next.acceptMinutes[ticket.id];
  delete next.resolveMinutes[ticket.id];
  if (sign === 1) {
    if (ticket.acceptedAt) {
      next.acceptMinutes[ticket.id] = Math.max(0, Math.round((ticket.acceptedAt.getTime() - ticket.createdAt.getTime()) / MINUTE_MS));
    }
    if (ticket.acceptedAt && ticket.resolvedAt) {
      next.resolveMinutes[ticket.id] = Math.max(0, Math.round((ticket.resolvedAt.getTime() - ticket.acceptedAt.getTime()) / MINUTE_MS));
    }
  }
  return next;
}

export interface RollupChange {
  id: string;
  key: RollupKey;
  update(current: Rollup | null): Rollup;
}

/**
 * The rollup documents a transition touches: the ticket leaves its old cohort rollup and joins
 * its new one (the same document unless a transfer moved it to another grid).
 */
export function rollupChanges(before: Ticket | null, after: Ticket): RollupChange[] {
  const afterKey = rollupKeyOf(after);
  const afterId = rollupId(afterKey);
  if (!before) {
    return [{ id: afterId, key: afterKey, update: (current) => applyContribution(current ?? emptyRollup(afterKey), after, 1) }];
  }
  const beforeKey = rollupKeyOf(before);
  const beforeId = rollupId(beforeKey);
  if (beforeId === afterId) {
    return [
      {
        id: afterId,
        key: afterKey,
        update: (current) => applyContribution(applyContribution(current ?? emptyRollup(afterKey), before, -1), after, 1),
      },
    ];
  }
  return [
    { id: beforeId, key: beforeKey, update: (current) => applyContribution(current ?? emptyRollup(beforeKey), before, -1) },
    { id: afterId, key: afterKey, update: (current) => applyContribution(current ?? emptyRollup(afterKey), after, 1) },
  ];
}

// ---- summaries ----

/** The figures of one area and period, exactly as the contract's stats.summary answers them. */
export type Block = Api.StatsBlock;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

/** Sums rollups into the figures: 办结率 = (resolved + closed-after-resolution) / accepted, etc. */
export function summarize(rollups: readonly Rollup[], openOverdue: number): Block {
  const sum = emptyRollup({ day: '', gridCode: null, community: null, street: null, district: null, category: '' });
  const acceptSamples: number[] = [];
  const resolveSamples: number[] = [];
  for (const r of rollups) {
    for (const counter of COUNTERS) sum[counter] += r[counter];
    acceptSamples.push(...Object.values(r.acceptMinutes));
    resolveSamples.push(...Object.values(r.resolveMinutes));
  }
  // Closed tickets were always resolved first (rating and auto-close start from resolved).
  const finished = sum.resolved + sum.closed;
  return {
    received: sum.received,
    accepted: sum.accepted,
    resolved: sum.resolved,
    closed: sum.closed,
    rejected: sum.rejected,
    closureRate: ratio(finished, sum.accepted),
    onTimeRate: ratio(sum.resolvedOnTime, finished),
    satisfactionRate: ratio(sum.satisfied, sum.rated),
    medianAcceptMinutes: median(acceptSamples),
    medianResolveMinutes: median(resolveSamples),
    openOverdue,
  };
}
