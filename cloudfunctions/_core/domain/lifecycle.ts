// The ticket lifecycle of DOMAIN.md as one table: for each move, the states it starts from,
// who may make it and the extra guards. Every transition is a pure function from a ticket to
// the next ticket (new timeline entry, deadlines set or cleared); anything else is CONFLICT.
import { canSee, isResponsible, isSupervisor, levelAbove } from './responsibility';
import type {
  Actor,
  Complexity,
  Level,
  Rating,
  SlaProfile,
  Ticket,
  TicketAction,
  TicketNote,
  TicketStatus,
  TimelineKind,
  TimelineRecord,
} from './types';
import { DAY_MS } from './time-units';

/** The relation an actor holds to a ticket, which is what the table grants moves to. */
export type Relation = 'reporter' | 'responsible' | 'department' | 'supervisor';

export interface MoveRule {
  from: readonly TicketStatus[];
  by: readonly Relation[];
}

/** One row per move a user can make (the system's close and overdue sweep are below). */
export const LIFECYCLE: Readonly<Record<TicketAction, MoveRule>> = {
  withdraw: { from: ['submitted'], by: ['reporter'] },
  accept: { from: ['submitted'], by: ['responsible'] },
  reject: { from: ['submitted', 'accepted'], by: ['responsible'] },
  transfer: { from: ['submitted', 'accepted'], by: ['responsible'] },
  dispatch: { from: ['accepted'], by: ['responsible'] },
  escalate: { from: ['submitted', 'accepted'], by: ['responsible'] },
  resolve: { from: ['accepted'], by: ['responsible', 'department'] },
  return: { from: ['accepted'], by: ['department'] },
  rate: { from: ['resolved'], by: ['reporter'] },
  reopen: { from: ['resolved', 'closed'], by: ['reporter'] },
  supervise: { from: ['submitted', 'accepted'], by: ['supervisor'] },
};

export const TICKET_ACTIONS = Object.keys(LIFECYCLE) as TicketAction[];

/** Days after resolution during which 不满意 may ask for 重办 and an unrated ticket stays open to rating. */
export const REOPEN_WINDOW_DAYS = 7;
export const AUTO_CLOSE_DAYS = 7;

export function relationsOf(ticket: Ticket, actor: Actor): Set<Relation> {
  const relations = new Set<Relation>();
  if (ticket.reporterOpenid === actor.openid || ticket.claimantOpenid === actor.openid) relations.add('reporter');
  if (ticket.departmentCode === null && actor.role !== 'deptHandler' && isResponsible(ticket, actor)) {
    relations.add('responsible');
  }
  if (ticket.departmentCode !== null && actor.role === 'deptHandler' && isResponsible(ticket, actor)) {
    relations.add('department');
  }
  if (isSupervisor(ticket, actor)) relations.add('supervisor');
  return relations;
}

export type Verdict = { ok: true } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT' | 'NOT_FOUND' };

/** Guards beyond state and role: they make a move a CONFLICT, like a wrong state. */
function guardHolds(ticket: Ticket, action: TicketAction, now: Date): boolean {
  switch (action) {
    case 'escalate':
      return levelAbove(ticket.level) !== null;
    case 'dispatch':
      return ticket.departmentCode === null;
    case 'return':
      return ticket.departmentCode !== null;
    case 'reopen':
      return (
        ticket.reopenCount === 0 &&
        ticket.rating === 'unsatisfied' &&
        ticket.resolvedAt !== null &&
        now.getTime() - ticket.resolvedAt.getTime() <= REOPEN_WINDOW_DAYS * DAY_MS
      );
    case 'rate':
      return ticket.rating === null;
    default:
      return true;
  }
}

/**
 * May this actor make this move now? NOT_FOUND when the ticket is not theirs to see,
 * FORBIDDEN when their relation to it never allows the move, CONFLICT when the ticket's
 * state (or a guard) does not allow it now.
 */
