// Builders for domain and use-case tests: a valid domain Ticket in any status, level and place
// (with the timestamps, deadlines and timeline that status implies), actors by role and scope,
// and an SlaRules fake that records what the lifecycle asked it for.
import type { MoveContext, SlaRules } from '../../cloudfunctions/_core/domain/lifecycle';
import type {
  Actor,
  Complexity,
  Level,
  PlaceRef,
  Role,
  Scope,
  SlaProfile,
  Ticket,
  TicketStatus,
  TimelineKind,
  TimelineRecord,
} from '../../cloudfunctions/_core/domain/types';

// ---- time ----

export const MINUTE = 60 * 1000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Friday 2026-11-20 10:00 in Shanghai (02:00 UTC): the default submission instant. */
export const T0 = new Date('2026-11-20T02:00:00.000Z');

/** `base` moved by `ms` milliseconds, as a new Date. */
export const after = (base: Date, ms: number): Date => new Date(base.getTime() + ms);

// ---- places ----

export const DISTRICT = '示例区';
export const OTHER_DISTRICT = '邻区';

/** Four grids: two in 和平社区, one in 幸福社区 (both 东湖街道), one in 光明社区 of 西山街道. */
export const GRIDS = {
  G101: { gridCode: 'G101', gridName: '和平一网格', community: '和平社区', street: '东湖街道', district: DISTRICT },
  G102: { gridCode: 'G102', gridName: '和平二网格', community: '和平社区', street: '东湖街道', district: DISTRICT },
  G201: { gridCode: 'G201', gridName: '幸福一网格', community: '幸福社区', street: '东湖街道', district: DISTRICT },
  G301: { gridCode: 'G301', gridName: '光明一网格', community: '光明社区', street: '西山街道', district: DISTRICT },
} as const satisfies Record<string, PlaceRef>;
export type GridKey = keyof typeof GRIDS;

export function placeOf(grid: GridKey): PlaceRef {
  return { ...GRIDS[grid] };
}

/** The departments the tests dispatch to. */
export const DEPT = { sanitation: 'DEPT-SAN', water: 'DEPT-WATER' } as const;

// ---- actors ----

export const REPORTER_OPENID = 'o-reporter';

function scopeLabel(scope: Scope | null): string {
  if (!scope) return 'all';
  if ('grids' in scope) return scope.grids.join('+');
  return Object.values(scope).join('');
}

/** Any actor; the openid defaults to `role@scope`, so two actors built alike are the same person. */
export function actor(role: Role, scope: Scope | null = null, openid?: string): Actor {
  return { role, scope, openid: openid ?? `${role}@${scopeLabel(scope)}` };
}

export const actors = {
  /** The resident who filed the default ticket. */
  reporter: (): Actor => actor('resident', null, REPORTER_OPENID),
  resident: (openid = 'o-neighbour'): Actor => actor('resident', null, openid),
  gridWorker: (...grids: string[]): Actor => actor('gridWorker', { grids: grids.length > 0 ? grids : ['G101'] }),
  communityAdmin: (community = '和平社区'): Actor => actor('communityAdmin', { community }),
  streetAdmin: (street = '东湖街道'): Actor => actor('streetAdmin', { street }),
  districtAdmin: (district: string = DISTRICT): Actor => actor('districtAdmin', { district }),
  deptHandler: (department: string = DEPT.sanitation): Actor => actor('deptHandler', { department }),
  superAdmin: (): Actor => actor('superAdmin', null, 'super-admin'),
};

// ---- tickets ----

export interface TicketSpec extends Partial<Omit<Ticket, 'place'>> {
  /** A grid of GRIDS, or a place (merged over G101's). */
  place?: GridKey | Partial<PlaceRef>;
}

interface Step {
  kind: TimelineKind;
  to: TicketStatus;
  at: Date;
  role: Role;
  openid: string;
}

/**
 * A valid ticket: by default submitted by REPORTER_OPENID at T0 in grid G101, level `grid`.
 * Give `status` (and `level`, `place`, `departmentCode`, `rating`…) and the fields that status
 * implies follow: accepted an hour after submission, resolved an hour later, closed (rated
 * 满意 unless `rating` says otherwise) an hour after that; rejected/withdrawn an hour after
 * submission. Deadlines follow the lifecycle: acceptBy kept after acceptance, both cleared
 * once resolved, rejected or withdrawn. Any field given in `overrides` wins as given.
 */