export function judge(ticket: Ticket, actor: Actor, action: TicketAction, now: Date): Verdict {
  if (!canSee(ticket, actor)) return { ok: false, code: 'NOT_FOUND' };
  // Staff never rate (or ask to redo) what they filed themselves (代报, patrol finds): only the
  // resident a ticket is about may judge its outcome — its reporter, or who claimed the 代报.
  if ((action === 'rate' || action === 'reopen') && residentOf(ticket) !== actor.openid) return { ok: false, code: 'FORBIDDEN' };
  const rule = LIFECYCLE[action];
  const relations = relationsOf(ticket, actor);
  const related = rule.by.some((r) => relations.has(r));
  if (!related) {
    // A grid worker whose ticket moved up a level is no longer responsible: that is a state
    // change, not a permission they never had. A department handler never is: departments
    // only resolve or return what was dispatched to them.
    const couldBeResponsible = rule.by.includes('responsible') && actor.role !== 'resident' && actor.role !== 'deptHandler';
    const couldBeDepartment = rule.by.includes('department') && actor.role === 'deptHandler';
    return { ok: false, code: couldBeResponsible || couldBeDepartment ? 'CONFLICT' : 'FORBIDDEN' };
  }
  if (!rule.from.includes(ticket.status) || !guardHolds(ticket, action, now)) {
    return { ok: false, code: 'CONFLICT' };
  }
  return { ok: true };
}

export function allowedActions(ticket: Ticket, actor: Actor, now: Date): TicketAction[] {
  return TICKET_ACTIONS.filter((action) => judge(ticket, actor, action, now).ok);
}

// ---- transitions ----

/** Deadline rules come from the work calendar; the lifecycle only says when to apply them. */
export interface SlaRules {
  acceptBy(from: Date, profile: SlaProfile): Date;
  resolveBy(from: Date, complexity: Complexity, profile: SlaProfile): Date;
}

export interface MoveContext {
  actor: Actor | 'system';
  now: Date;
  sla: SlaRules;
}

export interface EntryInput {
  kind: TimelineKind;
  toStatus: TicketStatus;
  level?: Level;
  note?: string | null;
  photos?: string[];
}

function entry(ticket: Ticket, ctx: MoveContext, input: EntryInput): TimelineRecord {
  return {
    at: ctx.now,
    kind: input.kind,
    actorRole: ctx.actor === 'system' ? 'system' : ctx.actor.role,
    actorOpenid: ctx.actor === 'system' ? null : ctx.actor.openid,
    actorName: ctx.actor === 'system' || ctx.actor.role === 'resident' ? null : (ctx.actor.name ?? null),
    fromStatus: ticket.status,
    toStatus: input.toStatus,
    level: input.level ?? ticket.level,
    note: input.note ?? null,
    photos: input.photos ?? [],
  };
}

function next(ticket: Ticket, ctx: MoveContext, patch: Partial<Ticket>, e: EntryInput): Ticket {
  const moved: Ticket = { ...ticket, ...patch };
  return {
    ...moved,
    version: ticket.version + 1,
    updatedAt: ctx.now,
    timeline: [...ticket.timeline, entry(ticket, ctx, e)],
  };
}

/** A change with the lifecycle's bookkeeping (version + 1, updatedAt, one timeline entry), for rules kept beside the table (domain/urge.ts). */
export const recordChange = next;

/** The deadline for the step the ticket waits on now, as a new owner takes it over. */
function freshDeadlines(ticket: Ticket, ctx: MoveContext): Pick<Ticket, 'acceptBy' | 'resolveBy' | 'overdue'> {
  if (ticket.status === 'submitted') {
    return { acceptBy: ctx.sla.acceptBy(ctx.now, ticket.profile), resolveBy: null, overdue: false };
  }
  return {
    acceptBy: ticket.acceptBy,
    resolveBy: ctx.sla.resolveBy(ctx.now, ticket.complexity ?? 'normal', ticket.profile),
    overdue: false,
  };
}

export function withdraw(ticket: Ticket, ctx: MoveContext, reason: string | null): Ticket {
  return next(
    ticket,
    ctx,
    { status: 'withdrawn', acceptBy: null, resolveBy: null, overdue: false, closedAt: ctx.now },
    { kind: 'withdraw', toStatus: 'withdrawn', note: reason },
  );
}

/** What a new report brings; everything else about a new ticket follows from it. */
export interface NewReport {
  id: string;
  no: string;
  reporter: Actor;
  source: Ticket['source'];
  reporterName: string | null;
  contactPhone: string | null;
  category: { code: string; profile: SlaProfile };
  kind: Ticket['kind'];
  description: string;
  photos: string[];
  location: Ticket['location'];
  place: Ticket['place'];
  level: Level;
  /** The routing note for a report that did not land inside a grid. */
  note: string | null;
  /** For a 代报: the code the resident claims it with. */
  claimCode: string | null;
}

/** The resident a ticket is about: its reporter, the claimant of a 代报, or nobody (patrol, unclaimed 代报). */
export function residentOf(ticket: Ticket): string | null {
  if (ticket.source === 'resident') return ticket.reporterOpenid;
  if (ticket.source === 'proxy') return ticket.claimantOpenid;
  return null;
}

/** The residents who hear how it goes: the one it is about and those who follow it. */
export function residentsOf(ticket: Ticket): string[] {
  const resident = residentOf(ticket);
  return [...new Set([...(resident !== null ? [resident] : []), ...ticket.followers])];
}

/** A submitted ticket: routed, with its acceptance deadline and the first timeline entry. */
export function openTicket(report: NewReport, ctx: { now: Date; sla: SlaRules }): Ticket {
  const { now } = ctx;
  return {
    id: report.id,
    no: report.no,
    version: 1,
    reporterOpenid: report.reporter.openid,
    source: report.source,
    claimantOpenid: null,
    claimCode: report.source === 'proxy' ? report.claimCode : null,
    followers: [],
    reporterName: report.reporterName,
    contactPhone: report.contactPhone,
    category: report.category.code,
    profile: report.category.profile,
    kind: report.kind,
    description: report.description,
    photos: report.photos,
    location: report.location,
    place: report.place,
    level: report.level,
    departmentCode: null,
    dispatchedTo: null,
    status: 'submitted',
    complexity: null,
    createdAt: now,
    updatedAt: now,
    acceptedAt: null,
    resolvedAt: null,
    closedAt: null,
    acceptBy: ctx.sla.acceptBy(now, report.category.profile),
    resolveBy: null,
    overdue: false,
    overdueHandledFor: null,
    result: null,
    resultPhotos: [],
    rating: null,
    ratingComment: null,
    transferCount: 0,
    reopenCount: 0,
    timeline: [
      {
        at: now,
        kind: 'submit',
        actorRole: report.reporter.role,
        actorOpenid: report.reporter.openid,
        fromStatus: null,
        toStatus: 'submitted',
        level: report.level,
        note: report.note,
        photos: [],
      },
    ],
  };
}

export function accept(ticket: Ticket, ctx: MoveContext, complexity: Complexity): Ticket {
  return next(
    ticket,
    ctx,
    {
      status: 'accepted',
      complexity,
      acceptedAt: ctx.now,
      resolveBy: ctx.sla.resolveBy(ctx.now, complexity, ticket.profile),
      overdue: false,
    },
    { kind: 'accept', toStatus: 'accepted', note: complexity === 'complex' ? '复杂事项' : null },
  );
}

export function reject(ticket: Ticket, ctx: MoveContext, reason: string, duplicateOf: string | null): Ticket {
  const note = duplicateOf ? `${reason}（重复：${duplicateOf}）` : reason;
  return next(
    ticket,
    ctx,
    { status: 'rejected', acceptBy: null, resolveBy: null, overdue: false, closedAt: ctx.now },
    { kind: 'reject', toStatus: 'rejected', note },
  );
}

/** The second transfer of one ticket goes to its community, so no ticket ping-pongs between grids. */
export function transfer(
  ticket: Ticket,
  ctx: MoveContext,
  target: { gridCode: string; gridName: string; community: string | null; street: string | null; district: string | null },
  reason: string,
): Ticket {
  const toCommunity = ticket.transferCount >= 1;
  const place = toCommunity
    ? { ...ticket.place, gridCode: ticket.place.gridCode, gridName: ticket.place.gridName }
    : {
        gridCode: target.gridCode,
        gridName: target.gridName,
        community: target.community,
        street: target.street,
        district: target.district,
      };
  const level: Level = toCommunity ? 'community' : 'grid';
  const moved: Ticket = { ...ticket, status: 'submitted', place, level };
  return next(
    ticket,
    ctx,
    {
      status: 'submitted',
      place,
      level,
      transferCount: ticket.transferCount + 1,
      complexity: null,
      acceptedAt: null,
      ...freshDeadlines(moved, ctx),
    },
    { kind: 'transfer', toStatus: 'submitted', level, note: toCommunity ? `${reason}（多次转派，交由社区处理）` : reason },
  );
}

export function dispatch(ticket: Ticket, ctx: MoveContext, departmentCode: string, note: string | null): Ticket {
  return next(ticket, ctx, { departmentCode, dispatchedTo: departmentCode }, { kind: 'dispatch', toStatus: 'accepted', note });
}

/** A returned ticket goes back to the level that dispatched it, still accepted. */
export function returnToSender(ticket: Ticket, ctx: MoveContext, reason: string): Ticket {
  return next(ticket, ctx, { departmentCode: null }, { kind: 'return', toStatus: 'accepted', note: reason });
}