export function ticketBuilder(overrides: TicketSpec = {}): Ticket {
  const { place: placeSpec, ...fields } = overrides;
  const status: TicketStatus = fields.status ?? 'submitted';
  const level: Level = fields.level ?? 'grid';
  const createdAt = fields.createdAt ?? T0;
  const profile: SlaProfile = fields.profile ?? 'normal';
  const place: PlaceRef = typeof placeSpec === 'string' ? placeOf(placeSpec) : { ...placeOf('G101'), ...(placeSpec ?? {}) };
  const departmentCode = fields.departmentCode ?? null;
  const reporterOpenid = fields.reporterOpenid ?? REPORTER_OPENID;

  const h = (n: number): Date => after(createdAt, n * HOUR);
  const accepted = status === 'accepted' || status === 'resolved' || status === 'closed';
  const resolved = status === 'resolved' || status === 'closed';
  const ended = status === 'closed' || status === 'rejected' || status === 'withdrawn';
  const rating = fields.rating !== undefined ? fields.rating : status === 'closed' ? 'satisfied' : null;
  const complexity: Complexity | null = accepted ? 'normal' : null;

  const handler = actors.gridWorker(place.gridCode ?? 'G101');
  const steps: Step[] = [];
  if (accepted) steps.push({ kind: 'accept', to: 'accepted', at: h(1), role: handler.role, openid: handler.openid });
  if (accepted && departmentCode !== null) {
    steps.push({ kind: 'dispatch', to: 'accepted', at: h(1.5), role: handler.role, openid: handler.openid });
  }
  if (resolved) {
    const by = departmentCode !== null ? actors.deptHandler(departmentCode) : handler;
    steps.push({ kind: 'resolve', to: 'resolved', at: h(2), role: by.role, openid: by.openid });
  }
  if (status === 'closed') {
    steps.push(
      rating !== null
        ? { kind: 'rate', to: 'closed', at: h(3), role: 'resident', openid: reporterOpenid }
        : { kind: 'close', to: 'closed', at: h(3), role: 'resident', openid: reporterOpenid },
    );
  }
  if (status === 'rejected') steps.push({ kind: 'reject', to: 'rejected', at: h(1), role: handler.role, openid: handler.openid });
  if (status === 'withdrawn') steps.push({ kind: 'withdraw', to: 'withdrawn', at: h(1), role: 'resident', openid: reporterOpenid });

  const timeline: TimelineRecord[] = [
    {
      at: createdAt,
      kind: 'submit',
      actorRole: 'resident',
      actorOpenid: reporterOpenid,
      fromStatus: null,
      toStatus: 'submitted',
      level,
      note: null,
      photos: [],
    },
  ];
  let from: TicketStatus = 'submitted';
  for (const step of steps) {
    const system = step.kind === 'close';
    timeline.push({
      at: step.at,
      kind: step.kind,
      actorRole: system ? 'system' : step.role,
      actorOpenid: system ? null : step.openid,
      fromStatus: from,
      toStatus: step.to,
      level,
      note: null,
      photos: [],
    });
    from = step.to;
  }
  const last = timeline[timeline.length - 1] as TimelineRecord;

  const base: Ticket = {
    id: 'ticket-1',
    no: '20261120-0001',
    version: timeline.length,
    reporterOpenid,
    source: 'resident',
    claimantOpenid: null,
    claimCode: null,
    followers: [],
    reporterName: null,
    contactPhone: '13812341234',
    category: 'sanitation',
    profile,
    kind: 'complaint',
    description: '楼道里堆满了垃圾，好几天没人清理',
    photos: [],
    location: { latitude: 31.2304, longitude: 121.4737, address: '和平路 1 号' },
    place,
    level,
    departmentCode,
    dispatchedTo: departmentCode,
    status,
    complexity,
    createdAt,
    updatedAt: last.at,
    acceptedAt: accepted ? h(1) : null,
    resolvedAt: resolved ? h(2) : null,
    closedAt: status === 'closed' ? h(3) : ended ? h(1) : null,
    acceptBy: status === 'submitted' || status === 'accepted' ? after(createdAt, DAY) : null,
    resolveBy: status === 'accepted' ? after(h(1), 3 * DAY) : null,
    overdue: false,
    overdueHandledFor: null,
    result: resolved ? '已清理完毕' : null,
    resultPhotos: [],
    rating,
    ratingComment: null,
    transferCount: 0,
    reopenCount: 0,
    timeline,
  };
  return { ...base, ...fields, place, level, status, rating };
}

// ---- SLA ----

export type SlaCall =
  { rule: 'acceptBy'; from: Date; profile: SlaProfile } | { rule: 'resolveBy'; from: Date; complexity: Complexity; profile: SlaProfile };

export interface RecordingSla extends SlaRules {
  readonly calls: SlaCall[];
}

/** Plain-arithmetic deadlines the tests can predict (see expectedAcceptBy / expectedResolveBy). */
export function expectedAcceptBy(from: Date, profile: SlaProfile): Date {
  return after(from, profile === 'urgent' ? 30 * MINUTE : DAY);
}
export function expectedResolveBy(from: Date, complexity: Complexity, profile: SlaProfile): Date {
  return after(from, profile === 'urgent' ? DAY : complexity === 'complex' ? 5 * DAY : 3 * DAY);
}

/** An SlaRules that answers with plain arithmetic and records every call. */
export function recordingSla(): RecordingSla {
  const calls: SlaCall[] = [];
  return {
    calls,
    acceptBy(from, profile) {
      calls.push({ rule: 'acceptBy', from, profile });
      return expectedAcceptBy(from, profile);
    },
    resolveBy(from, complexity, profile) {
      calls.push({ rule: 'resolveBy', from, complexity, profile });
      return expectedResolveBy(from, complexity, profile);
    },
  };
}

/** A MoveContext for a transition, with a fresh recording SLA unless one is given. */
export function moveContext(
  by: Actor | 'system',
  now: Date = after(T0, DAY),
  sla: RecordingSla = recordingSla(),
): MoveContext & { sla: RecordingSla } {
  return { actor: by, now, sla };
}