/** 吹哨: the level above now owns the same step, with a new deadline for it. */
export function escalate(ticket: Ticket, ctx: MoveContext, reason: string, kind: 'escalate' | 'overdue' = 'escalate'): Ticket {
  const level = levelAbove(ticket.level);
  if (level === null) throw new Error('district is the top level');
  const moved: Ticket = { ...ticket, level, departmentCode: null };
  return next(
    ticket,
    ctx,
    { level, departmentCode: null, ...freshDeadlines(moved, ctx), overdue: kind === 'overdue' },
    { kind, toStatus: ticket.status, level, note: reason },
  );
}

/** The resolution deadline is kept (not cleared) so figures can tell on-time from late. */
export function resolve(ticket: Ticket, ctx: MoveContext, result: string, photos: string[]): Ticket {
  return next(
    ticket,
    ctx,
    { status: 'resolved', result, resultPhotos: photos, resolvedAt: ctx.now },
    { kind: 'resolve', toStatus: 'resolved', note: result, photos },
  );
}

/** Rated tickets close at once; 不满意 leaves the door open to one 重办. */
export function rate(ticket: Ticket, ctx: MoveContext, rating: Rating, comment: string | null): Ticket {
  return next(
    ticket,
    ctx,
    { status: 'closed', rating, ratingComment: comment, closedAt: ctx.now },
    { kind: 'rate', toStatus: 'closed', note: comment ? `${RATING_LABEL[rating]}：${comment}` : RATING_LABEL[rating] },
  );
}

export const RATING_LABEL: Readonly<Record<Rating, string>> = {
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
};

/**
 * 重办: back to the same handler, accepted, with a new resolution deadline. The 不满意 that led
 * here stays in the timeline; the ticket itself is unrated again, so its second resolution can
 * be rated (and close) like the first.
 */
export function reopen(ticket: Ticket, ctx: MoveContext, reason: string): Ticket {
  return next(
    ticket,
    ctx,
    {
      status: 'accepted',
      reopenCount: ticket.reopenCount + 1,
      resolvedAt: null,
      closedAt: null,
      rating: null,
      ratingComment: null,
      resolveBy: ctx.sla.resolveBy(ctx.now, ticket.complexity ?? 'normal', ticket.profile),
      overdue: false,
    },
    { kind: 'reopen', toStatus: 'accepted', note: reason },
  );
}

const LEVEL_LABEL: Readonly<Record<Level, string>> = { grid: '网格', community: '社区', street: '街道', district: '区' };

/**
 * The SLA sweep's move on a ticket whose current deadline passed: marked overdue, escalated one
 * level (the level above owns the same step with a new deadline) — or, at the district, marked
 * and supervised in place. Null when this deadline was already handled (a second sweep).
 */
export function sweepOverdue(ticket: Ticket, ctx: MoveContext): Ticket | null {
  const deadline = currentDeadline(ticket);
  if (deadline === null || deadline.getTime() >= ctx.now.getTime()) return null;
  if (ticket.overdueHandledFor !== null && ticket.overdueHandledFor.getTime() === deadline.getTime()) return null;
  const missed = ticket.status === 'submitted' ? '超时未受理' : '超时未办结';
  const up = levelAbove(ticket.level);
  if (up !== null) {
    const escalated = escalate(ticket, ctx, `${missed}，自动上报${LEVEL_LABEL[up]}并督办`, 'overdue');
    return { ...escalated, overdueHandledFor: deadline };
  }
  return next(
    ticket,
    ctx,
    { overdue: true, overdueHandledFor: deadline },
    { kind: 'overdue', toStatus: ticket.status, note: `${missed}，已督办` },
  );
}

export function supervise(ticket: Ticket, ctx: MoveContext, note: string): Ticket {
  return next(ticket, ctx, {}, { kind: 'supervise', toStatus: ticket.status, note });
}

/** A note that moves nothing (domain/notes.ts): the phone revealed to call the resident, a 督办 answered. */
export function annotate(ticket: Ticket, ctx: MoveContext, kind: TicketNote, note: string | null): Ticket {
  return next(ticket, ctx, {}, { kind, toStatus: ticket.status, note });
}

export function autoClose(ticket: Ticket, ctx: MoveContext): Ticket {
  return next(
    ticket,
    ctx,
    { status: 'closed', closedAt: ctx.now },
    { kind: 'close', toStatus: 'closed', note: '超过 7 天未评价，自动归档' },
  );
}

/** The deadline the ticket waits on now, or null when nothing is due. */
export function currentDeadline(ticket: Ticket): Date | null {
  if (ticket.status === 'submitted') return ticket.acceptBy;
  if (ticket.status === 'accepted') return ticket.resolveBy;
  return null;
}
